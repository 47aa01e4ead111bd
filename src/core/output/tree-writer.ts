/**
 * The tree writer: one pass over a run's output files, in order, each streamed into a sink
 * (a folder, a zip, memory) as its bytes are produced. Tables go row group by row group, their
 * parts encoded on the encoder's threads with a few in flight and written in order; produced
 * files go chunk by chunk. Peak memory is a few row groups, not the output.
 */
import { AbortError, type Progress } from '../simulator';
import { sliceTable, type Table } from '../table/column';
import { isBytesFile, isStreamFile, isTableFile, type OutputFile } from './files';
import type { OutputFormat, WriteOptions } from './formats';
import { ParquetStitcher } from './parquet-stitch';
import { inThreadEncoder, type PartEncoder, type Piece } from './parts';
import { rowGroups } from './row-groups';
import type { TreeSink } from './sink';
import { fixedRowGroups, ByteBlocks } from './rechunk';

export interface WriteHooks {
  /** Encodes row groups and zip segments (default: this thread). */
  readonly encoder?: PartEncoder;
  readonly signal?: AbortSignal;
  /** Progress in words a user knows: "Writing events.parquet, 1 of 5 files". */
  onProgress?(p: Progress): void;
  /** Called between pieces; the host may yield to its event loop here (cancel arrives). */
  yield?(): Promise<void> | void;
}

/** What was written: each file's path and size in bytes (before any zip compression). */
export interface WrittenSummary {
  readonly path: string;
  readonly bytes: number;
}

/** Raw bytes of a produced file are deflated in blocks of this size (fixed: same zip bytes). */
export const DEFLATE_BLOCK = 1 << 20;
/** Rough bytes per row, only to weigh tables against other files on the progress bar. */
const ROW_WEIGHT = 100;

function weight(file: OutputFile): number {
  if (isTableFile(file)) return Math.max(1, file.table.length) * ROW_WEIGHT;
  if (isBytesFile(file)) return Math.max(1, file.bytes.length);
  if (isStreamFile(file)) return Math.max(1, file.sizeHint ?? DEFLATE_BLOCK);
  return Math.max(1, file.rowsHint ?? 1) * ROW_WEIGHT;
}

/**
 * Tasks in flight: one per thread and two waiting, so no thread idles while the writer writes (two
 * per thread was 0.5 s faster on workflow 1 M but held 60 MB more); one in this thread.
 */
const windowOf = (encoder: PartEncoder) => (encoder.transfers ? encoder.threads + 2 : 1);

/**
 * Results of `start(item)` for each item, in order, with up to `window` started at once (the
 * pool works ahead while the writer waits on the sink).
 */
async function* ordered<T, R>(items: Iterable<T> | AsyncIterable<T>, window: number, start: (item: T) => Promise<R>): AsyncGenerator<R> {
  const queue: Promise<R>[] = [];
  const launch = (item: T) => {
    const p = start(item);
    p.catch(() => {}); // awaited in order below; no unhandled rejection meanwhile
    queue.push(p);
  };
  for await (const item of items) {
    launch(item);
    if (queue.length >= window) yield await queue.shift()!;
  }
  while (queue.length) yield await queue.shift()!;
}

/** The rows of each row group of a whole table (copies when the encoder takes them to another thread). */
function* groupsOf(t: Table, copy: boolean): Generator<Table> {
  for (const [start, end] of rowGroups(t.length)) yield !copy && start === 0 && end === t.length ? t : sliceTable(t, start, end);
}

/** A table's bytes, row group by row group: Parquet parts stitched, text parts concatenated. */
async function* tableBytes(
  groups: Iterable<Table> | AsyncIterable<Table>,
  format: OutputFormat,
  options: WriteOptions | undefined,
  encoder: PartEncoder,
  onRows: (n: number) => void,
): AsyncGenerator<Uint8Array> {
  const stitcher = format === 'parquet' ? new ParquetStitcher() : undefined;
  let first = true;
  const parts = ordered(groups, windowOf(encoder), (rows) => {
    const task = { kind: 'part' as const, format, rows, first, options };
    first = false;
    const n = rows.length;
    return encoder.run(task).then((piece) => ({ bytes: piece.bytes, n }));
  });
  for await (const { bytes, n } of parts) {
    onRows(n);
    yield stitcher ? stitcher.add(bytes) : bytes;
  }
  if (stitcher) yield stitcher.finish();
}

