// The CLI's stream sinks: --sink stdout (NDJSON only on stdout, pipeable, also for the hybrid and
// in real time), --sink http against a real local server (headers kept out of every file, the
// delivery log in --out, failures with exit 1), and the refusals.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { findSimulator } from '../src/core/registry';
import { runSimulator } from '../src/core/run';
import { allAtOnce } from '../src/core/simulators/stream-emit/stream-emit.cursor';
import type { StreamPlan } from '../src/core/simulators/stream-emit/stream-emit.plan';
import { freshBundle, removeFreshBundle, runCli, tmp } from './cli-harness';
import { readCsv } from './readers';
import { startReceiver, type Receiver } from './receiver';

let receiver: Receiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});
afterAll(removeFreshBundle);

/** The stream a config gives, as NDJSON text (every event, emission order). */
async function expectedStream(id: string, sets: Record<string, unknown>): Promise<string> {
  const run = await runSimulator(findSimulator(id)!, sets);
  const batch = allAtOnce((run.result as unknown as { plan: StreamPlan }).plan);
  return batch ? new TextDecoder().decode(batch.bytes) : '';
}
const setArgs = (sets: Record<string, unknown>) => Object.entries(sets).flatMap(([k, v]) => ['--set', `${k}=${JSON.stringify(v)}`]);
const SMALL = { maxEvents: 60, replayEnabled: true, replayProbability: 0.2, outOfOrderProbability: 0.1, seed: 4 };

