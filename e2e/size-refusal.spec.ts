import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { watchErrors } from './helpers';

// A config the schema's fields accept but this engine cannot hold is refused up front, with its
// estimate, in the page's form exactly as in the CLI (src/core/estimate.ts).
test('operational logs at 83,000 events/h with OTLP on: the form refuses it with the estimate, OTLP off runs', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/#/operational-log');
  const run = page.getByRole('button', { name: 'Run simulation' });
  await page.getByLabel('Events per hour', { exact: true }).fill('83000');
  const refusal = page.getByText(/about 19,\d{3},\d{3} rows \(≈ [\d.]+ GB in memory, ≈ [\d.]+ GB as Parquet\) is too large for this engine: otlp\/logs\.json would be built as one/);
  await expect(refusal).toBeVisible();
  await expect(run).toBeDisabled();
  await page.getByLabel('OTLP/JSON export', { exact: true }).uncheck();
  await expect(refusal).toHaveCount(0);
  await expect(run).toBeEnabled();

  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'operational-log', '--set', 'eventsPerHour=83000', '--stats'], { encoding: 'utf8' });
  expect(cli.status).toBe(2);
  expect(cli.stderr).toMatch(/^error: eventsPerHour: about 19,\d{3},\d{3} rows .* is too large for this engine: otlp\/logs\.json would be built as one/);
  expect(errors).toEqual([]);
});
