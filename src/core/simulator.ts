import type { AnswerKeyBuilder } from './answer-key';
import { IdStream } from './ids';
import { Rng } from './rng';
import type { OutputFile } from './output/tree';
import type { ConfigSchema } from './schema/config';
import type { ColumnType, Table } from './table/column';

/** Progress of a long step, for progress bars: `done` of `total` units in `phase`. */
export interface Progress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

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
  checkpoint(phase: string, done: number, total: number): Promise<void>;
}

export interface RunHooks {
  onProgress?(p: Progress): void;
  /** Called at every checkpoint; the host may yield to its event loop here. */
  yield?(): Promise<void> | void;
  signal?: AbortSignal;
}

export function makeContext(seed: number, hooks: RunHooks = {}, inputs: ReadonlyMap<string, Table> = new Map()): RunContext {
  return {
    seed,
    inputs,
    rng: Rng.root(seed),
    ids: (stream) => new IdStream(seed, stream),
    async checkpoint(phase, done, total) {
      if (hooks.signal?.aborted) throw new AbortError();
      hooks.onProgress?.({ phase, done, total });
      await hooks.yield?.();
      if (hooks.signal?.aborted) throw new AbortError();
    },
  };
}

/** What a simulator returns: result tables, stats, the injected faults, and chart data for the UI. */
export interface SimResult {
  readonly tables: readonly Table[];
  readonly stats: Record<string, unknown>;
  readonly answerKey: AnswerKeyBuilder;
  /** JSON-serialisable aggregates for the page's charts (computed next to the data, in the worker). */
  readonly charts?: unknown;
  /** Extra files in a fixed format whatever the output format (e.g. an OTLP/JSON export), by tree path. */
  readonly files?: readonly OutputFile[];
}

/** A table a simulator needs (ARCHITECTURE.md, `inputs`): required and optional columns by role. */
export interface InputRole {
  readonly role: string;
  readonly help: string;
  readonly defaultTable: string;
  readonly columns: readonly { readonly role: string; readonly defaultName: string; readonly types: readonly ColumnType[]; readonly required: boolean }[];
}

export type SimulatorCategory = 'behaviour' | 'landing' | 'stream';

/** A registered simulator: the registry, the CLI, the worker and the UI all read this. */
export interface SimulatorDef<C extends { seed: number } = { seed: number }> {
  readonly id: string;
  readonly title: string;
  /** One line for navigation and `list`. */
  readonly summary: string;
  readonly category: SimulatorCategory;
  readonly schema: ConfigSchema<C>;
  /** Input tables the simulator needs; absent for simulators that generate everything. */
  readonly inputs?: readonly InputRole[];
  run(config: C, ctx: RunContext): Promise<SimResult>;
}

/** Erase a def's config type for the registry (every config has a seed). */
export function defineSimulator<C extends { seed: number }>(def: SimulatorDef<C>): SimulatorDef {
  return def as unknown as SimulatorDef;
}
