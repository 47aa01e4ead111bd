/**
 * Dictionary pages: the distinct values of a row group (in order of first use) as a PLAIN
 * dictionary page, and each present row's index into it (written as RLE_DICTIONARY).
 * Dictionary-coded columns get one from their codes for free. UTF-8 columns get one when their
 * values repeat (sessions' and users' ids on every page view, URLs, names): hashing 36-byte ids
 * is cheaper than copying and Snappy-compressing them, and the file is a fraction of the size.
 * Columns of distinct values (event ids) are seen to be so on a sample and stay PLAIN. Number
 * columns follow the same rule (see {@link numberDictionaryPage}).
 */
import { fmix, mixWord } from '../../ids';
import { encodeDictEntries, rowKeysOf, type Column, type DictColumn, type Utf8Column } from '../../table/column';
import { viewOf } from '../bytes';
import { compareBytes, plainValues, presentCount, shortStat, type Encoded } from './values';
import { scratchI32, scratchU8 } from './scratch';

export interface DictPage extends Encoded {
  readonly size: number;
  /** Index into the page's dictionary of each present row, in row order. */
  readonly indices: Int32Array;
}

/**
 * Dictionary entries as ranges of one byte array: entry x is
 * bytes[entries[3x + 1], entries[3x + 1] + entries[3x + 2]) (the first of the three is the
 * hash table's, unused here). No array object per entry: a row group can hold tens of thousands.
 */
interface EntryRanges {
  readonly bytes: Uint8Array;
  readonly entries: Int32Array;
  readonly count: number;
}

/** The dictionary page of the entries (UTF-8 values) with their statistics. */
function pageOf({ bytes, entries, count }: EntryRanges, indices: Int32Array): DictPage {
  let size = count * 4;
  for (let x = 0; x < count; x++) size += entries[3 * x + 2];
  const values = scratchU8(size);
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  let o = 0;
  let min = -1;
  let max = -1;
  for (let x = 0; x < count; x++) {
    const s = entries[3 * x + 1];
    const e = s + entries[3 * x + 2];
    view.setUint32(o, e - s, true);
    o += 4;
    for (let j = s; j < e; j++) values[o++] = bytes[j];
    if (min < 0 || compareBytes(bytes, s, e, bytes, entries[3 * min + 1], entries[3 * min + 1] + entries[3 * min + 2]) < 0) min = x;
    if (max < 0 || compareBytes(bytes, s, e, bytes, entries[3 * max + 1], entries[3 * max + 1] + entries[3 * max + 2]) > 0) max = x;
  }
  const entry = (x: number) => bytes.subarray(entries[3 * x + 1], entries[3 * x + 1] + entries[3 * x + 2]);
  const stats = min >= 0 && shortStat(entry(min)) && shortStat(entry(max)) ? { min: entry(min).slice(), max: entry(max).slice() } : {};
  return { values, size: count, indices, ...stats };
}

/** `values` laid end to end as entry ranges. */
function rangesOf(values: readonly Uint8Array[]): EntryRanges {
  let total = 0;
  for (const v of values) total += v.length;
  const bytes = scratchU8(total);
  const entries = scratchI32(3 * values.length);
  let o = 0;
  values.forEach((v, x) => {
    bytes.set(v, o);
    entries[3 * x + 1] = o;
    entries[3 * x + 2] = v.length;
    o += v.length;
  });
  return { bytes, entries, count: values.length };
}

/** A dictionary-coded column's page: the dictionary entries this row group uses. */
export function dictionaryPage(c: DictColumn): DictPage {
  const { codes, valid } = c;
  const n = codes.length;
  const remap = scratchI32(c.dict.length).fill(-1);
  const used: number[] = [];
  const indices = scratchI32(presentCount(valid, n));
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (valid && !valid[i]) continue;
    const code = codes[i];
    let at = remap[code];
    if (at < 0) {
      at = remap[code] = used.length;
      used.push(code);
    }
    indices[k++] = at;
  }
  return pageOf(rangesOf(encodeDictEntries(c.dict, used)), indices);
}

