/**
 * Where Node hosts write an output tree: `--out` a folder and/or `--zip` a file, streamed and
 * atomic, encoded on `--threads` threads. Both targets get the same files: with both, the zip
 * is written from the folder's files as they now are on disk, so nothing is simulated or
 * encoded twice (a zip's bytes depend only on its files' paths and bytes).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { OutputFile } from '../core/output/files';
import type { OutputFormat, WriteOptions } from '../core/output/formats';
import type { PartEncoder } from '../core/output/parts';
import { EarlyTables, writeTree, type WriteHooks, type WrittenSummary } from '../core/output/tree-writer';
import type { Progress } from '../core/simulator';
import type { Table } from '../core/table/column';
import { FolderSink, zipFileSink } from './fs-sink';
import { EarlyFiles } from './early-files';
import { nodeEncoder } from './threads';

export interface OutputTargets {
  readonly out?: string;
  readonly zip?: string;
  readonly threads?: number;
}

/** How the run's result tables will be written, so they can start encoding while it runs. */
export interface EarlyFormat {
  readonly format: OutputFormat;
  readonly options?: WriteOptions;
}

export interface OutputWriter {
  /** The encoder threads, also for files a run writes while it runs (a landing zone's). */
  readonly encoder: PartEncoder;
  /**
   * For the run's hooks (`onTable`): a result table that is final starts encoding on the threads
   * at once, while the run goes on; `write` then takes up that work. Given with `early` only.
   */
  readonly onTable?: (table: Table) => void;
  /**
   * For the run's hooks (`onFile`): a file whose path and bytes are final (a landing zone's, as
   * it lands) is written into the --out folder at once, by a writer thread, while the run goes
   * on; `write` then takes it as written. Given with --out only.
   */
  readonly onFile?: (path: string, bytes: Uint8Array) => void;
  /** Write `files` to the targets; returns each file's path and size. The signal stops it between row groups. */
  write(files: readonly OutputFile[], signal?: AbortSignal, onProgress?: (p: Progress) => void): Promise<WrittenSummary[]>;
  /** After a run that failed or was cancelled (before `write`): remove the files it wrote early. */
  discard(): Promise<void>;
  /** Stop the encoder threads (also after a failure). */
  close(): void;
}

/**
 * Prepare to write: the encoder threads start loading now, so they are ready when the run
 * (simulated meanwhile on the main thread, its input tables generated first) has its tables.
 */
export function prepareOutput(targets: OutputTargets, early?: EarlyFormat): OutputWriter {
  const encoder = nodeEncoder(targets.threads);
  encoder.warm();
  const started = early ? new EarlyTables(encoder, early.format, early.options) : undefined;
  const landed = targets.out ? new EarlyFiles(targets.out) : undefined;
  return {
    encoder,
    ...(started ? { onTable: started.publish } : {}),
    ...(landed ? { onFile: landed.publish } : {}),
    async write(files, signal, onProgress) {
      const hooks = { encoder, signal, onProgress, yield: () => new Promise<void>((r) => setImmediate(r)), early: started };
      let written: WrittenSummary[] = [];
      if (targets.out) written = await writeFolder(files, targets.out, landed!, hooks);
      if (targets.zip) written = await writeTree(targets.out ? written.map((f) => fileOnDisk(targets.out!, f.path, f.bytes)) : files, zipFileSink(targets.zip), hooks);
      return written;
    },
    discard: async () => landed?.discard(),
    close: () => {
      encoder.close();
      landed?.close();
    },
  };
}

/**
 * The files into the folder: those written early are taken as they are, once all are on disk (a
 * file that failed there fails the write before anything more is written), the others written
 * now, in order.
 */
async function writeFolder(files: readonly OutputFile[], root: string, landed: EarlyFiles, hooks: WriteHooks): Promise<WrittenSummary[]> {
  await landed.settle();
  const rest = files.filter((f) => !landed.has(f.path));
  const fresh = await writeTree(rest, new FolderSink(root), hooks);
  if (rest.length === files.length) return fresh;
  const sizes = new Map(fresh.map((f) => [f.path, f.bytes]));
  return files.map((f) => ({ path: f.path, bytes: sizes.get(f.path) ?? landed.sizeOf(f.path) }));
}

/** Read back in blocks: a file of the written folder, as the zip's second pass takes it (most landed files are small: a buffer of their size). */
const READ_BLOCK = 4 << 20;

function fileOnDisk(root: string, path: string, size: number): OutputFile {
  return {
    path,
    sizeHint: size,
    // read synchronously: a landing zone has thousands of small files, and four awaited file
    // operations each cost more than the reading (the encoder threads' answers wait a block at most)
    *produce() {
      const fd = openSync(join(root, ...path.split('/')), 'r');
      try {
        let left = fstatSync(fd).size;
        while (left > 0) {
          const buf = new Uint8Array(Math.min(READ_BLOCK, left));
          const bytesRead = readSync(fd, buf, 0, buf.length, null);
          if (bytesRead === 0) return;
          left -= bytesRead;
          yield bytesRead === buf.length ? buf : buf.subarray(0, bytesRead);
        }
      } finally {
        closeSync(fd);
      }
    },
  };
}
