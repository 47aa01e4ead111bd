import type { AnswerKeyBuilder } from './answer-key';
import type { RunEstimate } from './estimate';
import { IdStream } from './ids';
import { Rng } from './rng';
import type { InputSpec, TableShape } from './inputs/contract';
import type { OutputFile } from './output/files';
import type { PartEncoder } from './output/parts';
import type { ConfigSchema } from './schema/config';
import type { ResultView } from './view/result-view';
import type { Table } from './table/column';

/** Progress of a long step, for progress bars: `done` of `total` units in `phase`. */
export interface Progress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/**
 * Rows a table builder makes between two progress steps: a few tenths of a second at most, so
 * progress moves and a cancel is taken while a large table is built.
 */
export const ROWS_PER_STEP = 1 << 18;

/** Awaited by a table builder after each stretch of {@link ROWS_PER_STEP} rows, with the rows done: progress and cancel. */
export type RowStep = (done: number, total: number) => Promise<void>;

export class AbortError extends Error {
  constructor(message = 'The run was cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

/**
 * What a simulator gets besides its config: the seed and its streams, and a way to report
 * progress. `checkpoint` is awaited between fixed logical chunks; the host uses it to post
 * progress, to yield so a cancel can arrive, and to stop the run (it throws AbortError).
 */
export interface RunContext {
  readonly seed: number;
  /** The run's root stream; fork it by name, never share draws across phases. */
  readonly rng: Rng;
  /** A deterministic id stream named (seed, stream). */
  ids(stream: string): IdStream;
  /** Input tables by name (domains or uploads), for simulators that declare input roles. */
  readonly inputs: ReadonlyMap<string, Table>;
  /**
   * Await between fixed logical chunks: reports progress, lets a cancel arrive (throws
   * {@link AbortError}). `phase` is words a user knows ("Simulating sessions", "Landing files"),
   * never an internal name.
   */
  checkpoint(phase: string, done: number, total: number): Promise<void>;
  /**
   * A context for a composed sub-simulator (the hybrid's file drop and stream): its own seed,
   * hence its own random streams and ids, the same inputs, cancel and progress (phases prefixed
   * with `label`). A child run equals the standalone simulator run with that seed.
   */
  child(label: string, seed: number, inputs?: ReadonlyMap<string, Table>): RunContext;
  /**
   * Encodes files a run must write while it runs (a landing zone's data files, whose sizes and
   * checksums go into manifests), on the host's threads when it has them. Tasks may finish in
   * any order; what a run does with their bytes must not depend on that order. Absent: the
   * run encodes in its own thread.
   */
  readonly encoder?: PartEncoder;
  /**
   * Hand a result table over as soon as it is final: the same object the result's `tables` will
   * hold, never changed afterwards. A host that writes files may start encoding it while the run
   * goes on (the threads encode while this one still simulates); other hosts ignore it. A
   * composed child's tables are not its parent's results: in a child context this does nothing.
   */
  publish(table: Table): void;
  /**
   * Hand over an output file as soon as its path and bytes are final (a landing zone's files as
   * they land): the result's `files` will hold the same path with these bytes, never changed
   * afterwards. A host writing a folder may write it at once, on another thread while the run
   * goes on; other hosts ignore it. In a child context this does nothing (a composed child's
   * files are its parent's to place).
   */
  publishFile(path: string, bytes: Uint8Array): void;
  /**
   * Whether the host draws the result's charts. The CLI only writes files and says no: a run
   * then leaves `charts` out and skips computing them (a tenth of a large workflow's time).
   */
  readonly charts: boolean;
  /**
   * Bytes of working memory a run may take for a while, beyond what it holds, when that makes
   * it faster: a browser tab keeps the default ({@link TAB_SCRATCH_BYTES}), the CLI has room to
   * spare. Same bytes out whatever it is.
   */
  readonly scratchBytes: number;
}

/** A tab's large runs sit within 100 MB of its 2 GB: the working memory a run may take there. */
export const TAB_SCRATCH_BYTES = 64 << 20;

export interface RunHooks {
  /** A result table is final ({@link RunContext.publish}); the host may start writing it. */
  onTable?(table: Table): void;
  /** An output file is final ({@link RunContext.publishFile}); the host may write it now. */
  onFile?(path: string, bytes: Uint8Array): void;
  onProgress?(p: Progress): void;
  /** Called at every checkpoint; the host may yield to its event loop here. */
  yield?(): Promise<void> | void;
  signal?: AbortSignal;
  /** Threads for {@link RunContext.encoder} (default: this thread). */
  encoder?: PartEncoder;
  /** False when nothing will draw the result's charts ({@link RunContext.charts}); default true. */
  charts?: boolean;
  /** {@link RunContext.scratchBytes}; default {@link TAB_SCRATCH_BYTES}. */
  scratchBytes?: number;
}

export function makeContext(seed: number, hooks: RunHooks = {}, inputs: ReadonlyMap<string, Table> = new Map(), label = ''): RunContext {
  return {
    seed,
    inputs,
    rng: Rng.root(seed),
    ids: (stream) => new IdStream(seed, stream),
    async checkpoint(phase, done, total) {
      if (hooks.signal?.aborted) throw new AbortError();
      hooks.onProgress?.({ phase: label ? `${label}: ${phase}` : phase, done, total });
      await hooks.yield?.();
      if (hooks.signal?.aborted) throw new AbortError();
    },
    ...(hooks.encoder ? { encoder: hooks.encoder } : {}),
    publish: (table) => hooks.onTable?.(table),
    publishFile: (path, bytes) => hooks.onFile?.(path, bytes),
    charts: hooks.charts ?? true,
    scratchBytes: hooks.scratchBytes ?? TAB_SCRATCH_BYTES,
    child(childLabel, childSeed, childInputs) {
      return makeContext(childSeed, { ...hooks, onTable: undefined, onFile: undefined }, childInputs ?? inputs, label ? `${label}: ${childLabel}` : childLabel);
    },
  };
}

/** What a simulator returns: result tables, stats, the injected faults, and chart data for the UI. */
export interface SimResult {
  readonly tables: readonly Table[];
  readonly stats: Record<string, unknown>;
  readonly answerKey: AnswerKeyBuilder;
  /**
   * JSON-serialisable aggregates for the page's charts (computed next to the data, in the
   * worker); absent when the host said it draws none ({@link RunContext.charts}).
   */
  readonly charts?: unknown;
  /**
   * Further output files with their own paths and formats, after the result tables: fixed
   * exports (`otlp/logs.json`), or a whole landing zone (`Files/landing/retail/order/dt=…/…`).
   * Contents are produced lazily, in list order (see output/files.ts).
   */
  readonly files?: readonly OutputFile[];
}

/**
 * A result table produced chunk by chunk as it is read, for runs too large to hold whole
 * (workflow of 5 M entities): each chunk is let go once read. The rows, and so the file's bytes,
 * are those the held run's table has (the tree writer's row groups do not depend on the chunks).
 */
export interface TableStream {
  readonly name: string;
  /** Rows expected (progress); the true count is known once the stream is read. */
  readonly rowsHint: number;
  /** The chunks, in row order; at least one (an empty one carries the columns). Read once. */
  chunks(): AsyncIterable<Table>;
}

/**
 * A run whose tables are produced as they are read ({@link SimulatorDef.stream}): read every
 * table in order, each once, to its end; then `finish` gives the rest of the result, the same
 * stats, answer key and charts the held run gives.
 */
export interface StreamedResult {
  readonly tables: readonly TableStream[];
  /** Further files, written after the tables (as a held run's `files`); produced only once the tables have been read. */
  readonly files?: readonly OutputFile[];
  finish(): Omit<SimResult, 'tables' | 'files'>;
}

export type SimulatorCategory = 'behaviour' | 'landing' | 'stream';

/**
 * What the page, the navigation, `list` and `describe` know of a simulator: no engine. The
 * page bundle imports only these (catalog.ts); engines live in the worker and the CLI.
 */
export interface SimulatorSpec<C extends { seed: number } = { seed: number }> {
  readonly id: string;
  readonly title: string;
  /** One line for navigation and `list`. */
  readonly summary: string;
  readonly category: SimulatorCategory;
  readonly schema: ConfigSchema<C>;
  /** Input tables the simulator reads; absent for simulators that generate everything. */
  readonly inputs?: InputSpec;
  /**
   * The run's expected size from its parsed config: rows per table, memory, bytes on disk
   * (estimate.ts). The schema refuses, with this estimate, what the engine cannot hold.
   * Simulators that read tables get the shapes (names, rows, columns) of the tables the run
   * will read; runSimulator checks their estimate once the inputs are known.
   */
  estimate?(config: C, inputs?: readonly TableShape[]): RunEstimate;
}

/** A registered simulator: its spec and its engine (registry.ts, for the worker and the CLI). */
export interface SimulatorDef<C extends { seed: number } = { seed: number }> extends SimulatorSpec<C> {
  run(config: C, ctx: RunContext): Promise<SimResult>;
  /**
   * The same run with its tables produced as they are read, holding only what its stats, charts
   * and answer key need: for runs larger than a host holds (the worker's hold limit). Writing its
   * files gives the bytes `run` gives. Absent: the simulator only runs whole.
   */
  stream?(config: C, ctx: RunContext): StreamedResult;
  /**
   * From what expected size of its tables (estimate bytes) a host that only writes files (the
   * CLI) streams this simulator's runs: 0 where streaming is measured the faster way at any size
   * (clickstream: its page views are built a row group at a time, never whole). Absent: the
   * host's own limit, where memory decides (workflow is faster held while its tables fit).
   */
  readonly streamFromBytes?: number;
  /**
   * The shapes of the run's stats and chart data as its page reads them (the simulator's
   * `view.ts`, light; the page imports it with its own chunk, not with the catalog): the page
   * checks each run against it, and a test checks that every engine's output fits.
   */
  readonly view?: ResultView<unknown, unknown>;
}

/** Erase a spec's config type for the catalog (every config has a seed). */
export function defineSpec<C extends { seed: number }>(spec: SimulatorSpec<C>): SimulatorSpec {
  return spec as unknown as SimulatorSpec;
}

/** Erase a def's config type for the registry (every config has a seed). */
export function defineSimulator<C extends { seed: number }>(
  spec: SimulatorSpec<C>,
  run: (config: C, ctx: RunContext) => Promise<SimResult>,
  view?: ResultView<unknown, unknown>,
  stream?: { readonly run: (config: C, ctx: RunContext) => StreamedResult; readonly fromBytes?: number },
): SimulatorDef {
  const streams = stream ? { stream: stream.run, ...(stream.fromBytes !== undefined ? { streamFromBytes: stream.fromBytes } : {}) } : {};
  return { ...spec, run, ...(view ? { view } : {}), ...streams } as unknown as SimulatorDef;
}
