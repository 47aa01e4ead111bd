import { dictColumn, Float64Growable, getColumn, Int32Growable, isNull, makeTable, numberColumn, stringAt, Uint8Growable, Utf8Builder, type NumberColumn, type StringColumn, type Table } from './table/column';

/**
 * `JSON.stringify(text)` for a string, quick for the common text that needs no escapes (ids,
 * names): hot loops build an answer key's details from such parts (see {@link AnswerKeyBuilder.addJson}).
 */
export function jsonText(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
}

/** The answer key's columns, shared by every simulator. */
export const ANSWER_KEY_COLUMNS = ['kind', 'table', 'key', 'time', 'details'] as const;

/**
 * Collects one row per injected fault (a skipped state, a late row, an outage window, …):
 * kind, the table it lands in, the record's key, when it happened, and details as JSON text.
 * Shipped with every run so a pipeline test can check it caught exactly what was injected.
 */
/** A few distinct labels (kinds, table names) as dictionary codes: a map lookup per row instead of copying the text. */
class LabelColumn {
  readonly labels: string[] = [];
  private readonly codeOf = new Map<string, number>();
  private readonly codes = new Int32Growable(256);

  push(label: string): void {
    let code = this.codeOf.get(label);
    if (code === undefined) {
      code = this.labels.length;
      this.labels.push(label);
      this.codeOf.set(label, code);
    }
    this.codes.push(code);
  }

  get length(): number {
    return this.codes.length;
  }

  finish(name: string) {
    return dictColumn(name, this.labels.slice(), this.codes.data.slice(0, this.codes.length));
  }
}

export class AnswerKeyBuilder {
  private readonly kind = new LabelColumn();
  private readonly table = new LabelColumn();
  private readonly key = new Utf8Builder(256, 36);
  private readonly time = new Float64Growable(256);
  private readonly timeValid = new Uint8Growable(256);
  private readonly details = new Utf8Builder(256, 64);
  private readonly counts = new Map<string, number>();

  /** @param timeUs epoch microseconds, or null when the fault has no single instant. */
  add(kind: string, table: string, key: string, timeUs: number | null, details: Record<string, unknown>): void {
    this.addJson(kind, table, key, timeUs, JSON.stringify(details));
  }

  /**
   * {@link add} with the details already as JSON text, for hot loops that build it from cached
   * parts (the same text `JSON.stringify` gives for the same object, key order included); the
   * key may be its UTF-8 bytes (ids read from a column, with no string made).
   */
  addJson(kind: string, table: string, key: string | Uint8Array, timeUs: number | null, detailsJson: string): void {
    this.kind.push(kind);
    this.table.push(table);
    if (typeof key === 'string') this.key.append(key);
    else this.key.appendBytes(key);
    this.time.push(timeUs ?? 0);
    this.timeValid.push(timeUs === null ? 0 : 1);
    this.details.append(detailsJson);
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  /**
   * {@link addJson} with the key and the details already UTF-8, one after the other in `text`:
   * the key is text[0, keyEnd), the details text[keyEnd, end). For the hottest loops, which write
   * both into one reused buffer from cached parts and digits (no string made per fault).
   */
  addEncoded(kind: string, table: string, timeUs: number | null, text: Uint8Array, keyEnd: number, end: number): void {
    this.kind.push(kind);
    this.table.push(table);
    this.key.appendRange(text, 0, keyEnd);
    this.time.push(timeUs ?? 0);
    this.timeValid.push(timeUs === null ? 0 : 1);
    this.details.appendRange(text, keyEnd, end);
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
  }

  get length(): number {
    return this.kind.length;
  }

  /** Room for `rows` more faults whose details take about `detailsBytes` bytes each (hot loops that know their count). */
  reserve(rows: number, detailsBytes: number): void {
    this.key.reserve(rows, rows * 24);
    this.details.reserve(rows, rows * detailsBytes);
  }

  /** Append every row of a finished answer key (a composed simulator's child), in its order. */
  append(key: Table): void {
    const text = (name: string) => getColumn(key, name) as StringColumn;
    const [kind, table, k, details] = [text('kind'), text('table'), text('key'), text('details')];
    const time = getColumn(key, 'time') as NumberColumn;
    for (let i = 0; i < key.length; i++) {
      const kindText = stringAt(kind, i) ?? '';
      this.kind.push(kindText);
      this.table.push(stringAt(table, i) ?? '');
      this.key.append(stringAt(k, i) ?? '');
      this.time.push(isNull(time, i) ? 0 : time.values[i]);
      this.timeValid.push(isNull(time, i) ? 0 : 1);
      this.details.append(stringAt(details, i) ?? '{}');
      this.counts.set(kindText, (this.counts.get(kindText) ?? 0) + 1);
    }
  }

  /** Rows per kind, in first-seen order. */
  countsByKind(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  finish(): Table {
    const valid = this.timeValid.finish();
    const anyNull = valid.includes(0);
    return makeTable('answer_key', [
      this.kind.finish('kind'),
      this.table.finish('table'),
      // the texts are views on the builder's memory, not copies (run files, previews and held
      // sizes each finish the key: tens of MB per finish on a large file drop)
      this.key.finish('key', true),
      numberColumn('time', 'timestamp', this.time.finish(), anyNull ? valid : undefined),
      this.details.finish('details', true),
    ]);
  }
}
