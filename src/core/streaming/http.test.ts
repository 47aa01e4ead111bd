// The HTTP sink against a real local server (node:http): bodies in both formats, headers,
// batch sizes, retries with backoff and Retry-After, permanent failures, timeouts, refused
// connections, stopping after failures in a row, and a delivery log that always says which
// events went in which request.
import { afterEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../../test/readers';
import { startReceiver, type Answer, type Receiver } from '../../../test/receiver';
import { runSimulator } from '../run';
import { streamEmitSimulator } from '../simulators/stream-emit';
import type { StreamEmitOutput } from '../simulators/stream-emit/stream-emit';
import { allAtOnce, StreamCursor } from '../simulators/stream-emit/stream-emit.cursor';
import { lineAt } from './batch';
import { envelopeId } from './delivery';
import { describeFetchError, DeliveryStoppedError, fetchPost, HttpSink, type HttpSinkSettings } from './http';
import { playStream } from './play';

const decoder = new TextDecoder();
let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

/** A small stream (retail fixture, 45 events, with replays), and every envelope line in emission order. */
async function stream(extra: Record<string, unknown> = {}) {
  const run = await runSimulator(streamEmitSimulator, { maxEvents: 40, replayEnabled: true, replayProbability: 0.1, replayBurstSize: 2, seed: 3, ...extra });
  const plan = (run.result as StreamEmitOutput).plan;
  const all = allAtOnce(plan)!;
  const lines = Array.from({ length: all.count }, (_, i) => decoder.decode(lineAt(all, i)));
  return { plan, lines };
}

function settings(url: string, over: Partial<HttpSinkSettings> = {}): HttpSinkSettings {
  return { url, format: 'ndjson', batchSize: 10, maxRetries: 3, retryBackoffMs: 5, timeoutMs: 2000, headers: {}, ...over };
}

/** A sink over Node's fetch that records its backoff sleeps (and sleeps for real, briefly). */
function sinkFor(s: HttpSinkSettings) {
  const sleeps: number[] = [];
  const sink = new HttpSink(s, {
    post: fetchPost(fetch),
    sleep: (ms) => {
      sleeps.push(ms);
      return new Promise((r) => setTimeout(r, Math.min(ms, 20)));
    },
    describeError: (e) => describeFetchError(e, s.timeoutMs),
  });
  return { sink, sleeps };
}

const receive = async (answer?: (n: number) => Answer) => (receiver = await startReceiver({ answer }));

describe('HTTP sink', () => {
  it('POSTs NDJSON in batches of batchSize with the given headers; the server gets every envelope once, in order', async () => {
    const { plan, lines } = await stream();
    const r = await receive();
    const { sink } = sinkFor(settings(r.url, { headers: { Authorization: 'Bearer s3cret', 'X-Api-Key': 'k' } }));
    await playStream(new StreamCursor(plan), sink, { batchSize: 7 });
    expect(r.received.map((x) => x.body.toString('utf8')).join('')).toBe(lines.join(''));
    // the player hands over 7 at a time; the sink never sends more than batchSize = 10 in one request
    expect(r.received.every((x) => x.body.toString().split('\n').length - 1 <= 10)).toBe(true);
    for (const x of r.received) {
      expect(x.method).toBe('POST');
      expect(x.path).toBe('/ingest');
      expect(x.headers['content-type']).toBe('application/x-ndjson');
      expect(x.headers.authorization).toBe('Bearer s3cret');
      expect(x.headers['x-api-key']).toBe('k');
    }
    const s = sink.log.summary();
    expect(s).toMatchObject({ requests: r.received.length, deliveredRequests: r.received.length, failedRequests: 0, retries: 0, deliveredEvents: lines.length, failedEvents: 0 });
    // the log's ids per request are the ids the server got in that request
    sink.log.entries.forEach((e, i) => expect(e.ids).toEqual(r.received[i].body.toString().trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id)));
  });

  it('a CloudEvents batch is one JSON array per request, application/cloudevents-batch+json', async () => {
    const { plan, lines } = await stream();
    const r = await receive();
    const { sink } = sinkFor(settings(r.url, { format: 'cloudevents_batch', batchSize: 16 }));
    await playStream(new StreamCursor(plan), sink, { batchSize: 16 });
    expect(r.received.map((x) => x.headers['content-type'])).toEqual(r.received.map(() => 'application/cloudevents-batch+json'));
    const events = r.received.flatMap((x) => JSON.parse(x.body.toString('utf8')) as unknown[]);
    expect(events).toEqual(lines.map((l) => JSON.parse(l) as unknown));
    expect(r.received.map((x) => (JSON.parse(x.body.toString()) as unknown[]).length)).toEqual([16, 16, lines.length - 32]);
  });

  it('retries throttling and server errors with doubling backoff (Retry-After when longer), then delivers', async () => {
    const { plan, lines } = await stream();
    // request 2 fails twice (503, then 429 with Retry-After: 1), then succeeds
    const r = await receive((n) => (n === 1 ? { status: 503 } : n === 2 ? { status: 429, retryAfter: '1' } : { status: 202 }));
    const { sink, sleeps } = sinkFor(settings(r.url, { retryBackoffMs: 40 }));
    await playStream(new StreamCursor(plan), sink, { batchSize: 10 });
    expect(sleeps).toEqual([40, 1000]);
    expect(r.received[1].body.equals(r.received[2].body) && r.received[2].body.equals(r.received[3].body)).toBe(true);
    const s = sink.log.summary();
    expect(s).toMatchObject({ retries: 2, retriedEvents: 10, deliveredEvents: lines.length, failedEvents: 0 });
    expect(sink.log.entries[1]).toMatchObject({ attempts: 3, status: 202, outcome: 'delivered', error: '' });
  });

  it('a refused request (4xx) is not retried; the stream goes on and the log and CSV say which events failed', async () => {
    const { plan, lines } = await stream();
    const r = await receive((n) => (n === 2 ? { status: 413 } : {}));
    const { sink, sleeps } = sinkFor(settings(r.url));
    await playStream(new StreamCursor(plan), sink, { batchSize: 10 });
    expect(sleeps).toEqual([]);
    expect(sink.log.summary()).toMatchObject({ requests: 5, failedRequests: 1, failedEvents: 10, deliveredEvents: lines.length - 10, lastError: 'HTTP 413' });
    const [header, ...rows] = readCsv(decoder.decode(sink.log.toCsv(plan.source.topics)));
    expect(header).toEqual(['event_id', 'stream_position', 'topic', 'request', 'attempts', 'status', 'outcome', 'error']);
    expect(rows).toHaveLength(lines.length);
    expect(rows.map((x) => x[0])).toEqual(lines.map((l) => (JSON.parse(l) as { id: string }).id));
    expect(rows.map((x) => Number(x[1]))).toEqual(lines.map((_, i) => i));
    expect(rows.map((x) => x[2])).toEqual(lines.map((l) => (JSON.parse(l) as { topic: string }).topic));
    expect(rows.filter((x) => x[6] === 'failed').map((x) => [x[3], x[5], x[7]])).toEqual(Array.from({ length: 10 }, () => ['3', '413', 'HTTP 413']));
  });

  it('retries are bounded; after 3 failed requests in a row the sink stops, and the log still lists every event it sent', async () => {
    const { plan, lines } = await stream();
    const r = await receive((n) => (n < 2 ? {} : { status: 500 }));
    const { sink } = sinkFor(settings(r.url, { maxRetries: 2, batchSize: 8 }));
    const err = await playStream(new StreamCursor(plan), sink, { batchSize: 8 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryStoppedError);
    expect((err as Error).message).toMatch(/stopped after 3 failed requests in a row \(last: HTTP 500\); 16 events delivered, 24 failed/);
    // 2 good requests, then 3 requests × 3 attempts; the events after them were never sent
    expect(r.received).toHaveLength(2 + 9);
    expect(sink.log.entries.map((e) => [e.outcome, e.attempts])).toEqual([['delivered', 1], ['delivered', 1], ['failed', 3], ['failed', 3], ['failed', 3]]);
    const sent = r.received.flatMap((x) => x.body.toString().trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id));
    expect(new Set(sent)).toEqual(new Set(sink.log.entries.flatMap((e) => e.ids)));
    expect(sink.log.entries.flatMap((e) => e.ids)).toEqual(lines.slice(0, 40).map((l) => (JSON.parse(l) as { id: string }).id));
    expect(lines.length).toBeGreaterThan(40);
  });

  it('no answer in time or no server at all: the error says so, with no status', async () => {
    const { plan } = await stream({ maxEvents: 5, replayEnabled: false });
    const r = await receive(() => ({ delayMs: 1500 }));
    const slow = sinkFor(settings(r.url, { timeoutMs: 200, maxRetries: 0, stopAfterFailedRequests: 1 }));
    await expect(playStream(new StreamCursor(plan), slow.sink)).rejects.toThrow(/no answer within 0.2 s \(timeout\)/);
    expect(slow.sink.log.entries[0]).toMatchObject({ status: null, outcome: 'failed', attempts: 1 });
    const url = r.url;
    await r.close();
    receiver = undefined;
    const none = sinkFor(settings(url, { maxRetries: 1, stopAfterFailedRequests: 1 }));
    await expect(playStream(new StreamCursor(plan), none.sink)).rejects.toThrow(/refused.*ECONNREFUSED/);
    expect(none.sink.log.entries[0]).toMatchObject({ attempts: 2, status: null });
  });

  it('reads the id of an envelope line, and nothing from a line without one', () => {
    const enc = new TextEncoder();
    expect(envelopeId(enc.encode('{"id":"0f8e…","source":"x"}\n'))).toBe('0f8e…');
    expect(envelopeId(enc.encode('{"n":1}\n'))).toBe('');
  });
});
