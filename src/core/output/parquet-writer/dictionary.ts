/**
 * Dictionary pages for string columns: the distinct values of a row group (in order of first
 * use) as a PLAIN dictionary page, and each present row's index into it (written as
 * RLE_DICTIONARY). Dictionary-coded columns get one from their codes for free. UTF-8 columns
 * get one when their values repeat (sessions' and users' ids on every page view, URLs, names):
 * hashing 36-byte ids is cheaper than copying and Snappy-compressing them, and the file is a
 * fraction of the size. Columns of distinct values (event ids) are seen to be so on a sample and
 * stay PLAIN.
 */
import { encodeDictEntries, type DictColumn, type Utf8Column } from '../../table/column';
import { compareBytes, presentCount, shortStat, type Encoded } from './values';

export interface DictPage extends Encoded {
  readonly size: number;
  /** Index into the page's dictionary of each present row, in row order. */
  readonly indices: Int32Array;
}

/** The dictionary page of `entries` (UTF-8 values) with their statistics. */
function pageOf(entries: readonly Uint8Array[], indices: Int32Array): DictPage {
  let size = entries.length * 4;
  for (const e of entries) size += e.length;
  const values = new Uint8Array(size);
  const view = new DataView(values.buffer);
  let o = 0;
  let min: Uint8Array | undefined;
  let max: Uint8Array | undefined;
  for (const e of entries) {
    view.setUint32(o, e.length, true);
    values.set(e, o + 4);
    o += 4 + e.length;
    if (!min || compareBytes(e, 0, e.length, min, 0, min.length) < 0) min = e;
    if (!max || compareBytes(e, 0, e.length, max, 0, max.length) > 0) max = e;
  }
  const stats = min && max && shortStat(min) && shortStat(max) ? { min: min.slice(), max: max.slice() } : {};
  return { values, size: entries.length, indices, ...stats };
}

/** A dictionary-coded column's page: the dictionary entries this row group uses. */
export function dictionaryPage(c: DictColumn): DictPage {
  const { codes, valid } = c;
  const n = codes.length;
  const remap = new Int32Array(c.dict.length).fill(-1);
  const used: number[] = [];
  const indices = new Int32Array(presentCount(valid, n));
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
  return pageOf(encodeDictEntries(c.dict, used), indices);
}

/** Rows looked at before deciding whether a UTF-8 column repeats enough to be worth a dictionary. */
const SAMPLE = 4096;
/** A dictionary is kept while it has at most one entry per this many present rows... */
const MIN_REPEAT = 3;
/** ...and its values take at most this many bytes (readers hold a dictionary whole). */
const MAX_DICT_BYTES = 8 << 20;

function hashBytes(b: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 ^ (e - s);
  for (let j = s; j < e; j++) h = Math.imul(h ^ b[j], 0x01000193);
  return h | 0;
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
  const limit = Math.floor(present / MIN_REPEAT);
  // open addressing: slot → first row of the value + 1 (0 = empty); load factor ≤ 1/2 at the limit
  let cap = 16;
  while (cap < 2 * limit + 2) cap *= 2;
  const mask = cap - 1;
  const slotRow = new Int32Array(cap);
  const slotHash = new Int32Array(cap);
  const slotIndex = new Int32Array(cap);
  const firstRows: number[] = [];
  const indices = new Int32Array(present);
  let dictBytes = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (valid && !valid[i]) continue;
    const s = offsets[i];
    const e = offsets[i + 1];
    const h = hashBytes(bytes, s, e);
    let slot = h & mask;
    for (;;) {
      const row = slotRow[slot] - 1;
      if (row < 0) {
        if (firstRows.length >= limit) return undefined;
        slotRow[slot] = i + 1;
        slotHash[slot] = h;
        slotIndex[slot] = firstRows.length;
        firstRows.push(i);
        dictBytes += e - s;
        if (dictBytes > MAX_DICT_BYTES) return undefined;
        break;
      }
      if (slotHash[slot] === h && compareBytes(bytes, s, e, bytes, offsets[row], offsets[row + 1]) === 0) break;
      slot = (slot + 1) & mask;
    }
    indices[k++] = slotIndex[slot];
    // mostly distinct values show it early: stop before hashing the rest
    if (k === SAMPLE && firstRows.length * MIN_REPEAT > SAMPLE) return undefined;
  }
  return pageOf(
    firstRows.map((r) => bytes.subarray(offsets[r], offsets[r + 1])),
    indices,
  );
}
