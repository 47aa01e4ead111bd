import type { OutputFile } from '../core/output/files';
import { inThreadEncoder, type PartEncoder } from '../core/output/parts';
import { runFiles, streamedRunFiles } from '../core/output/tree';
import { writeTree } from '../core/output/tree-writer';
import { findSimulator } from '../core/registry';
import { resolveConfig, runSimulator, streamableBytes, streamSimulator, type RunOutput } from '../core/run';
import { concatTables } from '../core/table/concat';
import { ConfigError } from '../core/schema/config';
import type { Progress, SimulatorDef, TableStream } from '../core/simulator';
import { sliceTable, type Table } from '../core/table/column';
import { DataSet, type Summarised } from './dataset';
import { createStreamPlayer, type StreamPlayerOptions } from './stream-play';
import { macrotask, preview } from './preview';
import { sinkFor } from './sinks';
import { deviceDetail, deviceSearch } from './iot-explore';
import { keyHistory, landedFile } from './landing-explore';
import {
  RUN_NOT_HELD,
  serializeError,
  type DomainResult,
  type DropResult,
  type PackageResult,
  type Post,
  type RetypeResult,
  type RunSummary,
  type TablePreview,
  type UploadResult,
  type WorkerRequest,
} from './protocol';

export interface DispatcherOptions {
  /** Initialise parquet-wasm before the first Parquet upload is read (lazily, once; writing needs no wasm). */
  initParquet(): Promise<unknown> | void;
  /** Host clock for elapsed times shown in the UI (never part of the output). */
  now(): number;
  /** An encoder on `threads` threads for downloads (default: this thread); kept for later downloads. */
  encoder?(threads: number): PartEncoder;
  /**
   * A run whose tables take more than this many bytes is not held after its summary is sent:
   * its Download simulates it again (same config, seed and inputs: the same bytes).
   */
  holdLimitBytes?: number;
  /** Playing streams (stream-play.ts): the host's timers, fetch and origin; default setTimeout, global fetch, no origin. */
  play?: Partial<StreamPlayerOptions>;
}

type Req<T extends WorkerRequest['type']> = Extract<WorkerRequest, { type: T }>;

/** What the worker remembers of a run: enough to simulate it again, and its output while it is held. */
interface RunRecord {
  readonly def: SimulatorDef;
  readonly config: Record<string, unknown>;
  readonly inputs?: ReadonlyMap<string, Table>;
  output?: RunOutput;
}

/** Bytes a table takes (its typed arrays). */
function tableBytes(t: Table): number {
  let n = 0;
  for (const c of t.columns) for (const v of Object.values(c)) if (ArrayBuffer.isView(v)) n += v.byteLength;
  return n;
}

/** Bytes a run's tables take. */
function heldBytes(out: RunOutput): number {
  return [...out.result.tables, out.result.answerKey.finish()].reduce((n, t) => n + tableBytes(t), 0);
}

/** A table read from its stream, keeping only its first `rows` rows: those rows, its row count and its bytes. */
async function readHead(t: TableStream, rows: number): Promise<{ head: Table; rows: number; bytes: number }> {
  const head: Table[] = [];
  let kept = 0;
  let total = 0;
  let bytes = 0;
  for await (const chunk of t.chunks()) {
    total += chunk.length;
    bytes += tableBytes(chunk);
    // a copy of the rows kept, so the chunk itself is let go (an empty one keeps the columns)
    const take = Math.max(0, Math.min(chunk.length, rows - kept));
    if (take > 0 || head.length === 0) head.push(sliceTable(chunk, 0, take));
    kept += take;
  }
  return { head: concatTables(head), rows: total, bytes };
}

/** Runs larger than this are regenerated for their download rather than held (a tab has a few GB). */
export const HOLD_LIMIT_BYTES = 512 << 20;
/** What progress says while a run not held is simulated again for its download. */
const AGAIN = 'Running the simulation again for the download: ';
/** …and while a streamed run is simulated again as its files are written ("Simulating again: Writing events.parquet, 1 of 5 files"). */
const SIMULATING_AGAIN = 'Simulating again: ';
/** Runs held at once (the most recent); older ones are regenerated when downloaded. */
const KEEP_RUNS = 2;
/** Runs remembered (config and inputs) so that their Download still works. */
const REMEMBER_RUNS = 24;

