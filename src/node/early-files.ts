/**
 * A landing zone's files written into the --out folder while the run that makes them goes on
 * (`RunContext.publishFile`). Creating a file costs 0.15–0.35 ms on a small VM (1,661 files: about
 * half a second), and the run's thread is busy: one writer thread of its own creates them, each
 * atomically as `AtomicFile` does (a temporary name beside the target, renamed into place when
 * complete), with plain synchronous calls: no hand-off per system call, and one file at a time
 * (no threads contending for a folder). The tree writer then skips them ({@link EarlyFiles.has}).
 */
import { rmdirSync, rmSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { Worker } from 'node:worker_threads';
import { inFolder, tempOf } from './fs-sink';

/** The writer thread (CommonJS, Node's modules only: nothing to bundle or load). */
const THREAD = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const folders = new Set();
parentPort.on('message', ({ id, target, temp, bytes }) => {
  const made = [];
  try {
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      const first = fs.mkdirSync(folder, { recursive: true });
      if (first) for (let p = folder; ; p = path.dirname(p)) { made.unshift(p); if (p === first) break; }
      folders.add(folder);
    }
    const fd = fs.openSync(temp, 'w');
    try {
      for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    } finally {
      fs.closeSync(fd);
    }
    const replaced = fs.existsSync(target);
    fs.renameSync(temp, target);
    parentPort.postMessage({ id, made, replaced });
  } catch (e) {
    try { fs.unlinkSync(temp); } catch {}
    parentPort.postMessage({ id, made, error: { message: e.message, code: e.code, syscall: e.syscall } });
  }
});
`;

interface Reply {
  readonly id: number;
  /** Folders the thread made for this file, parents first. */
  readonly made: readonly string[];
  /** The file replaced one that was there (a folder written with --force). */
  readonly replaced?: boolean;
  readonly error?: { readonly message: string; readonly code?: string; readonly syscall?: string };
}

/**
 * Files handed over as they land, written on the writer thread (started with the first file).
 * A path handed over twice is left to the tree writer, which writes the final bytes in order.
 */
export class EarlyFiles {
  private readonly sizes = new Map<string, number>();
  private readonly repeated = new Set<string>();
  private readonly pending = new Map<number, { readonly target: string; readonly done: () => void }>();
  /** Folders the thread made, parents first, and files it created (removed by {@link discard}). */
  private readonly made: string[] = [];
  private readonly placed: string[] = [];
  private thread: Worker | undefined;
  private nextId = 0;
  private failure: Error | undefined;
  /** One per file handed over, settled when its answer (or the thread's failure) comes. */
  private readonly waits: Promise<void>[] = [];
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /**
   * Start writing `bytes` to `path` (relative, `/`-separated; the bytes are copied to the thread);
   * a file that failed before throws here, naming it, so the run stops at the next file.
   */
  readonly publish = (path: string, bytes: Uint8Array): void => {
    this.check();
    if (this.sizes.has(path)) {
      this.repeated.add(path);
      return;
    }
    const target = inFolder(this.root, path);
    this.sizes.set(path, bytes.length);
    const id = this.nextId++;
    this.waits.push(new Promise<void>((r) => this.pending.set(id, { target, done: r })));
    this.start().postMessage({ id, target, temp: tempOf(target), bytes });
  };

  /** Whether `path` was written here (the tree writer skips it). */
  has(path: string): boolean {
    return this.sizes.has(path) && !this.repeated.has(path);
  }

  /** Its size in bytes, for a path written here. */
  sizeOf(path: string): number {
    return this.sizes.get(path)!;
  }

  /** A file that failed so far throws, naming it. */
  private check(): void {
    if (this.failure) throw this.failure;
  }

  /** Every file handed over so far on disk (the thread then stops); the first failure throws, naming its file. */
  async settle(): Promise<void> {
    await Promise.all(this.waits);
    await this.stop();
    this.check();
  }

  /**
   * After a run that failed or was cancelled: wait for the files under way, then remove every
   * file and folder created here, so a run that did not finish leaves nothing behind that it
   * added (a file that replaced one in a folder written with --force stays).
   */
  async discard(): Promise<void> {
    await Promise.all(this.waits);
    await this.stop();
    for (const file of this.placed.splice(0)) rmSync(file, { force: true });
    for (const folder of this.made.splice(0).reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // not empty (something else is in it): kept
      }
    }
  }

  /** Stop the thread now, whatever it is doing (the writer closes: the process is done with it). */
  close(): void {
    const thread = this.thread;
    this.thread = undefined;
    if (thread) void thread.terminate();
  }

  private start(): Worker {
    if (this.thread) return this.thread;
    const thread = new Worker(THREAD, { eval: true });
    thread.on('message', (reply: Reply) => this.answer(reply));
    // a crash of the thread fails every file under way
    thread.on('error', (e) => this.fail(e));
    thread.on('exit', () => this.fail(new Error('the file writer thread stopped')));
    this.thread = thread;
    return thread;
  }

  private answer({ id, made, replaced, error }: Reply): void {
    const file = this.pending.get(id);
    if (!file) return;
    this.pending.delete(id);
    // the output folder itself is the caller's (the CLI made it, or it was there)
    this.made.push(...made.filter((folder) => folder.startsWith(this.root + sep)));
    if (error) this.failure ??= Object.assign(new Error(error.message), { ...(error.code ? { code: error.code } : {}), ...(error.syscall ? { syscall: error.syscall } : {}), path: file.target });
    // a file that replaced an earlier one stays (whole, and the earlier one is gone either way),
    // as files written before a failure of the tree writer do
    else if (!replaced) this.placed.push(file.target);
    file.done();
  }

  /** Every file still under way fails with `e` (a thread that crashed or stopped answers no more). */
  private fail(e: Error): void {
    if (this.pending.size === 0) return;
    this.failure ??= e;
    for (const file of this.pending.values()) file.done();
    this.pending.clear();
  }

  private async stop(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    if (thread) await thread.terminate();
  }
}
