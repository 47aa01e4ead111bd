import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { idView, IdStream, UUID_PATTERN } from './ids';

describe('IdStream', () => {
  it('writes RFC 4122-shaped v4 ids, the same for the same (seed, stream, key)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.string(), fc.nat(), fc.nat(), (seed, stream, k0, k1) => {
        const a = new IdStream(seed, stream).uuid(k0, k1);
        expect(a).toMatch(UUID_PATTERN);
        expect(new IdStream(seed, stream).uuid(k0, k1)).toBe(a);
      }),
    );
  });

  it('depends on every part of the key, the stream and the seed', () => {
    const s = new IdStream(42, 'workflow:events');
    expect(s.uuid(1, 0)).not.toBe(s.uuid(0, 1));
    expect(s.uuid(2 ** 40, 0)).not.toBe(s.uuid(0, 0));
    expect(new IdStream(42, 'a').uuid(1)).not.toBe(new IdStream(42, 'b').uuid(1));
    expect(new IdStream(1, 'a').uuid(1)).not.toBe(new IdStream(2, 'a').uuid(1));
  });

  it('gives no collisions over 300,000 keys', () => {
    const s = new IdStream(7, 'x');
    const buf = new Uint8Array(36);
    const seen = new Set<string>();
    const dec = new TextDecoder();
    for (let e = 0; e < 100_000; e++) {
      for (let q = 0; q < 3; q++) {
        s.uuidInto(buf, 0, e, q);
        seen.add(dec.decode(buf));
      }
    }
    expect(seen.size).toBe(300_000);
  });

  it('spreads bits evenly (each hex digit of the random part near uniform)', () => {
    const s = new IdStream(3, 'bits');
    const counts = new Array(16).fill(0);
    for (let i = 0; i < 20_000; i++) counts[parseInt(s.uuid(i)[0], 16)]++;
    for (const c of counts) expect(Math.abs(c / 20_000 - 1 / 16)).toBeLessThan(0.01);
  });

  it('writes W3C-style hex ids: lower-case, the requested length, never all zeros', () => {
    const s = new IdStream(1, 'trace');
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom(8, 16), (k, n) => {
        const h = s.hex(n, k);
        expect(h).toMatch(new RegExp(`^[0-9a-f]{${n * 2}}$`));
        expect(/^0+$/.test(h)).toBe(false);
      }),
    );
  });

  it('uuidInto writes exactly 36 bytes at the offset', () => {
    const buf = new Uint8Array(40).fill(33);
    new IdStream(1, 's').uuidInto(buf, 2, 5);
    expect(buf[0]).toBe(33);
    expect(buf[1]).toBe(33);
    expect(buf[38]).toBe(33);
    expect(new TextDecoder().decode(buf.subarray(2, 38))).toMatch(UUID_PATTERN);
  });

  it('writes the same bytes through a view, a word at a time, at any offset of any window', () => {
    const key = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(fc.integer(), key, key, fc.oneof(fc.constantFrom(8, 16), fc.integer({ min: 1, max: 16 })), fc.nat(7), fc.nat(5), (seed, k0, k1, nBytes, at, skip) => {
        const ids = new IdStream(seed, 'view');
        const backing = new Uint8Array(skip + at + 36 + 8).fill(7);
        const slow = backing.subarray(skip);
        const fast = backing.slice().subarray(skip);
        ids.uuidInto(slow, at, k0, k1);
        ids.uuidInto(fast, at, k0, k1, idView(fast));
        expect(fast).toEqual(slow);
        ids.hexInto(slow, at, nBytes, k0, k1);
        const view = idView(fast);
        if (nBytes === 16) ids.hex128Into(view, at, k0, k1);
        else if (nBytes === 8) ids.hex64Into(view, at, k0, k1);
        else ids.hexInto(fast, at, nBytes, k0, k1);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 2000 },
    );
  });
});