/**
 * Handles worker requests for any host (a Web Worker, or Node tests calling it directly).
 * Keeps the most recent runs so Download writes them without simulating again (older or very
 * large runs are simulated again, streaming, when downloaded), and the data set (generated and
 * uploaded tables) that simulators read as `inputs`.
 */
export function createDispatcher(post: Post, options: DispatcherOptions) {
  const runs = new Map<number, RunRecord>();
  const aborts = new Map<number, AbortController>();
  const dataSet = new DataSet();
  const holdLimit = options.holdLimitBytes ?? HOLD_LIMIT_BYTES;
  const encoders = new Map<number, PartEncoder>();
  const encoderFor = (threads = 1): PartEncoder => {
    if (!options.encoder || threads <= 1) return inThreadEncoder;
    let e = encoders.get(threads);
    if (!e) encoders.set(threads, (e = options.encoder(threads)));
    return e;
  };
  // a stream run plays while its output is held (the two most recent runs under the hold limit)
  const player = createStreamPlayer(post, (runId) => runs.get(runId)?.output, {
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

  /** Remember a run (its output while it is held), forgetting the oldest beyond the limits. */
  function remember(runId: number, record: RunRecord): void {
    runs.set(runId, record);
    const ids = [...runs.keys()];
    for (const key of ids.slice(0, Math.max(0, ids.length - REMEMBER_RUNS))) runs.delete(key);
    for (const key of ids.slice(0, Math.max(0, ids.length - KEEP_RUNS))) delete runs.get(key)?.output;
  }

  async function run(req: Req<'run'>): Promise<void> {
    const def = findSimulator(req.simulator);
    if (!def) throw new ConfigError([{ path: '', message: `unknown simulator "${req.simulator}"` }]);
    const inputs = req.inputs ? dataSet.inputs(req.inputs) : undefined;
    const signal = abortable(req.id);
    const began = options.now();
    const hooks = { signal, onProgress: throttled(req.id), yield: macrotask, inputs };
    // a run expected to outgrow the hold limit is streamed: its tables are read chunk by chunk
    // for the previews and let go (the tab never holds them), and Download streams it again
    if (streamableBytes(def, resolveConfig(def, req.config)) > holdLimit) {
      const out = await streamSimulator(def, req.config, hooks);
      const transfer: ArrayBuffer[] = [];
      let bytes = 0;
      const tables: TablePreview[] = [];
      for (const t of out.result.tables) {
        const read = await readHead(t, req.previewRows);
        bytes += read.bytes;
        const p = preview(read.head, req.previewRows);
        transfer.push(p.transfer);
        tables.push({ ...p.preview, rows: read.rows });
      }
      const rest = out.result.finish();
      const answerKey = rest.answerKey.finish();
      remember(req.id, { def, config: out.config, inputs });
      postSummary(req, { ...out, result: { ...rest, tables: [] } }, tables, answerKey, transfer, began, bytes + tableBytes(answerKey), false);
      return;
    }
    const out = await runSimulator(def, req.config, { ...hooks, encoder: encoderFor(req.threads) });
    const bytes = heldBytes(out);
    const held = bytes <= holdLimit;
    remember(req.id, { def, config: out.config, inputs, output: held ? out : undefined });
    const transfer: ArrayBuffer[] = [];
    const tables = out.result.tables.map((t) => {
      const p = preview(t, req.previewRows);
      transfer.push(p.transfer);
      return p.preview;
    });
    postSummary(req, out, tables, out.result.answerKey.finish(), transfer, began, bytes, held);
  }

  /** Post a finished run's summary: its stats, charts and previews (the answer key's too). */
  function postSummary(req: Req<'run'>, out: RunOutput, tables: TablePreview[], answerKey: Table, transfer: ArrayBuffer[], began: number, bytes: number, held: boolean): void {
    const elapsedMs = options.now() - began;
    const key = preview(answerKey, req.previewRows);
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
      heldBytes: bytes,
      held,
    };
    post({ id: req.id, type: 'ok', data }, transfer);
  }

  /**
   * Stream `files` into the download's target (a zip Blob, a picked zip file or a picked
   * folder), with progress per file; a cancel stops between row groups and nothing incomplete
   * is presented as done.
   */
  async function write(req: Req<'package' | 'packageData'>, files: readonly OutputFile[], began: number, signal: AbortSignal, regenerated: boolean, phasePrefix = ''): Promise<void> {
    const target = req.target ?? { kind: 'blob' };
    const { sink, blob, size } = await sinkFor(target);
    const progress = throttled(req.id);
    const onProgress = phasePrefix ? (p: Progress) => progress({ ...p, phase: phasePrefix + p.phase }) : progress;
    const written = await writeTree(files, sink, { encoder: encoderFor(req.threads), signal, onProgress, yield: macrotask });
    const result: PackageResult = {
      format: req.format,
      target: target.kind,
      ...(blob ? { blob: blob.blob() } : {}),
      bytes: size(),
      files: written,
      regenerated,
      elapsedMs: options.now() - began,
    };
    post({ id: req.id, type: 'ok', data: result });
  }

  async function pack(req: Req<'package'>): Promise<void> {
    const record = runs.get(req.runId);
    if (!record) throw new Error('That run is no longer in memory; run the simulation again.');
    const began = options.now();
    const signal = abortable(req.id);
    let out = record.output;
    if (!out && record.def.stream) {
      // not held, and streamable: simulated again as the files are written, a chunk at a time
      const again = await streamSimulator(record.def, record.config, { signal, inputs: record.inputs, yield: macrotask });
      await write(req, streamedRunFiles(again, req.format, { spreadsheetSafe: req.csvSafe }), began, signal, true, SIMULATING_AGAIN);
      return;
    }
    if (!out) {
      // not held (too large, or older): the same config, seed and inputs give the same bytes
      const progress = throttled(req.id);
      out = await runSimulator(record.def, record.config, {
        signal,
        inputs: record.inputs,
        yield: macrotask,
        encoder: encoderFor(req.threads),
        onProgress: (p) => progress({ ...p, phase: AGAIN + p.phase }),
      });
    }
    await write(req, runFiles(out, req.format, { spreadsheetSafe: req.csvSafe }), began, signal, !record.output);
  }

  async function packData(req: Req<'packageData'>): Promise<void> {
    const began = options.now();
    const signal = abortable(req.id);
    await write(req, dataSet.tree(req.tables, req.format, { spreadsheetSafe: req.csvSafe }), began, signal, false);
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
    const { names, result } = await dataSet.generate(req.domain, req.config, { signal, onProgress: throttled(req.id), yield: macrotask }, req.mode);
    // the set now holds the new tables: answer with them even if a cancel arrives from here on
    const s = await summarise(req.id, names, req.previewRows);
    const body: DomainResult = { ...result, tables: s.map((x) => x.summary), elapsedMs: options.now() - began };
    post({ id: req.id, type: 'ok', data: body }, s.map((x) => x.transfer));
  }

  async function upload(req: Req<'upload'>): Promise<void> {
    const began = options.now();
    if (req.file.toLowerCase().endsWith('.parquet')) await options.initParquet();
    const { name, result } = dataSet.upload(req.file, req.bytes, req.declared);
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

  /** A held run's output (explorers read it; a run no longer held must be run again). */
  function heldOutput(runId: number): RunOutput {
    const out = runs.get(runId)?.output;
    if (!out) throw Object.assign(new Error('That run is no longer held in memory; run the simulation again to explore it.'), { name: RUN_NOT_HELD });
    return out;
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
        case 'landedFile': {
          const { data, transfer } = landedFile(heldOutput(req.runId), req.path, req.previewRows);
          return post({ id: req.id, type: 'ok', data }, transfer);
        }
        case 'keyHistory':
          return post({ id: req.id, type: 'ok', data: keyHistory(heldOutput(req.runId), req.entity, req.key) });
        case 'deviceDetail': {
          const { data, transfer } = deviceDetail(heldOutput(req.runId), req.deviceId);
          return post({ id: req.id, type: 'ok', data }, transfer);
        }
        case 'deviceSearch':
          return post({ id: req.id, type: 'ok', data: deviceSearch(heldOutput(req.runId), req.query, req.limit) });
      }
    } catch (e) {
      post({ id: req.id, type: 'error', error: serializeError(e) });
    } finally {
      aborts.delete(req.id);
    }
  };
}
