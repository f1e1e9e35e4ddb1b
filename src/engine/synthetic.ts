// Seeded synthetic 2-D datasets for the lab page: pure functions, no DOM, same output for the same seed.
import { Rng } from '../core/rng';
import type { RawData } from '../core/types';

export const SYNTHETIC = ['blobs', 'ring', 'moons', 'hard'] as const;
export type SyntheticName = (typeof SYNTHETIC)[number];

export const SYNTHETIC_DEFAULT_SEED = 1;
export const SYNTHETIC_DEFAULT_N = 500;

/** Anomaly share per generator (5-10%). */
export const SYNTHETIC_RATIO: Record<SyntheticName, number> = { blobs: 0.06, ring: 0.08, moons: 0.06, hard: 0.08 };

/** One sentence per generator, for the picker and the manifest recipe. */
export const SYNTHETIC_RECIPE: Record<SyntheticName, string> = {
  blobs: 'Three Gaussian blobs (sd 0.4) at (-2,-2), (2,2) and (2,-2) as normals; anomalies uniform in [-4,4]^2 at least 1.6 from every blob centre.',
  ring: 'Normals on a ring of radius 2 (radial noise 0.15 x a normal truncated to +-3 sd); half the anomalies inside the hole (radius below 0.95), half outside (radius 3 to 4).',
  moons: 'Two interleaving half-circles of radius 1 (Gaussian noise 0.08) as normals; anomalies uniform in [-1.5,2.5]x[-1,1.5] at least 0.4 from both arcs.',
  hard: 'Normals from a correlated Gaussian (sd 1 and 0.5, rotated 30 degrees); anomalies at Mahalanobis radius 2.5 to 3.2, just outside the bulk, where some normals also lie.',
};

// Rounded to 1e-6 so that the bundled CSV (shortest decimals) parses back to exactly these numbers.
const round6 = (v: number): number => {
  const r = Math.round(v * 1e6) / 1e6;
  return r === 0 ? 0 : r;
};

type Point = [number, number];

export function isSyntheticName(name: string): name is SyntheticName {
  return (SYNTHETIC as readonly string[]).includes(name);
}

/** Builds one synthetic data set: n rows (default 500), labels 0 normal / 1 anomaly, rows shuffled. */
export function makeSynthetic(name: string, seed: number = SYNTHETIC_DEFAULT_SEED, n: number = SYNTHETIC_DEFAULT_N): RawData {
  if (!isSyntheticName(name)) {
    throw new Error(`Unknown synthetic dataset "${name}": choose one of ${SYNTHETIC.join(', ')}.`);
  }
  if (!Number.isInteger(n) || n < 20 || n > 1_000_000) {
    throw new Error(`Synthetic dataset size must be an integer from 20 to 1000000, got ${n}.`);
  }
  if (!Number.isSafeInteger(seed)) throw new Error(`Synthetic dataset seed must be an integer, got ${seed}.`);
  const rng = new Rng(seed);
  const nAnom = Math.max(1, Math.round(n * SYNTHETIC_RATIO[name]));
  const nNorm = n - nAnom;
  const gen = GENERATORS[name];
  const points: Array<[Point, 0 | 1]> = [];
  for (let i = 0; i < nNorm; i++) points.push([gen.normal(rng), 0]);
  for (let i = 0; i < nAnom; i++) points.push([gen.anomaly(rng), 1]);
  // Fisher-Yates so that anomalies are not all at the end of the table.
  for (let i = points.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = points[i]!;
    points[i] = points[j]!;
    points[j] = t;
  }
  const values = new Float64Array(n * 2);
  const labels = new Uint8Array(n);
  points.forEach(([[x, y], l], i) => {
    values[2 * i] = round6(x);
    values[2 * i + 1] = round6(y);
    labels[i] = l;
  });
  return { name, n, d: 2, values, labels, featureNames: ['x1', 'x2'], kind: { type: 'tabular' } };
}

interface Generator {
  normal(rng: Rng): Point;
  anomaly(rng: Rng): Point;
}

const truncNormal = (rng: Rng, limit: number): number => Math.max(-limit, Math.min(limit, rng.normal()));

