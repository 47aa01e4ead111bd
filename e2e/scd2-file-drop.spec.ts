import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { download, runAndWait, watchErrors } from './helpers';

/** A small dimension: five customers with a tier, a score and a flag (the tracked columns by default). */
const CSV = 'id,name,tier,score,active\n1,Ann,gold,10,true\n2,Bo,silver,20,false\n3,Cy,bronze,30,true\n4,Di,gold,40,true\n5,Ed,silver,50,false\n';
/** A second table beside it, so the table chooser has a choice. */
const STORES = 'store_id,city,open\n1,Oslo,true\n2,Rome,false\n';

const text = (b: Uint8Array) => new TextDecoder().decode(b);

test.describe('SCD2 file drop page', () => {
  test('an uploaded CSV lands as a snapshot and daily deltas; a key’s versions are contiguous, one current', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/data');
    await page.getByLabel('Choose files to upload').setInputFiles([
      { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) },
      { name: 'stores.csv', mimeType: 'text/csv', buffer: Buffer.from(STORES) },
    ]);
    await expect(page.getByRole('table', { name: 'Tables' }).getByRole('button', { name: 'stores', exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Tables' }).getByRole('button', { name: 'people', exact: true })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SCD2 file drop', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'SCD2 file drop', level: 1 })).toBeVisible();
    await page.getByLabel('Delta days').fill('6');
    await page.getByLabel('Daily change rate').fill('0.5');

    // the table, its business key and the tracked columns, from the data set's tables and columns
    const run = page.getByRole('button', { name: 'Run simulation' });
    const tableSelect = page.getByLabel('Table', { exact: true });
    await expect(tableSelect.getByRole('option')).toHaveText([/^Every table \(2\)/, 'people · 5 rows', 'stores · 2 rows']);
    await tableSelect.selectOption('people');
    const key = page.getByLabel('Business key', { exact: true });
    await expect(key.getByRole('option').first()).toHaveText('Proposed: id');
    await expect(key.getByRole('option', { name: 'id (int, unique)' })).toHaveCount(1);
    await expect(key.getByRole('option', { name: 'tier (string, not unique)' })).toHaveCount(1);
    const tracked = page.getByRole('group', { name: 'Tracked columns' });
    // the proposal: every column but the key; none chosen is refused, naming the field
    await expect(tracked.getByRole('checkbox')).toHaveCount(4);
    await expect(tracked.getByRole('checkbox', { checked: true })).toHaveCount(4);
    await tracked.getByRole('button', { name: 'Select none' }).click();
    await expect(tracked.getByRole('alert')).toHaveText(/^Tracked columns: choose at least one column/);
    await expect(run).toBeDisabled();
    await tracked.getByRole('checkbox', { name: /^tier/ }).check();
    await tracked.getByRole('checkbox', { name: /^score/ }).press('Space');
    await expect(tracked.getByRole('checkbox', { checked: true })).toHaveCount(2);
    // a key among the tracked columns, and one with repeated values: both named, Run disabled
    await key.selectOption('tier');
    await expect(page.getByText('Business key: "tier" of people has repeated or empty values', { exact: false })).toBeVisible();
    await expect(tracked.getByRole('checkbox', { name: /^tier/ })).toHaveAccessibleDescription(/is the business key/);
    await expect(run).toBeDisabled();
    await page.getByRole('button', { name: 'Use id' }).click();
    await expect(key).toHaveValue('id');
    await tracked.getByRole('checkbox', { name: /^tier/ }).check();
    await expect(tracked.getByRole('checkbox', { checked: true })).toHaveCount(2);
    await expect(run).toBeEnabled();
    await runAndWait(page);
    await expect(page.locator('[data-stat="Snapshot rows"]')).toHaveText('5');
    await expect(page.locator('[data-stat="Delta days"]')).toHaveText('6');
    await expect(page.getByRole('region', { name: 'Changes per day' }).locator('.recharts-bar-rectangle').first()).toBeVisible();

    // key 1's history, typed: versions whose intervals meet, the last one current
    const view = page.getByRole('region', { name: 'A key’s history' });
    await view.getByLabel('Key (id)').fill('1');
    await view.getByRole('button', { name: 'Show history' }).click();
    const table = view.getByRole('table', { name: 'Versions of people 1' });
    await expect(table).toBeVisible();
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows[0][1]).toBe('2024-01-01');
    expect(rows[0][3]).toBe('snapshot');
    for (let i = 0; i + 1 < rows.length; i++) expect(rows[i][2], `version ${i + 1} ends where ${i + 2} begins`).toBe(rows[i + 1][1]);
    expect(rows.at(-1)![2]).toBe('current');
    expect(rows.filter((r) => r[2] === 'current')).toHaveLength(1);
    await expect(view.getByRole('heading', { name: `people 1: ${rows.length} versions` })).toBeVisible();
    // a key that does not exist says so; a picked key of the most-changed list shows its history
    await view.getByLabel('Key (id)').fill('999');
    await view.getByRole('button', { name: 'Show history' }).click();
    await expect(view.getByRole('note')).toHaveText('No key “999” in people.');
    await view.getByRole('list', { name: 'Keys with the most versions' }).getByRole('button').first().click();
    await expect(view.getByRole('table', { name: /^Versions of people \d+$/ })).toBeVisible();

    // the explorer: the snapshot folder and a delta folder with their manifests
    const tree = page.getByRole('tree', { name: 'Landing zone folders and files' });
    await tree.getByRole('treeitem', { name: /^initial\// }).click();
    await tree.getByRole('treeitem', { name: /^people_initial\.parquet/ }).click();
    await expect(page.getByRole('table', { name: 'people_initial.parquet rows' }).getByRole('row')).toHaveCount(6);
    await expect(tree.getByRole('treeitem', { name: /^delta\/dt=2024-01-07\// })).toBeVisible();
    await page.getByRole('slider').focus();
    await page.getByRole('slider').press('Home');
    await expect(tree.getByRole('treeitem', { name: /^delta\/dt=/ })).toHaveCount(0);

    // the download records the choice: the table, the key and the tracked columns, in that order
    const zip = unzipSync(new Uint8Array(await download(page, 'CSV')));
    const config = JSON.parse(text(zip['_spindle/config.json'])) as { config: Record<string, unknown> };
    expect(config.config).toMatchObject({ entities: ['people'], businessKeyColumn: 'id', scd2Columns: ['tier', 'score'] });
    expect(Object.keys(zip).some((p) => p.includes('/stores/'))).toBe(false);
    // only the tracked columns change between a key's versions: name and active stay as they were
    const delta = text(zip[Object.keys(zip).find((p) => p.endsWith('dt=2024-01-02/people_delta.csv'))!]).trimEnd().split('\n');
    const cols = delta[0].split(',');
    const people = new Map(CSV.trimEnd().split('\n').slice(1).map((l) => [l.split(',')[0], l.split(',')]));
    for (const line of delta.slice(1)) {
      const row = line.split(',');
      const was = people.get(row[cols.indexOf('id')]);
      if (was) expect([row[cols.indexOf('name')], row[cols.indexOf('active')].toLowerCase()]).toEqual([was[1], was[4]]);
    }
    expect(errors).toEqual([]);
  });
});
