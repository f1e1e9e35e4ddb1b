// Tiny --flag value parser for the Node entry points; unknown flags are errors, not silently ignored.
export function parseArgs(argv: string[], known: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`Unexpected argument '${a}' (flags look like --name value).`);
    const [key, inline] = a.slice(2).split('=', 2);
    if (!known.includes(key)) throw new Error(`Unknown flag --${key}. Known: ${known.map((k) => `--${k}`).join(', ')}.`);
    const value = inline ?? argv[i + 1];
    if (inline === undefined) {
      if (value === undefined || value.startsWith('--')) throw new Error(`Flag --${key} needs a value.`);
      i++;
    }
    out[key] = value;
  }
  return out;
}
