/**
 * Units of encoding work. A table is written as parts, one per row group (Parquet parts are
 * stitched, text parts concatenated); a zip's text is deflated in segments of fixed size. Each
 * is independent of the others, so they run on any thread and are put together in order.
 */
import { runKernel, type KernelArrays, type KernelName } from '../kernels';
import type { Alloc, Table } from '../table/column';
import { writeCsv } from './csv';
import { sha256Hex } from '../hash/sha256';
import { writeTable, type OutputFormat, type WriteOptions } from './formats';
import { writeJsonl } from './jsonl';
import { encodeParquetPart } from './parquet';
import type { PartBuffer } from './parquet-writer/writer';
import { deflateSegment } from './zip';

export type EncodeTask =
  /** One row group of a table in a format. */
  | {
      readonly kind: 'part';
      readonly format: OutputFormat;
      readonly rows: Table;
      readonly first: boolean;
      readonly options?: WriteOptions;
      /**
       * Memory the result may be a view on (Parquet parts), reused by the writer for its next
       * part: for a writer, on this thread, whose sink is done with a chunk once its write
       * settles. One per writer, so two writes at once never share it.
       */
      readonly into?: PartBuffer;
    }
  /** Raw bytes of a file to deflate as one zip segment. */
  | { readonly kind: 'deflate'; readonly bytes: Uint8Array }
  /**
   * A whole small file, written in one piece while a run is under way (a landing zone's data
   * files: their sizes and checksums go into manifests), with its SHA-256 when asked.
   */
  | {
      readonly kind: 'file';
      readonly format: OutputFormat;
      readonly table: Table;
      readonly checksum: boolean;
      /** The table's buffers were made for this task alone: they may cross to a thread as they are (else they are copied). */
      readonly given?: boolean;
      /** The file holds these rows of `table`, in this order (tasks run on this thread only: the table is not copied). */
      readonly rows?: Int32Array;
    }
  /** A chunk of a run's simulation (src/core/kernels.ts): plain input, typed arrays out. */
  | { readonly kind: 'kernel'; readonly name: KernelName; readonly input: unknown };

/** Encoded bytes; deflated pieces also carry the CRC-32 and size of their raw bytes, files their SHA-256 when asked. */
export interface Piece {
  readonly bytes: Uint8Array;
  readonly crc?: number;
  readonly size?: number;
  readonly sha256?: string;
  /** A kernel's output (its `bytes` are empty). */
  readonly arrays?: KernelArrays;
  /** The task's buffers, handed back by the thread that ran it for the host to reuse. */
  readonly returned?: readonly ArrayBuffer[];
}

function encodeRows(format: OutputFormat, rows: Table, first: boolean, options: WriteOptions = {}, into?: PartBuffer): Uint8Array {
  switch (format) {
    case 'parquet':
      return encodeParquetPart(rows, into);
    case 'csv':
      return writeCsv(rows, { ...options, header: first });
    case 'jsonl':
      return writeJsonl(rows);
  }
}

/** Do one task on this thread. */
export function runTask(task: EncodeTask): Piece {
  if (task.kind === 'deflate') return deflateSegment(task.bytes);
  if (task.kind === 'kernel') return { bytes: new Uint8Array(0), arrays: runKernel(task.name, task.input) };
  if (task.kind === 'file') {
    const bytes = writeTable(task.table, task.format, {}, task.rows);
    return task.checksum ? { bytes, sha256: sha256Hex(bytes) } : { bytes };
  }
  return { bytes: encodeRows(task.format, task.rows, task.first, task.options, task.into) };
}

/** Runs encoding tasks, on this thread or on a pool of threads. */
export interface PartEncoder {
  /** Threads working at once (1: this thread). Callers keep one more task than this in flight. */
  readonly threads: number;
  /** True when tasks cross to other threads: their buffers must be copies the caller gives up. */
  readonly transfers: boolean;
  /** Memory for those copies, reused as the threads hand it back (when tasks cross threads). */
  readonly alloc?: Alloc;
  run(task: EncodeTask): Promise<Piece>;
}

/** The in-thread encoder (Node with --threads 1, tests, a browser with no core to spare). */
export const inThreadEncoder: PartEncoder = {
  threads: 1,
  transfers: false,
  run: async (task) => runTask(task),
};
