import { buildTree, zipTree, type WrittenFile } from '../core/output/tree';
import { findSimulator } from '../core/registry';
import { runSimulator, type RunOutput } from '../core/run';
import { ConfigError } from '../core/schema/config';
import type { OutputFormat } from '../core/output/formats';
import { DataSet, type Summarised } from './dataset';
import { createStreamPlayer, type StreamPlayerOptions } from './stream-play';
import { macrotask, preview, whenAborted } from './preview';
import {
  serializeError,
  type DomainResult,
  type DropResult,
  type PackageResult,
  type Post,
  type RetypeResult,
  type RunSummary,
  type UploadResult,
  type WorkerRequest,
} from './protocol';

export interface DispatcherOptions {
  /** Initialise parquet-wasm before the first Parquet write (lazily, once). */
  initParquet(): Promise<unknown> | void;
  /** Host clock for elapsed times shown in the UI (never part of the output). */
  now(): number;
  /** Playing streams (stream-play.ts): the host's timers, fetch and origin; default setTimeout, global fetch, no origin. */
  play?: Partial<StreamPlayerOptions>;
}

type Req<T extends WorkerRequest['type']> = Extract<WorkerRequest, { type: T }>;

/**
 * Handles worker requests for any host (a Web Worker, or Node tests calling it directly).
 * Keeps the most recent runs so Download packages them without simulating again, and the
 * data set (generated and uploaded tables) that simulators read as `inputs`.
 */
