/**
 * The tree writer: one pass over a run's output files, in order, each streamed into a sink
 * (a folder, a zip, memory) as its bytes are produced. Tables go row group by row group, their
 * parts encoded on the encoder's threads with a few in flight and written in order; produced
 * files go chunk by chunk. Peak memory is a few row groups, not the output.
 */
import { AbortError, type Progress } from '../simulator';
import { sliceTable, viewTable, type Table } from '../table/column';
import { isBytesFile, isStreamFile, isTableFile, type OutputFile } from './files';
import type { OutputFormat, WriteOptions } from './formats';
import { ParquetStitcher } from './parquet-stitch';
import type { PartBuffer } from './parquet-writer/writer';
import { inThreadEncoder, type PartEncoder, type Piece } from './parts';
import { ROW_GROUP_ROWS, rowGroups } from './row-groups';
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
  /** Tables whose encoding started while the run went on (they are written from that work). */
  readonly early?: EarlyTables;
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
 * pool works ahead while the writer waits on the sink). `queue` holds results started before
 * (a table handed over early: {@link EarlyTables}).
 */
async function* ordered<T, R>(items: Iterable<T> | AsyncIterable<T>, window: number, start: (item: T) => Promise<R>, queue: Promise<R>[] = []): AsyncGenerator<R> {
  const launch = (item: T) => {
    const p = start(item);
    p.catch(() => {}); // awaited in order below; no unhandled rejection meanwhile
    queue.push(p);
  };
  while (queue.length >= window) yield await queue.shift()!;
  for await (const item of items) {
    launch(item);
    if (queue.length >= window) yield await queue.shift()!;
  }
  while (queue.length) yield await queue.shift()!;
}

/**
 * The rows of each row group of a whole table: copies, into the encoder's reused memory, when it
 * takes them to another thread; else views on the table (its encoder only reads them, here).
 */
function* groupsOf(t: Table, encoder: PartEncoder): Generator<Table> {
  for (const [start, end] of rowGroups(t.length)) yield encoder.transfers ? sliceTable(t, start, end, encoder.alloc) : start === 0 && end === t.length ? t : viewTable(t, start, end);
}

/** An encoded row group and its row count. */
interface Part {
  readonly bytes: Uint8Array;
  readonly n: number;
}

/**
 * A table's row groups being encoded: the groups still to start, whether the next is the first
 * (a CSV header), and the writer's own memory a part may be a view on (when the sink is done
 * with each chunk once its write settles, and parts are made one at a time, here).
 */
interface PartsState {
  readonly groups: Iterable<Table> | AsyncIterable<Table>;
  first: boolean;
  readonly reuse?: PartBuffer;
}

function startPart(state: PartsState, rows: Table, format: OutputFormat, options: WriteOptions | undefined, encoder: PartEncoder): Promise<Part> {
  const task = { kind: 'part' as const, format, rows, first: state.first, options, ...(state.reuse ? { into: state.reuse } : {}) };
  state.first = false;
  const n = rows.length;
  return encoder.run(task).then((piece) => ({ bytes: piece.bytes, n }));
}

/** A table's bytes, row group by row group: Parquet parts stitched, text parts concatenated. */
async function* tableBytes(
  state: PartsState,
  format: OutputFormat,
  options: WriteOptions | undefined,
  encoder: PartEncoder,
  onRows: (n: number) => void,
  started: Promise<Part>[] = [],
): AsyncGenerator<Uint8Array> {
  const stitcher = format === 'parquet' ? new ParquetStitcher() : undefined;
  const parts = ordered(state.groups, windowOf(encoder), (rows) => startPart(state, rows, format, options, encoder), started);
  for await (const { bytes, n } of parts) {
    onRows(n);
    yield stitcher ? stitcher.add(bytes) : bytes;
  }
  if (stitcher) yield stitcher.finish();
}

/** A table handed over early: its remaining row groups, and the parts started for it. */
interface EarlyTable {
  readonly state: PartsState & { readonly groups: Iterable<Table> };
  readonly rest: Iterator<Table>;
  readonly started: Promise<Part>[];
  /** Parts started and not yet done. */
  running: number;
  /** Bytes of parts done and not yet written. */
  heldBytes: number;
  taken: boolean;
}