/** Draws uniformly in a box until accept() holds (bounded so a bad predicate cannot hang). */
function rejection(rng: Rng, lo: Point, hi: Point, accept: (p: Point) => boolean): Point {
  for (let tries = 0; tries < 100_000; tries++) {
    const p: Point = [rng.uniform(lo[0], hi[0]), rng.uniform(lo[1], hi[1])];
    if (accept(p)) return p;
  }
  throw new Error('Synthetic generator: rejection sampling found no point (internal error).');
}

const BLOB_CENTRES: Point[] = [[-2, -2], [2, 2], [2, -2]];
const dist = (a: Point, b: Point): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/** Distance from p to the unit half-circle centred at (cx, cy), upper or lower half. */
function distHalfCircle(p: Point, cx: number, cy: number, upper: boolean): number {
  const dx = p[0] - cx;
  const dy = p[1] - cy;
  const onSide = upper ? dy >= 0 : dy <= 0;
  if (onSide) return Math.abs(Math.hypot(dx, dy) - 1);
  return Math.min(Math.hypot(dx - 1, dy), Math.hypot(dx + 1, dy));
}

/** Distance from p to the nearest moon arc (noise-free). */
export function moonDistance(p: Point): number {
  return Math.min(distHalfCircle(p, 0, 0, true), distHalfCircle(p, 1, 0.5, false));
}

const HARD_ANGLE = Math.PI / 6;
const HARD_SD: Point = [1, 0.5];
/** Maps a point in whitened coordinates to the hard set's plane (scale then rotate). */
function hardMap(u: number, v: number): Point {
  const a = u * HARD_SD[0];
  const b = v * HARD_SD[1];
  const c = Math.cos(HARD_ANGLE);
  const s = Math.sin(HARD_ANGLE);
  return [c * a - s * b, s * a + c * b];
}
/** Mahalanobis radius of a point of the hard set (inverse of hardMap). */
export function hardRadius(p: Point): number {
  const c = Math.cos(HARD_ANGLE);
  const s = Math.sin(HARD_ANGLE);
  const a = c * p[0] + s * p[1];
  const b = -s * p[0] + c * p[1];
  return Math.hypot(a / HARD_SD[0], b / HARD_SD[1]);
}

const GENERATORS: Record<SyntheticName, Generator> = {
  blobs: {
    normal(rng) {
      const c = BLOB_CENTRES[rng.int(BLOB_CENTRES.length)]!;
      return [c[0] + 0.4 * rng.normal(), c[1] + 0.4 * rng.normal()];
    },
    anomaly(rng) {
      return rejection(rng, [-4, -4], [4, 4], (p) => BLOB_CENTRES.every((c) => dist(p, c) >= 1.6));
    },
  },
  ring: {
    normal(rng) {
      const t = rng.uniform(0, 2 * Math.PI);
      const r = 2 + 0.15 * truncNormal(rng, 3);
      return [r * Math.cos(t), r * Math.sin(t)];
    },
    anomaly(rng) {
      const t = rng.uniform(0, 2 * Math.PI);
      // Inside: sqrt keeps the disc uniform; outside: an annulus from 3 to 4.
      const r = rng.next() < 0.5 ? Math.sqrt(rng.next()) * 0.95 : rng.uniform(3, 4);
      return [r * Math.cos(t), r * Math.sin(t)];
    },
  },
  moons: {
    normal(rng) {
      const t = rng.uniform(0, Math.PI);
      const p: Point = rng.next() < 0.5 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
      return [p[0] + 0.08 * rng.normal(), p[1] + 0.08 * rng.normal()];
    },
    anomaly(rng) {
      return rejection(rng, [-1.5, -1], [2.5, 1.5], (p) => moonDistance(p) >= 0.4);
    },
  },
  hard: {
    normal(rng) {
      return hardMap(rng.normal(), rng.normal());
    },
    anomaly(rng) {
      const t = rng.uniform(0, 2 * Math.PI);
      const r = rng.uniform(2.5, 3.2);
      return hardMap(r * Math.cos(t), r * Math.sin(t));
    },
  },
};
