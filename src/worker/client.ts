import type { OutputFormat } from '../core/output/formats';
import type { PackageResult, RunSummary, SerializedError, WorkerRequest, WorkerResponse } from './protocol';

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

type Work = Extract<WorkerRequest, { type: 'run' | 'package' }>;
type RequestBody = Work extends infer R ? (R extends Work ? Omit<R, 'id'> : never) : never;

interface Pending {
  resolve(data: unknown): void;
  reject(e: Error): void;
  onProgress?(p: ProgressEvent): void;
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

  constructor(private readonly create: () => Worker) {}

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
    else {
      this.pending.delete(msg.id);
      if (msg.type === 'ok') p.resolve(msg.data);
      else p.reject(new WorkerError(msg.error));
    }
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
    this.worker?.terminate();
    this.worker = undefined;
  }

  private request<T>(body: RequestBody, onProgress?: (p: ProgressEvent) => void): Job<T> {
    const id = this.nextId++;
    const worker = this.ensure();
    const promise = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (d: unknown) => void, reject, onProgress });
    });
    worker.postMessage({ ...body, id } as WorkerRequest);
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
      }, 1000);
    };
    return { id, promise, cancel };
  }

  run(simulator: string, config: unknown, onProgress?: (p: ProgressEvent) => void, previewRows = 5_000): Job<RunSummary> {
    return this.request<RunSummary>({ type: 'run', simulator, config, previewRows }, onProgress);
  }

  package(runId: number, format: OutputFormat, onProgress?: (p: ProgressEvent) => void): Job<PackageResult> {
    return this.request<PackageResult>({ type: 'package', runId, format }, onProgress);
  }

  dispose(): void {
    this.failAll(new Error('disposed'));
  }
}
