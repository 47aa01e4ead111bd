/**
 * Parquet writer for one row group: a table in, a complete Parquet file ("part") out, which the
 * stitcher (../parquet-stitch.ts) joins with the other row groups' parts into one file.
 *
 * Written here rather than through parquet-wasm because a simulator's tables are already
 * columnar: numbers are typed arrays (PLAIN encoding is a copy), labels are dictionary codes
 * (written as Parquet dictionaries without a hash table), and the round trip through Arrow IPC
 * into wasm memory cost as much as the encoding itself. Measured on a workflow row group
 * (262,144 events, machine under load): parquet-wasm 560 ms (Arrow + IPC + wasm), this writer
 * about 200 ms; the whole 1 M-entity workflow command went from 13.0 to 7.8 s of CPU.
 *
 * Layout: every column optional (as Arrow fields are), one data page per column chunk (format
 * v1: definition levels then values), columns whose values repeat (strings and numbers: labels,
 * ids of sessions, quantities, prices, keys into small tables) as a dictionary page and
 * RLE_DICTIONARY indices (./dictionary.ts), everything else PLAIN. Pages are
 * Snappy-compressed unless that saves under 3 % of a column chunk (judged on its first 64 KiB
 * first), which is then stored uncompressed: random ids do not compress.
 * Chunk statistics (min, max, null count) let engines skip row groups; no page indexes.
 * Physical and logical types are those parquet-wasm wrote before, so readers see the same schema.
 */
import type { Column, DictColumn, Table } from '../../table/column';
import { ByteSink } from '../bytes';
import { T, ThriftWriter, type TField, type TStruct, type TValue } from '../thrift';
import { bitWidth, definitionLevels, rleHybrid } from './rle';
import { snappyCompress } from './snappy';
import { dictionaryPage, numberDictionaryPage, utf8DictionaryPage } from './dictionary';
import { decimalByteLength, plainValues, type Encoded } from './values';
import { resetScratch, scratchU8 } from './scratch';

const MAGIC = new Uint8Array([0x50, 0x41, 0x52, 0x31]); // PAR1
const CREATED_BY = 'spindle-studio';

// parquet.thrift enums
const TYPE = { BOOLEAN: 0, INT32: 1, INT64: 2, DOUBLE: 5, BYTE_ARRAY: 6, FIXED_LEN_BYTE_ARRAY: 7 } as const;
const CONVERTED = { UTF8: 0, DECIMAL: 5, DATE: 6, TIME_MICROS: 8, TIMESTAMP_MICROS: 10 } as const;
const ENCODING = { PLAIN: 0, RLE: 3, RLE_DICTIONARY: 8 } as const;
const CODEC = { UNCOMPRESSED: 0, SNAPPY: 1 } as const;
const PAGE = { DATA: 0, DICTIONARY: 2 } as const;
const OPTIONAL = 1;

/**
 * Shortest Snappy match taken (see snappy.ts). Strings: 8, since ids and text are full of short
 * chance matches that save little and cost most of the time. Numbers: 6, where the shared high
 * bytes of neighbouring values are what there is to gain (measured on simulator columns: ratio
 * 0.58 at 4, 0.68 at 6, 0.75 at 8; 100, 200 and 270 MB/s): half the time of 4 for a file about
 * a tenth larger in its number columns.
 */
const BYTES_MIN_MATCH = 8;
const NUMBERS_MIN_MATCH = 6;

type FieldSpec = [id: number, type: number, value: TValue | undefined];

/** A Thrift struct from `[id, type, value]` triples in ascending id order; undefined values are left out. */
function struct(...fields: FieldSpec[]): TStruct {
  return { kind: 'struct', fields: fields.filter((f) => f[2] !== undefined).map(([id, type, value]): TField => ({ id, type, value: value! })) };
}
const list = (elem: number, items: TValue[]): TValue => ({ kind: 'list', type: T.LIST, elem, items });
const empty = (): TStruct => struct();
const utf8 = new TextEncoder();

/** Parquet's schema element for a column: physical type, converted type and logical type. */
function schemaElement(c: Column): TStruct {
  const name = utf8.encode(c.name);
  const el = (type: number, extra: { length?: number; converted?: number; scale?: number; precision?: number; logical?: TStruct } = {}) =>
    struct(
      [1, T.I32, type],
      [2, T.I32, extra.length],
      [3, T.I32, OPTIONAL],
      [4, T.BINARY, name],
      [6, T.I32, extra.converted],
      [7, T.I32, extra.scale],
      [8, T.I32, extra.precision],
      [10, T.STRUCT, extra.logical],
    );
  const micros = struct([2, T.STRUCT, empty()]);
  switch (c.type) {
    case 'int':
    case 'bigint':
      return el(TYPE.INT64);
    case 'float':
      return el(TYPE.DOUBLE);
    case 'bool':
      return el(TYPE.BOOLEAN);
    case 'timestamp':
      return el(TYPE.INT64, { converted: CONVERTED.TIMESTAMP_MICROS, logical: struct([8, T.STRUCT, struct([1, T.BOOL_TRUE, true], [2, T.STRUCT, micros])]) });
    case 'time':
      return el(TYPE.INT64, { converted: CONVERTED.TIME_MICROS, logical: struct([7, T.STRUCT, struct([1, T.BOOL_TRUE, false], [2, T.STRUCT, micros])]) });
    case 'date':
      return el(TYPE.INT32, { converted: CONVERTED.DATE, logical: struct([6, T.STRUCT, empty()]) });
    case 'string':
      return el(TYPE.BYTE_ARRAY, { converted: CONVERTED.UTF8, logical: struct([1, T.STRUCT, empty()]) });
    case 'decimal': {
      const logical = struct([5, T.STRUCT, struct([1, T.I32, c.scale], [2, T.I32, c.precision])]);
      const common = { converted: CONVERTED.DECIMAL, scale: c.scale, precision: c.precision, logical };
      return c.precision <= 18 ? el(TYPE.INT64, common) : el(TYPE.FIXED_LEN_BYTE_ARRAY, { ...common, length: decimalByteLength(c.precision) });
    }
  }
}

