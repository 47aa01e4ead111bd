import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { decodeConfig } from '../src/app/share';
import { startReceiver, type Receiver } from '../test/receiver';
import { cliZip, download, runAndWait, watchErrors } from './helpers';

/** The player's live counts, as the page renders them. */
async function delivered(page: Page): Promise<number> {
  return Number(await page.getByRole('region', { name: 'Player' }).getAttribute('data-delivered'));
}

/** The drawn outline of the events-per-second chart (changes as the playhead moves). */
async function rateOutline(page: Page): Promise<string> {
  const paths = page.getByRole('region', { name: 'Events per second' }).locator('.recharts-area-area');
  return (await paths.evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? '').join('|'))) ?? '';
}

let receiver: Receiver | undefined;
test.afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

test.describe('Stream emitter page', () => {
  test('plays a stream in real time: the rate chart and the console move; pause holds it, resume goes on, stop ends it', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/stream-emit');
    await expect(page.getByRole('heading', { name: 'Stream emitter', level: 1 })).toBeVisible();
    // an empty data set runs on the default domain, and the page says so
    await expect(page.getByRole('region', { name: 'Input tables' })).toContainText('The data set is empty, so this runs on the retail domain at scale fixture');
    // ×5: the fixture's stream lasts about 90 s of wall time, so it cannot end before the pause
    // below, nor before Stop, however slow a loaded machine makes the checks between them
    await page.getByLabel('Speed').first().selectOption('5');
    await page.getByRole('button', { name: 'Play in real time' }).click();

    const player = page.getByRole('region', { name: 'Player' });
    await expect(player.getByRole('status')).toContainText('Playing · ×5 real time');
    await expect.poll(() => delivered(page)).toBeGreaterThan(20);
    const consoleRegion = page.getByRole('region', { name: 'Console' });
    const consoleRows = consoleRegion.getByRole('list', { name: 'Events' }).getByRole('listitem');
    await expect(consoleRows.first()).toBeVisible();

    // pause: the stream holds still
    await player.getByRole('button', { name: 'Pause' }).click();
    await expect(player.getByRole('status')).toContainText('Paused');
    await page.waitForTimeout(400);
    const held = await delivered(page);
    expect(held).toBeLessThan(1467);
    await page.waitForTimeout(1200);
    expect(await delivered(page)).toBe(held);

    // the console, read while the stream is paused: filter by topic, open an envelope
    // a topic that has events by now (the fixture's early events are not all of every topic)
    const topic = (await consoleRows.first().locator('.stream-console-topic-name').innerText()).trim();
    await consoleRegion.getByLabel('Topic').selectOption(topic);
    // every row the (virtualised) log shows is of that topic, once the filtered list has rendered
    // (a snapshot of the rows taken mid-render named rows that were then gone)
    const topicsShown = async () => (await consoleRows.locator('.stream-console-topic-name').allInnerTexts()).map((t) => t.trim());
    await expect.poll(async () => {
      const shown = await topicsShown();
      return shown.length > 0 && shown.every((t) => t === topic);
    }).toBe(true);
    await consoleRegion.getByRole('button', { name: 'Pause log' }).click();
    await consoleRows.first().getByRole('button').click();
    const envelope = consoleRegion.getByRole('region', { name: 'Envelope' });
    await expect(envelope).toContainText(`"topic": "${topic}"`);
    await expect(envelope).toContainText('"correlation_id"');
    await expect(envelope).toContainText('"emitted_at"');
    expect(await delivered(page)).toBe(held);
    await consoleRegion.getByRole('button', { name: 'Resume log' }).click();
    await consoleRegion.getByLabel('Topic').selectOption('All topics');

    // resume: delivery goes on, and the rate chart and the console move with it
    const before = { outline: await rateOutline(page) };
    const lastLine = async () => (await consoleRows.last().innerText()).trim();
    const firstSeen = await lastLine();
    await player.getByRole('button', { name: 'Resume' }).click();
    await expect(player.getByRole('status')).toContainText('Playing');
    await expect.poll(() => delivered(page)).toBeGreaterThan(held + 25);
    await expect.poll(() => rateOutline(page)).not.toBe(before.outline);
    await expect.poll(lastLine).not.toBe(firstSeen);

    // stop: it ends there
    await player.getByRole('button', { name: 'Stop' }).click();
    await expect(player.getByRole('status')).toContainText('Stopped');
    const stopped = await delivered(page);
    expect(stopped).toBeLessThan(1467);
    await page.waitForTimeout(500);
    expect(await delivered(page)).toBe(stopped);
    expect(errors).toEqual([]);
  });

  test('sends to a local HTTP endpoint with a header kept out of the link, the export and the download; the delivery log lists every event', async ({ page }) => {
    receiver = await startReceiver();
    const errors = watchErrors(page);
    await page.goto('/#/stream-emit');
    await page.getByLabel('Max events').fill('180');
    await page.getByRole('combobox', { name: 'Sink', exact: true }).selectOption('http');
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('Batch size').fill('50');
    await page.getByRole('button', { name: 'Add header' }).click();
    await page.getByLabel('Header 1 name').fill('Authorization');
    await page.getByLabel('Header 1 value').fill('Bearer e2e-secret-token');
    await runAndWait(page);

    const player = page.getByRole('region', { name: 'Player' });
    await expect(player.getByRole('status')).toContainText('Done');
    const http = page.getByRole('region', { name: 'HTTP delivery' });
    await expect(http).toContainText('180 delivered in 4 requests');
    await expect(http).toContainText('0 failed');
    expect(receiver.received).toHaveLength(4);
    expect(receiver.received.every((r) => r.headers.authorization === 'Bearer e2e-secret-token' && r.headers['content-type'] === 'application/x-ndjson')).toBe(true);
    const events = receiver.received.flatMap((r) => r.body.toString().trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; topic: string }));
    expect(events).toHaveLength(180);
    // the browser preflighted the POST (a custom header and content type)
    expect(receiver.preflights.length).toBeGreaterThan(0);

    const [dl] = await Promise.all([page.waitForEvent('download'), http.getByRole('button', { name: 'Download delivery log (CSV)' }).click()]);
    const csv = readFileSync((await dl.path())!, 'utf8').trimEnd().split('\n');
    expect(csv[0]).toBe('event_id,stream_position,topic,request,attempts,status,outcome,error');
    expect(csv.slice(1).map((l) => l.split(',')[0])).toEqual(events.map((e) => e.id));
    expect(csv.slice(1).every((l) => l.endsWith(',1,200,delivered,'))).toBe(true);

    // the token is in no link, export or file
    expect(page.url()).not.toContain('e2e-secret-token');
    expect(JSON.stringify(decodeConfig(new URL(page.url().replace('#/', '')).searchParams.get('config')!))).toContain('sinkType');
    const [exported] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const exportedText = readFileSync((await exported.path())!, 'utf8');
    expect(exportedText).toContain(receiver.url);
    expect(exportedText).not.toContain('e2e-secret-token');
    const zip = unzipSync(new Uint8Array(await download(page, 'JSONL')));
    const text = Object.values(zip).map((b) => new TextDecoder().decode(b)).join('\n');
    expect(text).not.toContain('e2e-secret-token');
    expect(new TextDecoder().decode(zip['_spindle/config.json'])).toContain(receiver.url);
    expect(errors).toEqual([]);
  });

  test('an endpoint without CORS headers gets a message that says so and how to fix it on the receiving side', async ({ page }) => {
    receiver = await startReceiver({ cors: false });
    await page.goto('/#/stream-emit');
    await page.getByLabel('Max events').fill('20');
    await page.getByRole('combobox', { name: 'Sink', exact: true }).selectOption('http');
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('Retries').fill('0');
    await runAndWait(page);
    const http = page.getByRole('region', { name: 'HTTP delivery' });
    await expect(http.getByRole('alert')).toContainText('CORS', { timeout: 30_000 });
    await expect(http.getByRole('alert')).toContainText('Access-Control-Allow-Origin');
    await expect(http.getByRole('alert')).toContainText('Access-Control-Allow-Headers');
    await expect(http).toContainText('20 failed');
    // the page may probe the endpoint (a no-cors GET) to tell CORS from an unreachable server; no event was delivered
    expect(receiver.received.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  test('Run simulation downloads the same zip as the command line', async ({ page }) => {
    await page.goto('/#/stream-emit');
    await page.getByLabel('Max events').fill('300');
    await page.getByLabel('Out-of-order share').fill('0.2');
    await page.getByLabel('Seed').fill('11');
    await runAndWait(page);
    await expect(page.getByRole('region', { name: 'Events per second' })).toBeVisible();
    const zip = await download(page, 'JSONL');
    expect(zip.equals(cliZip('stream-emit', { maxEvents: 300, outOfOrderProbability: 0.2, seed: 11 }, 'jsonl'))).toBe(true);
    const entries = unzipSync(new Uint8Array(zip));
    expect(Object.keys(entries).filter((p) => p.startsWith('topics/')).length).toBeGreaterThan(3);
  });
});
