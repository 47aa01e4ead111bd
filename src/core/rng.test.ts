import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AliasTable, logFactorial, Rng, WeightedChoice } from './rng';

function moments(draw: () => number, n: number) {
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    sum += x;
    sq += x * x;
  }
  const mean = sum / n;
  return { mean, variance: sq / n - mean * mean };
}

describe('Rng streams', () => {
  it('is deterministic per (seed, name) and forks independently of draws made so far', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.string({ maxLength: 12 }), (seed, name) => {
        const a = Rng.root(seed);
        const b = Rng.root(seed);
        b.uniform();
        b.uniform();
        const xs = Array.from({ length: 5 }, () => a.fork(name).uniform());
        expect(xs.every((x) => x === xs[0])).toBe(true);
        expect(b.fork(name).uniform()).toBe(xs[0]);
      }),
      { numRuns: 50 },
    );
  });

  it('gives different streams for different names and seeds', () => {
    const r = Rng.root(42);
    expect(r.fork('a').uniform()).not.toBe(r.fork('b').uniform());
    expect(Rng.root(1).uniform()).not.toBe(Rng.root(2).uniform());
  });

  it('keeps uniform draws in [0, 1) and int draws in their closed range', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 100 }), (seed, lo, span) => {
        const r = Rng.root(seed);
        for (let i = 0; i < 200; i++) {
          const u = r.uniform();
          expect(u).toBeGreaterThanOrEqual(0);
          expect(u).toBeLessThan(1);
          const k = r.int(lo, lo + span);
          expect(Number.isInteger(k) && k >= lo && k <= lo + span).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('samplers (moments over 200,000 draws)', () => {
  const N = 200_000;
  it('uniform: mean 1/2, variance 1/12', () => {
    const r = Rng.root(1);
    const m = moments(() => r.uniform(), N);
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(1 / 12, 2);
  });

  it('normal(mean, std)', () => {
    const r = Rng.root(2);
    const m = moments(() => r.normal(10, 3), N);
    expect(Math.abs(m.mean - 10)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(m.variance) - 3)).toBeLessThan(0.03);
  });

  it('lognormal(mu, sigma): mean exp(mu + sigma²/2)', () => {
    const r = Rng.root(3);
    const m = moments(() => r.lognormal(1, 0.5), N);
    expect(m.mean / Math.exp(1 + 0.125)).toBeCloseTo(1, 2);
  });

  it('exponential(rate): mean 1/rate', () => {
    const r = Rng.root(4);
    const m = moments(() => r.exponential(2), N);
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(0.25, 1);
  });

  it.each([0.5, 2.5, 12, 29.9, 30, 100, 10_000])('poisson(%d): mean = variance = lambda', (lambda) => {
    const r = Rng.root(5);
    const m = moments(() => r.poisson(lambda), N);
    const se = Math.sqrt(lambda / N);
    expect(Math.abs(m.mean - lambda)).toBeLessThan(5 * se);
    expect(Math.abs(m.variance / lambda - 1)).toBeLessThan(0.03);
  });

  it('poisson gives only non-negative integers, and 0 for lambda 0', () => {
    const r = Rng.root(6);
    expect(r.poisson(0)).toBe(0);
    for (let i = 0; i < 10_000; i++) {
      const k = r.poisson(40);
      expect(Number.isInteger(k) && k >= 0).toBe(true);
    }
  });

  it('weighted choice follows the normalised weights', () => {
    const w = new WeightedChoice([1, 2, 7]);
    const r = Rng.root(7);
    const counts = [0, 0, 0];
    for (let i = 0; i < N; i++) counts[w.draw(r)]++;
    [0.1, 0.2, 0.7].forEach((p, i) => expect(Math.abs(counts[i] / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N)));
    expect(w.probability(2)).toBeCloseTo(0.7, 12);
  });

  it('weighted choice with many options uses the same normalisation (binary search)', () => {
    const weights = Array.from({ length: 40 }, (_, i) => i + 1);
    const w = new WeightedChoice(weights);
    const total = weights.reduce((a, b) => a + b, 0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u) => {
        const i = w.at(u);
        let below = 0;
        for (let j = 0; j < i; j++) below += weights[j] / total;
        expect(u).toBeGreaterThanOrEqual(below - 1e-12);
        expect(u).toBeLessThan(below + weights[i] / total + 1e-12);
      }),
    );
  });

  it('weighted choice refuses bad weights', () => {
    expect(() => new WeightedChoice([0, 0])).toThrow(/positive sum/);
    expect(() => new WeightedChoice([1, -1])).toThrow(/non-negative/);
  });

  it('alias table: each index has exactly its normalised weight, zero weights are never drawn', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (weights, u) => {
        fc.pre(weights.some((w) => w > 0));
        const a = new AliasTable(weights);
        const total = weights.reduce((x, y) => x + y, 0);
        weights.forEach((w, i) => expect(Math.abs(a.probability(i) - w / total)).toBeLessThan(1e-9));
        expect(weights[a.at(u)]).toBeGreaterThan(0);
      }),
    );
  });

  it('alias table draws follow the weights', () => {
    const a = new AliasTable([1, 0, 2, 7]);
    const r = Rng.root(11);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) counts[a.at(r.uniform())]++;
    [0.1, 0, 0.2, 0.7].forEach((p, i) => expect(Math.abs(counts[i] / N - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / N)));
    expect(() => new AliasTable([0, 0])).toThrow(/positive sum/);
    expect(() => new AliasTable([1, Number.NaN])).toThrow(/non-negative/);
  });

  it('sampleWithoutReplacement: k distinct values, each equally likely', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), (seed, n, k0) => {
        const k = Math.min(n, k0);
        const s = Rng.root(seed).sampleWithoutReplacement(n, k);
        expect(s).toHaveLength(k);
        expect(new Set(s).size).toBe(k);
        expect(s.every((x) => Number.isInteger(x) && x >= 0 && x < n)).toBe(true);
      }),
    );
    const r = Rng.root(8);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 50_000; i++) for (const x of r.sampleWithoutReplacement(10, 2)) counts[x]++;
    for (const c of counts) expect(Math.abs(c / 100_000 - 0.1)).toBeLessThan(0.006);
    expect(() => r.sampleWithoutReplacement(3, 4)).toThrow();
  });

  it('shuffle returns a permutation, uniformly', () => {
    const r = Rng.root(9);
    const firsts = new Array(5).fill(0);
    for (let i = 0; i < 50_000; i++) {
      const p = r.shuffle([0, 1, 2, 3, 4]);
      expect([...p].sort()).toEqual([0, 1, 2, 3, 4]);
      firsts[p[0]]++;
    }
    for (const c of firsts) expect(Math.abs(c / 50_000 - 0.2)).toBeLessThan(0.01);
  });

  it('logFactorial matches the exact sum below and above the table', () => {
    let exact = 0;
    for (let k = 1; k <= 400; k++) {
      exact += Math.log(k);
      expect(logFactorial(k)).toBeCloseTo(exact, 6);
    }
  });
});
