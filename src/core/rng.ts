// Seeded PRNG: xoshiro128** (Blackman & Vigna) seeded through splitmix32.
// Pure 32-bit integer arithmetic (Math.imul, >>>), so every JS engine produces the same sequence (B14).

const TWO_POW_32 = 4294967296;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** splitmix32 step: returns [nextState, output]; used only to spread the seed over the 128-bit state. */
function splitmix32(state: number): [number, number] {
  const a = (state + 0x9e3779b9) | 0;
  let t = a ^ (a >>> 16);
  t = Math.imul(t, 0x21f0aaad);
  t ^= t >>> 15;
  t = Math.imul(t, 0x735a2d97);
  t ^= t >>> 15;
  return [a, t >>> 0];
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function checkCount(what: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Rng.${what}: expected a non-negative integer, got ${n}`);
}

export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  /** second Box-Muller value, kept so each pair of uniforms yields two normals */
  private spare: number | null = null;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed)) throw new Error(`Rng: seed must be a safe integer, got ${seed}`);
    // Fold the high bits in so seeds >= 2^32 (and negative seeds) still differ; seeds < 2^32 use seed directly.
    const hi = Math.floor(seed / TWO_POW_32) | 0;
    let st = (seed >>> 0) ^ Math.imul(hi, 0x85ebca6b);
    const out: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, v] = splitmix32(st);
      st = next;
      out.push(v | 0);
    }
    this.setState(out[0], out[1], out[2], out[3]);
  }

  /** Build a generator from a raw xoshiro state (for tests against the reference C implementation). */
  static fromState(s0: number, s1: number, s2: number, s3: number): Rng {
    const r = new Rng(0);
    r.setState(s0 | 0, s1 | 0, s2 | 0, s3 | 0);
    return r;
  }

  /** The whole state as text: two generators with the same key draw the same from here on. */
  stateKey(): string {
    return `${this.s0},${this.s1},${this.s2},${this.s3},${this.spare}`;
  }

  /** Moves this generator to `other`'s state (a reused computation leaves it where the computation would have). */
  copyFrom(other: Rng): void {
    this.setState(other.s0, other.s1, other.s2, other.s3);
    this.spare = other.spare;
  }

  /** An independent generator in this one's state: a forked run draws exactly what this one would draw next. */
  clone(): Rng {
    const r = Rng.fromState(this.s0, this.s1, this.s2, this.s3);
    r.spare = this.spare;
    return r;
  }

  private setState(a: number, b: number, c: number, d: number): void {
    // An all-zero state is the one fixed point of xoshiro; splitmix32 practically never gives it, but guard anyway.
    if ((a | b | c | d) === 0) a = 1;
    this.s0 = a;
    this.s1 = b;
    this.s2 = c;
    this.s3 = d;
    this.spare = null;
  }

  /** Next raw 32-bit output, as an unsigned integer in [0, 2^32). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform double in [0, 1) with 53 random bits (two 32-bit draws). */
  next(): number {
    const a = this.nextUint32() >>> 5; // 27 bits
    const b = this.nextUint32() >>> 6; // 26 bits
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }

  /** Uniform integer in 0..n-1. */
  int(n: number): number {
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`Rng.int: n must be a positive integer, got ${n}`);
    return Math.floor(this.next() * n);
  }

  /** Uniform double in [lo, hi). */
  uniform(lo: number, hi: number): number {
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) {
      throw new Error(`Rng.uniform: need finite lo <= hi, got [${lo}, ${hi})`);
    }
    return lo + (hi - lo) * this.next();
  }

  /** Standard normal via Box-Muller (pairs: the sine value is returned by the next call). */
  normal(): number {
    if (this.spare !== null) {
      const v = this.spare;
      this.spare = null;
      return v;
    }
    const u1 = 1 - this.next(); // (0, 1], so log is finite
    const u2 = this.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }

  /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
  permutation(n: number): Int32Array {
    checkCount('permutation', n);
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    this.shuffleInPlace(p);
    return p;
  }

  /** Fisher-Yates shuffle, from the end down. */
  shuffleInPlace<T>(a: T[] | Int32Array): void {
    for (let i = a.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }

  /**
   * k values drawn from `from`. replace = true: k independent uniform draws (like np.random.choice(a, k)).
   * replace = false: k distinct positions (partial Fisher-Yates), in draw order; k > from.length throws.
   */
  choice(from: ArrayLike<number>, k: number, replace: boolean): number[] {
    checkCount('choice', k);
    const n = from.length;
    const out: number[] = [];
    if (k === 0) return out;
    if (n === 0) throw new Error(`Rng.choice: cannot draw ${k} values from an empty array`);
    if (replace) {
      for (let i = 0; i < k; i++) out.push(from[this.int(n)]);
      return out;
    }
    if (k > n) throw new Error(`Rng.choice: cannot draw ${k} distinct values from ${n} without replacement`);
    const pos = new Int32Array(n);
    for (let i = 0; i < n; i++) pos[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + this.int(n - i);
      const tmp = pos[i];
      pos[i] = pos[j];
      pos[j] = tmp;
      out.push(from[pos[i]]);
    }
    return out;
  }
}
