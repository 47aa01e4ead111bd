/**
 * Atomic file writes for Node hosts. Every file is written beside its target under a temporary
 * name and renamed into place only when complete, so a failing write (a full disk, a cancel)
 * never replaces a good earlier file with a truncated one, and never leaves a partial file
 * that looks complete: `abort` removes the temporary file.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Coalescer, ZipSink, type FileWriter, type FinalOutput, type TreeSink } from '../core/output/sink';

/** Beside the target, hidden, and named after this process so two writers never collide. */
const tempOf = (target: string) => join(dirname(target), `.${basename(target)}.${process.pid}.partial`);

/** Run `f`; a system error (no path, or the temporary file's) is made to name the file being written. */
function naming<T>(target: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && 'code' in e) Object.assign(e, { path: target });
    throw e;
  }
}

/**
 * One file written atomically: bytes go to a temporary file, renamed onto `target` at close.
 * A target that exists and is not a regular file (a device such as /dev/full or /dev/stdout,
 * a pipe) is written directly: renaming over it would replace the device.
 */
export class AtomicFile implements FinalOutput {
  private fd: number | undefined;
  private readonly temp: string | undefined;

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

  write(chunk: Uint8Array): void {
    naming(this.target, () => {
      let at = 0;
      while (at < chunk.length) at += writeSync(this.fd!, chunk, at, chunk.length - at);
    });
  }

  close(): void {
    const fd = this.fd!;
    this.fd = undefined;
    // no fsync: the rename is atomic for every reader of the folder; durability across a power
    // cut is the file system's (ext4 and others flush a file renamed over another first)
    naming(this.target, () => {
      closeSync(fd);
      if (this.temp) renameSync(this.temp, this.target);
    });
  }

  abort(): void {
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
      close: () => {
        file.close();
        this.current = undefined;
      },
    };
  }

  finish(): void {}

  abort(): void {
    this.current?.abort();
    this.current = undefined;
  }
}

/** A zip streamed into a file, renamed into place when the zip is complete. */
export function zipFileSink(target: string): TreeSink {
  return new ZipSink(new Coalescer(new AtomicFile(target)));
}
