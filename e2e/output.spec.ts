import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { encodeConfig } from '../src/app/share';
import { blobDownloads, cliFolder, cliZip, download, runAndWait, watchErrors } from './helpers';

/**
 * Headless Chromium cannot click a native picker, so the pickers are stood in for by the
 * origin-private file system (OPFS): the same handle types (FileSystemDirectoryHandle,
 * FileSystemFileHandle with createWritable), written by the engine worker. The files are then
 * read back from OPFS and compared byte for byte with what the Node CLI writes.
 */
async function pickersWriteToOpfs(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const root = () => navigator.storage.getDirectory();
    w.showDirectoryPicker = async () => (await root()).getDirectoryHandle('picked-folder', { create: true });
    w.showSaveFilePicker = async (o: { suggestedName: string }) => (await root()).getFileHandle(o.suggestedName, { create: true });
  });
}

/** Every file under an OPFS folder (or one file), by path, read in the page. */
async function opfsFiles(page: Page, name: string): Promise<Map<string, Buffer>> {
  const entries = await page.evaluate(async (top) => {
    type Dir = FileSystemDirectoryHandle & { entries(): AsyncIterable<[string, FileSystemHandle]> };
    const out: [string, string][] = [];
    const b64 = (bytes: Uint8Array) => {
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    };
    const read = async (h: FileSystemFileHandle) => b64(new Uint8Array(await (await h.getFile()).arrayBuffer()));
    const walk = async (dir: Dir, prefix: string) => {
      for await (const [n, h] of dir.entries()) {
        if (h.kind === 'directory') await walk(h as Dir, `${prefix}${n}/`);
        else out.push([`${prefix}${n}`, await read(h as FileSystemFileHandle)]);
      }
    };
    const root = (await navigator.storage.getDirectory()) as Dir;
    for await (const [n, h] of root.entries()) {
      if (n !== top) continue;
      if (h.kind === 'directory') await walk(h as Dir, '');
      else out.push([n, await read(h as FileSystemFileHandle)]);
    }
    return out;
  }, name);
  return new Map(entries.map(([p, b]) => [p, Buffer.from(b, 'base64')]));
}

async function runWorkflow(page: Page, entities: number, seed: number) {
  await page.goto('/#/workflow');
  await page.getByLabel('Entities', { exact: true }).fill(String(entities));
  await page.getByLabel('Seed').fill(String(seed));
  await runAndWait(page);
}

const format = (page: Page, name: 'Parquet' | 'CSV' | 'JSONL') => page.getByRole('radiogroup', { name: 'File format' }).getByText(name, { exact: true }).click();

