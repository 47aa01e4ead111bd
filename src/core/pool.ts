/**
 * A small pool of worker threads (after Excalidraw's WorkerPool): generic over the task and
 * result, over any kind of thread (a Node worker_thread, a Web Worker) through a port the
 * host creates, with an in-thread fallback when there is no thread to spare. Threads start
 * lazily, up to `size`, and take tasks in the order they were given.
 */

/** A message to a pool thread, and its answer. */
export type PoolRequest<In> = { readonly id: number; readonly task: In };
export type PoolResponse<Out> =
  | { readonly id: number; readonly ok: true; readonly result: Out }
  | { readonly id: number; readonly ok: false; readonly error: { readonly name: string; readonly message: string } };

/** A thread as the pool sees it; hosts adapt worker_threads and Web Workers to this. */
export interface PoolPort<In, Out> {
  post(message: PoolRequest<In>, transfer: ArrayBuffer[]): void;
  /** Answers, and a crash of the thread (every task on it fails). */
  listen(onMessage: (message: PoolResponse<Out>) => void, onCrash: (error: Error) => void): void;
  terminate(): void;
}

export interface PoolOptions<In, Out> {
  /** Threads at most (1 or less: run in this thread). */
  readonly size: number;
  /** Start a thread (host-specific). */
  createPort(): PoolPort<In, Out>;
  /** The task on this thread: the fallback, and what every thread runs. */
  runHere(task: In): Out | Promise<Out>;
  /** Buffers a task gives away to its thread (they become unusable here). */
  transferOf?(task: In): ArrayBuffer[];
  /**
   * The task's rough cost (any unit, the same for every task; default 1). A task goes to the
   * thread with the least work outstanding, so a large one does not queue behind another large
   * one while a thread that had only small ones goes idle.
   */
  costOf?(task: In): number;
}

interface Waiting<In, Out> {
  readonly id: number;
  readonly task: In;
  readonly cost: number;
  resolve(out: Out): void;
  reject(e: Error): void;
}

interface Thread<In, Out> {
  readonly port: PoolPort<In, Out>;
  /** Tasks posted to the thread and not yet answered, by id (at most {@link DEPTH}). */
  readonly jobs: Map<number, Waiting<In, Out>>;
  /** The cost of those tasks. */
  load: number;
}

/**
 * Tasks a thread holds at once: its next task waits in its port while it works on one, so it
 * never idles while the host is busy (the host hands out the next task only when it yields).
 */
const DEPTH = 2;

/** Whether `a` should take the next task rather than `b`: an idle thread first, then the least work outstanding. */
function lighter<In, Out>(a: Thread<In, Out>, b: Thread<In, Out>): boolean {
  if (b.jobs.size === 0) return false;
  return a.jobs.size === 0 || a.load < b.load;
}

export class WorkerPool<In, Out> {
  private readonly threads: Thread<In, Out>[] = [];
  private readonly queue: Waiting<In, Out>[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: PoolOptions<In, Out>) {}

  /** Threads working at once. */
  get size(): number {
    return Math.max(1, Math.floor(this.options.size));
  }

  /** Whether tasks run on other threads (their buffers are transferred). */
  get threaded(): boolean {
    return this.size > 1;
  }

  /** Start every thread now (they load while the host does other work, e.g. simulates). */
  warm(): void {
    if (!this.threaded || this.closed) return;
    while (this.threads.length < this.size) this.start();
  }

  run(task: In): Promise<Out> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    if (!this.threaded) return Promise.resolve().then(() => this.options.runHere(task));
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, cost: this.options.costOf?.(task) ?? 1, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length) {
      // an idle thread, else the one with the least work outstanding; a new one while every
      // thread has work and the pool may grow
      let thread: Thread<In, Out> | undefined;
      for (const t of this.threads) if (t.jobs.size < DEPTH && (!thread || lighter(t, thread))) thread = t;
      if ((!thread || thread.jobs.size > 0) && this.threads.length < this.size) thread = this.start();
      if (!thread) return;
      const job = this.queue.shift()!;
      thread.jobs.set(job.id, job);
      thread.load += job.cost;
      try {
        thread.port.post({ id: job.id, task: job.task }, this.options.transferOf?.(job.task) ?? []);
      } catch (e) {
        thread.jobs.delete(job.id);
        thread.load -= job.cost;
        job.reject(e as Error);
      }
    }
  }

  private start(): Thread<In, Out> {
    const thread: Thread<In, Out> = { port: this.options.createPort(), jobs: new Map(), load: 0 };
    thread.port.listen(
      (msg) => {
        const job = thread.jobs.get(msg.id);
        if (!job) return;
        thread.jobs.delete(msg.id);
        thread.load -= job.cost;
        if (msg.ok) job.resolve(msg.result);
        else job.reject(Object.assign(new Error(msg.error.message), { name: msg.error.name }));
        this.pump();
      },
      (error) => {
        // a crashed thread is dropped; its tasks fail, the others carry on
        this.threads.splice(this.threads.indexOf(thread), 1);
        for (const job of thread.jobs.values()) job.reject(error);
        thread.jobs.clear();
        thread.load = 0;
        thread.port.terminate();
        this.pump();
      },
    );
    this.threads.push(thread);
    return thread;
  }

  /** Stop every thread; waiting tasks fail. */
  close(): void {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the worker pool is closed'));
    for (const t of this.threads.splice(0)) {
      for (const job of t.jobs.values()) job.reject(new Error('the worker pool is closed'));
      t.jobs.clear();
      t.port.terminate();
    }
  }
}

/** What a pool thread does with each request: run it and answer (shared by every host's thread entry). */
export async function answer<In, Out>(req: PoolRequest<In>, run: (task: In) => Out | Promise<Out>, transferOf: (out: Out) => ArrayBuffer[]): Promise<{ message: PoolResponse<Out>; transfer: ArrayBuffer[] }> {
  try {
    const result = await run(req.task);
    return { message: { id: req.id, ok: true, result }, transfer: transferOf(result) };
  } catch (e) {
    const err = e as Error;
    return { message: { id: req.id, ok: false, error: { name: err.name ?? 'Error', message: err.message ?? String(e) } }, transfer: [] };
  }
}
