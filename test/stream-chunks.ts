import type { OutputFile } from '../src/core/output/files';

/** `files`, with the table file at `path` recording the rows of each chunk it is written from into `rows`. */
export function countingChunks(files: readonly OutputFile[], path: string, rows: number[]): OutputFile[] {
  return files.map((f) =>
    'chunks' in f && f.path === path
      ? {
          ...f,
          async *chunks() {
            for await (const c of f.chunks()) yield (rows.push(c.length), c);
          },
        }
      : f,
  );
}
