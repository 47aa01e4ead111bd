import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Run the Node CLI with `--format` and the given sets plus extra arguments (to compare with the browser byte for byte). */
function cli(simulator: string, sets: Record<string, unknown>, format: string, extra: string[]): void {
  const args = ['--import', 'tsx', 'src/cli/main.ts', simulator, '--format', format, ...extra];
  for (const [k, v] of Object.entries(sets)) args.push('--set', `${k}=${JSON.stringify(v)}`);
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

/** The zip the Node CLI writes for a config. */
export function cliZip(simulator: string, sets: Record<string, unknown>, format: string): Buffer {
  const out = join(mkdtempSync(join(tmpdir(), 'spindle-e2e-')), 'cli.zip');
  cli(simulator, sets, format, ['--zip', out]);
  return readFileSync(out);
}

/** The folder the Node CLI writes for a config: every file by its path in the tree. */
export function cliFolder(simulator: string, sets: Record<string, unknown>, format: string): Map<string, Buffer> {
  const out = join(mkdtempSync(join(tmpdir(), 'spindle-e2e-')), 'out');
  cli(simulator, sets, format, ['--out', out, '--threads', '1']);
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    files.set(relative(out, full).split(sep).join('/'), readFileSync(full));
  }
  return files;
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

/**
 * Download .zip as a browser without the File System Access API does: the zip assembled as a
 * Blob and saved as an ordinary download (headless Chromium cannot click a native save picker;
 * e2e/output.spec.ts covers the picked-file and folder paths with the origin-private file system).
 */
/**
 * Downloads as the browsers without the File System Access API get them (a Blob saved as a
 * download event): Chromium would open a save dialog. The picker route is tested in output.spec.ts.
 */
export async function blobDownloads(page: Page): Promise<void> {
  await page.addInitScript(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
}

export async function download(page: Page, format: 'Parquet' | 'CSV' | 'JSONL'): Promise<Buffer> {
  await page.evaluate(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
  await page.getByRole('radiogroup', { name: 'File format' }).getByText(format, { exact: true }).click();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).click()]);
  return readFileSync((await dl.path())!);
}

/** WCAG 2.2 A and AA, as the pages promise; the page-wide checks add axe's best practices. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe's violations over the page (or the part `include` selects), the same rules either way.
 * The studio has no frames, so axe runs in the page itself (legacy mode) rather than in parts
 * finished on a blank page, and only the violations are gathered: the passes of a page of charts
 * are thousands of nodes to serialise. Together about 4× faster (a run's Operational logs page:
 * 12.4 → 3.1 s per pass), the same findings.
 */
export async function axeViolations(page: Page, opts: { include?: string; tags?: string[] } = {}) {
  let builder = new AxeBuilder({ page }).withTags(opts.tags ?? WCAG_TAGS).setLegacyMode().options({ resultTypes: ['violations'] });
  if (opts.include) builder = builder.include(opts.include);
  return (await builder.analyze()).violations;
}

/** The serious and critical violations, by rule id and node count (readable in a failed expect). */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  const found = await axeViolations(page, { include });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.length}`);
}
