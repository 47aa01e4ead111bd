import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { cliZip, download, runAndWait, watchErrors } from './helpers';

const CHARTS = ['Sessions per hour', 'Conversion funnel', 'Pages per session', 'Time on page', 'Device mix', 'Referrer mix'];

test.describe('Clickstream page', () => {
  test('a person runs a clickstream, reads the charts, opens sessions, and downloads the same bytes as the CLI', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/clickstream');
    await expect(page.getByRole('heading', { name: 'Clickstream', level: 1 })).toBeVisible();
    await page.getByLabel('Users', { exact: true }).fill('400');
    await page.getByLabel('Seed').fill('7');
    await runAndWait(page);

    await expect(page.locator('[data-stat="Unique users"]')).toHaveText('400');
    await expect(page.locator('[data-stat="Bounce rate"]')).toHaveText(/^\d+(\.\d)? %$/);
    await expect(page.locator('[data-stat="Conversion rate"]')).toHaveText(/^\d+(\.\d)? %$/);
    for (const title of CHARTS) await expect(page.getByRole('region', { name: title })).toBeVisible();
    const sessions = page.getByRole('region', { name: 'Sessions per hour' });
    await expect(sessions.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(sessions.locator('.recharts-legend-item-text')).toHaveText(['Humans', 'Bots (crawlers)']);
    await sessions.getByText('By hour of day').click();
    await expect(sessions.getByText('12:00', { exact: true })).toBeVisible();
    const funnel = page.getByRole('list', { name: 'Funnel stages', exact: true });
    await expect(funnel.getByRole('listitem')).toHaveCount(5);
    await expect(funnel).toContainText('dropped off');
    for (const title of ['Pages per session', 'Time on page', 'Referrer mix']) {
      await expect(page.getByRole('region', { name: title }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    }
    await expect(page.getByRole('list', { name: 'Device types' })).toContainText('bot');

    // the session explorer: a converting session shows its page views and the stages they reached
    const explorer = page.getByRole('region', { name: 'Session explorer' });
    const list = explorer.getByRole('list', { name: 'Sampled sessions' });
    await explorer.getByRole('radiogroup', { name: 'Session kind' }).getByText('Converted').click();
    await list.getByRole('button').nth(1).click();
    const views = explorer.getByRole('table', { name: 'Page views of the session' });
    expect(await views.getByRole('row').count()).toBeGreaterThan(5);
    await expect(views).toContainText('confirmation');
    await expect(explorer.getByRole('list', { name: 'Funnel stages reached' }).getByRole('listitem')).toHaveCount(5);
    // a bounce has one page view; a bot crawls 50
    await explorer.getByRole('radiogroup', { name: 'Session kind' }).getByText('Bounced').click();
    await list.getByRole('button').first().click();
    await expect(views.getByRole('row')).toHaveCount(2);
    await explorer.getByRole('radiogroup', { name: 'Session kind' }).getByText('All').click();
    await explorer.getByLabel('Search sessions').fill('bot_');
    await list.getByRole('button').first().click();
    await expect(explorer.getByRole('region', { name: /Session of bot_/ })).toContainText(/Googlebot|Bingbot|Amazonbot|GPTBot|AhrefsBot/);
    await expect(views.getByRole('row')).toHaveCount(51);

    // the tables
    await expect(page.getByRole('table', { name: 'sessions preview' }).getByRole('row').nth(1)).toContainText(/user_|bot_/);
    await page.getByRole('tab', { name: /page_views/ }).click();
    await expect(page.getByRole('table', { name: 'page_views preview' }).getByRole('row').nth(1)).toContainText('/');
    await page.getByRole('tab', { name: /funnels/ }).click();
    await expect(page.getByRole('table', { name: 'funnels preview' }).getByRole('row').nth(1)).toContainText('landing');
    await page.getByRole('tab', { name: /answer_key/ }).click();
    await expect(page.getByRole('table', { name: 'answer_key preview' })).toContainText(/bot_session|funnel_drop_off/);

    const csv = await download(page, 'CSV');
    await expect(page.getByRole('list', { name: 'Files in the zip' })).toContainText('page_views.csv');
    const entries = unzipSync(new Uint8Array(csv));
    expect(Object.keys(entries)).toEqual(['sessions.csv', 'page_views.csv', 'funnels.csv', '_spindle/config.json', '_spindle/stats.json', '_spindle/answer_key.csv']);
    const config = JSON.parse(new TextDecoder().decode(entries['_spindle/config.json']));
    expect(config).toMatchObject({ simulator: 'clickstream', seed: 7, format: 'csv', config: { users: 400 } });
    expect(new TextDecoder().decode(entries['page_views.csv']).split('\n')[0]).toBe('view_id,session_id,user_id,page_url,timestamp,time_on_page_seconds,referrer_url');

    // Chromium and Node give identical bytes
    const sets = { users: 400, seed: 7 };
    expect(csv.equals(cliZip('clickstream', sets, 'csv'))).toBe(true);
    const parquet = await download(page, 'Parquet');
    expect(parquet.equals(cliZip('clickstream', sets, 'parquet'))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('invalid fields show their errors beside them and disable Run', async ({ page }) => {
    await page.goto('/#/clickstream');
    const run = page.getByRole('button', { name: 'Run simulation' });
    const pool = page.getByLabel('Page pool', { exact: true });
    await pool.fill('');
    await expect(page.getByText('0 items', { exact: true })).toBeVisible();
    await expect(pool).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert').filter({ hasText: '[] is empty; allowed: a list of 1 to 1,000 items' })).toBeVisible();
    await expect(run).toBeDisabled();
    // a blank line inside the list is named by its line; a trailing one is just a new line being typed
    await pool.fill('/\n\n/cart');
    await expect(page.getByText(/^Line 2: "" is empty/)).toBeVisible();
    await expect(run).toBeDisabled();
    await pool.fill('/\n/cart\n');
    await expect(pool).not.toHaveAttribute('aria-invalid', 'true');
    await expect(run).toBeEnabled();

    const bounce = page.getByLabel('Bounce rate');
    await bounce.fill('2');
    await expect(page.getByText('2 is out of range; allowed: a number from 0 to 1')).toBeVisible();
    await expect(bounce).toHaveAttribute('aria-invalid', 'true');
    await expect(run).toBeDisabled();
    await bounce.fill('0.5');
    await expect(run).toBeEnabled();
  });
});
