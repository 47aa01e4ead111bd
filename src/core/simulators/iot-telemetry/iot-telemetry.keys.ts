/**
 * Dense keys for id columns: each distinct value gets a small integer in first-appearance
 * order, so readings, sensors and devices join by array index instead of per-row objects. Ids
 * of different column types (a device id that is an integer in one table and text in another)
 * compare as text.
 */
import { cellAt, type Column } from '../../table/column';

export class KeyIndex {
  private readonly ids = new Map<number | string, number>();
  /** The first row that introduced each key, for messages. */
  readonly values: (number | string)[] = [];

  constructor(private readonly asText: boolean) {}

  get size(): number {
    return this.values.length;
  }

  private keyOf(c: Column, i: number): number | string | null {
    const v = cellAt(c, i);
    if (v === null) return null;
    return this.asText ? String(v) : (v as number | string);
  }

  /**
   * The dense key of every row (−1 for null). With `add`, unknown values get new keys;
   * otherwise they are −2 (the caller decides whether that is an error).
   */
  keys(c: Column, add: boolean): Int32Array {
    const n = c.type === 'string' ? (c.encoding === 'utf8' ? c.offsets.length - 1 : c.codes.length) : c.values.length;
    const out = new Int32Array(n);
    if (c.type === 'string' && c.encoding === 'dict') {
      // one lookup per dictionary entry
      const codeKey = c.dict.map((s) => this.lookup(s, add));
      for (let i = 0; i < n; i++) out[i] = c.valid?.[i] === 0 ? -1 : codeKey[c.codes[i]];
      return out;
    }
    for (let i = 0; i < n; i++) {
      const k = this.keyOf(c, i);
      out[i] = k === null ? -1 : this.lookup(k, add);
    }
    return out;
  }

  /** The dense key of one value (−1 for null; −2 when unknown and not added). */
  keyOf1(v: number | string | null, add: boolean): number {
    return v === null ? -1 : this.lookup(v, add);
  }

  private lookup(k: number | string, add: boolean): number {
    const key = this.asText ? String(k) : k;
    let id = this.ids.get(key);
    if (id === undefined) {
      if (!add) return -2;
      id = this.values.length;
      this.ids.set(key, id);
      this.values.push(key);
    }
    return id;
  }
}

/** True when id columns of these types must compare as text. */
export const mixedTypes = (...cols: (Column | null | undefined)[]) => new Set(cols.filter((c): c is Column => !!c).map((c) => c.type)).size > 1;
