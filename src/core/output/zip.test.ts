import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import JSZip from 'jszip';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Combine } from './crc32';
import { deflateSegment, ZipWriter } from './zip';

/** Bit by bit, straight from the definition: the reference the fast CRC must equal. */
function slowCrc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

const arbBytes = fc.uint8Array({ maxLength: 300 });

describe('CRC-32', () => {
  it('matches the check value and the bitwise definition', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    fc.assert(
      fc.property(arbBytes, (b) => {
        expect(crc32(b)).toBe(slowCrc(b));
        // a view at any byte offset (words are read unaligned)
        for (let k = 1; k < 4 && k < b.length; k++) expect(crc32(b.subarray(k))).toBe(slowCrc(b.subarray(k)));
      }),
    );
  });

  it('walks inputs longer than its 64 KiB block, at any length and offset', () => {
    const big = new Uint8Array(3 * 65_536 + 37);
    let x = 12345;
    for (let i = 0; i < big.length; i++) big[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 65_520, max: big.length - 41 }), (from, length) => {
        const b = big.subarray(from, from + length);
        expect(crc32(b)).toBe(slowCrc(b));
        expect(crc32(b, 0x1234567)).toBe(crc32Combine(0x1234567, crc32(b), b.length));
      }),
      { numRuns: 20 },
    );
  });

  it('continues across pieces and combines pieces it never saw', () => {
    fc.assert(
      fc.property(arbBytes, arbBytes, (a, b) => {
        const both = Buffer.concat([a, b]);
        expect(crc32(b, crc32(a))).toBe(slowCrc(both));
        expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(slowCrc(both));
      }),
    );
  });
});

interface TestEntry {
  path: string;
  deflate: boolean;
  /** The file's bytes in the pieces they are written in. */
  pieces: Uint8Array[];
}

async function zipOf(entries: readonly TestEntry[]): Promise<Uint8Array> {
  const out: Uint8Array[] = [];
  const zip = new ZipWriter({ write: (c) => void out.push(c.slice()) });
  for (const e of entries) {
    const w = await zip.entry(e.path, e.deflate);
    for (const p of e.pieces) await (e.deflate ? w.writeSegment(deflateSegment(p)) : w.write(p));
    await w.close();
  }
  await zip.finish();
  return Buffer.concat(out);
}

