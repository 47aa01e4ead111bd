/**
 * Where the engine worker writes a download: a folder the user picked, a zip file the user
 * picked (File System Access API handles, passed in the request), or for a plain download a
 * temporary file of the origin-private file system, or a zip assembled as a Blob from parts
 * (browsers without either). Writes through `createWritable` are atomic: the
 * browser writes a swap file and replaces the target only on `close`; `abort` discards it.
 */
import { Coalescer, ZipSink, type FileWriter, type FinalOutput, type TreeSink } from '../core/output/sink';

/** What the page asked the download to be written to. */
export type DownloadTarget =
  | { readonly kind: 'blob' }
  | { readonly kind: 'file'; readonly handle: FileSystemFileHandle }
  | { readonly kind: 'folder'; readonly handle: FileSystemDirectoryHandle };

/** A picked file, written through a writable stream (committed on close, dropped on abort). */
async function fileOutput(handle: FileSystemFileHandle): Promise<FinalOutput> {
  const writable = await handle.createWritable();
  return {
    write: (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>),
    close: () => writable.close(),
    abort: () => writable.abort(),
  };
}

/** Blob parts hold about this many bytes: chunks this large become one at once, smaller ones are gathered. */
const BLOB_PART = 16 << 20;

/**
 * A zip assembled from parts without one giant buffer: chunks are copied into Blobs of about
 * 16 MB as they come (the browser may keep them on disk), and the Blob of those Blobs is the
 * download. Each chunk is copied when it is written, so the writer may reuse its memory at once:
 * small ones into one reused staging buffer, large ones straight into a Blob of their own. (A
 * Blob per chunk instead made thousands of parts for a text-heavy zip, and a 1.6 GB download of
 * such a Blob was cancelled by Chromium.)
 */
export class BlobOutput implements FinalOutput {
  readonly copiesWrites = true;
  private parts: Blob[] = [];
  private staging: Uint8Array<ArrayBuffer> | undefined;
  private staged = 0;
  private result: Blob | undefined;
  size = 0;

  write(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (chunk.length >= BLOB_PART) {
      this.seal();
      this.parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>]));
      return;
    }
    if (this.staged + chunk.length > BLOB_PART) this.seal();
    this.staging ??= new Uint8Array(BLOB_PART);
    this.staging.set(chunk, this.staged);
    this.staged += chunk.length;
  }

  private seal(): void {
    if (this.staged) this.parts.push(new Blob([this.staging!.subarray(0, this.staged)]));
    this.staged = 0;
  }

  close(): void {
    this.seal();
    this.result = new Blob(this.parts, { type: 'application/zip' });
    this.parts = [];
    this.staging = undefined;
  }

  abort(): void {
    this.parts = [];
    this.staging = undefined;
    this.staged = 0;
    this.result = undefined;
  }

  /** The finished zip (after close). */
  blob(): Blob {
    if (!this.result) throw new Error('the zip is not complete');
    return this.result;
  }
}

/** The origin-private folder that holds finished zips until the browser has saved them. */
const TEMP_DIR = 'spindle-downloads';
/** A zip there is deleted by a later download once it is this old (the browser copied it long before)... */
const KEEP_MS = 10 * 60_000;
/** ...and a zip of another tab (or an earlier visit) once it is this old. */
const KEEP_FOREIGN_MS = 60 * 60_000;
/** Space the browser must still grant this site for a zip to be written there rather than as a Blob. */
const MIN_FREE_BYTES = 2 ** 31;

/**
 * A zip written to a file of the origin-private file system through a synchronous access handle
 * (dedicated workers only), then handed to the page as that file (`getFile`), which the browser
 * saves from disk. No Blob copies: on the project's VM a 130 MB zip took 1.4–2.0 s to gather
 * into Blobs and 0.1 s to write there, and the zip takes no memory in the tab. Each write is
 * done when it returns, so the writer may reuse its memory at once.
 *
 * A finished zip must outlive the browser's copy of it to the downloads folder, which we cannot
 * see end: it is deleted by a later download of this worker once {@link KEEP_MS} old, or of any
 * tab once {@link KEEP_FOREIGN_MS} old. A cancelled or failed write deletes its file.
 */
export class TempFileOutput implements FinalOutput {
  readonly copiesWrites = true;
  size = 0;
  private result: File | undefined;

  private constructor(
    private readonly dir: FileSystemDirectoryHandle,
    private readonly name: string,
    private readonly file: FileSystemFileHandle,
    private readonly handle: FileSystemSyncAccessHandle,
  ) {}

  /** A new temporary zip, or undefined where the browser offers no such files or too little space for them. */
  static async open(now: number): Promise<TempFileOutput | undefined> {
    try {
      if (typeof FileSystemSyncAccessHandle === 'undefined' || !navigator.storage?.getDirectory) return undefined;
      const { quota = 0, usage = 0 } = await navigator.storage.estimate();
      if (quota - usage < MIN_FREE_BYTES) return undefined;
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(TEMP_DIR, { create: true });
      await sweep(dir, now);
      const name = `${now.toFixed(0)}-${crypto.randomUUID()}.zip`;
      const file = await dir.getFileHandle(name, { create: true });
      const handle = await file.createSyncAccessHandle();
      if (!fastEnough(handle)) {
        handle.close();
        await dir.removeEntry(name);
        return undefined;
      }
      const out = new TempFileOutput(dir, name, file, handle);
      written.set(name, now);
      return out;
    } catch {
      return undefined; // private modes and older browsers: the Blob route
    }
  }

