/**
 * Atomic file writes for Node hosts. Every file is written beside its target under a temporary
 * name and renamed into place only when complete, so a failing write (a full disk, a cancel)
 * never replaces a good earlier file with a truncated one, and never leaves a partial file
 * that looks complete: `abort` removes the temporary file.
 */
import { close, closeSync, mkdir, mkdirSync, open, openSync, rename, renameSync, rmdirSync, rmSync, statSync, unlinkSync, write as writeAt, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Coalescer, ZipSink, type FileWriter, type FinalOutput, type TreeSink } from '../core/output/sink';

/** Beside the target, hidden, and named after this process so two writers never collide. */
const tempOf = (target: string) => join(dirname(target), `.${basename(target)}.${process.pid}.partial`);

/** A callback-style fs call as a promise (no FileHandle objects: thousands of small files). */
function call<T>(f: (done: (e: NodeJS.ErrnoException | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => f((e, value) => (e ? reject(e) : resolve(value as T))));
}

/** Run `f`; a system error (no path, or the temporary file's) is made to name the file being written. */
function naming<T>(target: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && 'code' in e) Object.assign(e, { path: target });
    throw e;
  }
}

/** Bytes handed to the system and not yet written, at most (then `write` waits). */
const MAX_IN_FLIGHT = 64 << 20;
/** Chunks smaller than this are written here when nothing is in flight: a trip to the I/O threads costs more (a landing zone's manifests). */
const WRITE_HERE = 256 << 10;

/** All of `chunk` written at `position` (positional: writes in flight may finish in any order). */
function writeAllAt(fd: number, chunk: Uint8Array, position: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const step = (done: number) => {
      if (done === chunk.length) return resolve();
      writeAt(fd, chunk, done, chunk.length - done, position + done, (e, n) => (e ? reject(e) : step(done + n)));
    };
    step(0);
  });
}

/**
 * One file written atomically: bytes go to a temporary file, renamed onto `target` at close.
 * A target that exists and is not a regular file (a device such as /dev/full or /dev/stdout,
 * a pipe) is written directly: renaming over it would replace the device.
 *
 * Writes to the temporary file go out on the system's I/O threads while this thread goes on
 * producing bytes (up to {@link MAX_IN_FLIGHT} at once): a chunk belongs to the file once
 * written, and the caller must not change or transfer it. A failed write is reported by the
 * next `write` or by `close`, naming the file.
 */
export class AtomicFile implements FinalOutput {
  private fd: number | undefined;
  private readonly temp: string | undefined;
  private position = 0;
  private readonly inFlight: { readonly done: Promise<void>; readonly bytes: number }[] = [];
  private inFlightBytes = 0;
  private failure: Error | undefined;

  /** `folders`: folders known to exist (a tree's writer makes each once, not once per file). */
  constructor(
    private readonly target: string,
    folders?: Set<string>,
  ) {
    const existing = statSync(target, { throwIfNoEntry: false });
    if (existing?.isDirectory()) throw Object.assign(new Error(`${target} is a folder, not a file`), { code: 'EISDIR', path: target });
    if (existing && !existing.isFile()) {
      this.fd = openSync(target, 'w');
      return;
    }
    this.temp = tempOf(target);
    const temp = this.temp;
    this.fd = naming(target, () => {
      const folder = dirname(target);
      if (!folders?.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders?.add(folder);
      }
      return openSync(temp, 'w');
    });
  }

  write(chunk: Uint8Array): void | Promise<void> {
    // a device or a pipe: in order, here (positional writes do not apply to them)
    if (!this.temp) return this.writeHere(chunk, null);
    this.check();
    if (chunk.length < WRITE_HERE && this.inFlight.length === 0) {
      this.writeHere(chunk, this.position);
      this.position += chunk.length;
      return;
    }
    const done = writeAllAt(this.fd!, chunk, this.position).catch((e: unknown) => {
      this.failure ??= e as Error;
    });
    this.position += chunk.length;
    this.inFlight.push({ done, bytes: chunk.length });
    this.inFlightBytes += chunk.length;
    if (this.inFlightBytes > MAX_IN_FLIGHT) return this.settle(MAX_IN_FLIGHT / 2);
  }