/** Rows looked at before deciding whether a UTF-8 column repeats enough to be worth a dictionary. */
const SAMPLE = 4096;
/** A dictionary is kept while it has at most one entry per this many present rows... */
const MIN_REPEAT = 3;
/** ...and its values take at most this many bytes (readers hold a dictionary whole). */
const MAX_DICT_BYTES = 8 << 20;

/**
 * The slots of an open-addressing table of `cap` (a power of two) for entries 0 … count − 1,
 * each in the first free slot from its hash on (slot = entry + 1; 0 = empty).
 */
function rehashed(count: number, cap: number, hashOf: (entry: number) => number): Int32Array<ArrayBuffer> {
  const slots = new Int32Array(cap);
  const mask = cap - 1;
  for (let x = 0; x < count; x++) {
    let t = hashOf(x) & mask;
    while (slots[t] !== 0) t = (t + 1) & mask;
    slots[t] = x + 1;
  }
  return slots;
}

/**
 * A 32-bit hash of b[s, e) read four bytes at a time through `v` (MurmurHash3's steps, shared
 * with the id streams): ids and URLs hash in a quarter of the steps of a byte loop. Only the
 * table's slots depend on it, never the output (entries keep their order of first use).
 */
function hashBytes(v: DataView, b: Uint8Array, s: number, e: number): number {
  let h = e - s;
  let j = s;
  for (; j + 4 <= e; j += 4) h = mixWord(h, v.getInt32(j));
  for (; j < e; j++) h = mixWord(h, b[j]);
  return fmix(h) | 0;
}

/** Whether b[s, e) and b[t, t + e - s) hold the same bytes (read four at a time through `v`). */
function sameBytes(v: DataView, b: Uint8Array, s: number, e: number, t: number): boolean {
  let j = s;
  let k = t;
  for (; j + 4 <= e; j += 4, k += 4) if (v.getInt32(j) !== v.getInt32(k)) return false;
  for (; j < e; j++, k++) if (b[j] !== b[k]) return false;
  return true;
}

/** Row keys spread over at most this many times the rows are used (their look-up table is cleared for each page)... */
const MAX_KEY_SPAN = 4;

/** The least key and the span of `keys` (n of them), or undefined when there are none or they spread too far to pay. */
function keyWindow(keys: Int32Array | undefined, n: number): { keys: Int32Array; least: number; span: number } | undefined {
  if (!keys || n === 0) return undefined;
  let least = keys[0];
  let most = keys[0];
  for (let i = 1; i < n; i++) {
    const k = keys[i];
    if (k < least) least = k;
    else if (k > most) most = k;
  }
  const span = most - least + 1;
  return span <= MAX_KEY_SPAN * n ? { keys, least, span } : undefined;
}

/**
 * A UTF-8 column as a dictionary page, or undefined when its values do not repeat enough
 * (decided on the first rows, then confirmed over all of them). Same rows, same result.
 */
export function utf8DictionaryPage(c: Utf8Column): DictPage | undefined {
  const { offsets, bytes, valid } = c;
  const n = offsets.length - 1;
  const present = presentCount(valid, n);
  if (present < 2 * MIN_REPEAT) return undefined;
  const view = viewOf(bytes);
  const limit = Math.floor(present / MIN_REPEAT);
  // entries (hash, start, length) in order of first use; open addressing over slots holding
  // entry + 1 (0 = empty), grown to keep the load at most 1/2: small while few values are seen,
  // and everything a probe reads is in two compact arrays (cache misses are what it costs)
  const entries = scratchI32(3 * limit);
  let count = 0;
  let slots = new Int32Array(1024);
  let mask = slots.length - 1;
  const indices = scratchI32(present);
  // a gathered column's row keys (see rowKeysOf): each key's bytes are hashed once, its entry + 1
  // kept in `known` (indexed from the least key: a row group's keys are a window of its source);
  // the entries and their order are the same as hashing every row
  const keys = keyWindow(rowKeysOf(c), n);
  const known = keys && scratchI32(keys.span).fill(0);
  let dictBytes = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (valid && !valid[i]) continue;
    let index = known ? known[keys!.keys[i] - keys!.least] - 1 : -1;
    if (index < 0) {
      const s = offsets[i];
      const e = offsets[i + 1];
      const len = e - s;
      const h = hashBytes(view, bytes, s, e);
      let slot = h & mask;
      for (;;) {
        index = slots[slot] - 1;
        if (index < 0) {
          if (count >= limit) return undefined;
          index = count++;
          entries[3 * index] = h;
          entries[3 * index + 1] = s;
          entries[3 * index + 2] = len;
          slots[slot] = index + 1;
          dictBytes += len;
          if (dictBytes > MAX_DICT_BYTES) return undefined;
          if (2 * count > slots.length) {
            slots = rehashed(count, 2 * slots.length, (x) => entries[3 * x]);
            mask = slots.length - 1;
          }
          break;
        }
        const at = 3 * index;
        if (entries[at] === h && entries[at + 2] === len && sameBytes(view, bytes, s, e, entries[at + 1])) break;
        slot = (slot + 1) & mask;
      }
      if (known) known[keys!.keys[i] - keys!.least] = index + 1;
    }
    indices[k++] = index;
    // mostly distinct values show it early: stop before hashing the rest
    if (k === SAMPLE && count * MIN_REPEAT > SAMPLE) return undefined;
  }
  return pageOf({ bytes, entries, count }, indices);
}

