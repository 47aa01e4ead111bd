/**
 * RFC 4180 CSV parsing into text cells per column: quoted fields (doubled quotes, embedded
 * commas and line breaks), CRLF or LF, an optional BOM, a header row. An unquoted empty field
 * is null; a quoted empty field (`""`) is the empty string, as our writer emits them.
 */
import { checkColumnNames, decodeUtf8, type ReadError } from './types';

export interface CsvCells {
  readonly header: readonly string[];
  /** cells[column][row]: text, or null for an unquoted empty field. */
  readonly cells: (string | null)[][];
  /** Text line (1-based) where each data row starts. */
  readonly rowLines: readonly number[];
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** Parse CSV bytes; errors name the line and the problem. */
export function parseCsv(file: string, bytes: Uint8Array): { ok: true; value: CsvCells } | { ok: false; error: ReadError } {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, error: { file, line: decoded.line, message: 'the file is not valid UTF-8 text (save it as UTF-8)' } };
  const text = decoded.text;
  if (text.trim() === '') return { ok: false, error: { file, message: 'the file is empty' } };
  const n = text.length;
  let i = 0;
  let line = 1;
  let header: string[] | null = null;
  let cells: (string | null)[][] = [];
  const rowLines: number[] = [];
  let record: (string | null)[] = [];
  let recordLine = 1;

  const endRecord = (): ReadError | null => {
    if (header === null) {
      header = record.map((v) => v ?? '');
      const bad = checkColumnNames(file, header, recordLine);
      if (bad) return bad;
      cells = header.map(() => []);
    } else {
      if (record.length !== header.length)
        return { file, line: recordLine, message: `this row has ${record.length} field${record.length === 1 ? '' : 's'}, the header has ${header.length}` };
      for (let c = 0; c < record.length; c++) cells[c].push(record[c]);
      rowLines.push(recordLine);
    }
    record = [];
    return null;
  };

  while (i < n) {
    // one field
    let value: string | null;
    if (text.charCodeAt(i) === QUOTE) {
      const startLine = line;
      let out = '';
      let from = ++i;
      for (;;) {
        if (i >= n) return { ok: false, error: { file, line: startLine, message: 'a quoted field is never closed (a " is missing)' } };
        const ch = text.charCodeAt(i);
        if (ch === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            out += text.slice(from, i + 1);
            i += 2;
            from = i;
            continue;
          }
          out += text.slice(from, i);
          i++;
          break;
        }
        if (ch === LF) line++;
        i++;
      }
      const next = i < n ? text.charCodeAt(i) : LF;
      if (next !== COMMA && next !== LF && next !== CR)
        return { ok: false, error: { file, line, message: `unexpected text after a closing quote (a " inside a quoted field must be doubled as "")` } };
      value = out;
    } else {
      const from = i;
      while (i < n) {
        const ch = text.charCodeAt(i);
        if (ch === COMMA || ch === LF || ch === CR) break;
        if (ch === QUOTE) return { ok: false, error: { file, line, message: 'a " inside an unquoted field (quote the whole field and double the inner quotes)' } };
        i++;
      }
      value = i > from ? text.slice(from, i) : null;
    }
    record.push(value);
    // the delimiter after it
    if (i >= n) {
      const err = endRecord();
      if (err) return { ok: false, error: err };
      break;
    }
    const ch = text.charCodeAt(i);
    if (ch === COMMA) {
      i++;
      if (i >= n) {
        record.push(null);
        const err = endRecord();
        if (err) return { ok: false, error: err };
      }
      continue;
    }
    i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    const err = endRecord();
    if (err) return { ok: false, error: err };
    line++;
    recordLine = line;
    // trailing blank lines end the file
    let j = i;
    while (j < n && (text.charCodeAt(j) === LF || text.charCodeAt(j) === CR)) j++;
    if (j === n) break;
  }
  return { ok: true, value: { header: header ?? [], cells, rowLines } };
}
