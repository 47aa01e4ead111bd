/**
 * The order events are sent in: the canonical order (spec §5 #4), capped (§5 #5), then the
 * out-of-order moves (§5 #5). Everything is typed arrays of row or position indices.
 */
import { Fenwick } from '../../domains/fenwick';
import type { Rng } from '../../rng';
import { radixSortBy } from '../../sort';

/**
 * Global row indices in canonical order: rows without an event time first (table order, row
 * order), then timed rows by (event time, table index, row index). Global indices number rows
 * table by table, so (table, row) order is index order and a stable sort gives the tie-break.
 */
export function canonicalOrder(eventTime: Float64Array): Int32Array {
  const n = eventTime.length;
  const out = new Int32Array(n);
  let untimed = 0;
  let min = Number.POSITIVE_INFINITY;
  for (let g = 0; g < n; g++) {
    const t = eventTime[g];
    if (t !== t) out[untimed++] = g;
    else if (t < min) min = t;
  }
  const timed = new Int32Array(n - untimed);
  const keys = new Float64Array(n);
  for (let g = 0, k = 0; g < n; g++) {
    const t = eventTime[g];
    if (t === t) {
      timed[k++] = g;
      keys[g] = t - min;
    }
  }
  out.set(radixSortBy(timed, keys, true), untimed);
  return out;
}

/** How many events move out of order: m = p>0 ? min(max(1, ⌊N·p⌋), N−1) : 0 (spec §5 #5). */
export function outOfOrderCount(n: number, p: number): number {
  return p > 0 && n > 1 ? Math.min(Math.max(1, Math.floor(n * p)), n - 1) : 0;
}

/** The send order after the out-of-order moves, and which events moved. */
export interface Reordered {
  /** Canonical position of the event at each send position. */
  readonly order: Int32Array;
  /** Canonical positions drawn to move, in the order they were processed (descending). */
  readonly movedFrom: Int32Array;
  /** The delay (in slots) drawn for each of {@link movedFrom}. */
  readonly delays: Int32Array;
}

/**
 * Out-of-order delivery over N capped events: m distinct positions from [0, N−2], processed
 * in descending order; each event moves from i to min(i + d, N−1), d ~ U{1..maxDelay}, the
 * events between shifting one place earlier. Draws: the positions, then the delays in
 * descending position order.
 *
 * Replaying the moves one by one costs O(m·d); instead, reading the moves from the last
 * position down, the list after position i is built by inserting event i at index min(d, N−1−i)
 * of the list after it (index 0 when it does not move), and the final place of each insertion
 * is found backwards with a Fenwick tree over free slots: O(N log N) for any delay.
 */
export function reorder(n: number, p: number, maxDelay: number, rng: Rng): Reordered {
  const m = outOfOrderCount(n, p);
  const order = new Int32Array(n);
  if (m === 0) {
    for (let i = 0; i < n; i++) order[i] = i;
    return { order, movedFrom: new Int32Array(0), delays: new Int32Array(0) };
  }
  const movedFrom = Int32Array.from(rng.sampleWithoutReplacement(n - 1, m)).sort().reverse();
  const delays = new Int32Array(m);
  const insertAt = new Int32Array(n);
  for (let j = 0; j < m; j++) {
    const i = movedFrom[j];
    delays[j] = rng.int(1, maxDelay);
    insertAt[i] = Math.min(delays[j], n - 1 - i);
  }
  const free = new Fenwick(new Float64Array(n).fill(1));
  for (let i = 0; i < n; i++) {
    const slot = free.find(insertAt[i]);
    free.add(slot, -1);
    order[slot] = i;
  }
  return { order, movedFrom, delays };
}
