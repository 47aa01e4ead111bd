/**
 * One Parquet file from row groups written as separate Parquet files ("parts"), so that row
 * groups can be encoded on any thread, in any order, and written out one at a time.
 *
 * A part is `PAR1 · column chunks · page indexes · footer · footer length · PAR1`. The stitched
 * file is `PAR1`, every part's column chunks in order, every part's page indexes, then one
 * footer holding all row groups, with every absolute offset moved to where its bytes now are.
 * A file of one part is that part, byte for byte. The result depends only on the parts, so the
 * same table gives the same bytes whatever thread encoded which row group.
 */
import { field, setField, T, ThriftReader, ThriftWriter, type TList, type TStruct, type TValue } from './thrift';

const MAGIC = new Uint8Array([0x50, 0x41, 0x52, 0x31]); // PAR1

// parquet.thrift field ids
const FILE = { numRows: 3, rowGroups: 4 } as const;
const ROW_GROUP = { columns: 1, fileOffset: 5, ordinal: 7 } as const;
const CHUNK = { fileOffset: 2, meta: 3, offsetIndexOffset: 4, offsetIndexLength: 5, columnIndexOffset: 6, columnIndexLength: 7 } as const;
const META = { totalCompressed: 7, dataPage: 9, indexPage: 10, dictionaryPage: 11, bloomFilter: 14 } as const;
const OFFSET_INDEX = { pageLocations: 1 } as const;

interface Part {
  readonly footer: TStruct;
  /** Bytes between the column chunks and the footer (page indexes), moved to the end. */
  readonly indexes: Uint8Array;
  /** Where `indexes` began in the part. */
  readonly indexStart: number;
  /** Where the part's column chunks begin in the stitched file, minus 4 (their offset in the part). */
  readonly shift: number;
}

const i64 = (s: TStruct, id: number): number | undefined => {
  const f = field(s, id);
  return f ? Number(f.value as bigint) : undefined;
};

function columnChunks(footer: TStruct): TStruct[] {
  const groups = (field(footer, FILE.rowGroups)?.value as TList | undefined)?.items ?? [];
  return groups.flatMap((g) => ((field(g as TStruct, ROW_GROUP.columns)?.value as TList).items as TStruct[]));
}

/** Split a part into its footer and regions; checks the layout the stitcher relies on. */
function readPart(part: Uint8Array): { footer: TStruct; dataEnd: number; footerStart: number } {
  const n = part.length;
  const ok = n >= 12 && MAGIC.every((b, i) => part[i] === b && part[n - 4 + i] === b);
  if (!ok) throw new Error('parquet stitch: a part is not a Parquet file');
  const footerLength = new DataView(part.buffer, part.byteOffset + n - 8, 4).getUint32(0, true);
  const footerStart = n - 8 - footerLength;
  // read from a copy: the footer's binary values (statistics) are views on what they are read
  // from, and a part may be a view on memory its encoder reuses for the next one
  const footer = new ThriftReader(part.slice(footerStart, n - 8), 0).struct();
  let dataEnd = 4;
  for (const chunk of columnChunks(footer)) {
    const meta = field(chunk, CHUNK.meta)!.value as TStruct;
    if (field(meta, META.bloomFilter)) throw new Error('parquet stitch: bloom filters are not supported');
    const start = i64(meta, META.dictionaryPage) || i64(meta, META.dataPage)!;
    dataEnd = Math.max(dataEnd, start + i64(meta, META.totalCompressed)!);
  }
  for (const chunk of columnChunks(footer))
    for (const id of [CHUNK.offsetIndexOffset, CHUNK.columnIndexOffset]) {
      const at = i64(chunk, id);
      if (at !== undefined && (at < dataEnd || at >= footerStart)) throw new Error('parquet stitch: page index outside the index region');
    }
  return { footer, dataEnd, footerStart };
}

const moved = (s: TStruct, id: number, by: number) => {
  const f = field(s, id);
  // 0 means "not set" for the deprecated file offsets some writers leave at zero
  if (f && (f.value as bigint) > 0n) f.value = (f.value as bigint) + BigInt(by);
};

/**
 * Streams a Parquet file from its parts: `add(part)` returns the bytes to write now (the
 * part's column chunks), `finish()` the rest (page indexes and the footer).
 */
export class ParquetStitcher {
  private readonly parts: Part[] = [];
  /** The first part from the end of its column chunks (a file of one part ends with it). */
  private firstEnd: Uint8Array | undefined;
  private written = 0;

