import type { OutputFormat } from '../core/output/formats';
import type { DeclaredTable } from '../core/inputs/declared';
import type { ColumnType } from '../core/table/column';
import type {
  DomainResult,
  DropResult,
  PackageResult,
  RetypeResult,
  RunSummary,
  SerializedError,
  UploadResult,
  WorkerRequest,
  WorkerResponse,
} from './protocol';
import { browserThreads } from './cores';
import type { DeviceDetailResult, DeviceSearchResult } from './iot-explore';
import type { KeyHistoryResult, LandedFileResult } from './landing-explore';
import type { DownloadTarget } from './sinks';

/** Where a download goes (default: a zip Blob) and whether CSV is spreadsheet-safe. */
export interface DownloadOptions {
  readonly target?: DownloadTarget;
  readonly csvSafe?: boolean;
}
import type { PlaySummary, StreamControlAction, StreamPlayRequest, StreamTick } from './stream-play';

export interface ProgressEvent {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

/** A failed request: the worker's error as data (config errors carry `issues`). */
export class WorkerError extends Error {
  constructor(readonly detail: SerializedError) {
    super(detail.message);
    this.name = detail.name;
  }
}

type Work = Exclude<WorkerRequest, { type: 'cancel' | 'streamControl' }>;
type RequestBody = Work extends infer R ? (R extends Work ? Omit<R, 'id'> : never) : never;

/**
 * How long a cancelled request may take to answer before the worker is replaced: a simulator
 * checks for cancel often; a domain between columns; a download between row groups (one row
 * group may take a second or two on a loaded machine). Replacing the worker loses the data set
 * and every other page's run, so the grace is generous for downloads.
 */
const CANCEL_GRACE_MS: Partial<Record<Work['type'], number>> = { run: 1000, package: 10_000, domain: 5000, packageData: 30_000 };

interface Pending {
  resolve(data: unknown): void;
  reject(e: Error): void;
  onProgress?(p: ProgressEvent): void;
  onTick?(t: StreamTick): void;
}

export interface Job<T> {
  readonly id: number;
  readonly promise: Promise<T>;
  cancel(): void;
}

/**
 * The UI's handle on the engine worker: a pending-request map, progress callbacks, and cancel.
 * Cancel asks the worker to stop at its next checkpoint; if it has not answered within a
 * second (a long step in progress) the worker is terminated and replaced.
 */
export class SimClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly resetListeners = new Set<() => void>();

  constructor(private readonly create: () => Worker) {}

  /**
   * Called when the worker is replaced (a crash, or a cancelled step that did not stop in time):
   * what it held (runs, the data set) is gone. Returns an unsubscribe function.
   */
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /** Start the worker now, so that it has loaded its engines by the first request (idle time after the page has drawn). */
  warm(): void {
    this.ensure();
  }

  private ensure(): Worker {
    if (!this.worker) {
      const w = this.create();
      w.onmessage = (e: MessageEvent<WorkerResponse>) => this.receive(e.data);
      w.onerror = (e) => this.failAll(new Error(e.message || 'The simulation worker crashed'));
      this.worker = w;
    }
    return this.worker;
  }

