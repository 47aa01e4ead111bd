/**
 * Slot assignment (spec §3.2, §5 #6-7): a row with an event time in the window goes to the slot
 * that holds it, in input order; rows with no time or a time outside the window are counted as
 * out of range, never dropped silently. A table without an event-time column is dealt
 * round-robin: row i to slot i mod S. The result is a CSR layout (offsets + row indices), so a
 * slot's rows are one subarray.
 */
import { getColumn, isNull, stringAt, type Table } from '../../table/column';
import { parseInstant, TimeParseError, US_PER_DAY } from '../../time';
import type { SlotGrid } from './file-drop.slots';

export interface Assignment {
  /** S + 1 offsets into `rows`: slot s holds rows[offsets[s] .. offsets[s+1]). */
  readonly offsets: Int32Array;
  /** Input row indices, by slot then input order. */
  readonly rows: Int32Array;
  readonly outOfRange: number;
  /** Each input row's event time in epoch µs (NaN when null or unparseable); null for round-robin. */
  readonly eventUs: Float64Array | null;
}

/** Event times of a timestamp, date or ISO-text column as epoch µs (UTC; text without a zone is UTC). */
export function eventTimes(t: Table, column: string): Float64Array {
  const c = getColumn(t, column);
  const out = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) {
    if (isNull(c, i)) out[i] = Number.NaN;
    else if (c.type === 'timestamp') out[i] = c.values[i];
    else if (c.type === 'date') out[i] = c.values[i] * US_PER_DAY;
    else if (c.type === 'string') {
      try {
        out[i] = parseInstant(stringAt(c, i)!);
      } catch (e) {
        if (!(e instanceof TimeParseError)) throw e;
        out[i] = Number.NaN;
      }
    } else throw new Error(`column ${column} of ${t.name} is ${c.type}, not a time`);
  }
  return out;
}

/** Assign every row of `t` to a scheduled slot (or out of range). */
export function assignSlots(t: Table, timeColumn: string | null, g: SlotGrid): Assignment {
  const S = g.scheduled;
  const n = t.length;
  const slotOf = new Int32Array(n);
  const counts = new Int32Array(S + 1);
  let eventUs: Float64Array | null = null;
  let outOfRange = 0;
  if (timeColumn === null) {
    for (let i = 0; i < n; i++) slotOf[i] = i % S;
  } else {
    eventUs = eventTimes(t, timeColumn);
    const end = g.startUs + S * g.slotUs;
    for (let i = 0; i < n; i++) {
      const x = eventUs[i];
      // NaN fails both comparisons: null and unparseable times are out of range
      if (x >= g.startUs && x < end) slotOf[i] = Math.floor((x - g.startUs) / g.slotUs);
      else {
        slotOf[i] = -1;
        outOfRange++;
      }
    }
  }
  for (let i = 0; i < n; i++) if (slotOf[i] >= 0) counts[slotOf[i] + 1]++;
  const offsets = new Int32Array(S + 1);
  for (let s = 0; s < S; s++) offsets[s + 1] = offsets[s] + counts[s + 1];
  const fill = offsets.slice(0, S);
  const rows = new Int32Array(offsets[S]);
  for (let i = 0; i < n; i++) if (slotOf[i] >= 0) rows[fill[slotOf[i]]++] = i;
  return { offsets, rows, outOfRange, eventUs };
}
