import { expect, test } from '@playwright/test';
import { unzipSync } from 'fflate';
import { cliZip, download, runAndWait, watchErrors } from './helpers';

const CHARTS = ['Requests per service over time', 'Error rate per service over time', 'Latency percentiles per service', 'Status-code mix', 'Log level mix'];

/** The settings the test enters, as the CLI spells them. */
const SETS = {
  serviceCount: 3,
  services: [
    { name: 'api-gateway', port: 8080, tier: 'edge' },
    { name: 'auth-service', port: 8081, tier: 'middleware' },
    { name: 'billing-service', port: 8082, tier: 'core' },
  ],
  durationHours: 12,
  eventsPerHour: 80,
  latencySpikeProbability: 0.2,
  outageProbability: 0.15,
  errorBurstProbability: 0.2,
  errorBurstCount: 5,
  seed: 7,
};

test.describe('Operational logs page', () => {
  test('a person edits the services, runs, reads the dashboards, opens traces, filters the logs, and downloads the CLI’s bytes', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/operational-log');
    await expect(page.getByRole('heading', { name: 'Operational logs', level: 1 })).toBeVisible();

    // serviceCount picks defaults until an explicit list replaces them
    const count = page.getByLabel('Services', { exact: true });
    await count.fill('3');
    await expect(page.getByText('Uses api-gateway, auth-service, order-service.')).toBeVisible();
    await page.getByRole('button', { name: 'Edit the 3 defaults' }).click();
    await page.getByLabel('Service 3 name', { exact: true }).fill('billing-service');
    await expect(count).toBeDisabled();
    await expect(page.getByText(/Not used: the service list below \(3 services\) replaces the defaults/)).toBeVisible();

    await page.getByLabel('Duration', { exact: true }).fill('12');
    await page.getByLabel('Events per hour', { exact: true }).fill('80');
    await page.getByLabel('Spike probability', { exact: true }).fill('0.2');
    await page.getByLabel('Outage probability', { exact: true }).fill('0.15');
    await page.getByLabel('Burst probability', { exact: true }).fill('0.2');
    await page.getByLabel('Errors per burst', { exact: true }).fill('5');
    await page.getByLabel('Seed', { exact: true }).fill('7');
    await runAndWait(page);

    await expect(page.locator('[data-stat="Log lines"]')).toHaveText(/^\d{1,3}(,\d{3})*$/);
    for (const title of CHARTS) await expect(page.getByRole('region', { name: title })).toBeVisible();
    const requests = page.getByRole('region', { name: 'Requests per service over time' });
    await expect(requests.locator('.recharts-area').first()).toBeVisible();
    await expect(requests.locator('.recharts-reference-area').first()).toBeAttached();
    await expect(requests.getByRole('group', { name: 'Services shown' })).toContainText('billing-service');
    await expect(requests.getByLabel('Shaded windows', { exact: true })).toContainText(/Latency spike \(\d+\)/);
    // a legend entry hides its service
    await requests.getByRole('button', { name: 'billing-service' }).click();
    await expect(requests.getByRole('button', { name: 'billing-service' })).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('region', { name: 'Error rate per service over time' }).locator('.recharts-line').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Latency percentiles per service' }).locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Status-code mix' })).toContainText('5xx server error');
    await expect(page.getByRole('region', { name: 'Log level mix' }).locator('.recharts-bar-rectangle')).toHaveCount(3);

    // the trace waterfall: the slowest trace is open; pick one with errors
    const traces = page.getByRole('region', { name: 'Trace explorer' });
    await expect(traces.getByRole('list', { name: 'Spans' }).getByRole('button').first()).toBeVisible();
    await traces.getByRole('tab', { name: 'With errors' }).click();
    await traces.getByRole('list', { name: 'Traces' }).getByRole('button').first().click();
    await expect(traces.getByRole('list', { name: 'Spans' }).getByRole('button', { name: /ERROR$/ }).first()).toBeVisible();
    await traces.getByRole('list', { name: 'Spans' }).getByRole('button').last().click();
    await expect(traces.getByLabel('Selected span', { exact: true })).toContainText(/Parent/);

    // the log view, filtered by service and level; a line opens its trace
    const logs = page.getByRole('region', { name: 'Log view' });
    const service = logs.getByLabel('Service', { exact: true });
    await service.selectOption((await service.locator('option', { hasText: 'billing-service' }).getAttribute('value'))!);
    await logs.getByLabel('Level', { exact: true }).selectOption({ index: 3 });
    const lines = logs.getByRole('list', { name: 'Log lines' }).getByRole('listitem');
    await expect(lines.first()).toBeVisible();
    for (const line of (await lines.all()).slice(0, 5)) await expect(line).toContainText(/ERROR.*billing-service.*5\d\d/);
    await logs.getByLabel('With a trace to open', { exact: true }).check();
    await lines.first().getByRole('button', { name: /Open the trace/ }).click();
    await expect(traces.getByRole('list', { name: 'Traces' })).toContainText('from log');
    await expect(traces.getByRole('list', { name: 'Spans' }).getByRole('button').first()).toContainText('billing-service');
    await expect(traces.getByRole('list', { name: 'Spans' }).getByRole('button').first()).toHaveAccessibleName(/ERROR$/);

    // previews of every table
    await expect(page.getByRole('table', { name: 'logs preview' }).getByRole('row').nth(1)).toContainText('2024-01-01T00:');
    await page.getByRole('tab', { name: /^traces/ }).click();
    await expect(page.getByRole('table', { name: 'traces preview' }).getByRole('row').nth(1)).toContainText(/[0-9a-f]{32}/);
    await page.getByRole('tab', { name: /service_health/ }).click();
    await expect(page.getByRole('table', { name: 'service_health preview' })).toContainText('billing-service');
    await page.getByRole('tab', { name: /answer_key/ }).click();
    await expect(page.getByRole('table', { name: 'answer_key preview' })).toContainText(/latency_spike|outage|error_burst/);

    const csv = await download(page, 'CSV');
    await expect(page.getByRole('list', { name: 'Files in the zip' })).toContainText('otlp/logs.json');
    const entries = unzipSync(new Uint8Array(csv));
    expect(Object.keys(entries)).toEqual([
      'logs.csv',
      'traces.csv',
      'service_health.csv',
      'otlp/logs.json',
      'otlp/traces.json',
      '_spindle/config.json',
      '_spindle/stats.json',
      '_spindle/answer_key.csv',
    ]);
    const text = (path: string) => new TextDecoder().decode(entries[path]);
    expect(text('logs.csv').split('\n')[0]).toBe(
      'log_id,timestamp,service,tier,level,method,endpoint,status_code,latency_ms,message,trace_id,span_id,is_spike,is_outage,is_error_burst',
    );
    const otlp = JSON.parse(text('otlp/logs.json')) as { resourceLogs: { resource: { attributes: { key: string; value: { stringValue?: string } }[] } }[] };
    expect(otlp.resourceLogs.map((r) => r.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue)).toEqual(['api-gateway', 'auth-service', 'billing-service']);
    expect(JSON.parse(text('_spindle/config.json'))).toMatchObject({ simulator: 'operational-log', seed: 7, format: 'csv', config: { eventsPerHour: 80, services: SETS.services } });

    // Chromium and Node give the same bytes
    expect(csv.equals(cliZip('operational-log', SETS, 'csv'))).toBe(true);
    const parquet = await download(page, 'Parquet');
    expect(parquet.equals(cliZip('operational-log', SETS, 'parquet'))).toBe(true);
    expect(errors).toEqual([]);
  });

  test('an invalid field shows its error beside it and disables Run', async ({ page }) => {
    await page.goto('/#/operational-log');
    const run = page.getByRole('button', { name: 'Run simulation' });
    const rate = page.getByLabel('Events per hour', { exact: true });
    await rate.fill('-1');
    await expect(page.getByText('-1 is out of range; allowed: a number from 0 to 10,000,000')).toBeVisible();
    await expect(rate).toHaveAttribute('aria-invalid', 'true');
    await expect(run).toBeDisabled();
    await rate.fill('100');
    await expect(run).toBeEnabled();

    // a service list row names its problem
    await page.getByRole('button', { name: '+ Add service' }).click();
    await page.getByRole('button', { name: '+ Add service' }).click();
    await page.getByLabel('Service 2 name', { exact: true }).fill('service-1');
    await expect(page.getByText('Service 2, name: "service-1" is a duplicate of services.0.name; allowed: unique service names')).toBeVisible();
    await expect(run).toBeDisabled();
    await page.getByLabel('Service 2 port', { exact: true }).fill('80a');
    await expect(page.getByText('Service 2, port: "80a" is not an integer; allowed: an integer from 1 to 65,535')).toBeVisible();
    await expect(page.getByLabel('Service 2 port', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await page.getByRole('button', { name: 'Clear (use defaults)' }).click();
    await expect(run).toBeEnabled();
  });
});
