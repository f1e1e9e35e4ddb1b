// Unique ids for sessions and log records: randomUUID exists only in secure contexts (https, localhost), getRandomValues everywhere.
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
