import { formatDate, IsoWriter } from '../time';
import { encodeDict, isNull, type Column, type Table } from '../table/column';
import { ByteSink, numberText } from './bytes';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const encoder = new TextEncoder();

function needsQuotes(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === QUOTE || b === COMMA || b === LF || b === CR) return true;
  }
  // a field with leading/trailing spaces survives every reader only when quoted
  return end > start && (bytes[start] === 32 || bytes[end - 1] === 32);
}

/** Write bytes[start, end) as one RFC 4180 field, quoting (and doubling quotes) when needed. */
function writeField(out: ByteSink, bytes: Uint8Array, start: number, end: number, forceQuote = false): void {
  if (!forceQuote && !needsQuotes(bytes, start, end)) {
    out.ensure(end - start);
    // a loop, not subarray + set: a view object per cell costs more than copying a short field
    const buf = out.buf;
    let p = out.pos;
    for (let i = start; i < end; i++) buf[p++] = bytes[i];
    out.pos = p;
    return;
  }
  out.ensure((end - start) * 2 + 2);
  out.buf[out.pos++] = QUOTE;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === QUOTE) out.buf[out.pos++] = QUOTE;
    out.buf[out.pos++] = b;
  }
  out.buf[out.pos++] = QUOTE;
}

type CellWriter = (out: ByteSink, row: number) => void;

function cellWriter(c: Column): CellWriter {
  switch (c.type) {
    case 'string': {
      if (c.encoding === 'dict') {
        const encoded = encodeDict(c.dict);
        // an empty string must differ from null (empty field): quote it
        return (out, i) => {
          const e = encoded[c.codes[i]];
          writeField(out, e, 0, e.length, e.length === 0);
        };
      }
      return (out, i) => writeField(out, c.bytes, c.offsets[i], c.offsets[i + 1], c.offsets[i] === c.offsets[i + 1]);
    }
    case 'bool':
      return (out, i) => out.ascii(c.values[i] ? 'true' : 'false');
    case 'timestamp': {
      const iso = new IsoWriter();
      return (out, i) => {
        out.ensure(40);
        out.pos = iso.write(out.buf, out.pos, c.values[i]);
      };
    }
    case 'date':
      return (out, i) => out.ascii(formatDate(c.values[i]));
    default:
      return (out, i) => {
        const t = numberText(c.values[i]);
        if (t !== null) out.ascii(t);
      };
  }
}

/**
 * RFC 4180 CSV: a header row, fields quoted only when they hold a quote, comma or line break
 * (quotes doubled), LF line endings, ISO 8601 `…Z` instants, `true`/`false`, empty for null
 * (an empty string is written as `""` so it stays distinct from null). `header: false` writes the
 * rows only (a later row group of a table written in parts).
 */
export function writeCsv(t: Table, header = true): Uint8Array {
  const out = new ByteSink(Math.max(1 << 16, t.length * t.columns.length * 12));
  if (header) {
    t.columns.forEach((c, j) => {
      if (j > 0) out.byte(COMMA);
      const name = encoder.encode(c.name);
      writeField(out, name, 0, name.length);
    });
    out.byte(LF);
  }
  const writers = t.columns.map(cellWriter);
  const cols = t.columns;
  const k = cols.length;
  for (let i = 0; i < t.length; i++) {
    for (let j = 0; j < k; j++) {
      if (j > 0) out.byte(COMMA);
      if (!isNull(cols[j], i)) writers[j](out, i);
    }
    out.byte(LF);
  }
  return out.finish();
}
