import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Sha256, sha256Hex, useNativeSha256 } from './sha256';

const reference = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('SHA-256', () => {
  it('matches the FIPS 180-4 examples', () => {
    const text = (s: string) => new TextEncoder().encode(s);
    expect(sha256Hex(text(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(text('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('equals node:crypto on random inputs, across every padding boundary', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 300 }), (b) => {
        expect(sha256Hex(b)).toBe(reference(b));
      }),
      { numRuns: 400 },
    );
    for (let n = 0; n <= 200; n++) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 255);
      expect(sha256Hex(b)).toBe(reference(b));
    }
  });

  it('gives the same digest whatever the chunking', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 700 }), fc.array(fc.nat(700), { maxLength: 6 }), (b, cuts) => {
        const points = [...new Set(cuts.map((c) => c % (b.length + 1)))].sort((x, y) => x - y);
        const h = new Sha256();
        let at = 0;
        for (const p of [...points, b.length]) {
          h.update(b.subarray(at, p));
          at = p;
        }
        expect(h.hex()).toBe(reference(b));
      }),
      { numRuns: 200 },
    );
  });

  it('hashes a megabyte of data like node:crypto', () => {
    const b = new Uint8Array(1 << 20);
    for (let i = 0; i < b.length; i++) b[i] = (i * 2654435761) >>> 24;
    expect(sha256Hex(b)).toBe(reference(b));
  });

  it('gives the same digests with a native SHA-256 installed, and without it again', () => {
    useNativeSha256(reference);
    try {
      fc.assert(
        fc.property(fc.uint8Array({ minLength: 0, maxLength: 3000 }), (b) => {
          expect(sha256Hex(b)).toBe(new Sha256().update(b).hex());
        }),
        { numRuns: 100 },
      );
    } finally {
      useNativeSha256(undefined);
    }
    const b = Uint8Array.of(1, 2, 3);
    expect(sha256Hex(b)).toBe(new Sha256().update(b).hex());
  });
});
