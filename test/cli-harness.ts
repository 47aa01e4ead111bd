/**
 * The CLI in-process (fast: no process start, no tsx) and as a real process from a fresh
 * bundle, for the CLI tests. Output is captured; the exit code is what the process would exit with.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { vi } from 'vitest';
import { main } from '../src/cli/main';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `spindle …argv` through main(), with stdout and stderr captured. */
export async function runCli(argv: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const se = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
}

export const tmp = (prefix = 'spindle-cli-') => mkdtempSync(join(tmpdir(), prefix));

let bundle: string | undefined;

/**
 * The bin's bundle built from the current sources (once per test file), inside the checkout
 * so that it finds node_modules (parquet-wasm's wasm file) as the real bin does.
 */
export function freshBundle(): string {
  if (!bundle) {
    mkdirSync('build', { recursive: true });
    const out = join(mkdtempSync(join('build', 'test-')), 'spindle.mjs');
    const r = spawnSync(process.execPath, ['scripts/build-cli.mjs', out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`bundling the CLI failed: ${r.stderr}`);
    bundle = out;
  }
  return bundle;
}

/** Remove the bundle freshBundle built (call in afterAll). */
export function removeFreshBundle(): void {
  if (bundle) rmSync(dirname(bundle), { recursive: true, force: true });
  bundle = undefined;
}

/** The bundled CLI as a real process (what `spindle …` runs). */
export function spawnCli(argv: string[], options: SpawnSyncOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [freshBundle(), ...argv], { encoding: 'utf8', timeout: 120_000, ...options });
  return { code: r.status ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}
