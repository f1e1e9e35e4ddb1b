// Pure helpers of the session slice: default names, and whether a link asks for other settings than a saved session.
import { parseUrl, SETTING_KEYS, type LabSettings } from './urlState';

export const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export function defaultSessionName(dataset: string, t: number): string {
  const d = new Date(t);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${dataset} ${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A name the page gave (dataset + date), not one the person typed: it follows the dataset when the data change. */
export function isDefaultName(name: string, dataset: string): boolean {
  return name.startsWith(`${dataset} `) && /^\d{4}-\d\d-\d\d \d\d:\d\d$/.test(name.slice(dataset.length + 1));
}

/** Settings named in the link that differ from a saved session's (the link wins: a fresh session). */
export function linkDiffers(search: string, saved: LabSettings): boolean {
  const params = new URLSearchParams(search);
  const { settings } = parseUrl(search);
  return SETTING_KEYS.some((k) => k !== 'backend' && params.has(k) && settings[k] !== saved[k]);
}
