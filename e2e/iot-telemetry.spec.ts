import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { download, runAndWait, seriousViolations, watchErrors } from './helpers';

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
    const devices = detail.getByRole('list', { name: 'Charted devices' }).getByRole('button');
    await devices.nth(1).click();
    await expect(devices.nth(1)).toHaveAttribute('aria-pressed', 'true');
    const name = (await devices.nth(1).locator('.iot-device-name').textContent())!;
    await expect(detail.getByRole('heading', { name, level: 3, exact: true })).toBeVisible();
    await expect(detail.getByRole('region', { name: `Readings of ${name}` }).locator('.recharts-line-curve').first()).toBeVisible();
    await expect(detail.getByRole('region', { name: `Battery of ${name}` })).toBeVisible();
    await expect(detail.getByText(/^Alerts \(\d+/)).toBeVisible();
    await devices.nth(1).press('ArrowDown');
    await expect(devices.nth(2)).toHaveAttribute('aria-pressed', 'true');

    // any device of the fleet, not only the charted ones: found by id in the chooser, read from the held run
    // (an id no charted id contains, so the exact match is the first suggestion)
    const charted = (await devices.locator('.iot-device-name').allTextContents()).map((t) => t.replace('device ', ''));
    expect(charted).toHaveLength(6);
    const other = Array.from({ length: 40 }, (_, d) => String(d + 1)).find((id) => !charted.some((c) => c.includes(id)))!;
    const find = detail.getByRole('combobox', { name: 'Find a device' });
    await find.click();
    const suggestions = page.getByRole('listbox', { name: 'Device suggestions' });
    await expect(suggestions.getByRole('group', { name: 'Charted devices' }).getByRole('option')).toHaveCount(6);
    await expect(suggestions.getByRole('group', { name: 'Charted devices' })).toContainText(/drifting|most gaps|in a storm|battery low/);
    await expect(suggestions.getByRole('group', { name: 'Fleet' }).getByRole('option').first()).toBeVisible();
    // the open chooser is a combobox and listbox axe accepts
    expect(await seriousViolations(page, '.iot-explorer')).toEqual([]);
    await find.fill(other);
    // whether or not the fleet's answer for the new text is in yet, every suggestion names the text
    // (an earlier text's matches are narrowed to it, never offered as they were)
    for (const name of await suggestions.getByRole('option').locator('.iot-device-name').allTextContents()) expect(name).toContain(other);
    await expect(suggestions).toHaveAttribute('aria-busy', 'false');
    const option = suggestions.getByRole('option', { name: new RegExp(`^device ${other}\\b`) });
    await expect(option).toBeVisible();
    await expect(option).toHaveAttribute('id', /-opt-0$/);
    // the keyboard: Up from no suggestion goes to the last, Down from there wraps to the first, Enter opens it
    await find.press('ArrowUp');
    await expect(find).toHaveAttribute('aria-activedescendant', (await suggestions.getByRole('option').last().getAttribute('id'))!);
    await find.press('ArrowDown');
    await expect(find).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
    await find.press('Enter');
    await expect(suggestions).toBeHidden();
    await expect(detail.getByRole('heading', { name: `device ${other}`, level: 3, exact: true })).toBeVisible();
    const readingsOfOther = detail.getByRole('region', { name: `Readings of device ${other}` });
    await expect(readingsOfOther.locator('.recharts-line-curve').first()).toBeVisible();
    await expect(readingsOfOther.locator('.recharts-bar-rectangle').first()).toBeAttached();
    await expect(detail.getByRole('region', { name: `Battery of device ${other}` }).locator('.recharts-line-curve')).toBeVisible();
    await expect(detail.locator('.iot-facts')).toContainText('Readings');
    await expect(detail.getByRole('list', { name: 'Charted devices' }).locator('[aria-pressed="true"]')).toHaveCount(0);
    await readingsOfOther.getByRole('button', { name: 'View as table' }).click();
    await expect(readingsOfOther.getByRole('table')).toContainText('Mean');
    // an id the fleet does not have says so
    await find.fill('999');
    await find.press('Enter');
    await expect(detail.getByRole('note')).toContainText('No device “999” in this run’s fleet');

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

test.describe('IoT telemetry on the IoT domain', () => {
  test('a person generates the IoT domain, maps its tables to the roles, runs on its readings and opens a device of it', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data sources' }).click();
    await page.getByRole('radiogroup', { name: 'Domain' }).getByText('IoT', { exact: true }).click();
    await page.getByLabel('Scale').selectOption('small');
    await page.getByLabel('Seed').fill('5');
    await page.getByRole('button', { name: 'Generate IoT' }).click();
    await expect(page.getByRole('table', { name: 'Tables' }).getByRole('button', { name: 'reading', exact: true })).toBeVisible({ timeout: 60_000 });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'IoT telemetry' }).click();
    const inputs = page.getByRole('region', { name: 'Input tables' });
    await expect(inputs).toContainText('columns are proposed by name and type');
    // each role's table and columns proposed from the domain's own tables
    const proposals: [string, string][] = [
      ['Readings: table', 'reading (proposed)'],
      ['Readings: value column', 'reading_value (proposed)'],
      ['Readings: time column', 'reading_timestamp (proposed)'],
      ['Readings: sensor id column', 'sensor_id (proposed)'],
      ['Readings: device id column', 'none (no matching column)'],
      ['Devices: table', 'device (proposed)'],
      ['Devices: device id column', 'device_id (proposed)'],
      ['Devices: battery level column', 'battery_level (proposed)'],
      ['Devices: status column', 'status (proposed)'],
      ['Sensors: table', 'sensor (proposed)'],
      ['Sensors: sensor id column', 'sensor_id (proposed)'],
      ['Sensors: device id column', 'device_id (proposed)'],
    ];
    for (const [label, text] of proposals) await expect(page.getByLabel(label).locator('option:checked')).toHaveText(text);
    const rowsOf = async (table: string) => {
      const label = (await page.getByLabel('Readings: table').locator('option', { hasText: new RegExp(`^${table} \\([\\d,]+ rows\\)`) }).textContent())!;
      return /\(([\d,]+) rows\)/.exec(label)![1];
    };
    const [readingRows, deviceRows] = [await rowsOf('reading'), await rowsOf('device')];
    expect(readingRows).toBe('25,000');

    // a required mapping taken away is an error before Run, naming role and column, and Run is disabled
    const run = page.getByRole('button', { name: 'Run simulation' });
    await page.getByLabel('Readings: table').selectOption('device');
    await expect(inputs.getByRole('alert').first()).toContainText('Readings table "device" has no value column');
    await expect(run).toBeDisabled();
    await page.getByLabel('Readings: table').selectOption({ label: 'reading (proposed)' });
    await page.getByLabel('Sensors: table').selectOption({ label: 'none (leave out)' });
    await expect(inputs.getByRole('alert').first()).toContainText('has sensor ids but no device ids, and no sensors table maps sensors to devices');
    await expect(run).toBeDisabled();
    await page.getByLabel('Sensors: table').selectOption({ label: 'sensor (proposed)' });
    await expect(inputs.getByRole('alert')).toHaveCount(0);
    await expect(run).toBeEnabled();

    await page.getByLabel('Seed').fill('5');
    await runAndWait(page);
    // the readings are the domain's: every row of its reading table, over its devices
    await expect(page.locator('[data-stat="Readings"]')).toHaveText(readingRows);
    await expect(page.getByText(`from the input tables, ${deviceRows} devices`)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Result tables' })).toContainText('reading_value');

    // a device of the domain: each of its sensors charted on its own
    const detail = page.getByRole('region', { name: 'Device detail' });
    const find = detail.getByRole('combobox', { name: 'Find a device' });
    await find.fill('250');
    await find.press('Enter');
    await expect(detail.getByRole('heading', { name: 'device 250', level: 3, exact: true })).toBeVisible();
    const sensors = detail.getByRole('region', { name: /^Sensor \d+ of device 250$/ });
    await expect(sensors.first()).toBeVisible();
    await expect(sensors.first().locator('.recharts-line-curve').first()).toBeAttached();
    await expect(detail.locator('.iot-facts')).toContainText(/Readings\s*[\d,]+ from \d+ sensors?/);
    expect(errors).toEqual([]);
  });
});

