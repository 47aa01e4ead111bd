/**
 * The Parquet writer, checked by three readers that share no code with it: hyparquet (JS),
 * arrow-rs through parquet-wasm, and DuckDB (whose row-group skipping trusts our statistics).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC } from 'apache-arrow';
import fc from 'fast-check';
import { parquetMetadata, parquetReadObjects, snappyUncompress } from 'hyparquet';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readParquet } from 'parquet-wasm/esm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../../../test/tree-hash';
import { bigintColumn, decimalColumn, decimalText, dictColumn, makeTable, numberColumn, timeColumn, Utf8Builder, type Column, type Table } from '../../table/column';
import { writeParquetBytes } from '../parquet';
import { ByteSink } from '../bytes';
import { definitionLevels, rleHybrid } from './rle';
import { snappyCompress } from './snappy';
import { encodeParquetPart } from './writer';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 4 });

/** A column of `n` rows of one kind, with nulls; strings both UTF-8 and dictionary-coded (dictionaries up to 5,000 entries). */
function arbColumn(n: number, j: number): fc.Arbitrary<Column> {
  const name = `c${j}`;
  const mask = (vals: readonly unknown[]) => (vals.some((v) => v === null) ? Uint8Array.from(vals, (v) => (v === null ? 0 : 1)) : undefined);
  const anyOf = <T>(arb: fc.Arbitrary<T>) => fc.array(maybe(arb), { minLength: n, maxLength: n });
  // numbers: mostly distinct (PLAIN), or drawn from a few values (written as a dictionary)
  const few = <T>(arb: fc.Arbitrary<T>) => fc.uniqueArray(arb, { minLength: 1, maxLength: 9 }).chain((vals) => anyOf(fc.constantFrom(...vals)));
  const of = <T>(arb: fc.Arbitrary<T>) => fc.oneof(anyOf(arb), few(arb));
  return fc.oneof(
    of(fc.integer({ min: -(2 ** 52), max: 2 ** 52 })).map((v) => numberColumn(name, 'int', Float64Array.from(v, (x) => x ?? 0), mask(v))),
    of(fc.double({ noDefaultInfinity: true })).map((v) => numberColumn(name, 'float', Float64Array.from(v, (x) => x ?? 0), mask(v))),
    of(fc.integer({ min: -(2 ** 50), max: 2 ** 50 })).map((v) => numberColumn(name, 'timestamp', Float64Array.from(v, (x) => x ?? 0), mask(v))),
    anyOf(fc.boolean()).map((v) => ({ name, type: 'bool' as const, values: Uint8Array.from(v, (x) => (x ? 1 : 0)), ...(mask(v) ? { valid: mask(v) } : {}) })),
    of(fc.integer({ min: -100_000, max: 100_000 })).map((v) => ({ name, type: 'date' as const, values: Int32Array.from(v, (x) => x ?? 0), ...(mask(v) ? { valid: mask(v) } : {}) })),
    // UTF-8 strings: mostly distinct (PLAIN), or drawn from a few values (written as a dictionary)
    // ...or ids of one width and no nulls (copied a word at a time)
    fc
      .oneof(
        anyOf(fc.string({ maxLength: 80, unit: 'grapheme' })),
        anyOf(fc.constantFrom('', 'a', 'ab', 'é😀', 'x'.repeat(70), 'zz')),
        fc.array(fc.string({ minLength: 8, maxLength: 8, unit: fc.constantFrom('0', '9', 'a', 'f', '-') }), { minLength: n, maxLength: n }),
      )
      .map((v) => {
      const b = new Utf8Builder(n, 8);
      for (const s of v) {
        if (s === null) b.appendNull();
        else b.append(s);
      }
      return b.finish(name);
    }),
    fc.integer({ min: 1, max: 5000 }).chain((size) =>
      anyOf(fc.integer({ min: 0, max: size - 1 })).map((v) => dictColumn(name, Array.from({ length: size }, (_, k) => `v${(k * 7919) % 10007}`), Int32Array.from(v, (x) => x ?? 0), mask(v))),
    ),
    of(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })).map((v) => bigintColumn(name, BigInt64Array.from(v, (x) => x ?? 0n), mask(v))),
    fc.constantFrom([9, 2], [18, 4], [30, 3], [38, 0]).chain(([p, s]) =>
      of(fc.bigInt({ min: -(10n ** BigInt(Math.min(p, 18))) + 1n, max: 10n ** BigInt(Math.min(p, 18)) - 1n })).map((v) => decimalColumn(name, p, s, BigInt64Array.from(v, (x) => x ?? 0n), mask(v))),
    ),
    of(fc.integer({ min: 0, max: 86_399_999_999 })).map((v) => timeColumn(name, Float64Array.from(v, (x) => x ?? 0), mask(v))),
  );
}

