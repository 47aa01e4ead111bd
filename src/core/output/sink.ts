/**
 * Where an output tree goes: a folder, a zip, memory. The tree writer opens files one at a
 * time, in tree order, writes their bytes and closes them; a sink makes each file final only
 * when it is complete (a folder renames it into place, a zip ends its entry), and `abort`
 * removes whatever is not complete, so a failed or cancelled write never leaves a file that
 * looks complete.
 */
import { concatChunks, type WrittenFile } from './files';
import { ZipWriter, type ByteOutput, type Segment, type ZipEntryWriter } from './zip';

export interface FileWriter {
  /** The file's bytes, in order (files the sink does not deflate); a chunk written is the sink's (never changed or transferred after). */
  write(chunk: Uint8Array): Promise<void> | void;
  /** The next deflated segment (files the sink deflates: a zip's text entries). */
  writeSegment?(segment: Segment): Promise<void> | void;
  close(): Promise<void> | void;
}

export interface TreeSink {
  /**
   * True when the sink is done with every chunk once its write settles (it copied or wrote it):
   * the writer may then reuse a chunk's memory. Else a chunk written is the sink's for good.
   */
  readonly copiesWrites?: boolean;
  /** Whether the file at `path` is written as deflated segments. */
  deflates(path: string): boolean;
  open(path: string): Promise<FileWriter> | FileWriter;
  /** Every file written: make the whole tree final. */
  finish(): Promise<void> | void;
  /** A failure or cancel: drop what is incomplete (never called after finish). */
  abort(): Promise<void> | void;
}

/** A byte stream that can be made final (renamed into place, committed) or dropped. */
export interface FinalOutput extends ByteOutput {
  /** Done with every chunk once its write settles ({@link TreeSink.copiesWrites}). */
  readonly copiesWrites?: boolean;
  close(): Promise<void> | void;
  abort(): Promise<void> | void;
}

/**
 * Collects the tree in memory (tests, small trees). By default it copies each chunk, so the
 * writer may reuse a chunk's memory; `copiesWrites` false keeps the chunks as they are (the
 * writer hands them over): no second copy of the whole tree (a landing zone's 100 MB).
 */
export class MemorySink implements TreeSink {
  readonly files: WrittenFile[] = [];

  constructor(readonly copiesWrites = true) {}

  deflates(): boolean {
    return false;
  }

  open(path: string): FileWriter {
    const chunks: Uint8Array[] = [];
    return {
      write: (chunk) => void chunks.push(this.copiesWrites ? chunk.slice() : chunk),
      close: () => void this.files.push({ path, bytes: concatChunks(chunks) }),
    };
  }

  finish(): void {}
  abort(): void {}
}

/** Parquet is stored as is (already compressed); everything else is deflated. */
export const zipDeflates = (path: string) => !path.endsWith('.parquet');

/** The tree as one zip streamed into `out` (a file, a picked file, Blob parts). */
export class ZipSink implements TreeSink {
  private readonly zip: ZipWriter;

  readonly copiesWrites: boolean;

  constructor(private readonly out: FinalOutput) {
    this.zip = new ZipWriter(out);
    // the zip writer passes each stored chunk straight to `out`
    this.copiesWrites = out.copiesWrites === true;
  }

  deflates(path: string): boolean {
    return zipDeflates(path);
  }

  async open(path: string): Promise<FileWriter> {
    const entry: ZipEntryWriter = await this.zip.entry(path, this.deflates(path));
    return { write: (c) => entry.write(c), writeSegment: (s) => entry.writeSegment(s), close: () => entry.close() };
  }

  async finish(): Promise<void> {
    await this.zip.finish();
    await this.out.close();
  }

  async abort(): Promise<void> {
    await this.out.abort();
  }
}

/**
 * Gathers small writes into blocks of at least `size` bytes (zip headers, deflate output) so
 * a file or a message channel sees few large writes; big chunks pass straight through.
 */
export class Coalescer implements FinalOutput {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Small chunks are copied; large ones go to `out` as they are. */
  readonly copiesWrites: boolean;

  constructor(
    private readonly out: FinalOutput,
    private readonly size = 1 << 20,
  ) {
    this.copiesWrites = out.copiesWrites === true;
  }

  private take(): Uint8Array {
    const out = concatChunks(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    return out;
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (chunk.length >= this.size) {
      if (this.pendingBytes) await this.out.write(this.take());
      await this.out.write(chunk);
      return;
    }
    // small chunks are gathered into one write (copied: that frees the caller's buffer at once)
    this.pending.push(chunk.slice());
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.size) await this.out.write(this.take());
  }

  async close(): Promise<void> {
    if (this.pendingBytes) await this.out.write(this.take());
    await this.out.close();
  }

  async abort(): Promise<void> {
    this.pending = [];
    this.pendingBytes = 0;
    await this.out.abort();
  }
}
