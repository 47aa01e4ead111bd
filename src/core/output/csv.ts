import { formatDate, IsoWriter } from '../time';
import { dictEntryEncoder, type Column, type Table } from '../table/column';
import { ByteSink, entriesOf, viewOf, type EntryCache } from './bytes';
import { exactCellWriter } from './exact-text';
import { csvPlain } from './scan';
import { writeRowsOf, type RowWriter } from './selected-rows';

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

type CellWriter = RowWriter;

/** What a CSV is for: verbatim by default (as pandas and DuckDB write it), or safe to open in a spreadsheet. */
export interface CsvOptions {
  /**
   * Prefix text cells that start with `=`, `+`, `-`, `@`, a tab or a carriage return with `'`,
   * so Excel and other spreadsheets show them instead of running them as formulas (CSV
   * injection). Changes those cells' text: off unless asked for.
   */
  readonly spreadsheetSafe?: boolean;
  /** Write the header row (default true; false for a later row group of a table written in parts). */
  readonly header?: boolean;
}

const FORMULA_STARTS = new Set([61, 43, 45, 64, 9, 13]);
const APOSTROPHE = new Uint8Array([39]);

/** `'` + the text when it would start a formula; the same bytes otherwise. */
function safeText(e: Uint8Array): Uint8Array {
  if (e.length === 0 || !FORMULA_STARTS.has(e[0])) return e;
  const out = new Uint8Array(e.length + 1);
  out.set(APOSTROPHE);
  out.set(e, 1);
  return out;
}

/** Text cells of a spreadsheet-safe CSV (see {@link CsvOptions}). */
function safeStringWriter(c: Extract<Column, { type: 'string' }>): CellWriter {
  if (c.encoding === 'dict') {
    const entry = dictEntryEncoder(c.dict);
    const safe: (Uint8Array | undefined)[] = [];
    return (out, i) => {
      const code = c.codes[i];
      const e = (safe[code] ??= safeText(entry(code)));
      writeField(out, e, 0, e.length, e.length === 0);
    };
  }
  return (out, i) => {
    const a = c.offsets[i];
    const b = c.offsets[i + 1];
    if (a === b || !FORMULA_STARTS.has(c.bytes[a])) writeField(out, c.bytes, a, b, a === b);
    else {
      const e = safeText(c.bytes.subarray(a, b));
      writeField(out, e, 0, e.length);
    }
  };
}

/** The whole CSV field of a text (quoted when it must be, `""` when empty). */
function fieldBytes(e: Uint8Array): Uint8Array {
  const s = new ByteSink(e.length * 2 + 2);
  writeField(s, e, 0, e.length, e.length === 0);
  return s.finish();
}

/** Dictionary entries as CSV fields. */
const dictFields: EntryCache = new WeakMap();

function cellWriter(c: Column, options: CsvOptions): CellWriter {
  switch (c.type) {
    case 'string': {
      if (options.spreadsheetSafe) return safeStringWriter(c);
      if (c.encoding === 'dict') {
        const entry = dictEntryEncoder(c.dict);
        // an empty string must differ from null (empty field): quoted, like every entry that needs it
        const fields = entriesOf(dictFields, c.dict);
        return (out, i) => {
          const code = c.codes[i];
          out.bytes((fields[code] ??= fieldBytes(entry(code))));
        };
      }
      const { bytes, offsets } = c;
      if (csvPlain(bytes, offsets[0], offsets[offsets.length - 1])) {
        const view = viewOf(bytes);
        // one scan of the column's bytes instead of one per cell (ids, names, URLs): only a
        // leading or trailing space (or an empty text) can still call for quotes
        return (out, i) => {
          const a = offsets[i];
          const b = offsets[i + 1];
          if (a === b || bytes[a] === 32 || bytes[b - 1] === 32) writeField(out, bytes, a, b, true);
          else out.copy(bytes, view, a, b);
        };
      }
      return (out, i) => writeField(out, bytes, offsets[i], offsets[i + 1], offsets[i] === offsets[i + 1]);
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
    case 'bigint':
    case 'decimal':
    case 'time':
      return exactCellWriter(c, false);
    default:
      return (out, i) => {
        const v = c.values[i];
        if (Number.isFinite(v)) out.finite(v);
      };
  }
}

/**
 * RFC 4180 CSV: a header row, fields quoted only when they hold a quote, comma or line break
 * (quotes doubled), LF line endings, ISO 8601 `…Z` instants, `true`/`false`, empty for null
 * (an empty string is written as `""` so it stays distinct from null). Cells are verbatim
 * unless `options.spreadsheetSafe` asks for formula-looking text to be prefixed; `header: false`
 * writes the rows only (a later row group of a table written in parts). `rows` writes those
 * rows of `t`, in that order (the bytes of `takeTable(t, rows)`, without the copy).
 */
export function writeCsv(t: Table, options: CsvOptions = {}, rows?: Int32Array): Uint8Array {
  const out = new ByteSink(1 << 16);
  if (options.header ?? true) {
    t.columns.forEach((c, j) => {
      if (j > 0) out.byte(COMMA);
      const name = encoder.encode(c.name);
      writeField(out, name, 0, name.length);
    });
    out.byte(LF);
  }
  writeRowsOf(out, t, rows, (t) => csvLine(t, options));
  return out.finish();
}

/** Writes row i of `t` as a CSV line. */
function csvLine(t: Table, options: CsvOptions): RowWriter {
  const writers = t.columns.map((c) => cellWriter(c, options));
  const valid = t.columns.map((c) => c.valid);
  const k = writers.length;
  return (out, i) => {
    for (let j = 0; j < k; j++) {
      if (j > 0) out.byte(COMMA);
      const v = valid[j];
      if (v === undefined || v[i] !== 0) writers[j](out, i);
    }
    out.byte(LF);
  };
}
