import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { download, runAndWait, seriousViolations, watchErrors } from './helpers';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** Generate the retail domain at scale fixture on the Data sources page, then open a simulator page from the menu (the data set stays in the worker). */
export async function retailFixtureThen(page: Page, simulator: string) {
  await page.goto('/#/data');
  await page.getByRole('radiogroup', { name: 'Domain' }).getByText('Retail', { exact: true }).click();
  await page.getByLabel('Scale').selectOption('fixture');
  await page.getByRole('button', { name: 'Generate Retail' }).click();
  await expect(page.getByRole('table', { name: 'Tables' }).getByRole('button', { name: 'order_line', exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: simulator, exact: true }).click();
  await expect(page.getByRole('heading', { name: simulator, level: 1 })).toBeVisible();
}

/** The instant (epoch ms) in a tree row's "… · 2024-01-03 00:00 UTC". */
function landedMs(row: string): number {
  const m = /(\d{4}-\d\d-\d\d) (\d\d:\d\d(?::\d\d)?) UTC/.exec(row);
  if (!m) throw new Error(`no landing time in ${row}`);
  return Date.parse(`${m[1]}T${m[2].length === 5 ? `${m[2]}:00` : m[2]}Z`);
}

test.describe('File drop page', () => {
  test('lands a week of retail with late rows and duplicates, replays the arrival, previews files and downloads the zone', async ({ page }) => {
    const errors = watchErrors(page);
    await retailFixtureThen(page, 'File drop');
    // the picker's choices (tables to land, event-time columns) are not repeated in the form
    await expect(page.getByRole('checkbox', { name: 'Land: order_line' })).toBeChecked();
    await expect(page.getByLabel('Event-time columns')).toHaveCount(0);
    await expect(page.getByRole('group', { name: 'Formats' }).getByRole('checkbox', { name: 'parquet' })).toBeChecked();
    await page.getByLabel('Last day').fill('2024-01-07');
    await page.getByRole('switch', { name: 'Duplicates', exact: true }).check();
    await page.getByLabel('Duplicate probability').fill('0.2');
    await runAndWait(page);
    const late = Number((await page.locator('[data-stat="Late rows"]').textContent())!.replace(/,/g, ''));
    expect(late).toBeGreaterThan(0);
    expect(Number((await page.locator('[data-stat="Duplicated rows"]').textContent())!.replace(/,/g, ''))).toBeGreaterThan(0);
    await expect(page.getByRole('region', { name: 'Rows per slot, by how they landed' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'When late rows land' }).locator('.recharts-scatter-symbol').first()).toBeVisible();

    // the tree: order_line's folders (its late rows spill past the last day); a folder with a late file
    const tree = page.getByRole('tree', { name: 'Landing zone folders and files' });
    const order = tree.getByRole('treeitem', { name: /^order_line \d/ });
    await order.click();
    await expect(order).toHaveAttribute('aria-expanded', 'true');
    const lateFolder = tree.locator('[aria-level="2"]').filter({ has: page.locator('.landing-kind-late') }).first();
    const folderName = (await lateFolder.locator('.landing-folder-name').textContent())!;
    // keyboard: Right opens the focused folder
    await lateFolder.click();
    await expect(lateFolder).toHaveAttribute('aria-expanded', 'true');
    await lateFolder.press('ArrowLeft');
    await expect(lateFolder).toHaveAttribute('aria-expanded', 'false');
    await lateFolder.press('ArrowRight');
    await expect(lateFolder).toHaveAttribute('aria-expanded', 'true');
    const lateFile = tree.getByRole('treeitem').filter({ hasText: /_00900\.parquet/ }).first();
    const lateName = (await lateFile.locator('.landing-file-name').textContent())!;
    const lateAt = landedMs((await lateFile.textContent())!);

    // replay: before its landing time the late file is absent, after it present
    const slider = page.getByRole('slider');
    const at = page.locator('[data-replay-at]');
    await slider.focus();
    await slider.press('Home');
    await expect(tree.getByRole('treeitem', { name: new RegExp(lateName) })).toHaveCount(0);
    for (let i = 0; i < 200 && Number(await at.getAttribute('data-replay-at')) / 1000 < lateAt; i++) {
      const before = Number(await at.getAttribute('data-replay-at')) / 1000;
      if (before < lateAt) await expect(tree.getByRole('treeitem', { name: new RegExp(lateName) })).toHaveCount(0);
      await slider.press('ArrowRight');
      await expect(at).not.toHaveAttribute('data-replay-at', String(before * 1000));
    }
    expect(Number(await at.getAttribute('data-replay-at')) / 1000).toBe(lateAt);
    await expect(tree.getByRole('treeitem', { name: new RegExp(lateName) })).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: /files ·/ })).not.toContainText(/^(\d+) of \1 files/);
    // play from the start runs to the end on its own
    await slider.press('End');
    await page.getByRole('button', { name: 'Replay' }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.getByRole('button', { name: 'Pause' }).click();
    await slider.press('End');

    // a data file's rows, the manifest's JSON
    const dataFile = tree.getByRole('treeitem').filter({ hasText: /_00001\.parquet/ }).first();
    const dataName = (await dataFile.locator('.landing-file-name').textContent())!;
    await dataFile.click();
    const preview = page.getByRole('region', { name: `File ${dataName}` });
    await expect(preview.getByRole('table', { name: `${dataName} rows` }).getByRole('row').nth(1)).toBeVisible();
    await tree.getByRole('treeitem').filter({ hasText: folderName }).first().focus();
    const manifestItem = tree.getByRole('treeitem').filter({ hasText: /^_manifest\.json/ }).first();
    await manifestItem.click();
    await expect(page.getByRole('region', { name: 'File _manifest.json' })).toContainText('"correlation_id"');
    // the open tree and a preview: no serious accessibility violation (a11y-axe.spec.ts covers the closed page)
    expect(await seriousViolations(page, '.landing-explorer-panel')).toEqual([]);

    // the download: the same tree, a manifest that lists exactly its folder's data files
    const zip = unzipSync(new Uint8Array(await download(page, 'Parquet')));
    const paths = Object.keys(zip);
    const folder = `Files/landing/default/order_line/${folderName.replace(/\/$/, '')}`;
    expect(paths).toContain(`${folder}/${lateName}`);
    expect(paths).toContain(`${folder}/_done`);
    expect(paths).toContain('landing_files.parquet');
    const manifest = JSON.parse(text(zip[`${folder}/_manifest.json`])) as { entity: string; files: string[]; file_count: number; entries: { name: string; kind: string }[] };
    expect(manifest.entity).toBe('order_line');
    const dataHere = paths.filter((p) => p.startsWith(`${folder}/`) && p.endsWith('.parquet')).map((p) => p.slice(folder.length + 1));
    expect([...manifest.files].sort()).toEqual(dataHere.sort());
    expect(manifest.file_count).toBe(dataHere.length);
    expect(manifest.entries.find((e) => e.name === lateName)?.kind).toBe('late');
    expect(paths.filter((p) => /^Files\/landing\/default\/[^/]+\/dt=[^/]+\/_done$/.test(p)).length).toBeGreaterThanOrEqual(7 * 9);
    expect(errors).toEqual([]);
  });
});
