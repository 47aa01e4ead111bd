import { tableFromIPC, tableToIPC } from 'apache-arrow';
import fc from 'fast-check';
import { parquetMetadata, readColumnIndex, readOffsetIndex } from 'hyparquet';
import { Compression, readParquet, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/esm';
import { describe, expect, it } from 'vitest';
import { columnFromValues, makeTable, sliceTable, type Table } from '../table/column';
import { toArrow } from './arrow';
import { arbTableUpTo, expectParquetHolds } from './output.test-utils';
import { encodeParquetPart } from './parquet';
import { ParquetStitcher } from './parquet-stitch';
import { ThriftReader, ThriftWriter } from './thrift';

/**
 * A part from another writer: arrow-rs (parquet-wasm), which also writes page indexes (column
 * and offset indexes) that the stitcher must move. Our own writer writes none.
 */
function arrowRsPart(rows: Table): Uint8Array {
  const props = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).build();
  return writeParquet(WasmTable.fromIPCStream(tableToIPC(toArrow(rows), 'stream')), props);
}

/** `t` cut at `cuts` (row indices), each piece a part, stitched into one file. */
function stitched(t: Table, cuts: readonly number[], encode: (rows: Table) => Uint8Array = encodeParquetPart): Uint8Array {
  const bounds = [0, ...[...new Set(cuts)].filter((c) => c > 0 && c < t.length).sort((a, b) => a - b), t.length];
  const s = new ParquetStitcher();
  const chunks: Uint8Array[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) chunks.push(s.add(encode(sliceTable(t, bounds[i], bounds[i + 1]))).slice());
  chunks.push(s.finish());
  return Buffer.concat(chunks);
}

const arbCut = arbTableUpTo(300).chain((t) => fc.tuple(fc.constant(t), fc.array(fc.integer({ min: 1, max: Math.max(1, t.length - 1) }), { maxLength: 6 })));

/** Every column chunk lies between the previous ones and the footer; every page index (when written) points where its pages are. */
function expectIndexesConsistent(bytes: Uint8Array): void {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const meta = parquetMetadata(file);
  const view = new DataView(file);
  meta.row_groups.forEach((g, gi) => {
    if (gi > 0) expect(Number(g.file_offset)).toBeGreaterThan(Number(meta.row_groups[gi - 1].file_offset));
    g.columns.forEach((c, ci) => {
      const m = c.meta_data!;
      const start = Number(m.dictionary_page_offset ?? m.data_page_offset);
      const end = start + Number(m.total_compressed_size);
      if (ci === 0) expect(Number(g.file_offset)).toBe(start);
      expect(end).toBeLessThanOrEqual(bytes.length - 8);
      if (c.offset_index_offset === undefined) return;
      const oi = readOffsetIndex({ view, offset: Number(c.offset_index_offset) });
      expect(Number(oi.page_locations[0].offset)).toBe(Number(m.data_page_offset));
      for (const loc of oi.page_locations) {
        expect(Number(loc.offset)).toBeGreaterThanOrEqual(start);
        expect(Number(loc.offset) + loc.compressed_page_size).toBeLessThanOrEqual(end);
      }
      if (c.column_index_offset !== undefined) readColumnIndex({ view, offset: Number(c.column_index_offset) }, { name: 'x' } as never);
    });
  });
}

