/**
 * Where the engine worker writes a download: a folder the user picked, a zip file the user
 * picked (File System Access API handles, passed in the request), or a zip assembled as a Blob
 * from parts (browsers without the API). Writes through `createWritable` are atomic: the
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

/** The sink for a target, the bytes written to it so far, and (for a Blob) the output holding the finished zip. */
export async function sinkFor(target: DownloadTarget): Promise<{ sink: TreeSink; size(): number; blob?: BlobOutput }> {
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
  const blob = new BlobOutput();
  return { sink: new ZipSink(new Coalescer(blob, 1 << 20)), size: () => blob.size, blob };
}
