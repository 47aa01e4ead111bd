import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { download, watchErrors } from './helpers';

/** Run the CLI (`sim …`) and fail with its stderr. */
function cli(args: string[]): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const csvFile = (name: string, body: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(body) });

test.describe('Data sources page', () => {
  test('generate a domain, upload good and bad files, change a type, download the set', async ({ page }) => {
    const errors = watchErrors(page);
    const dir = mkdtempSync(join(tmpdir(), 'spindle-data-e2e-'));
    // a Parquet file made by the CLI, and the CLI's zip of the same domain to compare bytes with
    cli(['domain', 'iot', '--scale', 'fixture', '--format', 'parquet', '--out', join(dir, 'iot')]);
    cli(['domain', 'retail', '--scale', 'fixture', '--seed', '7', '--format', 'csv', '--zip', join(dir, 'retail.zip')]);

    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data sources' }).click();
    await expect(page.getByRole('heading', { name: 'Data sources', level: 1 })).toBeVisible();
    await expect(page.getByText('No tables yet')).toBeVisible();

    // the row counts show before generating, and follow the scale
    await page.getByRole('radiogroup', { name: 'Domain' }).getByText('Retail', { exact: true }).click();
    await page.getByLabel('Scale').selectOption('fixture');
    const estimate = page.getByRole('table', { name: 'Rows per table' });
    await expect(estimate.getByLabel('order', { exact: true })).toHaveAttribute('placeholder', '250');
    await expect(estimate.getByRole('row', { name: /^order_line 625$/ })).toBeVisible();
    // an anchor table takes an explicit row count; its children follow
    await estimate.getByLabel('order', { exact: true }).fill('500');
    await expect(estimate.getByRole('row', { name: /^order_line 1,250$/ })).toBeVisible();
    await estimate.getByLabel('order', { exact: true }).fill('9000000');
    await expect(page.getByText(/rows of order for 50 customer rows are 180000\.0 per customer; allowed: at most 625/)).toBeVisible();
    await estimate.getByLabel('customer', { exact: true }).fill('1000000');
    await estimate.getByLabel('order', { exact: true }).fill('4000000');
    await expect(page.getByText(/is too many for the page; allowed: at most 5,000,000/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Generate Retail' })).toBeDisabled();
    await estimate.getByLabel('customer', { exact: true }).fill('');
    await estimate.getByLabel('order', { exact: true }).fill('');
    await expect(estimate.getByRole('row', { name: /^order_line 625$/ })).toBeVisible();
    await page.getByLabel('Seed').fill('-1');
    await expect(page.getByText('-1 is out of range')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Generate Retail' })).toBeDisabled();
    await page.getByLabel('Seed').fill('7');
    await page.getByRole('button', { name: 'Generate Retail' }).click();

    // the tables, a preview, the keys and the references between tables
    const tables = page.getByRole('table', { name: 'Tables' });
    await expect(tables.getByRole('button', { name: 'order_line', exact: true })).toBeVisible({ timeout: 30_000 });
    await tables.getByRole('button', { name: 'order', exact: true }).click();
    const preview = page.getByRole('table', { name: 'order preview' });
    await expect(preview.getByRole('row').nth(1)).toBeVisible();
    await expect(page.getByText(/Showing the first|250 rows/).first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'Foreign keys' })).toContainText('order.customer_id → customer.customer_id');
    await expect(page.getByRole('list', { name: 'Foreign keys' })).toContainText('order_line.order_id → order.order_id');
    const orderId = page.getByRole('article', { name: 'Column order_id' });
    await expect(orderId).toContainText('primary key');
    await expect(orderId.getByRole('img', { name: /Distribution of order_id/ })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Column customer_id' })).toContainText('→ customer');

    // the generated set downloads as the same bytes as the CLI's domain command
    const retailZip = await download(page, 'CSV');
    expect(retailZip.equals(readFileSync(join(dir, 'retail.zip')))).toBe(true);

    // a bad file: its name, line and problem; nothing is added
    const picker = page.getByLabel('Choose files to upload');
    await picker.setInputFiles([csvFile('ragged.csv', 'a,b\n1,2\n3\n')]);
    const uploads = page.getByRole('list', { name: 'Uploaded files' });
    await expect(uploads.getByRole('listitem').filter({ hasText: 'ragged.csv' })).toContainText('line 3: this row has 1 field, the header has 2');
    await expect(tables.getByRole('button', { name: 'ragged', exact: true })).toHaveCount(0);

    // a good CSV (with markup as data) and a Parquet file: inferred types
    await picker.setInputFiles([
      csvFile('people.csv', 'id,name,amount,joined,note\n1,Ann,12.5,2024-01-02,<b>bold</b>\n2,Bo,,2024-02-03,"say ""hi"""\n'),
      { name: 'device.parquet', mimeType: 'application/octet-stream', buffer: readFileSync(join(dir, 'iot', 'device.parquet')) },
    ]);
    await expect(uploads).toContainText('Loaded as device');
    await expect(tables.getByRole('button', { name: 'device', exact: true })).toBeVisible();
    await expect(page.getByLabel('Type of install_date')).toHaveValue('date');
    await expect(page.getByLabel('Type of battery_level')).toHaveValue('float');
    await expect(page.getByLabel('Type of device_id')).toHaveValue('int');
    await tables.getByRole('button', { name: 'people', exact: true }).click();
    await expect(page.getByLabel('Type of id')).toHaveValue('int');
    await expect(page.getByLabel('Type of amount')).toHaveValue('float');
    await expect(page.getByLabel('Type of joined')).toHaveValue('date');
    await expect(page.getByLabel('Type of note')).toHaveValue('string');
    // values are text, never markup
    await expect(page.getByRole('table', { name: 'people preview' })).toContainText('<b>bold</b>');
    await expect(page.locator('b', { hasText: 'bold' })).toHaveCount(0);

    // change a type: one that cannot convert says which rows, one that can is applied
    await page.getByLabel('Type of name').selectOption('int');
    await expect(page.getByRole('article', { name: 'Column name' }).getByRole('alert')).toHaveText('people.name: row 1 ("Ann"), row 2 ("Bo") cannot be read as an integer');
    await expect(page.getByLabel('Type of name')).toHaveValue('string');
    await page.getByLabel('Type of id').selectOption('string');
    await expect(page.getByLabel('Type of id')).toHaveValue('string');
    await expect(page.getByRole('table', { name: 'people preview' }).getByRole('columnheader', { name: /^id/ })).toContainText('string');

    // the whole set in JSONL, minus one table left out
    await page.getByLabel('Include promotion in the download').uncheck();
    const zip = unzipSync(new Uint8Array(await download(page, 'JSONL')));
    expect(Object.keys(zip)).toEqual([
      'customer.jsonl',
      'address.jsonl',
      'product_category.jsonl',
      'product.jsonl',
      'store.jsonl',
      'order.jsonl',
      'order_line.jsonl',
      'return.jsonl',
      'people.jsonl',
      'device.jsonl',
      '_spindle/config.json',
      '_spindle/tables.json',
    ]);
    expect(text(zip['people.jsonl']).split('\n')[0]).toBe('{"id":"1","name":"Ann","amount":12.5,"joined":"2024-01-02","note":"<b>bold</b>"}');
    const config = JSON.parse(text(zip['_spindle/config.json']));
    expect(config).toMatchObject({ domain: 'retail', scale: 'fixture', seed: 7, format: 'jsonl', uploads: [{ table: 'people', file: 'people.csv' }, { table: 'device', file: 'device.parquet' }] });
    const meta = JSON.parse(text(zip['_spindle/tables.json']));
    expect(meta.find((t: { name: string }) => t.name === 'order').fks).toContainEqual({ column: 'customer_id', table: 'customer', parentColumn: 'customer_id' });
    expect(meta.find((t: { name: string }) => t.name === 'people').columns[0]).toEqual({ name: 'id', type: 'string', nullable: false });
    await expect(page.getByRole('list', { name: 'Files in the zip' })).toContainText('people.jsonl');
    expect(errors).toEqual([]);
  });

  test('a generation can be cancelled, files can be dropped, and a table removed', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/data');
    await page.getByLabel('Start date').fill('2024-06-01');
    await page.getByLabel('End date').fill('2024-01-31');
    await expect(page.getByText('"2024-01-31" is before the start date 2024-06-01')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Generate Retail' })).toBeDisabled();
    await page.getByLabel('End date').fill('');
    await page.getByLabel('Start date').fill('');
    await page.getByLabel('Scale').selectOption('medium');
    await page.getByRole('button', { name: 'Generate Retail' }).click();
    await expect(page.getByRole('progressbar')).toBeVisible();
    await expect(page.getByText('Generating Retail (medium)…')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('Generation was cancelled; the data set is as it was.')).toBeVisible();
    await expect(page.getByText('No tables yet')).toBeVisible();

    const dropped = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['when,count\n2024-01-01T10:00:00Z,3\n2024-01-01T11:00:00+01:00,\n'], 'dropped.csv', { type: 'text/csv' }));
      return dt;
    });
    await page.locator('.data-dropzone').dispatchEvent('drop', { dataTransfer: dropped });
    const tables = page.getByRole('table', { name: 'Tables' });
    await expect(tables.getByRole('button', { name: 'dropped', exact: true })).toBeVisible();
    const when = page.getByRole('article', { name: 'Column when' });
    await expect(when.getByLabel('Type of when')).toHaveValue('timestamp');
    await expect(when).toContainText('zoned');
    await expect(page.getByRole('article', { name: 'Column count' })).toContainText('1 (50 %)');
    await page.getByRole('button', { name: 'Remove dropped' }).click();
    await expect(page.getByText('No tables yet')).toBeVisible();
    expect(errors).toEqual([]);
  });
});