describe('Parquet stitching (row groups written as parts, on any thread)', () => {
  it('holds every row and value, read back by hyparquet, whatever the cut points', async () => {
    await fc.assert(
      fc.asyncProperty(arbCut, async ([t, cuts]) => {
        const bytes = stitched(t, cuts);
        await expectParquetHolds(bytes, t);
        expectIndexesConsistent(bytes);
      }),
      { numRuns: 40 },
    );
  });

  it("moves another writer's page indexes with its column chunks (arrow-rs parts)", async () => {
    await fc.assert(
      fc.asyncProperty(arbCut, async ([t, cuts]) => {
        fc.pre(t.length > 0);
        const bytes = stitched(t, cuts, arrowRsPart);
        await expectParquetHolds(bytes, t);
        expectIndexesConsistent(bytes);
        const meta = parquetMetadata(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
        expect(meta.row_groups.every((g) => g.columns.every((c) => c.offset_index_offset !== undefined))).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('is read by arrow-rs (parquet-wasm) with one row group per part and the same rows', () => {
    const n = 5000;
    const t = makeTable('t', [
      columnFromValues('id', 'int', Array.from({ length: n }, (_, i) => i * 7)),
      columnFromValues('s', 'string', Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : `v${i % 97}`))),
    ]);
    const bytes = stitched(t, [1000, 2500, 4999]);
    const back = tableFromIPC(readParquet(bytes).intoIPCStream());
    expect(back.numRows).toBe(n);
    expect(Array.from(back.getChild('id')!.toArray() as BigInt64Array, Number)).toEqual(Array.from({ length: n }, (_, i) => i * 7));
    expect(back.getChild('s')!.get(4998)).toBe(`v${4998 % 97}`);
    expect(back.getChild('s')!.get(13)).toBeNull();
    expect(parquetMetadata(bytes.buffer.slice(0) as ArrayBuffer).row_groups.map((g) => Number(g.num_rows))).toEqual([1000, 1500, 2499, 1]);
  });

  it('gives a one-part file byte for byte, and the same bytes for the same parts', () => {
    fc.assert(
      fc.property(arbCut, ([t, cuts]) => {
        expect(Buffer.from(stitched(t, [])).equals(Buffer.from(encodeParquetPart(t)))).toBe(true);
        expect(Buffer.from(stitched(t, cuts)).equals(Buffer.from(stitched(t, cuts)))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('refuses bytes that are not a Parquet file', () => {
    expect(() => new ParquetStitcher().add(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toThrow(/not a Parquet file/);
    expect(() => new ParquetStitcher().finish()).toThrow(/no parts/);
  });
});

describe('Thrift compact codec', () => {
  it('re-encodes real Parquet footers to the same bytes', () => {
    fc.assert(
      fc.property(arbTableUpTo(50), (t) => {
        const part = encodeParquetPart(t);
        const n = part.length;
        const length = new DataView(part.buffer, part.byteOffset).getUint32(n - 8, true);
        const footer = part.subarray(n - 8 - length, n - 8);
        const r = new ThriftReader(footer);
        const again = new ThriftWriter().struct(r.struct()).finish();
        expect(r.pos).toBe(footer.length);
        expect(Buffer.from(again).equals(Buffer.from(footer))).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('round-trips every type: bools, bytes, i16/i32/i64 extremes, doubles, binary, lists (long ones too), maps, nested structs, big field-id gaps', () => {
    const struct = {
      kind: 'struct' as const,
      fields: [
        { id: 1, type: 1, value: true },
        { id: 2, type: 1, value: false },
        { id: 3, type: 3, value: 255 },
        { id: 4, type: 4, value: -32768 },
        { id: 5, type: 5, value: -(2 ** 31) },
        { id: 6, type: 6, value: -(2n ** 63n) },
        { id: 7, type: 6, value: 2n ** 63n - 1n },
        { id: 30, type: 7, value: -1.5e300 },
        { id: 31, type: 8, value: new Uint8Array([0, 1, 255]) },
        { id: 32, type: 9, value: { kind: 'list' as const, type: 9, elem: 5, items: Array.from({ length: 20 }, (_, i) => i - 10) } },
        { id: 33, type: 11, value: { kind: 'map' as const, key: 8, value: 12, entries: [[new Uint8Array([65]), { kind: 'struct' as const, fields: [{ id: 1, type: 6, value: 5n }] }]] as never } },
        { id: 34, type: 11, value: { kind: 'map' as const, key: 0, value: 0, entries: [] } },
        { id: 1000, type: 12, value: { kind: 'struct' as const, fields: [] } },
      ],
    };
    const bytes = new ThriftWriter().struct(struct).finish();
    const back = new ThriftReader(bytes).struct();
    expect(back).toEqual(struct);
    expect(Buffer.from(new ThriftWriter().struct(back).finish()).equals(Buffer.from(bytes))).toBe(true);
  });
});