/** A file's raw bytes, as they are produced. */
function rawBytes(file: OutputFile, encoder: PartEncoder, onRows: (n: number) => void): Iterable<Uint8Array> | AsyncIterable<Uint8Array> {
  if (isTableFile(file)) return tableBytes(groupsOf(file.table, encoder.transfers), file.format, file.options, encoder, onRows);
  if (isBytesFile(file)) return [file.bytes];
  if (isStreamFile(file)) return file.produce();
  return tableBytes(fixedRowGroups(file.chunks()), file.format, file.options, encoder, onRows);
}

/**
 * A file's bytes as pieces to write: raw, or (for a sink that deflates it) deflated in fixed
 * blocks of its raw bytes on the encoder's threads, so a zip entry depends only on the file's
 * bytes, however they were produced.
 */
async function* contentOf(file: OutputFile, deflate: boolean, encoder: PartEncoder, onRows: (n: number) => void): AsyncGenerator<Piece> {
  const raw = rawBytes(file, encoder, onRows);
  if (!deflate) {
    for await (const bytes of raw) yield { bytes };
    return;
  }
  // a small file (a manifest, a `_done` flag) is deflated here: the trip to a thread and back
  // costs more than the deflating, and a landing zone has thousands of them (same bytes either way)
  const pool = sizeOf(file) <= DEFLATE_HERE ? inThreadEncoder : encoder;
  yield* ordered(ByteBlocks.of(raw, DEFLATE_BLOCK, pool.transfers), windowOf(pool), (bytes) => pool.run({ kind: 'deflate', bytes }));
}

/** Files up to this size are deflated in the writer's thread. */
const DEFLATE_HERE = 64 << 10;

/** A file's size when known before it is produced (bytes files, size hints); else Infinity. */
function sizeOf(file: OutputFile): number {
  if (isBytesFile(file)) return file.bytes.length;
  if (isStreamFile(file)) return file.sizeHint ?? Infinity;
  return Infinity;
}

/**
 * Write `files` into `sink`, in order. Progress names the file being written; cancel (the
 * signal) stops between pieces, and any failure or cancel aborts the sink, so nothing
 * incomplete is left looking complete. Returns each file's path and size.
 */
export async function writeTree(files: readonly OutputFile[], sink: TreeSink, hooks: WriteHooks = {}): Promise<WrittenSummary[]> {
  const encoder = hooks.encoder ?? inThreadEncoder;
  const weights = files.map(weight);
  const total = weights.reduce((a, b) => a + b, 0);
  let done = 0;
  const written: WrittenSummary[] = [];
  const check = () => {
    if (hooks.signal?.aborted) throw new AbortError('The download was cancelled');
  };
  try {
    for (let i = 0; i < files.length; i++) {
      check();
      const file = files[i];
      const phase = `Writing ${file.path}, ${i + 1} of ${files.length} files`;
      const base = done;
      let within = 0;
      const report = () => hooks.onProgress?.({ phase, done: Math.min(base + within, base + weights[i]), total });
      report();
      const deflate = sink.deflates(file.path);
      const out = await sink.open(file.path);
      let size = 0;
      for await (const piece of contentOf(file, deflate, encoder, (rows) => (within += rows * ROW_WEIGHT))) {
        check();
        if (deflate) await out.writeSegment!({ bytes: piece.bytes, crc: piece.crc!, size: piece.size! });
        else await out.write(piece.bytes);
        const raw = deflate ? piece.size! : piece.bytes.length;
        size += raw;
        if (!isTableFile(file) && !('chunks' in file)) within += raw;
        report();
        await hooks.yield?.();
      }
      check();
      await out.close();
      written.push({ path: file.path, bytes: size });
      done = base + weights[i];
    }
    await sink.finish();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  hooks.onProgress?.({ phase: `Wrote ${files.length} files`, done: total, total });
  return written;
}
