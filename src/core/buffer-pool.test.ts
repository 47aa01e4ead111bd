import { describe, expect, it } from 'vitest';
import { BufferPool } from './buffer-pool';

const MB = 1 << 20;

describe('BufferPool', () => {
  it('hands a buffer given back out again for a request it fits, the smallest that fits first', () => {
    const pool = new BufferPool(64 * MB);
    const a = pool.take(3 * MB);
    const b = pool.take(2 * MB);
    expect(a.byteLength).toBeGreaterThanOrEqual(3 * MB);
    expect(pool.owns(a)).toBe(true);
    pool.give([a, b]);
    expect(pool.held).toBe(a.byteLength + b.byteLength);
    // 1.5 MB fits both: the smaller is taken
    expect(pool.take(1.5 * MB)).toBe(b);
    expect(pool.take(3 * MB)).toBe(a);
    expect(pool.held).toBe(0);
    expect([pool.made, pool.reused]).toEqual([2, 2]);
  });

  it('rounds sizes up so that slightly larger requests (a row group with longer strings) reuse a buffer', () => {
    const pool = new BufferPool(64 * MB);
    const a = pool.take(MB + 10);
    pool.give([a]);
    expect(pool.take(MB + 1000)).toBe(a);
  });

  it('does not spend a large buffer on a request under half its size, nor pool small or detached buffers', () => {
    const pool = new BufferPool(64 * MB);
    const big = pool.take(8 * MB);
    pool.give([big]);
    expect(pool.take(MB)).not.toBe(big);
    const small = pool.take(1000);
    expect(small.byteLength).toBe(1000);
    const detached = pool.take(MB);
    structuredClone(detached, { transfer: [detached] });
    expect(detached.byteLength).toBe(0);
    pool.give([small, detached]);
    expect(pool.held).toBe(big.byteLength);
  });

  it('keeps at most its limit of free buffers, letting the oldest go', () => {
    const pool = new BufferPool(5 * MB);
    const bufs = [pool.take(2 * MB), pool.take(2 * MB), pool.take(2 * MB)];
    pool.give(bufs);
    expect(pool.held).toBe(4 * MB);
    expect(pool.take(2 * MB)).toBe(bufs[1]);
    expect(pool.take(2 * MB)).toBe(bufs[2]);
  });
});