  /** All of `chunk` written in this thread, at `position` (null: at the file's own position). */
  private writeHere(chunk: Uint8Array, position: number | null): void {
    naming(this.target, () => {
      let at = 0;
      while (at < chunk.length) at += writeSync(this.fd!, chunk, at, chunk.length - at, position === null ? null : position + at);
    });
  }

  /** Wait until at most `limit` bytes are in flight; a failed write throws, naming the file. */
  private async settle(limit: number): Promise<void> {
    while (this.inFlight.length && this.inFlightBytes > limit) {
      const first = this.inFlight.shift()!;
      await first.done;
      this.inFlightBytes -= first.bytes;
    }
    this.check();
  }

  private check(): void {
    if (this.failure) naming(this.target, () => {
      throw this.failure;
    });
  }

  async close(): Promise<void> {
    await this.settle(0);
    const fd = this.fd!;
    this.fd = undefined;
    // no fsync: the rename is atomic for every reader of the folder; durability across a power
    // cut is the file system's (ext4 and others flush a file renamed over another first)
    naming(this.target, () => {
      closeSync(fd);
      if (this.temp) renameSync(this.temp, this.target);
    });
  }

  async abort(): Promise<void> {
    // writes in flight finish (or fail) before the temporary file goes
    await Promise.all(this.inFlight.splice(0).map((w) => w.done));
    this.inFlightBytes = 0;
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // already failing; removing the temporary file is what matters
      }
      this.fd = undefined;
    }
    if (this.temp) rmSync(this.temp, { force: true });
  }
}

/** An output tree written into a folder, file by file, each atomically. */
export class FolderSink implements TreeSink {
  private current: AtomicFile | undefined;
  private readonly folders = new Set<string>();

  constructor(private readonly root: string) {}

  deflates(): boolean {
    return false;
  }

  open(path: string): FileWriter {
    const parts = path.split('/');
    if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`output file path "${path}" must stay inside the output folder`);
    const file = new AtomicFile(join(this.root, ...parts), this.folders);
    this.current = file;
    return {
      write: (chunk) => file.write(chunk),
      close: async () => {
        await file.close();
        this.current = undefined;
      },
    };
  }

  finish(): void {}

  async abort(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    await current?.abort();
  }
}

/** A zip streamed into a file, renamed into place when the zip is complete. */
export function zipFileSink(target: string): TreeSink {
  return new ZipSink(new Coalescer(new AtomicFile(target)));
}

/**
 * Files being written at once, at most. Each file's steps (folder, open, write, close, rename)
 * run on the I/O threads but are chained by this thread, which is busy with the run and answers
 * only between its chunks: with many files under way, each answer moves many files on. On the
 * file drop's 1,661 files (2 cores): 4 at a time left 0.64–0.98 s of writing after the run, 32
 * left 0.50–0.66 s, 256 left 0.33–0.41 s (0.73–1.14 s without early files). Bounded so the open
 * descriptors stay far below the usual limits.
 */
const EARLY_AT_ONCE = 256;

/**
 * Files written into an output folder while the run that makes them goes on (a landing zone's
 * files as they land: {@link RunContext.publishFile}): each is written atomically, as
 * {@link AtomicFile} does, but on the system's I/O threads, so creating thousands of files (a
 * third of a millisecond each on a small VM) overlaps the run's work instead of following it.
 * The tree writer then skips them ({@link has}). A path published twice is left to the tree
 * writer, which writes the final bytes in order.
 */
