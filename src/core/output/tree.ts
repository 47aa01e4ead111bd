import type { RunOutput, StreamedRunOutput } from '../run';
import { ENGINE_VERSION } from '../version';
import { concatChunks, isBytesFile, isStreamFile, isTableFile, type OutputFile, type TableStreamFile, type WrittenFile } from './files';
import { writeTable, type OutputFormat, type WriteOptions } from './formats';
import { MemorySink, ZipSink } from './sink';
import { writeTree, type WriteHooks } from './tree-writer';

export type { OutputFile, WrittenFile } from './files';

const encoder = new TextEncoder();

/** Pretty JSON with a final newline: stable because our objects are built in a fixed key order. */
export function jsonBytes(value: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The output tree of a run as a list of files, in a fixed order: each result table as
 * `<table>.<fmt>` at the top, then the simulator's own files (fixed formats, e.g.
 * `otlp/logs.json`, or a landing zone), then `_spindle/config.json` (the resolved config, seed
 * and engine version), `_spindle/stats.json` and `_spindle/answer_key.<fmt>`. Nothing is
 * encoded yet: the tree writer streams each file when it writes it.
 */
export function runFiles(run: RunOutput, format: OutputFormat, options: WriteOptions = {}): OutputFile[] {
  const { result } = run;
  return [
    ...result.tables.map((table) => ({ path: `${table.name}.${format}`, table, format, options })),
    ...(result.files ?? []),
    { path: '_spindle/config.json', bytes: jsonBytes(runManifest(run, format)) },
    { path: '_spindle/stats.json', bytes: jsonBytes(result.stats) },
    { path: `_spindle/answer_key.${format}`, table: result.answerKey.finish(), format, options },
  ];
}

/**
 * The output tree of a streamed run ({@link streamSimulator}): the files {@link runFiles} lists
 * for the held run, with the same bytes, but each table produced chunk by chunk as it is written
 * and the stats and answer key taken from the run once its tables have been read.
 */
export function streamedRunFiles(run: StreamedRunOutput, format: OutputFormat, options: WriteOptions = {}): OutputFile[] {
  const { result } = run;
  let rest: ReturnType<typeof result.finish> | undefined;
  const finished = () => (rest ??= result.finish());
  return [
    ...result.tables.map((t): TableStreamFile => ({ path: `${t.name}.${format}`, format, options, chunks: () => t.chunks(), rowsHint: t.rowsHint })),
    ...(result.files ?? []),
    { path: '_spindle/config.json', bytes: jsonBytes(runManifest(run, format)) },
    { path: '_spindle/stats.json', produce: () => [jsonBytes(finished().stats)] },
    { path: `_spindle/answer_key.${format}`, format, options, chunks: () => [finished().answerKey.finish()] },
  ];
}

/** The whole output tree in memory (tests and small runs; hosts stream it with writeTree). */
export async function buildTree(run: RunOutput, format: OutputFormat, hooks?: WriteHooks, options: WriteOptions = {}): Promise<WrittenFile[]> {
  return materialise(runFiles(run, format, options), hooks);
}

/** Any list of output files written out in memory. */
export async function materialise(files: readonly OutputFile[], hooks?: WriteHooks): Promise<WrittenFile[]> {
  // the sink keeps the chunks it is given: each file's bytes are not copied a second time
  const sink = new MemorySink(false);
  await writeTree(files, sink, hooks);
  return sink.files;
}

/** The whole contents of one output file (small files, tests; writers stream instead). */
export async function fileBytes(file: OutputFile): Promise<Uint8Array> {
  if (isBytesFile(file)) return file.bytes;
  if (isTableFile(file)) return writeTable(file.table, file.format, file.options);
  if (isStreamFile(file)) {
    const chunks: Uint8Array[] = [];
    for await (const c of file.produce()) chunks.push(c);
    return concatChunks(chunks);
  }
  return (await materialise([file]))[0].bytes;
}

/** What `_spindle/config.json` holds. */
export function runManifest(run: Pick<RunOutput, 'simulator' | 'config' | 'inputs'>, format: OutputFormat) {
  return {
    simulator: run.simulator,
    engineVersion: ENGINE_VERSION,
    seed: run.config.seed,
    format,
    config: run.config,
    ...(run.inputs ? { inputs: run.inputs } : {}),
  };
}

/**
 * Zip files in memory (tests, small trees): the same bytes the streaming zip writer gives a
 * file, a picked file or a download. Parquet stored, text deflated, fixed dates, tree order.
 */
export async function zipTree(files: readonly OutputFile[], hooks?: WriteHooks): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  const sink = new ZipSink({ copiesWrites: true, write: (c) => void chunks.push(c.slice()), close: () => {}, abort: () => {} });
  await writeTree(files, sink, hooks);
  return concatChunks(chunks);
}
