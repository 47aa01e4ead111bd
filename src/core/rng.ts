import seedrandom from 'seedrandom';

/**
 * Seeded randomness for the engine. Every stream is an Alea generator (seedrandom.alea:
 * ~136 M numbers/s here, see TOOLCHAIN.md) seeded from a string that names it, so
 * `rng.fork("sessions")` depends on (seed, path) alone: adding a phase, an entity or a
 * table never shifts another stream's output.
 */
export class Rng {
  private readonly next: () => number;
  private spare = Number.NaN;

  /** @param key the stream's full name, e.g. `42/workflow/block:3`. */
  constructor(readonly key: string) {
    this.next = seedrandom.alea(key);
  }

  /** The root stream of a run. */
  static root(seed: number | string): Rng {
    return new Rng(`spindle:${seed}`);
  }

  /** A child stream derived from this stream's key and `name`, independent of draws made so far. */
  fork(name: string | number): Rng {
    return new Rng(`${this.key}/${name}`);
  }

  /** Uniform in [0, 1), 32 bits of resolution. */
  uniform(): number {
    return this.next();
  }

  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** Uniform index in [0, n). */
  index(n: number): number {
    return Math.floor(this.next() * n);
  }

  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal by the Box–Muller transform; the second value of each pair is kept. */
  standardNormal(): number {
    if (this.spare === this.spare) {
      const s = this.spare;
      this.spare = Number.NaN;
      return s;
    }
    const u = 1 - this.next(); // (0, 1]: log stays finite
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    const a = 2 * Math.PI * v;
    this.spare = r * Math.sin(a);
    return r * Math.cos(a);
  }

  normal(mean: number, std: number): number {
    return mean + std * this.standardNormal();
  }

  /** exp(Normal(mu, sigma)): mu and sigma are the underlying normal's parameters. */
  lognormal(mu: number, sigma: number): number {
    return Math.exp(mu + sigma * this.standardNormal());
  }

  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number {
    return -Math.log(1 - this.next()) / rate;
  }

  /**
   * Poisson(lambda): multiplication (Knuth) for small lambda, Hörmann's transformed rejection
   * (PTRS) above 30, so the cost stays flat at high rates.
   */
  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda < 30) {
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = this.next();
      while (p > limit) {
        k++;
        p *= this.next();
      }
      return k;
    }
    return this.poissonPtrs(lambda);
  }

  private poissonPtrs(lambda: number): number {
    const slam = Math.sqrt(lambda);
    const loglam = Math.log(lambda);
    const b = 0.931 + 2.53 * slam;
    const a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      const lhs = Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b);
      const rhs = -lambda + k * loglam - logFactorial(k);
      if (lhs <= rhs) return k;
    }
  }

  /** A uniformly chosen element. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** In-place Fisher–Yates shuffle; returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i];
      items[i] = items[j];
      items[j] = t;
    }
    return items;
  }

  /** k distinct indices from [0, n), in draw order (Floyd's algorithm for small k, else a partial shuffle). */
  sampleWithoutReplacement(n: number, k: number): number[] {
    if (k < 0 || k > n) throw new RangeError(`cannot draw ${k} distinct values from ${n}`);
    if (k * 4 < n) {
      const chosen = new Set<number>();
      const out: number[] = [];
      for (let j = n - k; j < n; j++) {
        const t = Math.floor(this.next() * (j + 1));
        const v = chosen.has(t) ? j : t;
        chosen.add(v);
        out.push(v);
      }
      return out;
    }
    const pool = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(this.next() * (n - i));
      const t = pool[i];
      pool[i] = pool[j];
      pool[j] = t;
    }
    return pool.slice(0, k);
  }
}

const LOG_FACT_TABLE = (() => {
  const t = new Float64Array(256);
  for (let i = 2; i < 256; i++) t[i] = t[i - 1] + Math.log(i);
  return t;
})();

/** ln(k!), exact from a table below 256, Stirling's series above. */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACT_TABLE[k];
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
}

/**
 * Weighted choice by inverse CDF over normalised cumulative weights: build once, draw many.
 * Weights must be finite and non-negative with a positive sum (config validation ensures it).
 */
export class WeightedChoice {
  private readonly cumulative: Float64Array;

  constructor(weights: readonly number[]) {
    let total = 0;
    for (const w of weights) {
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${w} is not a finite non-negative number`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
    this.cumulative = new Float64Array(weights.length);
    let acc = 0;
    for (let i = 0; i < weights.length; i++) {
      acc += weights[i] / total;
      this.cumulative[i] = acc;
    }
    this.cumulative[weights.length - 1] = 1;
  }

  get size(): number {
    return this.cumulative.length;
  }

  /** The probability of index i after normalisation. */
  probability(i: number): number {
    return this.cumulative[i] - (i > 0 ? this.cumulative[i - 1] : 0);
  }

  /** Index chosen by one uniform draw `u` in [0, 1). */
  at(u: number): number {
    const c = this.cumulative;
    const n = c.length;
    if (n <= 8) {
      for (let i = 0; i < n; i++) if (u < c[i]) return i;
      return n - 1;
    }
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (u < c[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  draw(rng: Rng): number {
    return this.at(rng.uniform());
  }
}

/**
 * Walker's alias table: a weighted choice in O(1) per draw from one uniform, built in O(n).
 * For many draws over many weights (a parent per child among 100,000 parents), where the
 * binary search of {@link WeightedChoice} or a Fenwick tree costs log n per draw.
 */
export class AliasTable {
  private readonly threshold: Float64Array;
  private readonly alias: Int32Array;

  /** Weights must be finite and non-negative with a positive sum. */
  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const w = weights[i];
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${w} is not a finite non-negative number`);
      total += w;
    }
    if (!(total > 0)) throw new RangeError('weights must have a positive sum');
    const scaled = new Float64Array(n);
    for (let i = 0; i < n; i++) scaled[i] = (weights[i] * n) / total;
    this.threshold = new Float64Array(n).fill(1);
    this.alias = new Int32Array(n);
    for (let i = 0; i < n; i++) this.alias[i] = i;
    // small (< 1) and large (≥ 1) cells on one stack each, both in one array
    const stack = new Int32Array(n);
    let small = 0;
    let large = n;
    for (let i = 0; i < n; i++) {
      if (scaled[i] < 1) stack[small++] = i;
      else stack[--large] = i;
    }
    while (small > 0 && large < n) {
      const s = stack[--small];
      const l = stack[large];
      this.threshold[s] = scaled[s];
      this.alias[s] = l;
      scaled[l] -= 1 - scaled[s];
      if (scaled[l] < 1) {
        large++;
        stack[small++] = l;
      }
    }
    // what is left is 1 up to rounding: those cells keep themselves
  }

  get size(): number {
    return this.alias.length;
  }

  /** Index chosen by one uniform draw `u` in [0, 1). */
  at(u: number): number {
    const x = u * this.alias.length;
    const i = Math.floor(x);
    return x - i < this.threshold[i] ? i : this.alias[i];
  }

  /** The probability of index i (summed over the cells that lead to it). */
  probability(i: number): number {
    const n = this.alias.length;
    let p = this.threshold[i];
    for (let j = 0; j < n; j++) if (this.alias[j] === i && j !== i) p += 1 - this.threshold[j];
    return p / n;
  }
}
