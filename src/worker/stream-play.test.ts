// Playing a stream run in the worker (through the dispatcher, as the page does): every event
// once, chart deltas that add up to the run's counts, pause that holds the stream, stop, the
// HTTP sink against a real local server with its delivery key, and the CORS diagnosis.
import { afterEach, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../../test/receiver';
import { readCsv } from '../../test/readers';
import { createDispatcher } from './dispatcher';
import type { RunSummary, WorkerRequest, WorkerResponse } from './protocol';
import { corsAdvice, describeBrowserFetchError } from './cors';
import type { PlaySummary, StreamTick } from './stream-play';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

function host() {
  const messages: WorkerResponse[] = [];
  const handle = createDispatcher((m) => void messages.push(m), { initParquet: () => undefined, now: () => performance.now(), play: { origin: 'http://studio.test' } });
  const final = (id: number) => messages.find((m) => m.id === id && m.type !== 'progress' && m.type !== 'streamTick');
  const ticks = (id: number) => messages.filter((m): m is StreamTick => m.id === id && m.type === 'streamTick');
  return { messages, handle, final, ticks };
}

const CONFIG = { maxEvents: 300, ratePerSec: 50, replayEnabled: true, replayProbability: 0.05, outOfOrderProbability: 0.1, seed: 9 };

async function runStream(h: ReturnType<typeof host>, config: Record<string, unknown> = CONFIG): Promise<RunSummary> {
  await h.handle({ id: 1, type: 'run', simulator: 'stream-emit', config, previewRows: 10 });
  const done = h.final(1);
  if (done?.type !== 'ok') throw new Error(JSON.stringify(done));
  return done.data as RunSummary;
}

const decoder = new TextDecoder();
const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, x) => a + x, 0);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('stream play (worker)', () => {
  it('as fast as possible: every event once; bucket, topic and line counts add up to the run', async () => {
    const h = host();
    const run = await runStream(h);
    const charts = run.charts as { bucketSeconds: number; rate: { normal: number[]; outOfOrder: number[]; replay: number[] } };
    await h.handle({ id: 2, type: 'streamPlay', runId: 1, speed: null, bucketSeconds: charts.bucketSeconds } satisfies WorkerRequest);
    const summary = (h.final(2) as { data: PlaySummary }).data;
    const total = run.stats.total_events as number;
    expect(summary).toMatchObject({ delivered: total, total, stopped: false, delivery: null });
    const ticks = h.ticks(2);
    expect(ticks.at(-1)!.delivered).toBe(total);
    // the per-bucket deltas rebuild the run's rate chart (events per second × bucket width)
    const rebuilt = [0, 1, 2].map(() => new Array<number>(charts.rate.normal.length).fill(0));
    for (const t of ticks) t.buckets.index.forEach((b, i) => (rebuilt[t.buckets.kind[i]][b] += t.buckets.count[i]));
    const perSecond = (xs: number[]) => xs.map((x) => Math.round((x / charts.bucketSeconds) * 1000) / 1000);
    expect([perSecond(rebuilt[0]), perSecond(rebuilt[1]), perSecond(rebuilt[2])]).toEqual([charts.rate.normal, charts.rate.outOfOrder, charts.rate.replay]);
    const perTopic = ticks[0].topics.map((topic, i) => [topic, sum(ticks.map((t) => t.perTopic[i]))]);
    const stats = run.stats.events_per_topic as Record<string, { events: number; replays: number }>;
    expect(Object.fromEntries(perTopic.filter(([, n]) => n))).toEqual(Object.fromEntries(Object.entries(stats).map(([k, v]) => [k, v.events + v.replays])));
    expect(sum(ticks.map((t) => t.lines.ends.length + t.skipped))).toBe(total);
    for (const t of ticks) {
      const text = decoder.decode(t.lines.bytes);
      expect(text.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { topic: string }).topic)).toEqual(Array.from(t.lines.topic, (i) => t.topics[i]));
    }
  });

  it('in real time: pause holds the stream (the clock stands still), resume goes on, stop ends early', async () => {
    const h = host();
    const run = await runStream(h, { ...CONFIG, replayEnabled: false, outOfOrderProbability: 0 });
    // 300 events at 50/s = 6 s of simulated time; at ×10 that is 0.6 s of wall time
    const playing = h.handle({ id: 2, type: 'streamPlay', runId: 1, speed: 10, bucketSeconds: (run.charts as { bucketSeconds: number }).bucketSeconds });
    await wait(150);
    await h.handle({ id: 3, type: 'streamControl', target: 2, action: 'pause' });
    // the first tick that says paused (a loaded machine may deliver one more batch before it)
    for (let i = 0; i < 200 && !h.ticks(2).at(-1)?.paused; i++) await wait(10);
    const at = h.ticks(2).at(-1)!.delivered;
    await wait(300);
    expect(h.ticks(2).at(-1)).toMatchObject({ delivered: at, paused: true });
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(300);
    await h.handle({ id: 4, type: 'streamControl', target: 2, action: 'speed', speed: 50 });
    await h.handle({ id: 5, type: 'streamControl', target: 2, action: 'resume' });
    await playing;
    const summary = (h.final(2) as { data: PlaySummary }).data;
    expect(summary).toMatchObject({ delivered: 300, stopped: false });
    expect(summary.wallMs).toBeGreaterThan(450);
    expect(h.ticks(2).at(-1)!.speed).toBe(50);

    const again = h.handle({ id: 6, type: 'streamPlay', runId: 1, speed: 1, bucketSeconds: 1 });
    await wait(250);
    await h.handle({ id: 7, type: 'streamControl', target: 6, action: 'stop' });
    await again;
    const stopped = (h.final(6) as { data: PlaySummary }).data;
    expect(stopped.stopped).toBe(true);
    // 50 events/s at ×1: about a dozen in 250 ms, nowhere near all of them
    expect(stopped.delivered).toBeGreaterThan(3);
    expect(stopped.delivered).toBeLessThan(60);
  });

  it('POSTs to an HTTP endpoint with the headers, and hands out the delivery key', async () => {
    receiver = await startReceiver({ answer: (n) => (n === 1 ? { status: 503 } : {}) });
    const h = host();
    const run = await runStream(h);
    const http = { url: receiver.url, format: 'ndjson' as const, batchSize: 64, maxRetries: 2, retryBackoffMs: 5, timeoutMs: 2000, headers: { Authorization: 'Bearer abc' } };
    await h.handle({ id: 2, type: 'streamPlay', runId: 1, speed: null, bucketSeconds: 1, http });
    const summary = (h.final(2) as { data: PlaySummary }).data;
    const total = run.stats.total_events as number;
    expect(summary.delivery).toMatchObject({ deliveredEvents: total, failedEvents: 0, retries: 1, retriedEvents: 64 });
    expect(receiver.received.every((r) => r.headers.authorization === 'Bearer abc')).toBe(true);
    const bodies = receiver.received.filter((_, i) => i !== 1).map((r) => r.body.toString());
    await h.handle({ id: 3, type: 'deliveryKey', target: 2 });
    const csv = decoder.decode((h.final(3) as { data: { csv: Uint8Array } }).data.csv);
    const rows = readCsv(csv).slice(1);
    expect(rows.map((r) => r[0])).toEqual(bodies.join('').trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id));
    expect(rows.filter((r) => r[3] === '2').every((r) => r[4] === '2' && r[6] === 'delivered')).toBe(true);
  });

  it('a browser TypeError on a reachable endpoint is CORS, with the fix for the receiving side; an unreachable one says so', async () => {
    const reachable = (async (_url: string, init?: RequestInit) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const cors = await describeBrowserFetchError(new TypeError('Failed to fetch'), 'http://127.0.0.1:1/in', 1000, reachable, 'http://studio.test');
    expect(cors).toBe(corsAdvice('http://studio.test'));
    expect(cors).toMatch(/CORS.*Access-Control-Allow-Origin: http:\/\/studio\.test.*Access-Control-Allow-Headers: content-type.*authorization/);
    const down = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await describeBrowserFetchError(new TypeError('Failed to fetch'), 'http://127.0.0.1:1/in', 1000, down, 'x')).toMatch(/could not reach http:\/\/127\.0\.0\.1:1\/in/);
  });

  it('a run without a stream, or gone from memory, is refused as data', async () => {
    const h = host();
    await h.handle({ id: 2, type: 'streamPlay', runId: 99, speed: null, bucketSeconds: 1 });
    expect(h.final(2)).toMatchObject({ type: 'error', error: { message: expect.stringMatching(/no stream in memory/) } });
  });
});
