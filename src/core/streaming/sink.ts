/**
 * Sinks: where a host delivers a stream's batches. The interface is pure (no I/O here); hosts
 * implement it over what they have: the CLI over files, stdout and fetch, the page over its
 * console and fetch. The file sink lives here because it only needs somewhere to append bytes.
 */
import { concatChunks } from '../output/files';
import { splitByTopic, type StreamBatch } from './batch';

/** A destination for a stream's batches, delivered in emission order, one write at a time. */
export interface StreamSink {
  /** Deliver one batch; resolves when the sink accepted it (so a slow sink slows the stream). */
  write(batch: StreamBatch): Promise<void>;
  /** Flush and release; called once after the last batch, also after a failure or a cancel. */
  close(): Promise<void>;
}

/** Where a file sink appends bytes: a folder on disk (CLI), a picked folder (page), memory (tests). */
export interface ChunkTarget {
  append(path: string, bytes: Uint8Array): Promise<void> | void;
  /** Called once at the end (close file handles). */
  close?(): Promise<void> | void;
}

/**
 * The file sink: each topic's envelopes appended, in emission order, to `<folder>/<file>.jsonl`
 * (the same files, byte for byte, as the output tree's topic files). `files[t]` is topic t's
 * file name without the extension.
 */
export class TopicFileSink implements StreamSink {
  constructor(
    private readonly target: ChunkTarget,
    private readonly folder: string,
    private readonly files: readonly string[],
  ) {}

  /** The path of topic t's file. */
  pathOf(t: number): string {
    return `${this.folder}/${this.files[t]}.jsonl`;
  }

  async write(batch: StreamBatch): Promise<void> {
    for (const [t, bytes] of splitByTopic(batch)) await this.target.append(this.pathOf(t), bytes);
  }

  async close(): Promise<void> {
    await this.target.close?.();
  }
}

/** A chunk target that keeps every file in memory (tests, small runs). */
export class MemoryTarget implements ChunkTarget {
  readonly chunks = new Map<string, Uint8Array[]>();

  append(path: string, bytes: Uint8Array): void {
    const list = this.chunks.get(path) ?? [];
    list.push(bytes.slice());
    this.chunks.set(path, list);
  }

  /** One file's bytes. */
  file(path: string): Uint8Array {
    return concatChunks(this.chunks.get(path) ?? []);
  }
}
