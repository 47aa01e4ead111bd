/**
 * The text of some rows of a table, in a given order, with no table of their own made (a landing
 * zone's files are index sets of its input). Rows scattered over a large table cost a cache miss
 * per cell when read in place (a round-robin slot takes every 31st row of 1.25 M: twice as slow
 * as in order), so they are gathered a block at a time into the same scratch memory, then
 * written in order: the cost of a table of their own, without its fresh memory.
 */
import { takeTable, type Alloc, type Table } from '../table/column';
import { writeRows, type ByteSink } from './bytes';

export type RowWriter = (out: ByteSink, row: number) => void;

/** Rows gathered at once: a block of every column stays in the core's cache while it is written. */
export const GATHER_ROWS = 2048;

/**
 * Buffers handed out in the same order for every block (one per column array): the k-th request
 * of a block gets the k-th buffer, grown when too small. A block's arrays are dead once it is
 * written, and writing is synchronous, so one set per thread serves every writer.
 */
class BlockScratch {
  private readonly buffers: ArrayBuffer[] = [];
  private next = 0;

  /** Start a new block: the previous block's arrays are overwritten from here on. */
  reset(): void {
    this.next = 0;
  }

  readonly alloc: Alloc = (bytes) => {
    const k = this.next++;
    const have = this.buffers[k];
    if (have && have.byteLength >= bytes) return have;
    const made = new ArrayBuffer(Math.max(bytes, 2 * (have?.byteLength ?? 0), 1024));
    // a block of very long texts is not kept for the rest of the thread's life
    if (bytes <= MAX_KEPT) this.buffers[k] = made;
    return made;
  };
}

/** A scratch buffer larger than this is used once and let go. */
const MAX_KEPT = 4 << 20;

const scratch = new BlockScratch();

/**
 * Write rows [0, t.length) of `t` with the row writer `lineOf(t)` makes, or with `rows`, those
 * rows of `t` in that order: the same bytes as `lineOf(takeTable(t, rows))` over its rows.
 * `lineOf` is called again for every block and may look at the block's columns (scans for
 * quoting), which are valid until it returns the next block's writer.
 */
export function writeRowsOf(out: ByteSink, t: Table, rows: Int32Array | undefined, lineOf: (t: Table) => RowWriter): void {
  if (!rows) return writeRows(out, t.length, lineOf(t));
  let line: RowWriter = () => {};
  let base = 0;
  let end = 0;
  writeRows(out, rows.length, (out, i) => {
    if (i === end) {
      scratch.reset();
      base = i;
      end = Math.min(rows.length, i + GATHER_ROWS);
      line = lineOf(takeTable(t, rows.subarray(base, end), scratch.alloc));
    }
    line(out, i - base);
  });
}