/** Python's zipfile: a second independent reader, which also checks every CRC (testzip). One process for many zips. */
function pythonRead(zips: readonly Uint8Array[]): Record<string, string>[] {
  const dir = mkdtempSync(join(tmpdir(), 'spindle-zip-'));
  const paths = zips.map((z, i) => {
    const path = join(dir, `${i}.zip`);
    writeFileSync(path, z);
    return path;
  });
  const script = 'import sys,zipfile,json\nout=[]\nfor p in sys.argv[1:]:\n  z=zipfile.ZipFile(p);assert z.testzip() is None;out.append({i.filename:z.read(i).hex() for i in z.infolist()})\nprint(json.dumps(out))';
  const r = spawnSync('python3', ['-c', script, ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Record<string, string>[];
}

const arbEntries = fc.uniqueArray(
  fc.record({
    path: fc.stringMatching(/^[a-z_é]{1,8}(\/[a-z0-9]{1,6}){0,2}\.(csv|parquet|json)$/),
    deflate: fc.boolean(),
    pieces: fc.array(fc.oneof(arbBytes, fc.string({ maxLength: 400 }).map((s) => new TextEncoder().encode(s.repeat(3)))), { maxLength: 4 }),
  }),
  { selector: (e) => e.path, maxLength: 5 },
);

describe('Deflate segments', () => {
  // zlib (strict, unlike fflate's inflater) reads segments cut anywhere, concatenated, plus the final block
  const arbSegment = fc.oneof(
    fc.uint8Array({ maxLength: 3000 }),
    fc.integer({ min: 0, max: 140_000 }).map((n) => new Uint8Array(n).fill(97)),
    fc.array(fc.constantFrom('id,', 'name,', '2024-01-01T00:00:00.000Z', '\n', 'x'), { maxLength: 3000 }).map((a) => new TextEncoder().encode(a.join(''))),
  );
  it('concatenate into one valid deflate stream (sync-flushed, byte-aligned)', () => {
    fc.assert(
      fc.property(fc.array(arbSegment, { maxLength: 4 }), (parts) => {
        const stream = Buffer.concat([...parts.map((p) => deflateSegment(p).bytes), Buffer.from([3, 0])]);
        expect(inflateRawSync(stream).equals(Buffer.concat(parts))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Streaming zip writer', () => {
  it('is read back by three independent unzips (fflate, jszip and Python zipfile, CRCs checked), whatever the pieces', async () => {
    const seen: { zip: Uint8Array; want: Record<string, Buffer> }[] = [];
    await fc.assert(
      fc.asyncProperty(arbEntries, async (entries) => {
        const zip = await zipOf(entries);
        const want = Object.fromEntries(entries.map((e) => [e.path, Buffer.concat(e.pieces)]));
        const got = unzipSync(zip);
        expect(Object.keys(got)).toEqual(entries.map((e) => e.path));
        for (const [path, bytes] of Object.entries(want)) expect(Buffer.from(got[path]).equals(bytes)).toBe(true);
        // jszip, the stack's zip library (our streaming writer replaced it for writing), checks CRCs too
        const jz = await JSZip.loadAsync(zip, { checkCRC32: true });
        expect(Object.keys(jz.files).filter((p) => !jz.files[p].dir)).toEqual(entries.map((e) => e.path));
        for (const [path, bytes] of Object.entries(want)) expect(Buffer.from(await jz.file(path)!.async('uint8array')).equals(bytes)).toBe(true);
        seen.push({ zip, want });
      }),
      { numRuns: 40 },
    );
    pythonRead(seen.map((s) => s.zip)).forEach((py, i) => {
      for (const [path, bytes] of Object.entries(seen[i].want)) expect(py[path]).toBe(bytes.toString('hex'));
    });
  });

  it('stores and deflates as asked, with fixed DOS dates and sizes in data descriptors', async () => {
    const zip = await zipOf([
      { path: 'a.parquet', deflate: false, pieces: [new Uint8Array([1, 2, 3])] },
      { path: 'b.csv', deflate: true, pieces: [new TextEncoder().encode('x,y\n'.repeat(100))] },
    ]);
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50);
    expect(view.getUint16(6, true) & 8).toBe(8); // sizes follow the data
    expect(view.getUint16(8, true)).toBe(0); // stored
    expect(view.getUint16(10, true)).toBe(0); // 00:00
    expect(view.getUint16(12, true)).toBe((44 << 9) | (1 << 5) | 1); // 2024-01-01
    const second = 30 + 'a.parquet'.length + 3 + 16;
    expect(view.getUint16(second + 8, true)).toBe(8); // deflated
  });

  it('writes ZIP64 end records past 65,535 entries, still readable', async () => {
    const n = 70_000;
    const out: Uint8Array[] = [];
    const zip = new ZipWriter({ write: (c) => void out.push(c.slice()) });
    for (let i = 0; i < n; i++) {
      const w = await zip.entry(`f${i}`, false);
      await w.close();
    }
    await zip.finish();
    const bytes = Buffer.concat(out);
    expect(bytes.indexOf(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBeGreaterThan(0);
    const py = spawnSync('python3', ['-c', 'import sys,zipfile;print(len(zipfile.ZipFile(sys.argv[1]).infolist()))', (() => {
      const p = join(mkdtempSync(join(tmpdir(), 'spindle-zip-')), 'many.zip');
      writeFileSync(p, bytes);
      return p;
    })()], { encoding: 'utf8' });
    expect(py.stdout.trim()).toBe(String(n));
  });

  it('gives the same bytes for the same segments, and a deflated empty file is valid', async () => {
    const entries: TestEntry[] = [
      { path: 'e.txt', deflate: true, pieces: [] },
      { path: 'f.txt', deflate: true, pieces: [new Uint8Array(200_000).fill(65)] },
    ];
    const a = await zipOf(entries);
    expect(Buffer.from(a).equals(Buffer.from(await zipOf(entries)))).toBe(true);
    expect(unzipSync(a)['e.txt']).toHaveLength(0);
    expect(pythonRead([a])[0]['f.txt']).toBe(Buffer.alloc(200_000, 65).toString('hex'));
  });

  it('refuses to interleave entries', async () => {
    const zip = new ZipWriter({ write: () => {} });
    await zip.entry('a', false);
    await expect(zip.entry('b', false)).rejects.toThrow(/still open/);
    await expect(zip.finish()).rejects.toThrow(/still open/);
  });
});
