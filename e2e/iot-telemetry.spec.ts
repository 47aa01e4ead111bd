import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { download, runAndWait, watchErrors } from './helpers';

const CHARTS = ['Readings of chosen devices', 'Alerts per hour', 'Fleet status', 'Battery distribution', 'Alerts by type'];

test.describe('IoT telemetry page', () => {
  test('a person generates a fleet, reads each chart, opens a device and downloads the tree', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/iot-telemetry');
    await expect(page.getByRole('heading', { name: 'IoT telemetry', level: 1 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Input tables' }).getByRole('note')).toContainText('generates');

    await page.getByLabel('Fleet size').fill('40');
    await page.getByLabel('Storm probability').fill('0.2');
    await page.getByLabel('Drain rate').fill('4');
    await page.getByLabel('Seed').fill('3');
    await runAndWait(page);

    await expect(page.locator('[data-stat="Readings"]')).toContainText(/\d/);
    for (const title of CHARTS) await expect(page.getByRole('region', { name: title })).toBeVisible();

    // readings: lines per device and missing readings as bars; drift on its own view
    const readings = page.getByRole('region', { name: 'Readings of chosen devices' });
    await expect(readings.locator('.recharts-line-curve').first()).toBeVisible();
    await expect(readings.locator('.recharts-bar-rectangle').first()).toBeAttached();
    const toggles = readings.getByRole('group', { name: 'Devices shown' }).getByRole('checkbox');
    expect(await toggles.count()).toBeGreaterThan(3);
    const before = await readings.locator('.recharts-line-curve').count();
    await toggles.nth(3).check();
    await expect(readings.locator('.recharts-line-curve')).toHaveCount(before + 1);
    await expect(readings.getByRole('group', { name: 'Devices shown' })).toContainText('drifting');
    await readings.getByText('Drift offset', { exact: true }).click();
    await expect(readings.locator('.recharts-line-curve').first()).toBeVisible();

    // alerts per hour: storms shaded
    const alerts = page.getByRole('region', { name: 'Alerts per hour' });
    await expect(alerts.locator('.recharts-area-area').first()).toBeVisible();
    await expect(alerts.locator('.recharts-reference-area-rect').first()).toBeAttached();
    await expect(page.getByRole('region', { name: 'Fleet status' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Battery distribution' }).locator('.recharts-bar-rectangle').first()).toBeVisible();

    // a device's detail: its readings, battery and alerts
    const detail = page.getByRole('region', { name: 'Device detail' });
    const devices = detail.getByRole('list', { name: 'Devices' }).getByRole('button');
    await devices.nth(1).click();
    await expect(devices.nth(1)).toHaveAttribute('aria-pressed', 'true');
    const name = (await devices.nth(1).locator('.iot-device-name').textContent())!;
    await expect(detail.getByRole('heading', { name, level: 3, exact: true })).toBeVisible();
    await expect(detail.getByRole('region', { name: `Readings of ${name}` }).locator('.recharts-line-curve')).toBeVisible();
    await expect(detail.getByRole('region', { name: `Battery of ${name}` })).toBeVisible();
    await expect(detail.getByText(/^Alerts \(\d+/)).toBeVisible();
    await devices.nth(1).press('ArrowDown');
    await expect(devices.nth(2)).toHaveAttribute('aria-pressed', 'true');

    const zip = await download(page, 'JSONL');
    const entries = unzipSync(new Uint8Array(zip));
    expect(Object.keys(entries)).toEqual(['readings.jsonl', 'alerts.jsonl', 'fleet_status.jsonl', '_spindle/config.json', '_spindle/stats.json', '_spindle/answer_key.jsonl']);
    const config = JSON.parse(new TextDecoder().decode(entries['_spindle/config.json']));
    expect(config).toMatchObject({ simulator: 'iot-telemetry', seed: 3, config: { fleetSize: 40, alertStormProbability: 0.2 } });
    const fleet = new TextDecoder().decode(entries['fleet_status.jsonl']).trim().split('\n');
    expect(fleet).toHaveLength(40);
    expect(errors).toEqual([]);
  });
});