describe('CLI stream sinks', () => {
  it('--sink stdout writes the stream as NDJSON and nothing else on stdout', async () => {
    const r = await runCli(['stream-emit', ...setArgs(SMALL), '--sink', 'stdout']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(await expectedStream('stream-emit', SMALL));
    expect(r.stdout.split('\n').filter(Boolean).every((l) => typeof JSON.parse(l) === 'object')).toBe(true);
  });

  it('in real time the bytes are the same; the hybrid sends its stream phase; console means stdout here', async () => {
    const fast = { ...SMALL, maxEvents: 8, ratePerSec: 100 };
    const paced = await runCli(['stream-emit', ...setArgs({ ...fast, realtime: true, realtimeSpeed: 10 }), '--sink', 'stdout']);
    expect(paced.stdout).toBe(await expectedStream('stream-emit', fast));
    const hybrid = { 'streamConfig.maxEvents': 30, seed: 2 };
    const h = await runCli(['hybrid', ...setArgs(hybrid), '--sink', 'stdout']);
    expect(h).toMatchObject({ code: 0, stderr: '' });
    expect(h.stdout).toBe(await expectedStream('hybrid', { streamConfig: { maxEvents: 30 }, seed: 2 }));
    const consoleSink = await runCli(['stream-emit', ...setArgs({ ...SMALL, sinkType: 'console' })]);
    expect(consoleSink.stdout).toBe(await expectedStream('stream-emit', SMALL));
  });

  it('--sink http POSTs every event with the headers, writes the delivery log, and keeps the token out of every file', async () => {
    receiver = await startReceiver();
    const out = join(tmp(), 'out');
    const r = await runCli(['stream-emit', ...setArgs({ ...SMALL, 'sinkConnection.batchSize': 25 }), '--sink', 'http', '--sink-url', receiver.url, '--sink-header', 'Authorization: Bearer tok-123', '--sink-header', 'X-Tenant: acme', '--format', 'csv', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const expected = await expectedStream('stream-emit', SMALL);
    expect(receiver.received.map((x) => x.body.toString()).join('')).toBe(expected);
    expect(receiver.received.map((x) => [x.headers.authorization, x.headers['x-tenant'], x.headers['content-type']])).toEqual(
      receiver.received.map(() => ['Bearer tok-123', 'acme', 'application/x-ndjson']),
    );
    const events = expected.trimEnd().split('\n').length;
    expect(r.stderr).toMatch(new RegExp(`http sink: ${events} events delivered in ${Math.ceil(events / 25)} requests to ${receiver.url.replace(/[.:/]/g, '\\$&')} \\(0 retries, 0 events failed\\)`));
    const config = readFileSync(join(out, '_spindle', 'config.json'), 'utf8');
    expect(config).toContain(receiver.url);
    for (const f of ['config.json', 'stats.json', 'delivery.csv']) expect(readFileSync(join(out, '_spindle', f), 'utf8')).not.toMatch(/tok-123|acme/);
    const [header, ...rows] = readCsv(readFileSync(join(out, '_spindle', 'delivery.csv'), 'utf8'));
    expect(header.slice(0, 4)).toEqual(['event_id', 'stream_position', 'topic', 'request']);
    expect(rows.map((x) => x[0])).toEqual(expected.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id: string }).id));
    expect(new Set(rows.map((x) => x[6]))).toEqual(new Set(['delivered']));
  });

  it('failed deliveries exit 1 with the counts, and the delivery log says which events failed', async () => {
    receiver = await startReceiver({ answer: (n) => (n === 0 ? { status: 400 } : {}) });
    const out = join(tmp(), 'out');
    const r = await runCli(['stream-emit', ...setArgs({ ...SMALL, 'sinkConnection.batchSize': 20, 'sinkConnection.retryBackoffMs': 1 }), '--sink', 'http', '--sink-url', receiver.url, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\nerror: http sink: \d+ events delivered in \d+ requests .*\(0 retries, 20 events failed\); last failure: HTTP 400; .*delivery\.csv lists every event and its request\n$/);
    const rows = readCsv(readFileSync(join(out, '_spindle', 'delivery.csv'), 'utf8')).slice(1);
    expect(rows.filter((x) => x[6] === 'failed').map((x) => [x[3], x[5]])).toEqual(Array.from({ length: 20 }, () => ['1', '400']));
  });

  it('refuses sink options that cannot apply, before anything runs, without echoing a header value', async () => {
    const cases: [string[], RegExp][] = [
      [['workflow', '--sink', 'stdout'], /apply to the stream simulators .* workflow has no stream/],
      [['stream-emit', '--sink', 'kafka'], /--sink: "kafka" is not allowed; allowed: file, stdout, http/],
      [['stream-emit', '--sink', 'stdout', '--stats'], /both write to stdout/],
      [['stream-emit', '--sink', 'stdout', '--sink-header', 'Authorization: x'], /--sink-header applies to --sink http only/],
      [['stream-emit', '--sink', 'http', '--sink-url', 'http://127.0.0.1:9/', '--sink-header', 'Bearer secret-value'], /the header has no ":"/],
      [['stream-emit', '--sink', 'http'], /sinkConnection\.url: is required when sinkType is http/],
      [['stream-emit', '--sink', 'http', '--sink-url', 'http://user:pw@127.0.0.1:9/'], /sinkConnection\.url: .*is refused: secrets are never kept in the config/],
      [['stream-emit', '--sink', 'http', '--sink-url', 'http://127.0.0.1:9/?sig=abc'], /sinkConnection\.url: .*sig.{0,2} parameter/],
      [['stream-emit', '--set', 'sinkType=file', '--sink', 'http'], /--sink and --set sinkType are both given/],
      [['hybrid', '--set', 'streamConfig.sinkType=http', '--sink', 'stdout'], /--sink and --set streamConfig\.sinkType are both given/],
      [['domain', 'retail', '--sink', 'stdout', '--out', '/tmp/x'], /domain: --sink/],
    ];
    for (const [argv, message] of cases) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/secret-value|pw@/);
      expect(r.stdout).toBe('');
    }
  });

  it('a real process piped into head stops quietly with exit 0 (the reader went away)', () => {
    const bin = freshBundle();
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${bin}" stream-emit --input retail:small --sink stdout | head -n 2`], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(r.stderr).toBe('');
    expect(existsSync(bin)).toBe(true);
  });
});
