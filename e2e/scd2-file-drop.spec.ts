import { expect, test } from '@playwright/test';
import { runAndWait, watchErrors } from './helpers';

/** A small dimension: five customers with a tier, a score and a flag (the tracked columns by default). */
const CSV = 'id,name,tier,score,active\n1,Ann,gold,10,true\n2,Bo,silver,20,false\n3,Cy,bronze,30,true\n4,Di,gold,40,true\n5,Ed,silver,50,false\n';

test.describe('SCD2 file drop page', () => {
  test('an uploaded CSV lands as a snapshot and daily deltas; a key’s versions are contiguous, one current', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/data');
    await page.getByLabel('Choose files to upload').setInputFiles([{ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) }]);
    await expect(page.getByRole('table', { name: 'Tables' }).getByRole('button', { name: 'people', exact: true })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'SCD2 file drop', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'SCD2 file drop', level: 1 })).toBeVisible();
    await page.getByLabel('Delta days').fill('6');
    await page.getByLabel('Daily change rate').fill('0.5');
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
    expect(errors).toEqual([]);
  });
});
