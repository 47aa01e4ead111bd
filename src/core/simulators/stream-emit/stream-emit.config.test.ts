// Config validation: every range refused before anything runs, naming the field; the
// reference's snake_case names; topics in both forms; sinks; no secret can enter the config.
import { describe, expect, it } from 'vitest';
import { findDomain, generateDomain } from '../../domains';
import { ConfigError, runSimulator } from '../../run';
import { makeContext } from '../../simulator';
import { streamEmitSimulator } from '.';
import { runStreamEmit } from './stream-emit';
import { checkStreamEmit, identityConfig, streamEmitConfig } from './stream-emit.config';

const issuesOf = (raw: unknown) => {
  const r = streamEmitConfig.parse(raw);
  return r.ok ? [] : r.issues;
};
const pathsOf = (raw: unknown) => issuesOf(raw).map((i) => i.path);

describe('stream-emit config', () => {
  it('has every default of the spec (rate 10/s, replay window 5 min, p 0.05, burst 10, max delay 10 slots, start 2024-01-01)', () => {
    const d = streamEmitConfig.defaults();
    expect(d).toMatchObject({
      ratePerSec: 10,
      jitterMs: 0,
      burstWindows: [],
      outOfOrderProbability: 0,
      outOfOrderMaxDelaySlots: 10,
      replayEnabled: false,
      replayWindowMinutes: 5,
      replayProbability: 0.05,
      replayBurstSize: 10,
      topics: [],
      envelopeSource: 'spindle',
      envelopeSchemaVersion: '1.0',
      maxEvents: null,
      realtime: false,
      streamStart: '2024-01-01T00:00:00Z',
      timePattern: 'none',
      seed: 42,
    });
  });

  it.each([
    ['ratePerSec', -1],
    ['jitterMs', -0.5],
    ['outOfOrderProbability', 1.5],
    ['outOfOrderMaxDelaySlots', 0],
    ['replayWindowMinutes', 0],
    ['replayProbability', -0.1],
    ['replayBurstSize', 0],
    ['maxEvents', -3],
    ['maxEvents', 2.5],
    ['streamStart', 'yesterday'],
    ['timePattern', 'night_owl'],
    ['realtimeSpeed', 0],
    ['seed', -1],
    ['envelopeSource', ''],
    ['tables', 'orders'],
  ])('refuses %s = %j, naming the field and what is allowed', (field, value) => {
    const issues = issuesOf({ [field]: value });
    expect(issues.map((i) => i.path)).toEqual([field]);
    expect(issues[0].message).toMatch(/allowed: /);
  });

  it('checks each burst window field by its path', () => {
    expect(pathsOf({ burstWindows: [{ startOffsetSeconds: -1, durationSeconds: 0, multiplier: -2 }] })).toEqual([
      'burstWindows.0.startOffsetSeconds',
      'burstWindows.0.durationSeconds',
      'burstWindows.0.multiplier',
    ]);
    expect(pathsOf({ burstWindows: [{ startOffsetSeconds: 1, durationSeconds: 2 }] })).toEqual(['burstWindows.0.multiplier']);
  });

  it('accepts the reference snake_case names', () => {
    const r = streamEmitConfig.parse({ rate_per_sec: 50, out_of_order_probability: 0.2, replay_enabled: true, burst_windows: [{ start_offset_seconds: 1, duration_seconds: 2, multiplier: 3 }], sink_type: 'File' });
    expect(r.ok && r.value).toMatchObject({ ratePerSec: 50, outOfOrderProbability: 0.2, replayEnabled: true, burstWindows: [{ startOffsetSeconds: 1, durationSeconds: 2, multiplier: 3 }], sinkType: 'file' });
  });

  it('takes topics as a list or a table → topic map, with topic names Kafka and Event Hubs accept', () => {
    expect(issuesOf({ topics: ['orders', 'returns.v2'] })).toEqual([]);
    expect(issuesOf({ topics: { order: 'orders', return: 'returns' } })).toEqual([]);
    expect(pathsOf({ topics: ['ok', 'not ok'] })).toEqual(['topics.1']);
    expect(pathsOf({ topics: { order: 'a/b' } })).toEqual(['topics.order']);
    expect(pathsOf({ topics: 'orders' })).toEqual(['topics']);
    expect(pathsOf({ timestampColumn: { order: '' } })).toEqual(['timestampColumn.order']);
    expect(pathsOf({ tables: ['order', 'order'] })).toEqual(['tables.1']);
    // JSON text from a plain text box reads as the value
    expect(streamEmitConfig.parse({ topics: '{"order":"orders"}', timestampColumn: ' {"order":"order_date"}', sinkConnection: '{"batchSize":5}' })).toMatchObject({
      ok: true,
      value: { topics: { order: 'orders' }, timestampColumn: { order: 'order_date' }, sinkConnection: { batchSize: 5, path: 'topics' } },
    });
    expect(pathsOf({ topics: '[not json' })).toEqual(['topics']);
  });

  it('takes the sink type in any case and refuses eventhub and eventstream with what to use instead', () => {
    expect(streamEmitConfig.parse({ sinkType: 'STDOUT' })).toMatchObject({ ok: true, value: { sinkType: 'stdout' } });
    for (const t of ['eventhub', 'EventStream']) {
      const [issue] = issuesOf({ sinkType: t });
      expect(issue.path).toBe('sinkType');
      expect(issue.message).toMatch(/is not available: .*sinkType "http"/);
    }
    expect(pathsOf({ sinkType: 'kafka' })).toEqual(['sinkType']);
    expect(pathsOf({ sinkType: 'http' })).toEqual(['sinkConnection.url']);
    expect(issuesOf({ sinkType: 'http', sinkConnection: { url: 'https://ingest.example.test/events?partition=2' } })).toEqual([]);
  });

  it('refuses every way a secret could enter the config (and so _spindle/config.json or a share link)', () => {
    for (const key of ['headers', 'Authorization', 'token', 'connection_string', 'connectionString', 'sas_key', 'apiKey', 'password']) {
      const [issue] = issuesOf({ sinkConnection: { [key]: 'x' } });
      expect(issue.path).toBe(`sinkConnection.${key}`);
      expect(issue.message).toMatch(/secrets are never kept in the config/);
    }
    for (const url of ['https://user:pw@example.test/in', 'https://x.servicebus.windows.net/h/messages?sig=abc', 'https://f.azurewebsites.net/api/in?code=abc']) {
      const [issue] = issuesOf({ sinkConnection: { url } });
      expect(issue.path).toBe('sinkConnection.url');
      expect(issue.message).toMatch(/secrets are never kept/);
      expect(issue.message).not.toContain('abc');
    }
    expect(pathsOf({ sinkConnection: { url: 'ftp://example.test' } })).toEqual(['sinkConnection.url']);
    expect(pathsOf({ sinkConnection: { path: '../outside' } })).toEqual(['sinkConnection.path']);
    expect(pathsOf({ sinkConnection: { path: 'a/./b' } })).toEqual(['sinkConnection.path']);
    expect(issuesOf({ sinkConnection: { path: 'events/topics' } })).toEqual([]);
  });

  it('leaves delivery and output settings out of the identity the correlation id hashes', () => {
    const a = streamEmitConfig.defaults();
    const b = { ...a, sinkType: 'http' as const, realtime: true, realtimeSpeed: 100, eventsTable: true, sinkConnection: { ...a.sinkConnection, url: 'https://x.test/', path: 'elsewhere' } };
    expect(identityConfig(b)).toEqual(identityConfig(a));
    expect(identityConfig({ ...a, ratePerSec: 11 })).not.toEqual(identityConfig(a));
  });

  it('prefixes cross-field paths when nested (the hybrid’s streamConfig)', () => {
    const c = { ...streamEmitConfig.defaults(), tables: ['a', 'a'], sinkType: 'http' as const };
    expect(checkStreamEmit(c, 'streamConfig').map((i) => i.path)).toEqual(['streamConfig.tables.1', 'streamConfig.sinkConnection.url']);
  });
});