/** A 32-bit hash of a value's two words (the high word spread over the low bits, then MurmurHash3's finaliser). */
function wordsHash(lo: number, hi: number): number {
  let h = Math.imul(hi, 0x9e3779b1) ^ lo;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Number columns a dictionary can code: their values as 32-bit words, one or two per row. */
export type WordColumn = Extract<Column, { values: Float64Array | Int32Array | BigInt64Array }>;

/**
 * A number column as a dictionary page, or undefined when its values do not repeat enough (the
 * same rule as {@link utf8DictionaryPage}). Quantities, codes, prices from a catalogue and keys
 * into small tables take a few bits a row this way instead of eight bytes that Snappy then
 * scans: a smaller file, and less work than compressing. Values are told apart by their bits
 * (so 0 and -0 would be two entries, both valid); the dictionary holds them in order of first
 * use, PLAIN-encoded as the column's own values would be, with the same statistics.
 */
export function numberDictionaryPage(c: WordColumn): DictPage | undefined {
  const { values, valid } = c;
  const n = values.length;
  const present = presentCount(valid, n);
  if (present < 2 * MIN_REPEAT) return undefined;
  const wide = values.BYTES_PER_ELEMENT === 8;
  const words = new Int32Array(values.buffer, values.byteOffset, wide ? 2 * n : n);
  const limit = Math.floor(present / MIN_REPEAT);
  // each entry's first row; open addressing over slots holding entry + 1 (0 = empty), load ≤ 1/2
  const firstRow = scratchI32(limit);
  const indices = scratchI32(present);
  let count = 0;
  let slots = new Int32Array(256);
  let mask = slots.length - 1;
  const hashOf = (row: number) => (wide ? wordsHash(words[2 * row], words[2 * row + 1]) : wordsHash(words[row], 0));
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (valid !== undefined && valid[i] === 0) continue;
    const lo = wide ? words[2 * i] : words[i];
    const hi = wide ? words[2 * i + 1] : 0;
    let slot = wordsHash(lo, hi) & mask;
    let index: number;
    for (;;) {
      index = slots[slot] - 1;
      if (index < 0) {
        if (count >= limit) return undefined;
        index = count++;
        firstRow[index] = i;
        slots[slot] = index + 1;
        if (2 * count > slots.length) {
          slots = rehashed(count, 2 * slots.length, (x) => hashOf(firstRow[x]));
          mask = slots.length - 1;
        }
        break;
      }
      const r = firstRow[index];
      if (wide ? words[2 * r] === lo && words[2 * r + 1] === hi : words[r] === lo) break;
      slot = (slot + 1) & mask;
    }
    indices[k++] = index;
    // mostly distinct values show it early: stop before hashing the rest
    if (k === SAMPLE && count * MIN_REPEAT > SAMPLE) return undefined;
  }
  const dict = new (values.constructor as new (n: number) => typeof values)(count);
  for (let x = 0; x < count; x++) dict[x] = values[firstRow[x]];
  return { ...plainValues({ ...c, values: dict, valid: undefined } as WordColumn), size: count, indices };
}
