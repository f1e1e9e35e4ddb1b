// Score ranks of a pool: computed in the worker with each snapshot, so the page never sorts every score itself.

/** 1 = highest score (most anomalous); ties keep index order. */
export function scoreRanks(scores: ArrayLike<number>): Int32Array {
  // a native numeric sort plus binary searches: a comparator sort of 126k indices took 0.25 s on the page
  const n = scores.length;
  const sorted = Float64Array.from(scores).sort();
  const bound = (v: number, upper: boolean) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v || (upper && sorted[mid] === v)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const tiesSeen = new Map<number, number>();
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = scores[i]!;
    const upper = bound(v, true);
    const equal = upper - bound(v, false);
    let before = 0; // equal scores at lower indices rank first
    if (equal > 1) {
      before = tiesSeen.get(v) ?? 0;
      tiesSeen.set(v, before + 1);
    }
    rank[i] = n - upper + before + 1;
  }
  return rank;
}