export class EarlyFiles {
  private readonly written = new Map<string, Promise<void>>();
  private readonly sizes = new Map<string, number>();
  private readonly repeated = new Set<string>();
  /** Files waiting for their turn: each written by `write`, or only settled when discarded. */
  private readonly queue: { readonly write: () => Promise<void>; readonly settle: () => void }[] = [];
  private readonly folders = new Map<string, Promise<void>>();
  /** Folders this writer made, parents first (removed again by {@link discard}). */
  private readonly made: string[] = [];
  /** Renamed into place (removed again by {@link discard}). */
  private readonly placed: string[] = [];
  private running = 0;
  private failure: Error | undefined;
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** Start writing `bytes` to `path` (relative, `/`-separated); a failure of an earlier file throws here, naming it. */
  readonly publish = (path: string, bytes: Uint8Array): void => {
    this.check();
    if (this.written.has(path)) {
      this.repeated.add(path);
      return;
    }
    const parts = path.split('/');
    if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`output file path "${path}" must stay inside the output folder`);
    const target = join(this.root, ...parts);
    let settle!: () => void;
    this.written.set(path, new Promise<void>((r) => (settle = r)));
    this.sizes.set(path, bytes.length);
    this.queue.push({ write: () => this.writeFile(target, bytes).finally(settle), settle });
    this.next();
  };

  /** Whether `path` was written here (the tree writer skips it). */
  has(path: string): boolean {
    return this.written.has(path) && !this.repeated.has(path);
  }

  /** Its size in bytes, for a path written here. */
  sizeOf(path: string): number {
    return this.sizes.get(path)!;
  }

  /** A file that failed so far throws, naming it. */
  check(): void {
    if (this.failure) throw this.failure;
  }

  /** Every file published so far on disk; the first failure throws, naming its file. */
  async settle(): Promise<void> {
    await Promise.all(this.written.values());
    this.check();
  }

  /**
   * After a run that failed or was cancelled: wait for the writes under way, then remove every
   * file and folder written here, so a run that did not finish leaves nothing behind that it wrote.
   */
  async discard(): Promise<void> {
    // files not started are never written (their waits end at once)
    for (const job of this.queue.splice(0)) job.settle();
    await Promise.all(this.written.values());
    for (const file of this.placed.splice(0)) rmSync(file, { force: true });
    for (const folder of this.made.splice(0).reverse()) {
      try {
        rmdirSync(folder);
      } catch {
        // not empty (something else is in it): kept
      }
    }
  }

  private next(): void {
    while (this.running < EARLY_AT_ONCE && this.queue.length) {
      const job = this.queue.shift()!;
      this.running++;
      void job.write().finally(() => {
        this.running--;
        this.next();
      });
    }
  }

  /** Make `folder` and its missing parents under the root, once each. */
  private folder(folder: string): Promise<void> {
    let made = this.folders.get(folder);
    if (!made) {
      const parent = dirname(folder);
      const above = folder === this.root || parent === folder ? Promise.resolve() : this.folder(parent);
      made = above.then(() =>
        folder === this.root
          ? call<void>((done) => mkdir(folder, { recursive: true }, (e) => done(e))) // the CLI made it; a library caller may not have
          : call<void>((done) => mkdir(folder, done)).then(
              () => void this.made.push(folder),
              (e: NodeJS.ErrnoException) => {
                if (e.code !== 'EEXIST') throw e;
              },
            ),
      );
      this.folders.set(folder, made);
    }
    return made;
  }

  private async writeFile(target: string, bytes: Uint8Array): Promise<void> {
    if (this.failure) return;
    const temp = tempOf(target);
    let fd: number | undefined;
    try {
      await this.folder(dirname(target));
      fd = await call<number>((done) => open(temp, 'w', done));
      for (let at = 0; at < bytes.length; ) at += await call<number>((done) => writeAt(fd!, bytes, at, bytes.length - at, at, done));
      const opened = fd;
      fd = undefined;
      await call<void>((done) => close(opened, done));
      await call<void>((done) => rename(temp, target, done));
      this.placed.push(target);
    } catch (e) {
      if (fd !== undefined) await call<void>((done) => close(fd!, done)).catch(() => {});
      try {
        unlinkSync(temp);
      } catch {
        // never made, or already gone
      }
      if (e instanceof Error && 'code' in e) Object.assign(e, { path: target });
      this.failure ??= e as Error;
    }
  }
}
