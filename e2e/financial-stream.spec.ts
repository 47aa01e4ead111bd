import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { download, runAndWait, watchErrors } from './helpers';

const CHARTS = ['Transaction volume over time', 'Fraud bursts', 'Reversals by reason', 'Reversals by delay', 'Settlement batches by status', 'Top compromised accounts'];

function linkConfig(url: string): Record<string, unknown> {
  const param = new URL(url.replace('#/', '')).searchParams.get('config') ?? '';
  return JSON.parse(Buffer.from(param.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
}

test.describe('Financial stream page', () => {
  test('a person maps the inputs, runs on the financial domain, reads each chart and downloads the tree', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/financial-stream');
    await expect(page.getByRole('heading', { name: 'Financial stream', level: 1 })).toBeVisible();

    // the empty data set runs on the financial domain; every role column is proposed by name and type
    const inputs = page.getByRole('region', { name: 'Input tables' });
    await expect(inputs.getByRole('note')).toContainText('financial domain at scale small');
    await expect(page.getByLabel('Transactions: table')).toHaveValue(/auto/);
    await expect(page.getByLabel('Transactions: table').locator('option:checked')).toHaveText('transaction (proposed)');
    await expect(page.getByLabel('Transactions: amount column').locator('option:checked')).toHaveText('amount (proposed)');
    await expect(page.getByLabel('Transactions: time column').locator('option:checked')).toHaveText('transaction_date (proposed)');
    await expect(page.getByLabel('Accounts: account id column').locator('option:checked')).toHaveText('account_id (proposed)');

    // a required column mapped to a column of the wrong table is an error before Run, naming role and column
    const run = page.getByRole('button', { name: 'Run simulation' });
    await page.getByLabel('Accounts: table').selectOption('transaction_category');
    await expect(inputs.getByRole('alert').first()).toContainText(/Accounts table "transaction_category" has no account id column/);
    await expect(run).toBeDisabled();
    await page.getByLabel('Accounts: table').selectOption({ label: 'account (proposed)' });
    await expect(run).toBeEnabled();

    // change a role's column: the share link carries it
    await page.getByLabel('Transactions: status column').selectOption('transaction_type');
    await expect.poll(() => linkConfig(page.url())).toMatchObject({ inputs: { transactions: { columns: { status: 'transaction_type' } } } });
    // and back: only Completed transactions are eligible for reversal, and the domain's status column says which
    await page.getByLabel('Transactions: status column').selectOption({ label: 'status (proposed)' });
    await page.getByLabel('Transactions: time column').selectOption('transaction_date');
    await expect.poll(() => linkConfig(page.url())).toMatchObject({ inputs: { transactions: { columns: { time: 'transaction_date' } } } });

    await page.getByLabel('Burst probability').fill('0.3');
    await page.getByLabel('Seed').fill('7');
    await runAndWait(page);

    await expect(page.locator('[data-stat="Transactions"]')).toHaveText('10,000');
    for (const title of CHARTS) await expect(page.getByRole('region', { name: title })).toBeVisible();
    const volume = page.getByRole('region', { name: 'Transaction volume over time' });
    await expect(volume.locator('.recharts-area-area').first()).toBeVisible();
    await expect(volume.locator('.recharts-reference-area-rect').first()).toBeAttached();
    expect((await volume.locator('.recharts-legend-item-text').allTextContents()).sort()).toEqual(['Fraud', 'Reversals', 'Transactions']);
    await volume.getByText('Amount', { exact: true }).click();
    await expect(volume.getByText(/Net amount \(reversals negative/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Fraud bursts' })).toContainText('fraud-burst-0001');
    for (const title of ['Reversals by reason', 'Reversals by delay', 'Settlement batches by status', 'Top compromised accounts']) {
      await expect(page.getByRole('region', { name: title }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    }
    const reasons = page.getByRole('region', { name: 'Reversals by reason' });
    await reasons.getByRole('button', { name: 'View as table' }).click();
    await expect(reasons.getByRole('table')).toContainText('customer dispute');

    const zip = await download(page, 'CSV');
    const entries = unzipSync(new Uint8Array(zip));
    expect(Object.keys(entries)).toEqual(['transactions.csv', 'reversals.csv', 'fraud_events.csv', 'settlements.csv', '_spindle/config.json', '_spindle/stats.json', '_spindle/answer_key.csv']);
    const config = JSON.parse(new TextDecoder().decode(entries['_spindle/config.json']));
    expect(config).toMatchObject({
      simulator: 'financial-stream',
      seed: 7,
      config: { fraudBurstProbability: 0.3, inputs: { transactions: { table: 'transaction', columns: { time: 'transaction_date', amount: 'amount', status: 'status' } }, accounts: { table: 'account' } } },
    });
    expect(new TextDecoder().decode(entries['fraud_events.csv']).split('\n')[0]).toBe('fraud_tx_id,account_id,amount,merchant_category,transaction_time,is_fraud');
    expect(errors).toEqual([]);
  });
});