describe('stream-emit config against the tables', () => {
  const retail = generateDomain(findDomain('retail')!, { scale: 'fixture' }, { seed: 1 }).then((d) => new Map(d.tables.map((t) => [t.name, t])));

  it.each([
    [{ tables: ['order', 'orders'] }, 'tables.1', /"orders" is not an input table; tables: customer, .*order/],
    [{ topics: ['a', 'b'] }, 'topics', /has 2 topics for 9 tables; allowed: none .* 1 .* 9/],
    [{ tables: ['order', 'return'], topics: { order: 'o', customer: 'c' } }, 'topics.customer', /"customer" is not a streamed table; tables: order, return/],
    [{ timestampColumn: { order: 'placed_at' } }, 'timestampColumn.order', /has no column "placed_at"; columns: order_id, .*order_date/],
    [{ timestampColumn: { order: 'order_total' } }, 'timestampColumn.order', /is float; allowed: a timestamp, date or ISO date-time text column/],
    [{ timestampColumn: { orders: 'order_date' } }, 'timestampColumn.orders', /"orders" is not a streamed table/],
    [{ tables: ['order', 'return'], topics: { order: 'Same', return: 'same' } }, 'topics', /would share the file/],
  ])('refuses %j before anything runs, naming %s', async (raw, path, message) => {
    const err = await runSimulator(streamEmitSimulator, raw, { inputs: await retail }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    const issue = (err as ConfigError).issues.find((i) => i.path === path);
    expect(issue?.message).toMatch(message);
  });

  it('streams the listed tables only, in list order, with an explicit event-time column', async () => {
    const run = await runSimulator(streamEmitSimulator, { tables: ['return', 'order'], timestampColumn: { order: 'order_date' }, topics: ['r', 'o'] }, { inputs: await retail });
    expect(run.result.stats).toMatchObject({ topics_used: ['r', 'o'], events_sent: (await retail).get('return')!.length + (await retail).get('order')!.length });
  });

  it('under a composing simulator, names fields with its prefix and writes topics under its folder', async () => {
    const tables = await retail;
    const ctx = makeContext(3, {}, tables);
    const bad = streamEmitConfig.parse({ topics: ['a', 'b'], timestampColumn: { nope: 'x' } });
    if (!bad.ok) throw new Error('expected a valid config');
    const err = await runStreamEmit(bad.value, ctx, { pathPrefix: 'streamConfig' }).catch((e: unknown) => e);
    expect((err as ConfigError).issues.map((i) => i.path)).toEqual(['streamConfig.topics', 'streamConfig.timestampColumn.nope']);
    const ok = streamEmitConfig.parse({ tables: ['return'] });
    if (!ok.ok) throw new Error('expected a valid config');
    const out = await runStreamEmit(ok.value, ctx, { folderPrefix: 'stream/', correlationId: 'c0ffee00-0000-4000-8000-000000000000' });
    expect(out.files?.map((f) => f.path)).toEqual(['stream/topics/return.jsonl']);
    expect(out.stats.correlation_id).toBe('c0ffee00-0000-4000-8000-000000000000');
  });
});