function physicalType(el: TStruct): number {
  return el.fields[0].value as number;
}

/**
 * A page's body before compression, in parts laid end to end: the definition levels
 * (length-prefixed) and then the values, which stay where they were encoded. A page stored as it
 * is goes to the file part by part; only a page to compress is put together first.
 */
type Body = readonly Uint8Array[];

const bodyLength = (b: Body) => b.reduce((a, p) => a + p.length, 0);

/** The parts as one array (the array itself when there is one). */
function joinedBody(b: Body): Uint8Array {
  if (b.length === 1) return b[0];
  const out = scratchU8(bodyLength(b));
  let o = 0;
  for (const p of b) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The first `n` bytes of a body (fewer when it is shorter). */
function bodyStart(b: Body, n: number): Uint8Array {
  const out = scratchU8(Math.min(n, bodyLength(b)));
  let o = 0;
  for (const p of b) {
    if (o === out.length) break;
    const take = Math.min(p.length, out.length - o);
    out.set(p.subarray(0, take), o);
    o += take;
  }
  return out;
}

function dataPageBody(valid: Uint8Array | undefined, rows: number, values: Uint8Array, dictWidth?: number, indices?: Int32Array): Body {
  const levels = new ByteSink(64);
  levels.pos = 4;
  definitionLevels(levels, valid, rows);
  new DataView(levels.buf.buffer).setUint32(0, levels.pos - 4, true);
  if (indices) {
    levels.byte(dictWidth!);
    rleHybrid(levels, indices, indices.length, dictWidth!);
    return [levels.finish()];
  }
  return [levels.finish(), values];
}

/** Compression must save this share of a column chunk to be kept (random ids save about 1 %). */
const MIN_SAVING = 0.03;
/** Bytes of the largest page tried first: a chunk whose start does not compress is stored as it is. */
const TRIAL_BYTES = 1 << 16;

/** The pages Snappy-compressed, or the same bodies when compression does not save {@link MIN_SAVING}. */
function compressedIfWorth(bodies: Body[], minMatch: number): Body[] {
  const largest = bodies.reduce((a, b) => (bodyLength(b) > bodyLength(a) ? b : a));
  if (bodyLength(largest) > 2 * TRIAL_BYTES) {
    const trial = bodyStart(largest, TRIAL_BYTES);
    if (snappyCompress(trial, minMatch, scratchU8).length > trial.length * (1 - MIN_SAVING)) return bodies;
  }
  const compressed = bodies.map((b) => [snappyCompress(joinedBody(b), minMatch, scratchU8)]);
  const raw = bodies.reduce((a, b) => a + bodyLength(b), 0);
  const packed = compressed.reduce((a, b) => a + bodyLength(b), 0);
  return packed < raw * (1 - MIN_SAVING) ? compressed : bodies;
}

interface ChunkBytes {
  readonly pieces: Uint8Array[];
  readonly meta: TStruct;
  readonly size: number;
}

/** One column chunk (dictionary page when coded, one data page) starting at file offset `at`. */
function columnChunk(c: Column, rows: number, at: number): ChunkBytes {
  const el = schemaElement(c);
  let encoded: Encoded;
  let dictionary: { size: number; indices: Int32Array } | undefined;
  const page = c.type === 'bool' ? undefined : c.type !== 'string' ? numberDictionaryPage(c) : c.encoding === 'dict' ? dictionaryPage(c) : utf8DictionaryPage(c);
  if (page) {
    encoded = page;
    dictionary = page;
  } else encoded = plainValues(c as Exclude<Column, DictColumn>);
  let nulls = 0;
  if (c.valid) for (let i = 0; i < rows; i++) nulls += c.valid[i] ? 0 : 1;
  const width = dictionary ? bitWidth(Math.max(1, dictionary.size - 1)) : 0;
  const bodies: Body[] = dictionary
    ? [[encoded.values], dataPageBody(c.valid, rows, encoded.values, width, dictionary.indices)]
    : [dataPageBody(c.valid, rows, encoded.values)];
  const minMatch = physicalType(el) === TYPE.BYTE_ARRAY ? BYTES_MIN_MATCH : NUMBERS_MIN_MATCH;
  const stored = compressedIfWorth(bodies, minMatch);
  const snappy = stored !== bodies;

  const pieces: Uint8Array[] = [];
  let compressedTotal = 0;
  let uncompressedTotal = 0;
  const pageStarts: number[] = [];
  stored.forEach((body, i) => {
    const isDictionary = dictionary !== undefined && i === 0;
    const raw = bodyLength(bodies[i]);
    const size = bodyLength(body);
    const header = struct(
      [1, T.I32, isDictionary ? PAGE.DICTIONARY : PAGE.DATA],
      [2, T.I32, raw],
      [3, T.I32, size],
      [5, T.STRUCT, isDictionary ? undefined : struct([1, T.I32, rows], [2, T.I32, dictionary ? ENCODING.RLE_DICTIONARY : ENCODING.PLAIN], [3, T.I32, ENCODING.RLE], [4, T.I32, ENCODING.RLE])],
      [7, T.STRUCT, isDictionary ? struct([1, T.I32, dictionary!.size], [2, T.I32, ENCODING.PLAIN]) : undefined],
    );
    const headerBytes = new ThriftWriter().struct(header).finish();
    pageStarts.push(at + compressedTotal);
    pieces.push(headerBytes, ...body);
    compressedTotal += headerBytes.length + size;
    uncompressedTotal += headerBytes.length + raw;
  });
  const statistics = struct([3, T.I64, BigInt(nulls)], [5, T.BINARY, encoded.max], [6, T.BINARY, encoded.min]);
  const encodings = dictionary ? [ENCODING.PLAIN, ENCODING.RLE, ENCODING.RLE_DICTIONARY] : [ENCODING.PLAIN, ENCODING.RLE];
  const meta = struct(
    [1, T.I32, physicalType(el)],
    [2, T.LIST, list(T.I32, encodings)],
    [3, T.LIST, list(T.BINARY, [utf8.encode(c.name)])],
    [4, T.I32, snappy ? CODEC.SNAPPY : CODEC.UNCOMPRESSED],
    [5, T.I64, BigInt(rows)],
    [6, T.I64, BigInt(uncompressedTotal)],
    [7, T.I64, BigInt(compressedTotal)],
    [9, T.I64, BigInt(pageStarts[pageStarts.length - 1])],
    [11, T.I64, dictionary ? BigInt(pageStarts[0]) : undefined],
    [12, T.STRUCT, statistics],
  );
  return { pieces, meta, size: compressedTotal };
}

/** Memory a caller lends {@link encodeParquetPart} for its result, grown as needed and reused. */
export interface PartBuffer {
  buf: Uint8Array;
}

/**
 * The rows of `t` as a Parquet file of one row group. Same table, same bytes; the result is a
 * valid file on its own and a part for {@link ParquetStitcher}. With `into`, the result is a
 * view on its memory, valid until the next call with it (no fresh memory per part: a browser
 * pays for every fresh page); else new memory.
 */
export function encodeParquetPart(t: Table, into?: PartBuffer): Uint8Array {
  resetScratch();
  const pieces: Uint8Array[] = [MAGIC];
  let at = MAGIC.length;
  const chunks: TStruct[] = [];
  let uncompressed = 0n;
  for (const c of t.columns) {
    const chunk = columnChunk(c, t.length, at);
    pieces.push(...chunk.pieces);
    chunks.push(struct([2, T.I64, 0n], [3, T.STRUCT, chunk.meta]));
    uncompressed += chunk.meta.fields.find((f) => f.id === 6)!.value as bigint;
    at += chunk.size;
  }
  const rows = BigInt(t.length);
  const rowGroup = struct(
    [1, T.LIST, list(T.STRUCT, chunks)],
    [2, T.I64, uncompressed],
    [3, T.I64, rows],
    [5, T.I64, BigInt(MAGIC.length)],
    [6, T.I64, BigInt(at - MAGIC.length)],
    [7, T.I16, 0],
  );
  const root = struct([4, T.BINARY, utf8.encode('schema')], [5, T.I32, t.columns.length]);
  const footer = struct(
    [1, T.I32, 1],
    [2, T.LIST, list(T.STRUCT, [root, ...t.columns.map(schemaElement)])],
    [3, T.I64, rows],
    [4, T.LIST, list(T.STRUCT, [rowGroup])],
    [6, T.BINARY, utf8.encode(CREATED_BY)],
    // TypeDefinedOrder for every column: the statistics follow each type's own order
    [7, T.LIST, list(T.STRUCT, t.columns.map(() => struct([1, T.STRUCT, empty()])))],
  );
  const meta = new ThriftWriter().struct(footer).finish();
  const tail = new Uint8Array(8);
  new DataView(tail.buffer).setUint32(0, meta.length, true);
  tail.set(MAGIC, 4);
  pieces.push(meta, tail);
  const size = at + meta.length + 8;
  if (into && into.buf.length < size) into.buf = new Uint8Array(Math.max(size, into.buf.length * 2));
  const out = into ? into.buf.subarray(0, size) : new Uint8Array(size);
  let o = 0;
  for (const p of pieces) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
