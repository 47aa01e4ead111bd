import { formatDate, IsoWriter } from '../time';
import type { Column, Table } from '../table/column';
import { ByteSink, entriesOf, viewOf, writeNumber, type EntryCache } from './bytes';
import { exactCellWriter } from './exact-text';
import { jsonPlain } from './scan';
import { writeRowsOf } from './selected-rows';

const encoder = new TextEncoder();

/** JSON-escape bytes[start, end) of UTF-8 text as a quoted JSON string (non-ASCII copied as is). */
function writeJsonString(out: ByteSink, bytes: Uint8Array, start: number, end: number): void {
  out.ensure((end - start) * 6 + 2);
  const buf = out.buf;
  let o = out.pos;
  buf[o++] = 34;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === 34 || b === 92) {
      buf[o++] = 92;
      buf[o++] = b;
    } else if (b < 0x20) {
      buf[o++] = 92;
      if (b === 10) buf[o++] = 110;
      else if (b === 13) buf[o++] = 114;
      else if (b === 9) buf[o++] = 116;
      else {
        const hex = b.toString(16).padStart(4, '0');
        buf[o++] = 117;
        for (let h = 0; h < 4; h++) buf[o++] = hex.charCodeAt(h);
      }
    } else buf[o++] = b;
  }
  buf[o++] = 34;
  out.pos = o;
}

type CellWriter = (out: ByteSink, row: number) => void;

/** Dictionary entries as JSON strings. */
const dictStrings: EntryCache = new WeakMap();

function cellWriter(c: Column): CellWriter {
  switch (c.type) {
    case 'string': {
      if (c.encoding === 'dict') {
        // each entry quoted when first written, and kept with the dictionary
        const quoted = entriesOf(dictStrings, c.dict);
        return (out, i) => {
          const code = c.codes[i];
          out.bytes((quoted[code] ??= jsonStringBytes(c.dict[code])));
        };
      }
      const { bytes, offsets } = c;
      if (jsonPlain(bytes, offsets[0], offsets[offsets.length - 1])) {
        // one scan of the column instead of one per cell: every cell is its own string body
        const view = viewOf(bytes);
        return (out, i) => {
          out.byte(34);
          out.copy(bytes, view, offsets[i], offsets[i + 1]);
          out.byte(34);
        };
      }
      return (out, i) => writeJsonString(out, bytes, offsets[i], offsets[i + 1]);
    }
    case 'bool':
      return (out, i) => out.ascii(c.values[i] ? 'true' : 'false');
    case 'timestamp': {
      const iso = new IsoWriter();
      return (out, i) => {
        out.ensure(42);
        out.buf[out.pos++] = 34;
        out.pos = iso.write(out.buf, out.pos, c.values[i]);
        out.buf[out.pos++] = 34;
      };
    }
    case 'date':
      return (out, i) => out.ascii(`"${formatDate(c.values[i])}"`);
    case 'bigint':
    case 'decimal':
    case 'time':
      return exactCellWriter(c, true);
    default:
      return (out, i) => writeNumber(out, c.values[i]);
  }
}

/**
 * Writes a row's members (`"name":value,…`, keys in column order, no braces) of `columns` into
 * a byte sink: the value encoding of the JSONL writer, shared with writers that nest rows in a
 * larger object (the stream emitter's envelope `data`). Returns a function of (sink, row).
 */
export function rowMembersWriter(columns: readonly Column[]): (out: ByteSink, row: number) => void {
  const keys = columns.map((c, j) => {
    const s = new ByteSink(c.name.length * 18 + 4);
    if (j > 0) s.byte(44);
    const name = encoder.encode(c.name);
    writeJsonString(s, name, 0, name.length);
    s.byte(58);
    return s.finish();
  });
  const keyViews = keys.map(viewOf);
  const writers = columns.map(cellWriter);
  const valid = columns.map((c) => c.valid);
  const k = writers.length;
  return (out, i) => {
    for (let j = 0; j < k; j++) {
      const key = keys[j];
      out.copy(key, keyViews[j], 0, key.length);
      const v = valid[j];
      if (v === undefined || v[i] !== 0) writers[j](out, i);
      else out.ascii('null');
    }
  };
}

/** `text` as a quoted JSON string in UTF-8 (keys and constant labels, built once). */
export function jsonStringBytes(text: string): Uint8Array {
  const bytes = encoder.encode(text);
  const s = new ByteSink(bytes.length * 6 + 2);
  writeJsonString(s, bytes, 0, bytes.length);
  return s.finish();
}

/**
 * JSON Lines: one object per row, keys in column order, ISO `…Z` instants, `null` for nulls, LF.
 * `rows` writes those rows of `t`, in that order (the bytes of `takeTable(t, rows)`, without the copy).
 */
export function writeJsonl(t: Table, rows?: Int32Array): Uint8Array {
  const out = new ByteSink(1 << 16);
  writeRowsOf(out, t, rows, (t) => {
    const members = rowMembersWriter(t.columns);
    return (out, i) => {
      out.byte(123);
      members(out, i);
      out.byte(125);
      out.byte(10);
    };
  });
  return out.finish();
}
