// Seed lists as people type them ('1-5, 7'): parsed and printed the same way by the CLI, the panel and the link.

export const MAX_SEED = 4294967295;
export const MAX_SEEDS = 1000;

/** '1-3,7' -> [1, 2, 3, 7]; commas or spaces between items, a-b for a range; each seed once. */
export function parseSeedList(text: string): number[] {
  const items = text.split(/[\s,]+/).filter((t) => t !== '');
  if (items.length === 0) throw new Error('Give at least one seed (for example 1-5 or 1,3,7).');
  const out: number[] = [];
  for (const item of items) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(item);
    if (!m) throw new Error(`'${item}' is not a seed or a range of seeds (write 7 or 1-5).`);
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (a > MAX_SEED || b > MAX_SEED) throw new Error(`'${item}': seeds go from 0 to ${MAX_SEED}.`);
    if (b < a) throw new Error(`'${item}': a range goes from the smaller seed to the larger (${b}-${a}).`);
    if (out.length + (b - a + 1) > MAX_SEEDS) throw new Error(`At most ${MAX_SEEDS} seeds at once ('${text}' has more).`);
    for (let s = a; s <= b; s++) out.push(s);
  }
  const dup = out.find((s, i) => out.indexOf(s) !== i);
  if (dup !== undefined) throw new Error(`Seed ${dup} is listed twice in '${text}'.`);
  return out;
}

/** [1, 2, 3, 7] -> '1-3,7' (runs of consecutive seeds as ranges, in the given order). */
export function formatSeedList(seeds: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < seeds.length; ) {
    let j = i;
    while (j + 1 < seeds.length && seeds[j + 1] === seeds[j]! + 1) j++;
    parts.push(j > i ? `${seeds[i]}-${seeds[j]}` : String(seeds[i]));
    i = j + 1;
  }
  return parts.join(',');
}

/** True when the list is exactly 1..n (the CLI's --seeds n). */
export function isOneToN(seeds: number[]): boolean {
  return seeds.length > 0 && seeds.every((s, i) => s === i + 1);
}