const arbTable = (maxRows: number) =>
  fc.integer({ min: 0, max: maxRows }).chain((n) =>
    fc.integer({ min: 1, max: 5 }).chain((k) => fc.tuple(...Array.from({ length: k }, (_, j) => arbColumn(n, j))).map((cols) => makeTable('t', cols))),
  );

const present = (c: Column, i: number) => !c.valid || c.valid[i] === 1;

/** Row `i` of `c` as hyparquet returns it (utf8 on, its default conversions). */
function expectedHyparquet(c: Column, i: number): unknown {
  if (!present(c, i)) return null;
  switch (c.type) {
    case 'int':
    case 'time':
      return BigInt(c.values[i]);
    case 'float':
      return c.values[i];
    case 'timestamp':
      // hyparquet divides µs by 1000 as BigInts, truncating towards zero
      return new Date(Math.trunc(c.values[i] / 1000));
    case 'date':
      return new Date(c.values[i] * 86_400_000);
    case 'bool':
      return c.values[i] === 1;
    case 'string':
      return c.encoding === 'dict' ? c.dict[c.codes[i]] : new TextDecoder().decode(c.bytes.subarray(c.offsets[i], c.offsets[i + 1]));
    case 'bigint':
      return c.values[i];
    case 'decimal':
      return Number(decimalText(c.values[i], c.scale));
  }
}

