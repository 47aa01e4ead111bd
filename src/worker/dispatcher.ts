import { tableToIPC } from 'apache-arrow';
import { toArrow } from '../core/output/arrow';
import { buildTree, zipTree } from '../core/output/tree';
import { findSimulator } from '../core/registry';
import { runSimulator, type RunOutput } from '../core/run';
import { ConfigError } from '../core/schema/config';
import { sliceTable, tableSchema, type Table } from '../core/table/column';
import { serializeError, type PackageResult, type Post, type RunSummary, type TablePreview, type WorkerRequest } from './protocol';

/** Yield to the host's event loop without timer clamping, so a cancel message can be handled. */
function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

export interface DispatcherOptions {
  /** Initialise parquet-wasm before the first Parquet write (lazily, once). */
  initParquet(): Promise<unknown> | void;
  /** Host clock for elapsed times shown in the UI (never part of the output). */
  now(): number;
}

function preview(t: Table, rows: number): { preview: TablePreview; transfer: ArrayBuffer } {
  const ipc = tableToIPC(toArrow(sliceTable(t, 0, rows)), 'stream');
  return { preview: { name: t.name, rows: t.length, columns: tableSchema(t), ipc }, transfer: ipc.buffer as ArrayBuffer };
}

/**
 * Handles worker requests for any host (a Web Worker, or Node tests calling it directly).
 * Keeps the most recent runs so Download packages them without simulating again.
 */
export function createDispatcher(post: Post, options: DispatcherOptions) {
  const runs = new Map<number, RunOutput>();
  const aborts = new Map<number, AbortController>();
  const KEEP_RUNS = 2;

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

  async function run(req: Extract<WorkerRequest, { type: 'run' }>): Promise<void> {
    const def = findSimulator(req.simulator);
    if (!def) throw new ConfigError([{ path: '', message: `unknown simulator "${req.simulator}"` }]);
    const abort = new AbortController();
    aborts.set(req.id, abort);
    const began = options.now();
    const out = await runSimulator(def, req.config, {
      signal: abort.signal,
      onProgress: throttled(req.id),
      yield: macrotask,
    });
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

  async function pack(req: Extract<WorkerRequest, { type: 'package' }>): Promise<void> {
    const out = runs.get(req.runId);
    if (!out) throw new Error('That run is no longer in memory; run the simulation again.');
    const began = options.now();
    if (req.format === 'parquet') await options.initParquet();
    const abort = new AbortController();
    aborts.set(req.id, abort);
    const progress = throttled(req.id);
    const files = buildTree(out, req.format, (done, total) => progress({ phase: 'write', done, total }));
    if (abort.signal.aborted) throw new DOMException('cancelled', 'AbortError');
    const zip = await zipTree(files, (percent) => progress({ phase: 'zip', done: percent, total: 100 }));
    const data: PackageResult = {
      zip,
      format: req.format,
      files: files.map((f) => ({ path: f.path, bytes: f.bytes.length })),
      elapsedMs: options.now() - began,
    };
    post({ id: req.id, type: 'ok', data }, [zip.buffer as ArrayBuffer]);
  }

  return async function handle(req: WorkerRequest): Promise<void> {
    if (req.type === 'cancel') {
      aborts.get(req.target)?.abort();
      return;
    }
    try {
      if (req.type === 'run') await run(req);
      else await pack(req);
    } catch (e) {
      post({ id: req.id, type: 'error', error: serializeError(e) });
    } finally {
      aborts.delete(req.id);
    }
  };
}