  /** Add the next row group's part; returns the bytes to append to the file now. */
  add(part: Uint8Array): Uint8Array {
    const { footer, dataEnd, footerStart } = readPart(part);
    if (this.parts.length === 0) {
      // its end kept until finish (a copy: the part may be reused memory): a one-part file is the part itself
      this.firstEnd = part.slice(dataEnd);
    }
    const out = this.written === 0 ? part.subarray(0, dataEnd) : part.subarray(4, dataEnd);
    const shift = (this.written === 0 ? 4 : this.written) - 4;
    this.parts.push({ footer, indexes: part.slice(dataEnd, footerStart), indexStart: dataEnd, shift });
    this.written += out.length;
    return out;
  }

  /** The page indexes and the footer that end the file. */
  finish(): Uint8Array {
    if (this.parts.length === 0) throw new Error('parquet stitch: no parts');
    if (this.parts.length === 1) return this.firstEnd!;
    // page indexes are laid out afresh after all column chunks: every column index, then every
    // offset index (re-encoded: the page offsets inside grow, and so may their varints)
    const columnIndexes: Uint8Array[] = [];
    const offsetIndexes: Uint8Array[] = [];
    const placeColumn: [TStruct, number][] = [];
    const placeOffset: [TStruct, number][] = [];
    const groups: TValue[] = [];
    let rows = 0n;
    for (const part of this.parts) {
      for (const g of (field(part.footer, FILE.rowGroups)!.value as TList).items as TStruct[]) {
        moved(g, ROW_GROUP.fileOffset, part.shift);
        if (field(g, ROW_GROUP.ordinal)) setField(g, ROW_GROUP.ordinal, T.I16, groups.length);
        for (const chunk of (field(g, ROW_GROUP.columns)!.value as TList).items as TStruct[]) {
          const ci = region(part, chunk, CHUNK.columnIndexOffset, CHUNK.columnIndexLength);
          if (ci) {
            columnIndexes.push(ci);
            placeColumn.push([chunk, ci.length]);
          }
          const oi = region(part, chunk, CHUNK.offsetIndexOffset, CHUNK.offsetIndexLength);
          if (oi) {
            const index = new ThriftReader(oi).struct();
            for (const loc of (field(index, OFFSET_INDEX.pageLocations)!.value as TList).items as TStruct[]) moved(loc, 1, part.shift);
            const bytes = new ThriftWriter().struct(index).finish();
            offsetIndexes.push(bytes);
            placeOffset.push([chunk, bytes.length]);
          }
          moved(chunk, CHUNK.fileOffset, part.shift);
          const meta = field(chunk, CHUNK.meta)!.value as TStruct;
          for (const id of [META.dataPage, META.indexPage, META.dictionaryPage]) moved(meta, id, part.shift);
        }
        groups.push(g);
      }
      rows += field(part.footer, FILE.numRows)!.value as bigint;
    }
    let at = this.written;
    for (const [chunk, length] of placeColumn) {
      setField(chunk, CHUNK.columnIndexOffset, T.I64, BigInt(at));
      setField(chunk, CHUNK.columnIndexLength, T.I32, length);
      at += length;
    }
    for (const [chunk, length] of placeOffset) {
      setField(chunk, CHUNK.offsetIndexOffset, T.I64, BigInt(at));
      setField(chunk, CHUNK.offsetIndexLength, T.I32, length);
      at += length;
    }
    const footer: TStruct = { kind: 'struct', fields: this.parts[0].footer.fields.map((f) => ({ ...f })) };
    setField(footer, FILE.numRows, T.I64, rows);
    const list = field(this.parts[0].footer, FILE.rowGroups)!.value as TList;
    setField(footer, FILE.rowGroups, T.LIST, { kind: 'list', type: list.type, elem: list.elem, items: groups });
    const meta = new ThriftWriter().struct(footer).finish();
    const out = new Uint8Array(at - this.written + meta.length + 8);
    let o = 0;
    for (const b of [...columnIndexes, ...offsetIndexes, meta]) {
      out.set(b, o);
      o += b.length;
    }
    new DataView(out.buffer).setUint32(o, meta.length, true);
    out.set(MAGIC, o + 4);
    return out;
  }
}

/** The bytes of a chunk's page index (offset and length fields `at`, `len`) inside its part. */
function region(part: Part, chunk: TStruct, at: number, len: number): Uint8Array | undefined {
  const offset = i64(chunk, at);
  if (offset === undefined) return undefined;
  const start = offset - part.indexStart;
  return part.indexes.subarray(start, start + Number(field(chunk, len)!.value));
}