const fileOf = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('Parquet writer', () => {
  it('every kind, with nulls, reads back value for value in hyparquet', async () => {
    await fc.assert(
      fc.asyncProperty(arbTable(300), async (t) => {
        const bytes = encodeParquetPart(t);
        const meta = parquetMetadata(fileOf(bytes));
        expect(Number(meta.num_rows)).toBe(t.length);
        if (t.length === 0) return;
        const rows = (await parquetReadObjects({ file: fileOf(bytes), utf8: true })) as Record<string, unknown>[];
        for (const c of t.columns)
          rows.forEach((row, i) => {
            const want = expectedHyparquet(c, i);
            const got = row[c.name] ?? null;
            if (c.type === 'timestamp' && want !== null) expect((got as Date).getTime()).toBe((want as Date).getTime());
            else if (c.type === 'decimal' && want !== null) expect(got).toBeCloseTo(want as number, 0);
            else expect(got).toEqual(want);
          });
      }),
      { numRuns: 120 },
    );
  });

  it('reads back in arrow-rs (parquet-wasm) with the same values, exact kinds included', () => {
    fc.assert(
      fc.property(arbTable(200), (t) => {
        fc.pre(t.length > 0);
        const back = tableFromIPC(readParquet(encodeParquetPart(t)).intoIPCStream());
        expect(back.numRows).toBe(t.length);
        for (const c of t.columns) {
          const col = back.getChild(c.name)!;
          for (let i = 0; i < t.length; i++) {
            const got = col.get(i);
            if (!present(c, i)) {
              expect(got).toBeNull();
              continue;
            }
            switch (c.type) {
              case 'int':
              case 'time':
                expect(Number(got)).toBe(c.values[i]);
                break;
              case 'timestamp':
                // arrow-js gives milliseconds as a double for µs timestamps
                expect(Math.floor(Number(got))).toBe(Math.floor(c.values[i] / 1000));
                break;
              case 'float':
                expect(Object.is(got, c.values[i]) || (Number.isNaN(got) && Number.isNaN(c.values[i]))).toBe(true);
                break;
              case 'bool':
                expect(got).toBe(c.values[i] === 1);
                break;
              case 'date':
                expect(Math.round(Number(got) / 86_400_000)).toBe(c.values[i]);
                break;
              case 'string':
                expect(got).toBe(expectedHyparquet(c, i));
                break;
              case 'bigint':
                expect(got).toBe(c.values[i]);
                break;
              case 'decimal': {
                // Decimal128 as four little-endian 32-bit words: the low 64 bits are the unscaled value
                const words = got as Uint32Array;
                expect(new BigInt64Array(words.slice(0, 2).buffer)[0]).toBe(c.values[i]);
                break;
              }
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('writes repeating UTF-8 values as a dictionary, distinct ones (ids) as PLAIN, and long random ids uncompressed', async () => {
    const n = 20_000;
    const repeating = new Utf8Builder(n, 36);
    const distinct = new Utf8Builder(n, 36);
    for (let i = 0; i < n; i++) {
      repeating.append(`session-${Math.floor(i / 7)}`);
      distinct.append(`${((i * 2654435761) % 4294967296).toString(16).padStart(8, '0')}${((i * 40503) % 65536).toString(36)}`);
    }
    const t = makeTable('t', [repeating.finish('session_id'), distinct.finish('view_id')]);
    const bytes = encodeParquetPart(t);
    const [session, view] = parquetMetadata(fileOf(bytes)).row_groups[0].columns.map((c) => c.meta_data!);
    expect(session.encodings).toContain('RLE_DICTIONARY');
    expect(Number(session.total_compressed_size)).toBeLessThan(n * 2);
    expect(view.encodings).not.toContain('RLE_DICTIONARY');
    const rows = (await parquetReadObjects({ file: fileOf(bytes), utf8: true })) as { session_id: string; view_id: string }[];
    expect(rows.map((r) => r.session_id)).toEqual(Array.from({ length: n }, (_, i) => `session-${Math.floor(i / 7)}`));
  });

  it('writes repeating numbers of every kind as a dictionary with the statistics of their values, distinct ones as PLAIN', async () => {
    const n = 20_000;
    const valid = Uint8Array.from({ length: n }, (_, i) => (i % 13 ? 1 : 0));
    const t = makeTable('t', [
      numberColumn('quantity', 'int', Float64Array.from({ length: n }, (_, i) => 1 + ((i * 7) % 20)), valid),
      numberColumn('price', 'float', Float64Array.from({ length: n }, (_, i) => [9.99, -0.5, 120, 0][i % 4])),
      numberColumn('at', 'timestamp', Float64Array.from({ length: n }, (_, i) => 1_704_067_200_000_000 + (i % 50) * 3_600_000_000)),
      { name: 'day', type: 'date', values: Int32Array.from({ length: n }, (_, i) => 19_700 + (i % 31)) },
      decimalColumn('amount', 18, 2, BigInt64Array.from({ length: n }, (_, i) => BigInt((i % 6) * 250 - 300))),
      numberColumn('id', 'int', Float64Array.from({ length: n }, (_, i) => i + 1)),
    ]);
    const bytes = encodeParquetPart(t);
    const chunks = parquetMetadata(fileOf(bytes)).row_groups[0].columns.map((c) => c.meta_data!);
    for (const c of chunks.slice(0, 5)) expect(c.encodings, c.path_in_schema[0]).toContain('RLE_DICTIONARY');
    expect(chunks[5].encodings).not.toContain('RLE_DICTIONARY');
    // a few bits a row instead of eight bytes
    expect(Number(chunks[0].total_compressed_size)).toBeLessThan(n);
    const stats = chunks.map((c) => c.statistics!);
    expect([stats[0].min_value, stats[0].max_value, stats[0].null_count]).toEqual([1n, 20n, BigInt(Math.ceil(n / 13))]);
    expect([stats[1].min_value, stats[1].max_value]).toEqual([-0.5, 120]);
    expect([stats[4].min_value, stats[4].max_value]).toEqual([-3, 9.5]);
    const rows = (await parquetReadObjects({ file: fileOf(bytes), utf8: true })) as Record<string, unknown>[];
    for (const c of t.columns) rows.forEach((row, i) => expect(row[c.name] ?? null, `${c.name}[${i}]`).toEqual(expectedHyparquet(c, i)));
  });

  it('gives the same bytes for a table whatever was encoded before it (intermediates reuse memory that is not cleared)', () => {
    fc.assert(
      fc.property(arbTable(400), arbTable(400), (a, b) => {
        const first = encodeParquetPart(a);
        encodeParquetPart(b);
        expect(Buffer.from(encodeParquetPart(a)).equals(Buffer.from(first))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same bytes for the same table, and these bytes (golden)', () => {
    const n = 70_000;
    const ts = Float64Array.from({ length: n }, (_, i) => 1_704_067_200_000_000 + i * 1_234_567);
    const ids = new Utf8Builder(n, 36);
    for (let i = 0; i < n; i++) ids.append(`id-${(i * 2654435761) % 4294967296}`);
    const t = makeTable('golden', [
      numberColumn('at', 'timestamp', ts),
      numberColumn('amount', 'float', Float64Array.from({ length: n }, (_, i) => ((i * 37) % 1000) / 8), Uint8Array.from({ length: n }, (_, i) => (i % 11 ? 1 : 0))),
      dictColumn('state', ['new', 'paid', 'sent'], Int32Array.from({ length: n }, (_, i) => (i * 7) % 3)),
      ids.finish('id'),
    ]);
    const a = encodeParquetPart(t);
    expect(Buffer.from(encodeParquetPart(t)).equals(Buffer.from(a))).toBe(true);
    expect(sha256(a)).toBe('c9da473e4a2bc9ca534875e959e50eea5e25924743b772a62f8888903376a0b1');
  });
});

describe('Parquet writer statistics, trusted by DuckDB', () => {
  let dir: string;
  let con: DuckDBConnection;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'spindle-pq-'));
    con = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => {
    con?.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  it('filters over many row groups count what the rows say (wrong min/max would skip row groups)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 0, max: 1_000_000 }), async (n, salt) => {
        const v = Float64Array.from({ length: n }, (_, i) => ((i * 7919 + salt) % 10007) - 5000);
        const f = Float64Array.from({ length: n }, (_, i) => (i % 97 === 0 ? -0 : Math.sin(i + salt) * 1000));
        const s = new Utf8Builder(n, 8);
        for (let i = 0; i < n; i++) s.append(`k${(i * 31 + salt) % 1000}`);
        const u = new Utf8Builder(n, 8);
        const uText = (i: number) => String((i * 7919 + salt) % 100_000).padStart(8, '0');
        for (let i = 0; i < n; i++) u.append(uText(i));
        const t = makeTable('t', [
          numberColumn('v', 'int', v),
          numberColumn('f', 'float', f),
          s.finish('s'),
          dictColumn('d', ['b', 'a', 'c', 'é'], Int32Array.from({ length: n }, (_, i) => (i + salt) % 4)),
          u.finish('u'),
        ]);
        const path = join(dir, `t${salt}.parquet`);
        // small row groups so that statistics decide which are read
        writeFileSync(path, writeParquetRowGroups(t, 300));
        const q = async (where: string) => Number((await con.runAndReadAll(`SELECT count(*) FROM '${path}' WHERE ${where}`)).getRows()[0][0]);
        const count = (pred: (i: number) => boolean) => Array.from({ length: n }, (_, i) => i).filter(pred).length;
        const cut = (salt % 10007) - 5000;
        expect(await q(`v > ${cut}`)).toBe(count((i) => v[i] > cut));
        expect(await q(`f < 0`)).toBe(count((i) => f[i] < 0));
        expect(await q(`s >= 'k5'`)).toBe(count((i) => `k${(i * 31 + salt) % 1000}` >= 'k5'));
        expect(await q(`d = 'é'`)).toBe(count((i) => (i + salt) % 4 === 3));
        const uCut = uText(salt % n);
        expect(await q(`u > '${uCut}'`)).toBe(count((i) => uText(i) > uCut));
        expect(await q(`u <= '${uCut}'`)).toBe(count((i) => uText(i) <= uCut));
      }),
      { numRuns: 15 },
    );
  });
});

/** `t` as one Parquet file of row groups of `size` rows (the stitcher's own path). */
function writeParquetRowGroups(t: Table, size: number): Uint8Array {
  return writeParquetBytes(t, size);
}

describe('Snappy and the RLE hybrid', () => {
  it('snappy output decompresses (hyparquet) to the input, for random, repetitive and long inputs', () => {
    const arbBytes = fc.oneof(
      fc.uint8Array({ maxLength: 5000 }),
      fc.array(fc.constantFrom(...'abcdefgh0123-'.split('')), { maxLength: 200_000 }).map((cs) => new TextEncoder().encode(cs.join(''))),
      fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 20_000 })).map(([unit, k]) => {
        const out = new Uint8Array(unit.length * k);
        for (let i = 0; i < k; i++) out.set(unit, i * unit.length);
        return out;
      }),
      // a view into a larger buffer, at an odd offset (the compressor reads words through a DataView)
      fc.tuple(fc.uint8Array({ maxLength: 3000 }), fc.integer({ min: 1, max: 7 })).map(([bytes, lead]) => {
        const backing = new Uint8Array(bytes.length + lead + 5).fill(7);
        backing.set(bytes, lead);
        return backing.subarray(lead, lead + bytes.length);
      }),
    );
    fc.assert(
      fc.property(arbBytes, fc.constantFrom(4, 8), (src, minMatch) => {
        const packed = snappyCompress(src, minMatch);
        const out = new Uint8Array(src.length);
        snappyUncompress(packed, out);
        expect(Buffer.from(out).equals(Buffer.from(src))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('RLE hybrid decodes (reference decoder below) to the values for any width', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 32 }).chain((w) => fc.tuple(fc.constant(w), fc.array(fc.oneof(fc.integer({ min: 0, max: 2 ** w - 1 }), fc.constant(0)), { maxLength: 3000 }))),
        ([width, values]) => {
          const sink = new ByteSink(16);
          rleHybrid(sink, values, values.length, width);
          expect(decodeRleHybrid(sink.finish(), width, values.length)).toEqual(values);
        },
      ),
      { numRuns: 300 },
    );
    const sink = new ByteSink(16);
    definitionLevels(sink, undefined, 1000);
    expect(decodeRleHybrid(sink.finish(), 1, 1000)).toEqual(Array(1000).fill(1));
  });
});

/** A plain reading of the hybrid format, written from the spec, to check the encoder against. */
function decodeRleHybrid(buf: Uint8Array, width: number, n: number): number[] {
  const out: number[] = [];
  let p = 0;
  const varint = () => {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = buf[p++];
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  };
  while (out.length < n) {
    const head = varint();
    if (head % 2 === 0) {
      let v = 0;
      for (let b = 0; b < Math.ceil(width / 8); b++) v += buf[p++] * 2 ** (8 * b);
      for (let k = 0; k < head / 2; k++) out.push(v);
    } else {
      const count = ((head - 1) / 2) * 8;
      let bit = 0;
      for (let k = 0; k < count; k++) {
        let v = 0;
        for (let b = 0; b < width; b++, bit++) v += ((buf[p + (bit >> 3)] >> (bit & 7)) & 1) * 2 ** b;
        out.push(v);
      }
      p += (count * width) / 8;
    }
  }
  return out.slice(0, n);
}