test.describe('Output: save to a folder, stream a zip to a picked file', () => {
  test('Save to folder writes the output tree into the picked folder: the same files as the CLI, byte for byte', async ({ page }) => {
    const errors = watchErrors(page);
    await pickersWriteToOpfs(page);
    await runWorkflow(page, 3000, 21);
    await format(page, 'CSV');
    await page.getByRole('button', { name: 'Save to folder…' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved 5 files' })).toContainText('to the folder “picked-folder”');
    await expect(page.getByRole('list', { name: 'Files saved' })).toContainText('_spindle/answer_key.csv');
    const written = await opfsFiles(page, 'picked-folder');
    const cli = cliFolder('workflow', { entityCount: 3000, seed: 21 }, 'csv');
    expect([...written.keys()].sort()).toEqual([...cli.keys()].sort());
    for (const [path, bytes] of cli) expect(written.get(path)!.equals(bytes), path).toBe(true);
    expect(errors).toEqual([]);
  });

  test('Download .zip streams into the picked file: the same zip as the CLI', async ({ page }) => {
    const errors = watchErrors(page);
    await pickersWriteToOpfs(page);
    await runWorkflow(page, 2000, 8);
    await format(page, 'Parquet');
    await page.getByRole('button', { name: 'Download .zip' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Saved a .* zip with 5 files/ })).toBeVisible();
    const [zip] = (await opfsFiles(page, 'spindle-workflow-seed8-parquet.zip')).values();
    expect(zip.equals(cliZip('workflow', { entityCount: 2000, seed: 8 }, 'parquet'))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('three encoder workers (four cores) simulate the run in chunks and encode its download: the same zip as the CLI, with progress per file in words', async ({ page }) => {
    const errors = watchErrors(page);
    // the page asks for hardwareConcurrency - 1 encoder workers; from three, a run's chunks go to them too
    await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 4 }));
    await runWorkflow(page, 100_000, 4);
    await format(page, 'CSV');
    await page.evaluate(() => delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker);
    const [dl] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      (async () => {
        await page.getByRole('button', { name: 'Download .zip' }).click();
        await expect(page.getByRole('progressbar', { name: /^Writing (events|entity_summary)\.csv, [12] of 5 files$/ })).toBeVisible();
      })(),
    ]);
    // the engine worker started three encoder workers of its own
    expect(page.workers().filter((w) => w.url().includes('encode.worker')).length).toBe(3);
    const { readFileSync } = await import('node:fs');
    const zip = readFileSync((await dl.path())!);
    expect(zip.equals(cliZip('workflow', { entityCount: 100_000, seed: 4 }, 'csv'))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('a file drop hands its landed files to two encoder workers (four cores) while it runs: the same zip as the CLI', async ({ page }) => {
    const errors = watchErrors(page);
    await page.addInitScript(() => Object.defineProperty(navigator, 'hardwareConcurrency', { get: () => 3 }));
    // checksums published in the manifests: the workers hash each file they write
    const config = { dateRangeEnd: '2024-01-07', latenessEnabled: true, duplicatesEnabled: true, multiFileEnabled: true, seed: 5 };
    await page.goto(`/#/file-drop?config=${encodeConfig(config)}`);
    await expect(page.getByRole('heading', { name: 'File drop', level: 1 })).toBeVisible();
    await runAndWait(page);
    // the run itself (not a download yet) started the engine worker's two encoder workers
    expect(page.workers().filter((w) => w.url().includes('encode.worker')).length).toBe(2);
    const zip = await download(page, 'Parquet');
    expect(zip.equals(cliZip('file-drop', config, 'parquet'))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('a plain download (no save picker) is written to a temporary file of the origin-private file system and saved from there; a cancelled one leaves none', async ({ playwright, baseURL }) => {
    // a profile on disk, as a person's browser has (a private window's files are slow: see the next test)
    const context = await playwright.chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'spindle-profile-')), {
      ...test.info().project.use.launchOptions,
      baseURL,
      acceptDownloads: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const errors = watchErrors(page);
      await runWorkflow(page, 2000, 8);
      const zip = await download(page, 'Parquet');
      expect(zip.equals(cliZip('workflow', { entityCount: 2000, seed: 8 }, 'parquet'))).toBe(true);
      // the zip the browser saved is the worker's temporary file, kept for a later download to clear
      const temp = await opfsFiles(page, 'spindle-downloads');
      expect([...temp.keys()]).toEqual([expect.stringMatching(/^\d+-[0-9a-f-]{36}\.zip$/)]);
      expect([...temp.values()][0].equals(zip)).toBe(true);
      // a cancelled download (another tab: a run of its own) deletes its temporary file, and the
      // finished one of the first tab stays
      const other = await context.newPage();
      await blobDownloads(other);
      const otherErrors = watchErrors(other);
      await runWorkflow(other, 200_000, 3);
      await format(other, 'CSV');
      await other.getByRole('button', { name: 'Download .zip' }).click();
      await expect(other.getByRole('progressbar', { name: /^Writing events\.csv/ })).toBeVisible();
      await other.getByRole('region', { name: 'Download' }).getByRole('button', { name: 'Cancel' }).click();
      await expect(other.getByText('The download was cancelled; nothing was saved.')).toBeVisible();
      await expect.poll(async () => [...(await opfsFiles(other, 'spindle-downloads')).keys()]).toEqual([...temp.keys()]);
      expect(errors).toEqual([]);
      expect(otherErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('in a private window (slow private files) a plain download is a Blob: the same zip, no temporary file', async ({ page }) => {
    const errors = watchErrors(page);
    await runWorkflow(page, 2000, 8);
    const zip = await download(page, 'Parquet');
    expect(zip.equals(cliZip('workflow', { entityCount: 2000, seed: 8 }, 'parquet'))).toBe(true);
    expect((await opfsFiles(page, 'spindle-downloads')).size).toBe(0);
    expect(errors).toEqual([]);
  });

  test('a cancelled download says nothing was saved, and leaves no zip in the picked file', async ({ page }) => {
    await pickersWriteToOpfs(page);
    await runWorkflow(page, 200_000, 3);
    await format(page, 'CSV');
    await page.getByRole('button', { name: 'Download .zip' }).click();
    await expect(page.getByRole('progressbar', { name: /^Writing events\.csv/ })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('The download was cancelled; nothing was saved.')).toBeVisible();
    await expect(page.getByText(/Saved a/)).toHaveCount(0);
    const [file] = (await opfsFiles(page, 'spindle-workflow-seed3-csv.zip')).values();
    // the picker created the file; the aborted writable never committed a byte into it
    expect(file.length).toBe(0);
    // the worker survived the cancel: the same page downloads again
    await page.getByRole('button', { name: 'Download .zip' }).click();
    await expect(page.getByRole('status').filter({ hasText: /Saved a .* zip with 5 files/ })).toBeVisible({ timeout: 120_000 });
  });
});
