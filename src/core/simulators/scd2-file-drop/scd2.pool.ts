/**
 * A column that only grows: the input column as its base, new values appended after it. The SCD2
 * state refers to values by index into these pools, so a version that changes one tracked
 * column appends one value and shares every other value with its predecessor; a day's delta is
 * then one `gather` per column over index arrays, with no per-row objects.
 */
import { Float64Growable, Int32Growable, Uint8Growable, encodeDict, type Column, type ColumnType } from '../../table/column';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ColumnPool {
  readonly name: string;
  readonly type: ColumnType;
  private readonly base: Column;
  private readonly n0: number;
  private readonly nums = new Float64Growable(64);
  private readonly valid = new Uint8Growable(64);
  private bytes = new Uint8Array(256);
  private used = 0;
  private readonly offsets = new Int32Growable(64);
  private readonly dictBytes: readonly Uint8Array[] | undefined;
  /** Appended values of 64-bit integer and decimal columns (unscaled), exact. */
  private readonly bigs: bigint[] = [];
  private readonly big: boolean;

  constructor(base: Column) {
    this.base = base;
    this.name = base.name;
    this.type = base.type;
    this.n0 = base.type === 'string' ? (base.encoding === 'utf8' ? base.offsets.length - 1 : base.codes.length) : base.values.length;
    this.big = base.type === 'bigint' || base.type === 'decimal';
    this.offsets.push(0);
    this.dictBytes = base.type === 'string' && base.encoding === 'dict' ? encodeDict(base.dict) : undefined;
  }

  /** Digits after the point of a decimal column (0 otherwise). */
  get scale(): number {
    return this.base.type === 'decimal' ? this.base.scale : 0;
  }

  get length(): number {
    return this.n0 + this.valid.length;
  }

  isNull(i: number): boolean {
    if (i < this.n0) return this.base.valid !== undefined && this.base.valid[i] === 0;
    return this.valid.data[i - this.n0] === 0;
  }

  /** A number, bool (0/1) or date value (64-bit integers and decimals as the nearest double); null when null. */
  num(i: number): number | null {
    if (this.big) {
      const v = this.exact(i);
      return v === null ? null : Number(v);
    }
    if (this.isNull(i)) return null;
    if (i >= this.n0) return this.nums.data[i - this.n0];
    const b = this.base;
    if (b.type === 'string' || b.type === 'bigint' || b.type === 'decimal') throw new Error(`${this.name} is a ${b.type} column`);
    return b.values[i];
  }

  /** A 64-bit integer or a decimal's unscaled value, exactly; null when null. */
  exact(i: number): bigint | null {
    if (this.isNull(i)) return null;
    if (i >= this.n0) return this.bigs[i - this.n0];
    const b = this.base;
    if (b.type !== 'bigint' && b.type !== 'decimal') throw new Error(`${this.name} is not a 64-bit integer or decimal column`);
    return b.values[i];
  }

  /** The digits of a value for keys and answer keys: exact for 64-bit integers. */
  text(i: number): string | null {
    if (this.type === 'string') return this.str(i);
    if (this.type === 'bigint') return this.exact(i)?.toString() ?? null;
    const v = this.num(i);
    return v === null ? null : String(v);
  }

  /** The UTF-8 bytes of a string value (a view: copy before keeping). */
  private utf8(i: number): Uint8Array {
    if (i >= this.n0) {
      const j = i - this.n0;
      return this.bytes.subarray(this.offsets.data[j], this.offsets.data[j + 1]);
    }
    const b = this.base;
    if (b.type !== 'string') throw new Error(`${this.name} is not a string column`);
    return b.encoding === 'dict' ? this.dictBytes![b.codes[i]] : b.bytes.subarray(b.offsets[i], b.offsets[i + 1]);
  }

  str(i: number): string | null {
    return this.isNull(i) ? null : decoder.decode(this.utf8(i));
  }

  private pushBytes(src: Uint8Array): void {
    if (this.used + src.length > this.bytes.length) {
      let size = this.bytes.length * 2;
      while (size < this.used + src.length) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.bytes.subarray(0, this.used));
      this.bytes = next;
    }
    this.bytes.set(src, this.used);
    this.used += src.length;
  }

  /**
   * Append a value (number for numeric, bool and date columns; string for strings; bigint, or a
   * whole number, for 64-bit integers and unscaled decimals); returns its index.
   */
  append(v: number | string | bigint | null): number {
    const at = this.length;
    this.valid.push(v === null ? 0 : 1);
    if (this.type === 'string') {
      if (v !== null) this.pushBytes(encoder.encode(v as string));
      this.offsets.push(this.used);
    } else if (this.big) this.bigs.push(v === null ? 0n : BigInt(v));
    else this.nums.push(v === null ? 0 : (v as number));
    return at;
  }

  /** Append a copy of the value at i; returns its index. */
  appendCopy(i: number): number {
    if (this.big) return this.append(this.exact(i));
    if (this.type !== 'string') return this.append(this.num(i));
    if (this.isNull(i)) return this.append(null);
    const at = this.length;
    this.valid.push(1);
    this.pushBytes(this.utf8(i).slice());
    this.offsets.push(this.used);
    return at;
  }

  /** The values at `refs` as a column of this pool's type (one pass for sizes, one to copy). */
  gather(refs: Int32Array): Column {
    const n = refs.length;
    let valid: Uint8Array | undefined;
    for (let k = 0; k < n; k++) {
      if (this.isNull(refs[k])) {
        valid ??= new Uint8Array(n).fill(1);
        valid[k] = 0;
      }
    }
    const name = this.name;
    if (this.type === 'string') {
      let total = 0;
      for (let k = 0; k < n; k++) if (!this.isNull(refs[k])) total += this.utf8(refs[k]).length;
      const bytes = new Uint8Array(total);
      const offsets = new Int32Array(n + 1);
      let o = 0;
      for (let k = 0; k < n; k++) {
        if (!this.isNull(refs[k])) {
          const b = this.utf8(refs[k]);
          bytes.set(b, o);
          o += b.length;
        }
        offsets[k + 1] = o;
      }
      return valid ? { name, type: 'string', encoding: 'utf8', offsets, bytes, valid } : { name, type: 'string', encoding: 'utf8', offsets, bytes };
    }
    const pick = <A extends Float64Array | Int32Array | Uint8Array>(out: A): A => {
      for (let k = 0; k < n; k++) out[k] = this.num(refs[k]) ?? 0;
      return out;
    };
    if (this.type === 'bool') return valid ? { name, type: 'bool', values: pick(new Uint8Array(n)), valid } : { name, type: 'bool', values: pick(new Uint8Array(n)) };
    if (this.type === 'date') return valid ? { name, type: 'date', values: pick(new Int32Array(n)), valid } : { name, type: 'date', values: pick(new Int32Array(n)) };
    const b = this.base;
    if (b.type === 'bigint' || b.type === 'decimal') {
      const values = new BigInt64Array(n);
      for (let k = 0; k < n; k++) values[k] = this.exact(refs[k]) ?? 0n;
      const v = valid ? { valid } : {};
      return b.type === 'decimal' ? { name, type: 'decimal', precision: b.precision, scale: b.scale, values, ...v } : { name, type: 'bigint', values, ...v };
    }
    const values = pick(new Float64Array(n));
    const type = this.type as 'int' | 'float' | 'timestamp' | 'time';
    return valid ? { name, type, values, valid } : { name, type, values };
  }
}