test.describe('IoT telemetry when its run is no longer held', () => {
  test('a device’s detail says the run is gone; the charted devices keep their summary', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/iot-telemetry');
    await page.getByLabel('Fleet size').fill('30');
    await runAndWait(page);
    const detail = page.getByRole('region', { name: 'Device detail' });
    const charted = detail.getByRole('list', { name: 'Charted devices' }).getByRole('button');
    await expect(charted.first()).toHaveAttribute('aria-pressed', 'true');
    const names = (await charted.locator('.iot-device-name').allTextContents()).map((t) => t.replace('device ', ''));
    const other = Array.from({ length: 30 }, (_, d) => String(d + 1)).find((id) => !names.includes(id))!;

    // two runs on another page: the engine keeps the two most recent runs, so this one is let go
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Workflow' }).click();
    await runAndWait(page);
    await page.getByLabel('Seed').fill('2');
    await runAndWait(page);
    await nav.getByRole('link', { name: 'IoT telemetry' }).click();

    const find = detail.getByRole('combobox', { name: 'Find a device' });
    await find.fill(other);
    await find.press('Enter');
    await expect(detail.getByRole('heading', { name: `device ${other}`, level: 3, exact: true })).toBeVisible();
    await expect(detail.getByRole('note')).toContainText('This run is no longer held in memory');
    await expect(detail.getByRole('note')).toContainText('Run the simulation again to open any device');
    // a charted device: the run's summary of it, said so
    await charted.nth(1).click();
    const name = (await charted.nth(1).locator('.iot-device-name').textContent())!;
    await expect(detail.getByRole('note')).toContainText('Below: the run’s summary of this charted device.');
    await expect(detail.getByRole('region', { name: `Readings of ${name}` }).locator('.recharts-line-curve')).toBeVisible();
    await expect(detail.getByRole('region', { name: `Battery of ${name}` })).toBeVisible();
    expect(errors).toEqual([]);
  });
});
