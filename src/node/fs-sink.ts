/**
 * Atomic file writes for Node hosts. Every file is written beside its target under a temporary
 * name and renamed into place only when complete, so a failing write (a full disk, a cancel)
 * never replaces a good earlier file with a truncated one, and never leaves a partial file
 * that looks complete: `abort` removes the temporary file.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, write as writeAt, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Coalescer, ZipSink, type FileWriter, type FinalOutput, type TreeSink } from '../core/output/sink';

/** Beside the target, hidden, and named after this process so two writers never collide. */
export const tempOf = (target: string) => join(dirname(target), `.${basename(target)}.${process.pid}.partial`);

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

/** Where an output file's path (relative, `/`-separated) lands under `root`; a path that would leave it throws. */
export function inFolder(root: string, path: string): string {
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`output file path "${path}" must stay inside the output folder`);
  return join(root, ...parts);
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
    const file = new AtomicFile(inFolder(this.root, path), this.folders);
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
