import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';

/** The zip the Node CLI writes for a config (to compare with the browser's download byte for byte). */
export function cliZip(simulator: string, sets: Record<string, unknown>, format: string): Buffer {
  const out = join(mkdtempSync(join(tmpdir(), 'spindle-e2e-')), 'cli.zip');
  const args = ['--import', 'tsx', 'src/cli/main.ts', simulator, '--format', format, '--zip', out];
  for (const [k, v] of Object.entries(sets)) args.push('--set', `${k}=${JSON.stringify(v)}`);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return readFileSync(out);
}

/** Fail the test on any uncaught page error or console error. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

export async function runAndWait(page: Page) {
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(page.getByRole('region', { name: 'Result tables' })).toBeVisible({ timeout: 60_000 });
}

export async function download(page: Page, format: 'Parquet' | 'CSV' | 'JSONL'): Promise<Buffer> {
  await page.getByRole('radiogroup', { name: 'File format' }).getByText(format, { exact: true }).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).click()]);
  return readFileSync((await dl.path())!);
}