export function createDispatcher(post: Post, options: DispatcherOptions) {
  const runs = new Map<number, RunOutput>();
  const aborts = new Map<number, AbortController>();
  const dataSet = new DataSet();
  const KEEP_RUNS = 2;
  const player = createStreamPlayer(post, (runId) => runs.get(runId), {
    wall: { now: options.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
    fetch: (...a) => fetch(...a),
    origin: '',
    yield: macrotask,
    ...options.play,
  });

  /** At most one progress message per 100 ms (and always the last one): the UI repaints, not floods. */
  function throttled(id: number) {
    let last = -Infinity;
    return (p: { phase: string; done: number; total: number }) => {
      const now = options.now();
      if (now - last < 100 && p.done < p.total) return;
      last = now;
      post({ id, type: 'progress', ...p });
    };
  }

  function abortable(id: number): AbortSignal {
    const abort = new AbortController();
    aborts.set(id, abort);
    return abort.signal;
  }

  const aborted = () => new DOMException('cancelled', 'AbortError');

  async function run(req: Req<'run'>): Promise<void> {
    const def = findSimulator(req.simulator);
    if (!def) throw new ConfigError([{ path: '', message: `unknown simulator "${req.simulator}"` }]);
    const inputs = req.inputs ? dataSet.inputs(req.inputs) : undefined;
    const signal = abortable(req.id);
    const began = options.now();
    // landing-zone simulators (and the hybrid's file drop) write their data files (Parquet included) during the run
    if (def.category === 'landing' || def.id === 'hybrid') await options.initParquet();
    const out = await runSimulator(def, req.config, { signal, onProgress: throttled(req.id), yield: macrotask, inputs });
    const elapsedMs = options.now() - began;
    runs.set(req.id, out);
    for (const key of [...runs.keys()].slice(0, Math.max(0, runs.size - KEEP_RUNS))) runs.delete(key);
    const transfer: ArrayBuffer[] = [];
    const tables = out.result.tables.map((t) => {
      const p = preview(t, req.previewRows);
      transfer.push(p.transfer);
      return p.preview;
    });
    const key = preview(out.result.answerKey.finish(), req.previewRows);
    transfer.push(key.transfer);
    const data: RunSummary = {
      runId: req.id,
      simulator: out.simulator,
      config: out.config,
      stats: out.result.stats,
      charts: out.result.charts ?? null,
      tables,
      answerKey: key.preview,
      elapsedMs,
    };
    post({ id: req.id, type: 'ok', data }, transfer);
  }

  /** Write files with progress (yielding between them so a cancel arrives), then zip them. */
  async function zipAndPost(id: number, format: OutputFormat, began: number, signal: AbortSignal, files: WrittenFile[]): Promise<void> {
    const progress = throttled(id);
    if (signal.aborted) throw aborted();
    // jszip cannot be interrupted: answer a cancel at once and let it finish unseen
    const zip = await Promise.race([zipTree(files, (percent) => progress({ phase: 'zip', done: percent, total: 100 })), whenAborted(signal)]);
    const result: PackageResult = { zip, format, files: files.map((f) => ({ path: f.path, bytes: f.bytes.length })), elapsedMs: options.now() - began };
    post({ id, type: 'ok', data: result }, [zip.buffer as ArrayBuffer]);
  }

  async function pack(req: Req<'package'>): Promise<void> {
    const out = runs.get(req.runId);
    if (!out) throw new Error('That run is no longer in memory; run the simulation again.');
    const began = options.now();
    if (req.format === 'parquet') await options.initParquet();
    const signal = abortable(req.id);
    const progress = throttled(req.id);
    const files = await buildTree(out, req.format, (done, total) => progress({ phase: 'write', done, total }));
    await zipAndPost(req.id, req.format, began, signal, files);
  }

  async function packData(req: Req<'packageData'>): Promise<void> {
    const began = options.now();
    if (req.format === 'parquet') await options.initParquet();
    const signal = abortable(req.id);
    const progress = throttled(req.id);
    const files = await dataSet.tree(req.tables, req.format, async (done, total) => {
      progress({ phase: 'write', done, total });
      await macrotask();
      if (signal.aborted) throw aborted();
    });
    await zipAndPost(req.id, req.format, began, signal, files);
  }

  /** Summaries and previews of named tables, yielding between tables (phase `summarise`). */
  async function summarise(id: number, names: readonly string[], previewRows: number): Promise<Summarised[]> {
    const progress = throttled(id);
    const out: Summarised[] = [];
    for (const name of names) {
      out.push(dataSet.summarise(name, previewRows));
      progress({ phase: 'summarise', done: out.length, total: names.length });
      await macrotask();
    }
    return out;
  }

  async function domain(req: Req<'domain'>): Promise<void> {
    const signal = abortable(req.id);
    const began = options.now();
    const { names, result } = await dataSet.generate(req.domain, req.config, { signal, onProgress: throttled(req.id), yield: macrotask });
    // the set now holds the new tables: answer with them even if a cancel arrives from here on
    const s = await summarise(req.id, names, req.previewRows);
    const body: DomainResult = { ...result, tables: s.map((x) => x.summary), elapsedMs: options.now() - began };
    post({ id: req.id, type: 'ok', data: body }, s.map((x) => x.transfer));
  }

  async function upload(req: Req<'upload'>): Promise<void> {
    const began = options.now();
    if (req.file.toLowerCase().endsWith('.parquet')) await options.initParquet();
    const { name, result } = dataSet.upload(req.file, req.bytes);
    const s = dataSet.summarise(name, req.previewRows);
    const body: UploadResult = { ...result, table: s.summary, elapsedMs: options.now() - began };
    post({ id: req.id, type: 'ok', data: body }, [s.transfer]);
  }

  function retype(req: Req<'retype'>): void {
    dataSet.retype(req.table, req.column, req.to);
    const s = dataSet.summarise(req.table, req.previewRows);
    const body: RetypeResult = { table: s.summary };
    post({ id: req.id, type: 'ok', data: body }, [s.transfer]);
  }

  function drop(req: Req<'drop'>): void {
    const body: DropResult = { dropped: dataSet.drop(req.tables) };
    post({ id: req.id, type: 'ok', data: body });
  }

  return async function handle(req: WorkerRequest): Promise<void> {
    if (req.type === 'cancel') {
      aborts.get(req.target)?.abort();
      return;
    }
    if (req.type === 'streamPlay' || req.type === 'streamControl' || req.type === 'deliveryKey') return player(req);
    try {
      switch (req.type) {
        case 'run':
          return await run(req);
        case 'package':
          return await pack(req);
        case 'packageData':
          return await packData(req);
        case 'domain':
          return await domain(req);
        case 'upload':
          return await upload(req);
        case 'retype':
          return retype(req);
        case 'drop':
          return drop(req);
      }
    } catch (e) {
      post({ id: req.id, type: 'error', error: serializeError(e) });
    } finally {
      aborts.delete(req.id);
    }
  };
}
