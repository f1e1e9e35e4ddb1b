// Evaluation metrics and order statistics, matching sklearn / NumPy semantics (algorithm.md 6, 13).

function checkFinite(what: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new Error(`${what}: value at index ${i} is not a finite number (${values[i]})`);
  }
}

function checkScoresLabels(what: string, scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) {
    throw new Error(`${what}: ${scores.length} scores but ${labels.length} labels`);
  }
  checkFinite(`${what} scores`, scores);
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new Error(`${what}: label at index ${i} is ${labels[i]}, expected 0 or 1`);
  }
}

/**
 * Indices that sort `values`; ties keep ascending index order in both directions (B17), so the result
 * does not depend on the engine's sort algorithm.
 */
export function argsortStable(values: ArrayLike<number>, descending = false): Int32Array {
  checkFinite('argsortStable', values);
  const n = values.length;
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const sign = descending ? -1 : 1;
  idx.sort((a, b) => {
    const va = values[a];
    const vb = values[b];
    if (va !== vb) return va < vb ? -sign : sign;
    return a - b;
  });
  return idx;
}

/** ROC AUC as the Mann-Whitney statistic with mid-ranks for ties; label 1 positive; null if a class is absent. */
export function auroc(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  checkScoresLabels('auroc', scores, labels);
  const n = scores.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += labels[i];
  const neg = n - pos;
  if (pos === 0 || neg === 0) return null;
  const order = argsortStable(scores);
  let rankSumPos = 0;
  let i = 0;
  while (i < n) {
    // [i, j) is one group of tied scores; each member gets the mean of ranks i+1..j.
    let j = i + 1;
    while (j < n && scores[order[j]] === scores[order[i]]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let t = i; t < j; t++) if (labels[order[t]] === 1) rankSumPos += midRank;
    i = j;
  }
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/**
 * sklearn's average_precision_score: sum over distinct thresholds (high to low) of (R_n - R_{n-1}) * P_n,
 * with tied scores forming one threshold. Null when there is no positive (sklearn warns and the value is
 * undefined); all-positive data gives 1.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number | null {
  checkScoresLabels('averagePrecision', scores, labels);
  const n = scores.length;
  let pos = 0;
  for (let i = 0; i < n; i++) pos += labels[i];
  if (pos === 0) return null;
  const order = argsortStable(scores, true);
  let tp = 0;
  let seen = 0;
  let prevRecall = 0;
  let ap = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && scores[order[j]] === scores[order[i]]) {
      tp += labels[order[j]];
      j++;
    }
    seen = j;
    const recall = tp / pos;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
    i = j;
  }
  return ap;
}

/** NumPy's _lerp: a + (b-a)t, computed from b's side when t >= 0.5 (bit-compatible with np.quantile). */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

function sortedCopy(what: string, values: ArrayLike<number>): Float64Array {
  if (values.length === 0) throw new Error(`${what}: empty input`);
  checkFinite(what, values);
  const s = Float64Array.from(values as ArrayLike<number>);
  s.sort();
  return s;
}

/** np.quantile(values, q) with the default 'linear' method; does not mutate the input. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile: q must be in [0, 1], got ${q}`);
  const s = sortedCopy('quantile', values);
  const n = s.length;
  const virtual = (n - 1) * q;
  const lo = Math.floor(virtual);
  const hi = Math.min(lo + 1, n - 1);
  return lerp(s[lo], s[hi], virtual - lo);
}

/** np.median: the middle value, or the mean of the two middle values. */
export function median(values: ArrayLike<number>): number {
  const s = sortedCopy('median', values);
  const n = s.length;
  const m = n >> 1;
  return n % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Mean and population standard deviation (ddof 0), as the reference's summary prints them. */
export function meanStd(values: number[]): { mean: number; std: number } {
  if (values.length === 0) throw new Error('meanStd: empty input');
  checkFinite('meanStd', values);
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return { mean, std: Math.sqrt(ss / values.length) };
}

/** The ROC curve's points (fpr, tpr) from (0, 0) to (1, 1), one per distinct threshold, high to low (sklearn roc_curve). */
function rocPoints(scores: ArrayLike<number>, labels: ArrayLike<number>, pos: number, neg: number): { fpr: number[]; tpr: number[] } {
  const order = argsortStable(scores, true);
  const fpr = [0];
  const tpr = [0];
  let tp = 0;
  let fp = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j < order.length && scores[order[j]] === scores[order[i]]) {
      if (labels[order[j]] === 1) tp++;
      else fp++;
      j++;
    }
    fpr.push(fp / neg);
    tpr.push(tp / pos);
    i = j;
  }
  return { fpr, tpr };
}

/**
 * Partial AUROC up to a false-positive rate, McClish-standardised as sklearn's roc_auc_score(max_fpr=...):
 * 0.5 (1 + (A - A_min) / (A_max - A_min)) with A_min = max_fpr^2 / 2, A_max = max_fpr, so 0.5 is chance and
 * 1 perfect. Null when a class is absent.
 */
export function partialAuroc(scores: ArrayLike<number>, labels: ArrayLike<number>, maxFpr = 0.05): number | null {
  checkScoresLabels('partialAuroc', scores, labels);
  if (!(maxFpr > 0 && maxFpr <= 1)) throw new Error(`partialAuroc: maxFpr must be in (0, 1], got ${maxFpr}`);
  let pos = 0;
  for (let i = 0; i < labels.length; i++) pos += labels[i];
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return null;
  const { fpr, tpr } = rocPoints(scores, labels, pos, neg);
  // np.searchsorted(fpr, max_fpr, 'right'), then the curve cut at max_fpr by linear interpolation
  let stop = 0;
  while (stop < fpr.length && fpr[stop] <= maxFpr) stop++;
  const xs = fpr.slice(0, stop);
  const ys = tpr.slice(0, stop);
  if (stop < fpr.length) {
    const x0 = fpr[stop - 1];
    const x1 = fpr[stop];
    const t = x1 === x0 ? 0 : (maxFpr - x0) / (x1 - x0);
    xs.push(maxFpr);
    ys.push(tpr[stop - 1] + t * (tpr[stop] - tpr[stop - 1]));
  }
  let area = 0;
  for (let i = 1; i < xs.length; i++) area += ((xs[i] - xs[i - 1]) * (ys[i] + ys[i - 1])) / 2;
  const minArea = 0.5 * maxFpr * maxFpr;
  return 0.5 * (1 + (area - minArea) / (maxFpr - minArea));
}
