import { DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { download, watchErrors } from './helpers';

/** DuckDB's own reading of a query, every value as text. */
async function duck(sql: string): Promise<string[][]> {
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  const rows = (await con.runAndReadAll(sql)).getRows().map((r) => r.map((v) => String(v)));
  con.closeSync();
  return rows;
}

test.describe('Exact inputs on the Data sources page (issue 11)', () => {
  test('a Parquet file with DECIMAL and 64-bit ids keeps every value: preview, column cards and the download', async ({ page }) => {
    const errors = watchErrors(page);
    const dir = mkdtempSync(join(tmpdir(), 'spindle-exact-e2e-'));
    const file = join(dir, 'payments.parquet');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    await con.run(`COPY (SELECT * FROM (VALUES
        (1234567890123456789::BIGINT, 19.99::DECIMAL(10,2), 0.1::DECIMAL(38,10), TIMESTAMP_NS '2024-01-01 10:00:00.123456789', '=SUM(A1)'),
        (1234567890123456788::BIGINT, 5.00::DECIMAL(10,2), 12345678.0000000001::DECIMAL(38,10), TIMESTAMP_NS '2024-01-02 11:30:00', 'plain'),
        (7::BIGINT, 1234.5::DECIMAL(10,2), NULL, NULL, '@me')
      ) t(payment_id, amount, rate, paid_at, memo)) TO '${file}' (FORMAT parquet)`);
    con.closeSync();

    await page.goto('/#/data');
    await expect(page.getByRole('heading', { name: 'Data sources', level: 1 })).toBeVisible();
    await page.getByLabel('Choose files to upload').setInputFiles([{ name: 'payments.parquet', mimeType: 'application/octet-stream', buffer: readFileSync(file) }]);
    await expect(page.getByRole('list', { name: 'Uploaded files' })).toContainText('Loaded as payments');

    // the preview shows the exact digits, never the nearest double
    const preview = page.getByRole('table', { name: 'payments preview' });
    await expect(preview).toContainText('1234567890123456789');
    await expect(preview).toContainText('1234567890123456788');
    await expect(preview).toContainText('5.00');
    await expect(preview).toContainText('12345678.0000000001');
    await expect(preview).toContainText('2024-01-01T10:00:00.123456Z');
    await expect(preview.getByRole('columnheader', { name: /^amount/ })).toContainText('decimal(10,2)');

    // the column cards: exact types, exact figures, and a visible note where digits had to go
    await expect(page.getByLabel('Type of payment_id')).toHaveValue('bigint');
    await expect(page.getByLabel('Type of amount')).toHaveValue('decimal');
    const amount = page.getByRole('article', { name: 'Column amount' });
    await expect(amount).toContainText('decimal(10,2): exact, 2 digits after the point');
    await expect(amount.getByRole('definition').filter({ hasText: /^5\.00$/ })).toHaveCount(1);
    await expect(amount.getByRole('definition').filter({ hasText: /^1,234\.50$/ })).toHaveCount(1);
    const id = page.getByRole('article', { name: 'Column payment_id' });
    await expect(id).toContainText('1,234,567,890,123,456,789');
    await expect(id.getByRole('definition').filter({ hasText: /^3$/ })).toHaveCount(1);
    await expect(page.getByRole('article', { name: 'Column paid_at' }).getByRole('note')).toContainText('had nanoseconds: floored to microseconds');

    // the download: Parquet DECIMAL and BIGINT as DuckDB reads them, the same values
    const zip = unzipSync(new Uint8Array(await download(page, 'Parquet')));
    const back = join(dir, 'back.parquet');
    writeFileSync(back, zip['payments.parquet']);
    const types = Object.fromEntries(await duck(`SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM '${back}')`));
    expect(types).toMatchObject({ payment_id: 'BIGINT', amount: 'DECIMAL(10,2)', rate: 'DECIMAL(38,10)' });
    const sql = (f: string) => `SELECT payment_id::VARCHAR, amount::VARCHAR, rate::VARCHAR, epoch_us(paid_at)::VARCHAR, memo FROM '${f}' ORDER BY payment_id`;
    // epoch_us of the nanosecond source floors to whole µs, as the upload does
    expect(await duck(sql(back))).toEqual(await duck(sql(file)));
    const meta = JSON.parse(new TextDecoder().decode(zip['_spindle/tables.json'])) as { columns: { name: string; type: string; precision?: number; scale?: number; note?: string }[] }[];
    expect(meta[0].columns.find((c) => c.name === 'amount')).toMatchObject({ type: 'decimal', precision: 10, scale: 2 });
    expect(meta[0].columns.find((c) => c.name === 'paid_at')!.note).toMatch(/floored/);

    // CSV: verbatim by default, spreadsheet-safe on request
    const plain = new TextDecoder().decode(unzipSync(new Uint8Array(await download(page, 'CSV')))['payments.csv']);
    expect(plain).toContain('1234567890123456789,19.99,0.1000000000,2024-01-01T10:00:00.123456Z,=SUM(A1)');
    await page.getByRole('switch', { name: 'Spreadsheet-safe CSV' }).check();
    const safe = new TextDecoder().decode(unzipSync(new Uint8Array(await download(page, 'CSV')))['payments.csv']);
    expect(safe).toContain(",'=SUM(A1)");
    expect(safe).toContain(",'@me");
    expect(errors).toEqual([]);
  });
});
