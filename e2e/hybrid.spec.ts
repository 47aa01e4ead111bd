import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { download, runAndWait, watchErrors } from './helpers';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

test.describe('Hybrid page', () => {
  test('runs a hybrid and follows one correlation id through manifests, landed files and stream events', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/hybrid');
    await expect(page.getByRole('heading', { name: 'Hybrid', level: 1 })).toBeVisible();
    // route: the stream leaves out the addresses; both child configs are forms of their own
    await page.getByRole('checkbox', { name: 'Stream: address' }).uncheck();
    await page.getByLabel('Last day').fill('2024-01-07');
    const formats = page.getByRole('group', { name: 'Formats' });
    await formats.getByRole('checkbox', { name: 'jsonl' }).check();
    await formats.getByRole('checkbox', { name: 'parquet' }).uncheck();
    await expect(formats).toContainText('1 of 3');
    await page.getByLabel('Rate', { exact: true }).fill('50');
    await runAndWait(page);

    const view = page.getByRole('region', { name: 'Correlation' });
    const id = await view.locator('[data-correlation-id]').getAttribute('data-correlation-id');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await expect(page.locator('[data-stat="Correlation id"]')).toHaveText(id!.slice(0, 8));
    await expect(view.getByRole('list', { name: 'Where the id is' }).getByRole('listitem')).toHaveCount(3);
    await expect(view.getByRole('list', { name: 'Where the id is' })).not.toContainText('–');
    // batch files and stream events on one timeline, the files listed
    await expect(view.getByRole('figure', { name: 'Batch files and stream events over simulated time' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(view.getByRole('figure').locator('.recharts-line-curve')).toBeVisible();
    const files = view.getByRole('region', { name: 'Batch files on the timeline' }).getByRole('row');
    expect(await files.count()).toBeGreaterThan(10);
    // both phases side by side; the landing zone as it landed; the stream's own charts
    await expect(page.getByRole('region', { name: 'File drop phase' })).toContainText('2024-01-01 – 2024-01-07, daily');
    await expect(page.getByRole('region', { name: 'Stream phase' })).toContainText('(the file drop’s first day)');
    await expect(page.getByRole('region', { name: 'Stream phase' })).not.toContainText('address,');
    await expect(page.getByRole('region', { name: 'Events per second' })).toBeVisible();

    // the batch side in the shared landing-zone explorer: open a partition, preview a landed file
    // (its rows carry the id) and read the partition's manifest (so does it)
    const tree = page.getByRole('tree', { name: 'Landing zone folders and files' });
    // the first table's first partition that landed rows (a quiet day lands only its manifest and _done)
    const folder = tree.getByRole('treeitem', { name: /^dt=2024-01-\d\d\/ .* [1-9][\d,]* rows? · / }).first();
    await folder.click();
    await expect(folder).toHaveAttribute('aria-expanded', 'true');
    const dataFile = tree.getByRole('treeitem', { name: /\.jsonl / }).first();
    const dataName = (await dataFile.locator('.landing-file-name').textContent())!;
    await dataFile.press('Enter');
    const preview = page.getByRole('region', { name: `File ${dataName}` });
    const grid = preview.getByRole('table', { name: `${dataName} rows` });
    await expect(grid.getByRole('row').nth(1)).toBeVisible();
    await expect(grid.getByRole('columnheader', { name: /_correlation_id/ })).toBeVisible();
    await expect(grid.getByRole('row').nth(1)).toContainText(id!);
    await tree.getByRole('treeitem', { name: /^_manifest\.json / }).first().click();
    await expect(page.getByRole('region', { name: 'File _manifest.json' })).toContainText(`"correlation_id": "${id}"`);
    await expect(page.getByRole('region', { name: 'Replay the arrival' }).getByRole('slider')).toBeVisible();

    // the download: the same id in every manifest, every landed row and every envelope
    const zip = unzipSync(new Uint8Array(await download(page, 'JSONL')));
    const paths = Object.keys(zip);
    const manifests = paths.filter((p) => p.endsWith('/_manifest.json'));
    const landed = paths.filter((p) => p.startsWith('Files/landing/') && p.endsWith('.jsonl'));
    const topics = paths.filter((p) => p.startsWith('stream/topics/'));
    expect(manifests.length).toBeGreaterThan(10);
    expect(landed.length).toBeGreaterThan(10);
    expect(topics.length).toBeGreaterThan(3);
    // checked in bulk (one expect per kind: an expect per line is slow over thousands of lines)
    const wrongManifests = manifests.filter((p) => (JSON.parse(text(zip[p])) as { correlation_id: string }).correlation_id !== id);
    expect(wrongManifests).toEqual([]);
    const wrongRows = landed.filter((p) =>
      text(zip[p])
        .trimEnd()
        .split('\n')
        .filter(Boolean)
        .some((line) => (JSON.parse(line) as { _correlation_id: string })._correlation_id !== id),
    );
    expect(wrongRows).toEqual([]);
    let events = 0;
    const wrongEvents: string[] = [];
    for (const p of topics) {
      for (const line of text(zip[p]).trimEnd().split('\n')) {
        const e = JSON.parse(line) as { correlation_id: string; data: { _correlation_id: string; _spindle_table: string } };
        if (e.correlation_id !== id || e.data._correlation_id !== id || e.data._spindle_table === 'address') wrongEvents.push(line.slice(0, 200));
        events++;
      }
    }
    expect(wrongEvents).toEqual([]);
    expect(events).toBeGreaterThan(1000);
    const stats = JSON.parse(text(zip['_spindle/stats.json'])) as { correlation_id: string; stream_tables: string[]; batch_tables: string[] };
    expect(stats.correlation_id).toBe(id);
    expect(stats.batch_tables).toContain('address');
    expect(stats.stream_tables).not.toContain('address');
    expect(errors).toEqual([]);
  });

  test('natural keys: no shared id and no _correlation_id column; the view says how the paths link', async ({ page }) => {
    await page.goto('/#/hybrid');
    await page.getByLabel('Link strategy').selectOption('natural_keys');
    await page.getByLabel('Last day').fill('2024-01-03');
    await runAndWait(page);
    const view = page.getByRole('region', { name: 'Correlation' });
    await expect(view).toContainText('Linked by business keys (natural_keys)');
    await expect(page.locator('[data-stat="Correlation id"]')).toHaveText('none');
  });
});