  write(chunk: Uint8Array): void {
    let done = 0;
    try {
      while (done < chunk.length) done += this.handle.write(chunk.subarray(done), { at: this.size + done });
    } catch (e) {
      if ((e as DOMException).name !== 'QuotaExceededError') throw e;
      const mb = ((this.size + done) / 1e6).toFixed(0);
      throw new Error(`The browser ran out of storage for this zip after ${mb} MB: free some disk space, or save to a folder instead.`, { cause: e });
    }
    this.size += chunk.length;
  }

  async close(): Promise<void> {
    this.handle.flush();
    this.handle.close();
    this.result = await this.file.getFile();
  }

  async abort(): Promise<void> {
    this.result = undefined;
    try {
      this.handle.close();
    } catch {
      // already closed
    }
    written.delete(this.name);
    await this.dir.removeEntry(this.name).catch(() => {});
  }

  /** The finished zip (after close): a file on disk. */
  blob(): Blob {
    if (!this.result) throw new Error('the zip is not complete');
    return this.result;
  }
}

/** Bytes of each probe write; probe writes timed; the longest the fastest of them may take (ms) for the files to be used. */
const PROBE_BYTES = 1 << 20;
const PROBES = 3;
const PROBE_MS = 5;

/**
 * Whether writes to this file are as fast as a disk's. A private window's files are kept in
 * memory behind a slower path: on this project's VM 130 MB took 1.7–3.5 s there against 0.85 s
 * as Blobs (0.2 s on disk), and a 1 MiB write after the first took 12–93 ms there, 0.1–1.1 ms on
 * disk. The fastest of three writes after a first (which pays for making the file) decides, so a
 * busy moment on disk does not; the file is emptied again either way.
 */
function fastEnough(handle: FileSystemSyncAccessHandle): boolean {
  const probe = new Uint8Array(PROBE_BYTES);
  handle.write(probe, { at: 0 });
  let fastest = Infinity;
  for (let k = 1; k <= PROBES; k++) {
    const began = performance.now();
    handle.write(probe, { at: k * PROBE_BYTES });
    fastest = Math.min(fastest, performance.now() - began);
  }
  handle.truncate(0);
  return fastest <= PROBE_MS;
}

/** Zips this worker wrote, by name, with when they were started. */
const written = new Map<string, number>();

/** Delete the temporary zips old enough that the browser has long saved them (see {@link TempFileOutput}); one still being written is locked and stays. */
export async function sweep(dir: FileSystemDirectoryHandle, now: number, ours: Map<string, number> = written): Promise<void> {
  for await (const [name, entry] of dir as unknown as AsyncIterable<[string, FileSystemHandle]>) {
    if (entry.kind !== 'file') continue;
    const mine = ours.get(name);
    const age = now - (mine ?? (await (entry as FileSystemFileHandle).getFile().catch(() => undefined))?.lastModified ?? now);
    if (age < (mine !== undefined ? KEEP_MS : KEEP_FOREIGN_MS)) continue;
    await dir.removeEntry(name).then(
      () => ours.delete(name),
      () => {},
    );
  }
}

/** The directory for `parts` (all but the file name) under `root`, created as needed. */
async function folderOf(root: FileSystemDirectoryHandle, parts: readonly string[]): Promise<FileSystemDirectoryHandle> {
  let dir = root;
  for (const p of parts) dir = await dir.getDirectoryHandle(p, { create: true });
  return dir;
}

/** The output tree written into a picked folder, file by file, each committed when complete. */
export function folderSink(root: FileSystemDirectoryHandle): TreeSink {
  let current: FileSystemWritableFileStream | undefined;
  return {
    deflates: () => false,
    async open(path): Promise<FileWriter> {
      const parts = path.split('/');
      if (parts.some((p) => p === '' || p === '.' || p === '..')) throw new Error(`output file path "${path}" must stay inside the folder`);
      const dir = await folderOf(root, parts.slice(0, -1));
      const file = await dir.getFileHandle(parts[parts.length - 1], { create: true });
      const writable = await file.createWritable();
      current = writable;
      return {
        write: (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>),
        close: async () => {
          await writable.close();
          current = undefined;
        },
      };
    },
    finish: () => {},
    async abort() {
      await current?.abort().catch(() => {});
      current = undefined;
    },
  };
}

/** Counts the bytes that pass through to `out`. */
function counted(out: FinalOutput): FinalOutput & { bytes: number } {
  const c = {
    bytes: 0,
    write: (chunk: Uint8Array) => {
      c.bytes += chunk.length;
      return out.write(chunk);
    },
    close: () => out.close(),
    abort: () => out.abort(),
    copiesWrites: out.copiesWrites,
  };
  return c;
}

/** The sink for a target, the bytes written to it so far, and (for a plain download) the output holding the finished zip: a temporary file where the browser has them, else a Blob. */
export async function sinkFor(target: DownloadTarget, now = Date.now()): Promise<{ sink: TreeSink; size(): number; blob?: { blob(): Blob } }> {
  if (target.kind === 'folder') {
    const sink = folderSink(target.handle);
    let bytes = 0;
    const open = sink.open.bind(sink);
    sink.open = async (path) => {
      const w = await open(path);
      return { ...w, write: (c) => ((bytes += c.length), w.write(c)) };
    };
    return { sink, size: () => bytes };
  }
  if (target.kind === 'file') {
    const out = counted(await fileOutput(target.handle));
    return { sink: new ZipSink(new Coalescer(out, 4 << 20)), size: () => out.bytes };
  }
  const blob = (await TempFileOutput.open(now)) ?? new BlobOutput();
  return { sink: new ZipSink(new Coalescer(blob, 1 << 20)), size: () => blob.size, blob };
}
