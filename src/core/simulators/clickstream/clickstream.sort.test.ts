// The building blocks under the engine: the page pool's key space.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gather } from '../../sort';
import { permuteViews, permuteViewSteps } from './clickstream.sort';
import { DWELL_MAX_SECONDS } from './clickstream.generate';
import { Rng } from '../../rng';
import { simulate, templatePattern } from './clickstream.test-utils';
import { encodeUrls, PagePool, PLACEHOLDER_VALUES } from './clickstream.urls';

describe('PagePool', () => {
  const pool = new PagePool(['/', '/products/{id}', '/blog/{slug}', '/p/{id}/{slug}/{id}', '/x']);

  it('numbers every expansion once: {id} and {slug} give 500 each, both give 250,000', () => {
    expect(pool.keySpace).toBe(1 + 500 + 500 + 250_000 + 1);
    expect(pool.text(0)).toBe('/');
    expect(pool.text(1)).toBe('/products/1');
    expect(pool.text(500)).toBe('/products/500');
    expect(pool.text(501)).toBe('/blog/post-1');
    expect(pool.text(1001)).toBe('/p/1/post-1/1');
    expect(pool.text(1001 + 500 * 499 + 499)).toBe('/p/500/post-500/500');
    expect(pool.text(pool.keySpace - 1)).toBe('/x');
  });

  it('draws keys whose text matches their template, with uniform placeholder values', () => {
    const rng = new Rng('pool-test');
    const ids = new Array<number>(PLACEHOLDER_VALUES + 1).fill(0);
    for (let i = 0; i < 20_000; i++) {
      const key = pool.draw(rng);
      const t = pool.templateOf(key);
      const text = pool.text(key);
      expect(text).toMatch(templatePattern(pool.templates[t]));
      if (t === 1) ids[Number(text.slice('/products/'.length))]++;
    }
    // ~4,000 draws of /products/{id}: every value 1..500 is possible, none favoured
    expect(ids[0]).toBe(0);
    expect(Math.max(...ids) / (4000 / 500)).toBeLessThan(3);
  });

  it('dictionary-codes used keys in key order, labels last, densely or sparsely alike', () => {
    const keys = Int32Array.from([1001, 0, 1001, 500, 0]);
    const { dict, codes, labelCodes } = encodeUrls(pool, keys, ['google', 'direct']);
    expect(dict).toEqual(['/', '/products/500', '/p/1/post-1/1', 'google', 'direct']);
    expect(Array.from(codes)).toEqual([2, 0, 2, 1, 0]);
    expect(Array.from(labelCodes)).toEqual([3, 4]);
    const big = new PagePool(Array.from({ length: 20 }, (_, i) => `/${i}/{id}/{slug}`));
    expect(big.keySpace).toBeGreaterThan(1 << 22);
    const sparse = encodeUrls(big, Int32Array.from([big.keySpace - 1, 7, 7]), []);
    expect(sparse.dict).toEqual(['/0/1/post-8', '/19/500/post-500']);
    expect(Array.from(sparse.codes)).toEqual([1, 0, 0]);
  });
});

describe('long windows', () => {
  it('sorts sessions and views by time when offsets pass 2^32 ms (49 days)', async () => {
    const s = await simulate({ users: 30, durationHours: 87_600, botPagesPerSession: 2, seed: 9 });
    expect(s.sessions.some((x) => x.started_at - s.sessions[0].started_at > 2 ** 32 * 1000)).toBe(true);
    for (let i = 1; i < s.sessions.length; i++) expect(s.sessions[i].started_at).toBeGreaterThanOrEqual(s.sessions[i - 1].started_at);
    for (let i = 1; i < s.views.length; i++) expect(s.views[i].timestamp).toBeGreaterThanOrEqual(s.views[i - 1].timestamp);
    expect(s.charts.sessionsOverTime.buckets.length).toBeLessThanOrEqual(744);
  });
});

describe('the dwell column', () => {
  it('fits its 16 bits: the longest dwell a view can draw, in centiseconds, is below 65,536', () => {
    expect(DWELL_MAX_SECONDS * 100).toBeLessThan(1 << 16);
  });
});

describe('permuteViews', () => {
  it('reorders the view columns in place exactly as gathering them by the permutation does (through a scratch column, or by cycles when larger)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 300 }).map((xs) => xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i)), fc.constantFrom(0, 100, 1000), (perm, scratchMax) => {
        const rows = Int32Array.from(perm);
        const time = Float64Array.from(perm, (_, i) => i * 1.5 + 0.25);
        const cs = Uint16Array.from(perm, (_, i) => i * 7);
        const url = Int32Array.from(perm, (_, i) => -i);
        const want = [gather(time, rows, new Float64Array(rows.length)), gather(cs, rows, new Uint16Array(rows.length)), gather(url, rows, new Int32Array(rows.length))];
        permuteViews(rows, time, cs, url, scratchMax);
        expect([time, cs, url]).toEqual(want);
      }),
    );
  });

  it('by cycles, pauses every few views placed (the same result), counting up to at most the views', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { minLength: 1, maxLength: 300 }).map((xs) => xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i)), fc.integer({ min: 1, max: 50 }), (perm, every) => {
        const rows = Int32Array.from(perm);
        const time = Float64Array.from(perm, (_, i) => i + 0.5);
        const cs = Uint16Array.from(perm, (_, i) => i * 3);
        const url = Int32Array.from(perm, (_, i) => 1 - i);
        const want = [gather(time, rows, new Float64Array(rows.length)), gather(cs, rows, new Uint16Array(rows.length)), gather(url, rows, new Int32Array(rows.length))];
        const moved = perm.filter((p, i) => p !== i).length;
        const pauses = [...permuteViewSteps(rows, time, cs, url, 0, every)];
        expect([time, cs, url]).toEqual(want);
        // rising counts of views placed, never past the views moved, at most one pause per `every` of them
        expect(pauses.every((p, k) => p <= moved && (k === 0 || p > pauses[k - 1]))).toBe(true);
        expect(pauses.length).toBeLessThanOrEqual(Math.floor(moved / every));
      }),
    );
    // one cycle through all 10 views (a rotation): pauses at 3, 6 and 9 views placed
    const rows = Int32Array.from({ length: 10 }, (_, i) => (i + 1) % 10);
    const time = Float64Array.from(rows, (_, i) => i);
    expect([...permuteViewSteps(rows, time, new Uint16Array(10), new Int32Array(10), 0, 3)]).toEqual([3, 6, 9]);
    expect([...time]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 0]);
  });
});
