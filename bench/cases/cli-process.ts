import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Run the CLI as its own process until its files are on disk (the issues' targets are for the
 * whole command), with `--stats` so the case can count the rows it wrote. The output folder is
 * removed afterwards. Peak memory of the child is not in the case's own figure: run the same
 * command under `/usr/bin/time -v` for it.
 */
export function cliRun(args: readonly string[], rowsOf: (stats: Record<string, number>) => number): () => Promise<{ rows: number }> {
  return async () => {
    const out = mkdtempSync(join(tmpdir(), 'spindle-bench-'));
    try {
      const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--format', 'parquet', '--out', out, '--stats'], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return { rows: rowsOf(JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, number>) };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  };
}
