/**
 * A run's output as a list of files (ARCHITECTURE.md, `output`): each with its path in the
 * output tree (nested folders allowed: a landing zone is just paths) and what it holds: fixed
 * bytes, a table to write in a given format, or chunks produced only when the file is written.
 * The list is known up front (paths, for progress and explorers); contents are produced lazily
 * and in list order, so a writer can stream them to disk one file at a time.
 */
import type { Table } from '../table/column';
import type { OutputFormat, WriteOptions } from './formats';

/** Bytes known when the run finishes (manifests, `_done` flags, JSON side files). */
export interface BytesFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** A table written in `format` (Parquet, CSV or JSONL) when the file is written. */
export interface TableFile {
  readonly path: string;
  readonly table: Table;
  readonly format: OutputFormat;
  /** Writer options (spreadsheet-safe CSV). */
  readonly options?: WriteOptions;
}

/**
 * Contents produced when the file is written, in chunks (an OTLP export, a topic's JSONL,
 * a landing-zone data file whose checksum a later manifest needs). `produce` is called once per
 * write, in list order: a file's `produce` may rely on the files before it having been produced.
 * The same run always produces the same bytes, whatever the chunk boundaries.
 */
export interface StreamFile {
  readonly path: string;
  produce(): Iterable<Uint8Array> | AsyncIterable<Uint8Array>;
  /** Size in bytes when known up front (progress, estimates). */
  readonly sizeHint?: number;
}

/**
 * A table produced in chunks of any size (a stream's batches, a landing zone's day by day),
 * written in `format` as the chunks arrive. `chunks` yields at least one table (an empty one
 * carries the schema); every chunk has the same columns. The file's bytes depend only on the
 * rows, never on where the chunks were cut (row groups are fixed: output/row-groups.ts).
 */
export interface TableStreamFile {
  readonly path: string;
  readonly format: OutputFormat;
  readonly options?: WriteOptions;
  chunks(): Iterable<Table> | AsyncIterable<Table>;
  /** Rows expected, when known up front (progress). */
  readonly rowsHint?: number;
}

export type OutputFile = BytesFile | TableFile | StreamFile | TableStreamFile;

/** A file with its contents written out: what zips, folders and tests consume. */
export interface WrittenFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export function isBytesFile(f: OutputFile): f is BytesFile {
  return 'bytes' in f;
}

export function isTableFile(f: OutputFile): f is TableFile {
  return 'table' in f;
}

export function isStreamFile(f: OutputFile): f is StreamFile {
  return 'produce' in f;
}

export function isTableStreamFile(f: OutputFile): f is TableStreamFile {
  return 'chunks' in f;
}

/** Concatenate chunks into one buffer. */
export function concatChunks(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
