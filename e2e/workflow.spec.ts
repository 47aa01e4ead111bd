import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { cliZip, download, runAndWait, watchErrors } from './helpers';

test.describe('Workflow page', () => {
  test('a person changes settings, runs, reads the charts and tables, and downloads the same bytes as the CLI', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Simulate how data arrives' })).toBeVisible();
    // the overview: every simulator once, in a section per kind, in the navigation's order
    const sections = page.getByRole('region');
    await expect(sections).toHaveCount(3);
    const cards = await page.locator('.home-card h3').evaluateAll((hs) => hs.map((h) => h.lastChild!.textContent!.trim()));
    const nav = await page.locator('#main-nav .nav-link').allTextContents();
    expect(cards).toEqual(nav);
    expect(new Set(cards).size).toBe(cards.length);
    await expect(sections.first().getByRole('link')).toHaveText([/File drop/, /SCD2 file drop/]);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workflow' }).click();
    await expect(page.getByRole('heading', { name: 'Workflow', level: 1 })).toBeVisible();
    await expect(page.getByText('No run yet')).toBeVisible();

    await page.getByLabel('Preset').selectOption('support_ticket');
    await expect(page.getByRole('table', { name: 'States' }).getByRole('textbox').first()).toHaveValue('opened');
    await page.getByLabel('Entities', { exact: true }).fill('2500');
    await page.getByLabel('Seed').fill('17');
    await runAndWait(page);

    await expect(page.locator('[data-stat="Entities"]')).toHaveText('2,500');
    for (const title of ['Final state of each entity', 'Injected anomalies by type', 'Process flow', 'Transitions between states', 'Dwell time per transition', 'Time to complete']) {
      await expect(page.getByRole('region', { name: title })).toBeVisible();
    }
    await expect(page.getByRole('region', { name: 'Final state of each entity' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Transitions between states' }).getByRole('cell').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Process flow' }).locator('.recharts-sankey-link').first()).toBeVisible();

    const grid = page.getByRole('table', { name: 'events preview' });
    await expect(grid.getByRole('row').nth(1)).toContainText('entity_000000');
    // tabs follow the keyboard (arrow keys), then the mouse
    await page.getByRole('tab', { name: /^events/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: /entity_summary/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: /entity_summary/ })).toBeFocused();
    await page.getByRole('tab', { name: /^events/ }).click();
    await page.getByRole('tab', { name: /entity_summary/ }).click();
    await expect(page.getByRole('table', { name: 'entity_summary preview' }).getByRole('row').nth(1)).toContainText('opened');
    await page.getByRole('tab', { name: /answer_key/ }).click();
    await expect(page.getByRole('table', { name: 'answer_key preview' })).toContainText(/skip|stuck|backward/);

    const csv = await download(page, 'CSV');
    await expect(page.getByRole('list', { name: 'Files in the zip' })).toContainText('events.csv');
    const entries = unzipSync(new Uint8Array(csv));
    expect(Object.keys(entries)).toEqual(['events.csv', 'entity_summary.csv', '_spindle/config.json', '_spindle/stats.json', '_spindle/answer_key.csv']);
    const config = JSON.parse(new TextDecoder().decode(entries['_spindle/config.json']));
    expect(config).toMatchObject({ simulator: 'workflow', seed: 17, format: 'csv', config: { preset: 'support_ticket', entityCount: 2500 } });
    expect(new TextDecoder().decode(entries['events.csv']).split('\n')[0]).toBe('event_id,entity_id,from_state,to_state,transitioned_at,dwell_hours,is_anomaly,anomaly_type,sequence');

    // Chromium and Node give identical bytes (Parquet through wasm in the worker, and CSV)
    const sets = { preset: 'support_ticket', entityCount: 2500, seed: 17 };
    expect(csv.equals(cliZip('workflow', sets, 'csv'))).toBe(true);
    const parquet = await download(page, 'Parquet');
    expect(parquet.equals(cliZip('workflow', sets, 'parquet'))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('an invalid field shows its error beside it and disables Run', async ({ page }) => {
    await page.goto('/#/workflow');
    const entities = page.getByLabel('Entities', { exact: true });
    await entities.fill('-5');
    await expect(page.getByText('-5 is out of range; allowed: an integer from 0 to 5,000,000')).toBeVisible();
    await expect(entities).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('button', { name: 'Run simulation' })).toBeDisabled();
    await entities.fill('100');
    await page.getByLabel('Skip probability').fill('0.9');
    await page.getByLabel('Stuck probability').fill('0.5');
    await expect(page.getByText('skip + stuck + backward = 1.41 is above 1')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run simulation' })).toBeDisabled();
    await page.getByLabel('Skip probability').fill('0.02');
    await expect(page.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
    // a transition to an unknown state is named in its row
    await page.getByRole('table', { name: 'States' }).getByRole('textbox').nth(1).fill('approved');
    await expect(page.getByText('Row 3, From: "confirmed" is not a defined state; allowed: one of created, approved, shipped, delivered, cancelled, returned')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run simulation' })).toBeDisabled();
  });

  test('the page link restores the settings, and JSON export round-trips', async ({ page, context }) => {
    await page.goto('/#/workflow');
    await page.getByLabel('Preset').selectOption('employee_onboarding');
    await page.getByLabel('Entities', { exact: true }).fill('321');
    await expect(page).toHaveURL(/config=/);
    const link = page.url();
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByLabel('Entities', { exact: true })).toHaveValue('321');
    await expect(other.getByLabel('Preset')).toHaveValue('employee_onboarding');
    await expect(other.getByRole('table', { name: 'States' }).getByRole('textbox').first()).toHaveValue('applied');

    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const path = await dl.path();
    await other.getByLabel('Entities', { exact: true }).fill('5');
    await other.getByLabel('Import config JSON').setInputFiles(path!);
    await expect(other.getByLabel('Entities', { exact: true })).toHaveValue('321');
  });

  test('a million entities run in the worker while the page stays responsive, and a run can be cancelled', async ({ page }) => {
    await page.goto('/#/workflow');
    await page.getByLabel('Entities', { exact: true }).fill('1000000');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await expect(page.getByRole('button', { name: 'Cancel' })).toBeVisible();
    // progress is drawn only when it moves: nothing animates between updates (a spinner and
    // sliding bars kept the compositor drawing every frame of a run, a core-second in four on two cores)
    await expect(page.getByRole('heading', { name: 'Simulating…' })).toBeVisible();
    await expect.poll(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length), { timeout: 2000 }).toBe(0);
    // the main thread answers while the worker simulates: the theme switches at once
    const html = page.locator('html');
    const before = await html.getAttribute('data-theme');
    await page.getByRole('button', { name: /Switch to the/ }).click();
    await expect(html).not.toHaveAttribute('data-theme', before ?? '', { timeout: 1000 });
    await expect(page.locator('[data-stat="Entities"]')).toHaveText('1,000,000', { timeout: 60_000 });
    await expect(page.getByText(/Showing the first 5,000 of/)).toBeVisible();

    await page.getByLabel('Entities', { exact: true }).fill('5000000');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await expect(page.getByRole('progressbar')).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByText('The run was cancelled; nothing was kept from it.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Run simulation' })).toBeEnabled();
  });
});