/**
 * Result tables handed over while a run goes on (`RunContext.publish`): their row groups
 * start encoding on the encoder's threads at once, in the order the tables came, so the threads
 * work while the run's own thread still simulates. The tree writer takes the started parts when
 * it reaches the table's file and goes on from there; the bytes are the same as without.
 * Bounded: one part in flight per thread but one (the run's thread keeps a core), and at most
 * `maxHeldBytes` of encoded parts waiting for the writer. Nothing starts when the encoder has no
 * threads (nothing to overlap).
 */
export class EarlyTables {
  private readonly tables = new Map<Table, EarlyTable>();
  private running = 0;
  private held = 0;

  constructor(
    private readonly encoder: PartEncoder,
    private readonly format: OutputFormat,
    private readonly options?: WriteOptions,
    private readonly maxHeldBytes = 64 << 20,
  ) {}

  /** Start encoding `table` (a final result table). */
  readonly publish = (table: Table): void => {
    if (!this.encoder.transfers || this.tables.has(table)) return;
    const groups = { [Symbol.iterator]: () => rest };
    const rest = groupsOf(table, this.encoder)[Symbol.iterator]();
    this.tables.set(table, { state: { groups, first: true }, rest, started: [], running: 0, heldBytes: 0, taken: false });
    this.pump();
  };

  private pump(): void {
    // one thread fewer than the encoder has: the run's own thread keeps a core (it is the critical path)
    const inFlight = Math.max(1, this.encoder.threads - 1);
    for (const t of this.tables.values()) {
      if (t.taken) continue;
      while (this.running < inFlight && this.held < this.maxHeldBytes) {
        const next = t.rest.next();
        if (next.done) break;
        this.running++;
        t.running++;
        const p = startPart(t.state, next.value, this.format, this.options, this.encoder);
        p.catch(() => {}); // the writer awaits it, or the run failed and the threads are closed
        p.then(
          (part) => {
            t.running--;
            if (t.taken) return; // the writer counts it now
            this.running--;
            t.heldBytes += part.bytes.length;
            this.held += part.bytes.length;
            this.pump();
          },
          () => {
            t.running--;
            if (!t.taken) this.running--;
          },
        );
        t.started.push(p);
      }
      if (this.running >= inFlight || this.held >= this.maxHeldBytes) return;
    }
  }

  /** The work started for `table` written as `format`, for the writer to go on with; undefined when none. */
  take(table: Table, format: OutputFormat, options: WriteOptions | undefined): EarlyTable | undefined {
    const t = this.tables.get(table);
    if (!t || t.taken || format !== this.format || options !== this.options) return undefined;
    t.taken = true;
    this.held -= t.heldBytes;
    this.running -= t.running;
    this.pump();
    return t;
  }
}

/** A file's raw bytes, as they are produced (`reuse`: the writer's memory its parts may be views on). */
function rawBytes(file: OutputFile, encoder: PartEncoder, onRows: (n: number) => void, reuse: PartBuffer | undefined, early?: EarlyTables): Iterable<Uint8Array> | AsyncIterable<Uint8Array> {
  if (isTableFile(file)) {
    const started = early?.take(file.table, file.format, file.options);
    if (started) return tableBytes(started.state, file.format, file.options, encoder, onRows, started.started);
    return tableBytes({ groups: groupsOf(file.table, encoder), first: true, reuse }, file.format, file.options, encoder, onRows);
  }
  if (isBytesFile(file)) return [file.bytes];
  if (isStreamFile(file)) return file.produce();
  return tableBytes({ groups: fixedRowGroups(file.chunks(), ROW_GROUP_ROWS, encoder.transfers), first: true, reuse }, file.format, file.options, encoder, onRows);
}

/**
 * A file's bytes as pieces to write: raw, or (for a sink that deflates it) deflated in fixed
 * blocks of its raw bytes on the encoder's threads, so a zip entry depends only on the file's
 * bytes, however they were produced.
 */
async function* contentOf(file: OutputFile, deflate: boolean, encoder: PartEncoder, onRows: (n: number) => void, reuse: PartBuffer | undefined, early?: EarlyTables): AsyncGenerator<Piece> {
  const raw = rawBytes(file, encoder, onRows, reuse, early);
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
  // parts made here, one at a time, for a sink done with each chunk once its write settles:
  // they may share one buffer, this write's own (no fresh memory per part)
  const reuse: PartBuffer | undefined = sink.copiesWrites === true && !encoder.transfers ? { buf: new Uint8Array(0) } : undefined;
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
      for await (const piece of contentOf(file, deflate, encoder, (rows) => (within += rows * ROW_WEIGHT), reuse, hooks.early)) {
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
