import JSZip from 'jszip';
import type { RunOutput } from '../run';
import { ENGINE_VERSION } from '../version';
import { concatChunks, isBytesFile, isTableFile, type OutputFile, type WrittenFile } from './files';
import { writeTable, type OutputFormat, type WriteOptions } from './formats';

export type { OutputFile, WrittenFile } from './files';

const encoder = new TextEncoder();

/** Pretty JSON with a final newline: stable because our objects are built in a fixed key order. */
export function jsonBytes(value: unknown): Uint8Array {
  return encoder.encode(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * The output tree of a run, in a fixed order: each result table as `<table>.<fmt>` at the
 * top, then the simulator's extra files (fixed formats, e.g. `otlp/logs.json`), then `_spindle/config.json` (the resolved config, seed and engine version),
 * `_spindle/stats.json` and `_spindle/answer_key.<fmt>`.
 */
export async function buildTree(run: RunOutput, format: OutputFormat, onFile?: (done: number, total: number) => void, options: WriteOptions = {}): Promise<WrittenFile[]> {
  const { result } = run;
  const extra = result.files ?? [];
  const total = result.tables.length + extra.length + 3;
  const files: WrittenFile[] = [];
  const add = (path: string, bytes: Uint8Array) => {
    files.push({ path, bytes });
    onFile?.(files.length, total);
  };
  for (const t of result.tables) add(`${t.name}.${format}`, writeTable(t, format, options));
  for (const file of extra) add(file.path, await fileBytes(file));
  add('_spindle/config.json', jsonBytes(runManifest(run, format)));
  add('_spindle/stats.json', jsonBytes(result.stats));
  add(`_spindle/answer_key.${format}`, writeTable(result.answerKey.finish(), format, options));
  return files;
}

/** The whole contents of one output file (small files, tests; writers stream instead). */
export async function fileBytes(file: OutputFile): Promise<Uint8Array> {
  if (isBytesFile(file)) return file.bytes;
  if (isTableFile(file)) return writeTable(file.table, file.format);
  const chunks: Uint8Array[] = [];
  for await (const c of file.produce()) chunks.push(c);
  return concatChunks(chunks);
}

/** What `_spindle/config.json` holds. */
export function runManifest(run: RunOutput, format: OutputFormat) {
  return {
    simulator: run.simulator,
    engineVersion: ENGINE_VERSION,
    seed: run.config.seed,
    format,
    config: run.config,
    ...(run.inputs ? { inputs: run.inputs } : {}),
  };
}

/** Entry dates are fixed so the same tree always zips to the same bytes. */
const ZIP_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

/**
 * Zip a tree with jszip: Parquet stored (already compressed), text deflated, fixed entry
 * dates, entries in tree order. The same tree gives byte-identical zips in Node and browsers.
 */
export async function zipTree(files: readonly WrittenFile[], onProgress?: (percent: number) => void): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const file of files) {
    const stored = file.path.endsWith('.parquet');
    zip.file(file.path, file.bytes, {
      date: ZIP_DATE,
      binary: true,
      createFolders: false,
      compression: stored ? 'STORE' : 'DEFLATE',
      // level 1: twice the speed of 6 on CSV/JSONL for about 3 % more bytes (TOOLCHAIN.md figures)
      compressionOptions: stored ? null : { level: 1 },
    });
  }
  return zip.generateAsync({ type: 'uint8array', platform: 'DOS', streamFiles: false }, (meta) => onProgress?.(meta.percent));
}
