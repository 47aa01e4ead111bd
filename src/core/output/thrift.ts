/**
 * Thrift compact protocol, generic: decodes a struct into a tree that keeps every field's id
 * and type, and encodes the tree back. Parquet footers are Thrift compact structs; the Parquet
 * stitcher (parquet-stitch.ts) reads each row group's footer, moves offsets and writes one
 * footer for the whole file. Fields it does not know are carried through untouched.
 *
 * Spec: https://github.com/apache/thrift/blob/master/doc/specs/thrift-compact-protocol.md
 */
import { ByteSink } from './bytes';

/** Compact type ids (1 and 2 are both "bool" for fields; the value lives in the type nibble). */
export const T = { BOOL_TRUE: 1, BOOL_FALSE: 2, BYTE: 3, I16: 4, I32: 5, I64: 6, DOUBLE: 7, BINARY: 8, LIST: 9, SET: 10, MAP: 11, STRUCT: 12 } as const;

export interface TStruct {
  readonly kind: 'struct';
  fields: TField[];
}
export interface TList {
  readonly kind: 'list';
  /** LIST or SET. */
  readonly type: number;
  readonly elem: number;
  items: TValue[];
}
export interface TMap {
  readonly kind: 'map';
  readonly key: number;
  readonly value: number;
  entries: [TValue, TValue][];
}
/** Numbers for byte/i16/i32/double and bool list elements (raw byte), bigint for i64, bytes for binary. */
export type TValue = boolean | number | bigint | Uint8Array | TStruct | TList | TMap;
export interface TField {
  readonly id: number;
  /** Compact type; bool fields are stored as BOOL_TRUE whatever their value. */
  readonly type: number;
  value: TValue;
}

/** Reads compact-protocol values from a buffer, advancing `pos`. */
export class ThriftReader {
  pos: number;
  constructor(
    private readonly buf: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
  }

  private byte(): number {
    if (this.pos >= this.buf.length) throw new Error('thrift: unexpected end of data');
    return this.buf[this.pos++];
  }

  private varint(): bigint {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.byte();
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) return result;
      shift += 7n;
      if (shift > 70n) throw new Error('thrift: varint too long');
    }
  }

  private zigzag(): bigint {
    const v = this.varint();
    return (v >> 1n) ^ -(v & 1n);
  }

  private value(type: number): TValue {
    switch (type) {
      case T.BOOL_TRUE:
      case T.BOOL_FALSE:
        return this.byte();
      case T.BYTE:
        return this.byte();
      case T.I16:
      case T.I32:
        return Number(this.zigzag());
      case T.I64:
        return this.zigzag();
      case T.DOUBLE: {
        const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).getFloat64(0, true);
        this.pos += 8;
        return v;
      }
      case T.BINARY: {
        const n = Number(this.varint());
        if (this.pos + n > this.buf.length) throw new Error('thrift: binary past the end of data');
        const v = this.buf.slice(this.pos, this.pos + n);
        this.pos += n;
        return v;
      }
      case T.LIST:
      case T.SET: {
        const head = this.byte();
        const size = head >> 4 === 15 ? Number(this.varint()) : head >> 4;
        const elem = head & 15;
        const items: TValue[] = [];
        for (let i = 0; i < size; i++) items.push(this.value(elem));
        return { kind: 'list', type, elem, items };
      }
      case T.MAP: {
        const size = Number(this.varint());
        if (size === 0) return { kind: 'map', key: 0, value: 0, entries: [] };
        const kv = this.byte();
        const entries: [TValue, TValue][] = [];
        for (let i = 0; i < size; i++) entries.push([this.value(kv >> 4), this.value(kv & 15)]);
        return { kind: 'map', key: kv >> 4, value: kv & 15, entries };
      }
      case T.STRUCT:
        return this.struct();
      default:
        throw new Error(`thrift: unknown type ${type}`);
    }
  }

  /** One struct, up to and including its STOP byte. */
  struct(): TStruct {
    const fields: TField[] = [];
    let last = 0;
    for (;;) {
      const head = this.byte();
      if (head === 0) return { kind: 'struct', fields };
      const type = head & 15;
      const delta = head >> 4;
      const id = delta === 0 ? Number(this.zigzag()) : last + delta;
      last = id;
      if (type === T.BOOL_TRUE || type === T.BOOL_FALSE) fields.push({ id, type: T.BOOL_TRUE, value: type === T.BOOL_TRUE });
      else fields.push({ id, type, value: this.value(type) });
    }
  }
}

/** Writes compact-protocol values into a growing buffer. */
export class ThriftWriter {
  private readonly out = new ByteSink(1024);

  private byte(b: number): void {
    this.out.byte(b);
  }

  private varint(v: bigint): void {
    while (v >= 0x80n) {
      this.out.byte(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.out.byte(Number(v));
  }

  private zigzag(v: bigint, bits: bigint): void {
    this.varint(BigInt.asUintN(Number(bits), (v << 1n) ^ (v >> (bits - 1n))));
  }

  private value(type: number, v: TValue): void {
    switch (type) {
      case T.BOOL_TRUE:
      case T.BOOL_FALSE:
      case T.BYTE:
        return this.byte(v as number);
      case T.I16:
      case T.I32:
        return this.zigzag(BigInt(v as number), 32n);
      case T.I64:
        return this.zigzag(v as bigint, 64n);
      case T.DOUBLE: {
        const d = new Uint8Array(8);
        new DataView(d.buffer).setFloat64(0, v as number, true);
        return this.out.bytes(d);
      }
      case T.BINARY: {
        const b = v as Uint8Array;
        this.varint(BigInt(b.length));
        return this.out.bytes(b);
      }
      case T.LIST:
      case T.SET: {
        const l = v as TList;
        if (l.items.length < 15) this.byte((l.items.length << 4) | l.elem);
        else {
          this.byte(0xf0 | l.elem);
          this.varint(BigInt(l.items.length));
        }
        for (const item of l.items) this.value(l.elem, item);
        return;
      }
      case T.MAP: {
        const m = v as TMap;
        this.varint(BigInt(m.entries.length));
        if (m.entries.length === 0) return;
        this.byte((m.key << 4) | m.value);
        for (const [k, val] of m.entries) {
          this.value(m.key, k);
          this.value(m.value, val);
        }
        return;
      }
      case T.STRUCT:
        this.struct(v as TStruct);
        return;
      default:
        throw new Error(`thrift: unknown type ${type}`);
    }
  }

  struct(s: TStruct): this {
    let last = 0;
    for (const f of s.fields) {
      const type = f.type === T.BOOL_TRUE ? (f.value ? T.BOOL_TRUE : T.BOOL_FALSE) : f.type;
      const delta = f.id - last;
      if (delta > 0 && delta <= 15) this.byte((delta << 4) | type);
      else {
        this.byte(type);
        this.zigzag(BigInt(f.id), 16n);
      }
      last = f.id;
      if (f.type !== T.BOOL_TRUE) this.value(f.type, f.value);
    }
    this.byte(0);
    return this;
  }

  finish(): Uint8Array {
    return this.out.finish();
  }
}

/** The field `id` of a struct, if present. */
export function field(s: TStruct, id: number): TField | undefined {
  return s.fields.find((f) => f.id === id);
}

/** Set (or add, keeping ids ascending) field `id` to `value`. */
export function setField(s: TStruct, id: number, type: number, value: TValue): void {
  const f = field(s, id);
  if (f) f.value = value;
  else {
    s.fields.push({ id, type, value });
    s.fields.sort((a, b) => a.id - b.id);
  }
}