  private receive(msg: WorkerResponse): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.type === 'progress') p.onProgress?.(msg);
    else if (msg.type === 'streamTick') p.onTick?.(msg);
    else {
      this.pending.delete(msg.id);
      if (msg.type === 'ok') p.resolve(msg.data);
      else p.reject(new WorkerError(msg.error));
    }
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    const had = this.worker !== undefined;
    this.worker?.terminate();
    this.worker = undefined;
    if (had) for (const l of this.resetListeners) l();
  }

  private request<T>(body: RequestBody, onProgress?: (p: ProgressEvent) => void, transfer: Transferable[] = []): Job<T> {
    const id = this.nextId++;
    const worker = this.ensure();
    const promise = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (d: unknown) => void, reject, onProgress });
    });
    worker.postMessage({ ...body, id } as WorkerRequest, transfer);
    const cancel = () => {
      const p = this.pending.get(id);
      if (!p) return;
      worker.postMessage({ id: this.nextId++, type: 'cancel', target: id } satisfies WorkerRequest);
      setTimeout(() => {
        if (!this.pending.has(id)) return;
        // still busy in a step that cannot be interrupted: replace the worker
        this.pending.delete(id);
        p.reject(new WorkerError({ name: 'AbortError', message: 'The run was cancelled' }));
        this.failAll(new WorkerError({ name: 'AbortError', message: 'The run was cancelled' }));
      }, CANCEL_GRACE_MS[body.type] ?? 1000);
    };
    return { id, promise, cancel };
  }

  /** Run a simulator; `inputs` names tables of the data set it may read. */
  run(simulator: string, config: unknown, onProgress?: (p: ProgressEvent) => void, previewRows = 5_000, inputs?: readonly string[]): Job<RunSummary> {
    return this.request<RunSummary>({ type: 'run', simulator, config, previewRows, threads: browserThreads(), ...(inputs ? { inputs } : {}) }, onProgress);
  }

  /** Write a run's output tree to a target (default: a zip Blob to save as a download). */
  package(runId: number, format: OutputFormat, onProgress?: (p: ProgressEvent) => void, options: DownloadOptions = {}): Job<PackageResult> {
    const { target = { kind: 'blob' }, csvSafe = false } = options;
    return this.request<PackageResult>({ type: 'package', runId, format, target, threads: browserThreads(), ...(csvSafe ? { csvSafe } : {}) }, onProgress);
  }

  /** Generate a domain into the data set (scale, seed, startDate, endDate in `config`). */
  generateDomain(domain: string, config: unknown, onProgress?: (p: ProgressEvent) => void, previewRows = 5_000, mode: 'replace' | 'add' = 'replace'): Job<DomainResult> {
    return this.request<DomainResult>({ type: 'domain', domain, config, previewRows, mode }, onProgress);
  }

  /** Read a file into the data set; its bytes are transferred (the caller's buffer is emptied). */
  upload(file: string, bytes: Uint8Array, previewRows = 5_000, declared?: DeclaredTable): Job<UploadResult> {
    return this.request<UploadResult>({ type: 'upload', file, bytes, previewRows, ...(declared ? { declared } : {}) }, undefined, [bytes.buffer]);
  }

  retype(table: string, column: string, to: ColumnType, previewRows = 5_000): Job<RetypeResult> {
    return this.request<RetypeResult>({ type: 'retype', table, column, to, previewRows });
  }

  dropTables(tables: readonly string[]): Job<DropResult> {
    return this.request<DropResult>({ type: 'drop', tables });
  }

  /** Write chosen tables of the data set in a format to a target (default: a zip Blob). */
  packageData(tables: readonly string[], format: OutputFormat, onProgress?: (p: ProgressEvent) => void, options: DownloadOptions = {}): Job<PackageResult> {
    const { target = { kind: 'blob' }, csvSafe = false } = options;
    return this.request<PackageResult>({ type: 'packageData', tables, format, target, threads: browserThreads(), ...(csvSafe ? { csvSafe } : {}) }, onProgress);
  }

  /**
   * Play a finished stream run's events to the page (ticks every 100 ms) and, with `http`, to an
   * endpoint (its headers stay in the worker's memory). `cancel` stops the play (never the worker).
   */
  play(request: Omit<StreamPlayRequest, 'id' | 'type'>, onTick: (t: StreamTick) => void): Job<PlaySummary> & { control(action: StreamControlAction): void } {
    const id = this.nextId++;
    const worker = this.ensure();
    const promise = new Promise<PlaySummary>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (d: unknown) => void, reject, onTick });
    });
    worker.postMessage({ ...request, id, type: 'streamPlay' } satisfies WorkerRequest);
    const control = (action: StreamControlAction) => {
      if (this.pending.has(id)) worker.postMessage({ id: this.nextId++, type: 'streamControl', target: id, ...action } as WorkerRequest);
    };
    return { id, promise, cancel: () => control({ action: 'stop' }), control };
  }

  /** One landed file of a held landing-zone run: a data file's first rows, or a control file's text. */
  landedFile(runId: number, path: string, previewRows = 1_000): Job<LandedFileResult> {
    return this.request<LandedFileResult>({ type: 'landedFile', runId, path, previewRows });
  }

  /** Every landed row of one business key of a held SCD2 run (null: no such key). */
  keyHistory(runId: number, entity: string, key: string): Job<KeyHistoryResult> {
    return this.request<KeyHistoryResult>({ type: 'keyHistory', runId, entity, key });
  }

  /** One device of a held IoT telemetry run: readings, alerts and battery (null: no such device). */
  deviceDetail(runId: number, deviceId: string): Job<DeviceDetailResult> {
    return this.request<DeviceDetailResult>({ type: 'deviceDetail', runId, deviceId });
  }

  /** Device ids of a held IoT telemetry run's fleet containing `query` (the first `limit`). */
  deviceSearch(runId: number, query: string, limit: number): Job<DeviceSearchResult> {
    return this.request<DeviceSearchResult>({ type: 'deviceSearch', runId, query, limit });
  }

  /** The delivery answer key (CSV bytes) of a play that POSTed its events. */
  deliveryKey(play: number): Job<{ csv: Uint8Array }> {
    return this.request<{ csv: Uint8Array }>({ type: 'deliveryKey', target: play });
  }

  dispose(): void {
    this.failAll(new Error('disposed'));
  }
}
