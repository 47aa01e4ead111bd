// Config validation (D11), aliases, defaults, and determinism of the whole output tree (golden hashes).
import { describe, expect, it } from 'vitest';
import { treeHash } from '../../../../test/tree-hash';
import { expectParquetRoundTrip } from '../../../../test/parquet-readback';
import { buildTree } from '../../output/tree';
import { ConfigError, runSimulator } from '../../run';
import { findSimulator } from '../../registry';
import { clickstreamSimulator } from '.';
import { clickstreamConfig, DEFAULT_PAGE_POOL, MAX_EXPECTED_PAGE_VIEWS } from './clickstream.config';

const issues = (raw: Record<string, unknown>) => {
  const r = clickstreamConfig.parse(raw);
  return r.ok ? [] : r.issues;
};

describe('clickstream config', () => {
  it('has every field of the spec with its default, startTime included', () => {
    const d = clickstreamConfig.defaults();
    expect(d).toEqual({
      users: 1000,
      durationHours: 24,
      startTime: '2024-01-01T00:00:00Z',
      avgSessionsPerUser: 2.5,
      avgPagesPerSession: 5,
      bounceRate: 0.35,
      pagePool: DEFAULT_PAGE_POOL,
      referrerSources: ['direct', 'google', 'bing', 'facebook', 'twitter', 'email', 'reddit'],
      deviceTypes: ['desktop', 'mobile', 'tablet'],
      funnelEnabled: true,
      funnelStages: ['landing', 'product', 'cart', 'checkout', 'confirmation'],
      funnelDropRate: 0.4,
      botTrafficEnabled: true,
      botFraction: 0.15,
      botPagesPerSession: 50,
      seed: 42,
    });
  });

  it('accepts the reference snake_case names', () => {
    const r = clickstreamConfig.parse({ duration_hours: 6, avg_sessions_per_user: 1, bot_fraction: 0.5, page_pool: ['/a'], funnel_stages: [] });
    expect(r.ok && r.value).toMatchObject({ durationHours: 6, avgSessionsPerUser: 1, botFraction: 0.5, pagePool: ['/a'], funnelStages: [] });
  });

  it.each([
    [{ pagePool: [] }, 'pagePool', 'is empty'],
    [{ deviceTypes: [] }, 'deviceTypes', 'is empty'],
    [{ referrer_sources: [] }, 'referrerSources', 'is empty'],
    [{ avgSessionsPerUser: -1 }, 'avgSessionsPerUser', 'out of range'],
    [{ avgPagesPerSession: -0.5 }, 'avgPagesPerSession', 'out of range'],
    [{ bounceRate: 1.2 }, 'bounceRate', 'out of range'],
    [{ funnelDropRate: -0.1 }, 'funnelDropRate', 'out of range'],
    [{ botFraction: 1 }, 'botFraction', 'out of range'],
    [{ durationHours: 0 }, 'durationHours', 'out of range'],
    [{ users: -1 }, 'users', 'out of range'],
    [{ botPagesPerSession: 1.5 }, 'botPagesPerSession', 'not an integer'],
    [{ pagePool: ['/', ''] }, 'pagePool.1', 'is empty'],
    [{ startTime: 'yesterday' }, 'startTime', 'not a valid date-time'],
    [{ bogus: 1 }, 'bogus', 'not a known field; known fields: users, durationHours'],
  ])('refuses %j naming the field', (raw, path, what) => {
    const found = issues(raw);
    expect(found.map((i) => i.path)).toEqual([path]);
    expect(found[0].message).toContain(what);
  });

  it('accepts the edges of every range (botFraction may be 0, rates 0 and 1, λ = 0)', () => {
    expect(issues({ botFraction: 0, bounceRate: 1, funnelDropRate: 0, avgSessionsPerUser: 0, avgPagesPerSession: 0, users: 0 })).toEqual([]);
    expect(issues({ botFraction: 0.999, users: 10 })).toEqual([]);
  });

  it('refuses runs too large to hold in memory, naming users', () => {
    const found = issues({ users: 1_000_000, avgPagesPerSession: 20 });
    expect(found.map((i) => i.path)).toEqual(['users']);
    expect(found[0].message).toContain(MAX_EXPECTED_PAGE_VIEWS.toLocaleString('en-US'));
  });

  it('runSimulator throws a ConfigError whose message names the field', async () => {
    await expect(runSimulator(clickstreamSimulator, { page_pool: [] })).rejects.toThrow(ConfigError);
    await expect(runSimulator(clickstreamSimulator, { bounceRate: 2 })).rejects.toThrow(/^bounceRate: 2 is out of range/);
  });

  it('is registered under the id "clickstream"', () => {
    expect(findSimulator('clickstream')).toBe(clickstreamSimulator);
    expect(clickstreamSimulator.category).toBe('behaviour');
  });
});

describe('clickstream determinism (golden hashes)', () => {
  const CONFIG = { users: 300, durationHours: 12, startTime: '2024-02-29T06:00:00Z', seed: 7 };
  const GOLDEN: Record<string, string> = {
    parquet: 'b738c731e7f92592110874831dc866f700e4f0f2856422bbe8a9ecd052711340',
    csv: '38632ae59a6795e96b28261536f78008d549b431fb9d8ebc9e8b6bdad94597f4',
    jsonl: '90e2a620c59c88fef9074066a558b513acd2dd1f67859aa28170123db02c5adb',
  };

  it.each(['parquet', 'csv', 'jsonl'] as const)('the same config and seed give the recorded %s tree', async (format) => {
    const a = await runSimulator(clickstreamSimulator, CONFIG);
    const b = await runSimulator(clickstreamSimulator, CONFIG);
    const ha = treeHash(await buildTree(a, format));
    expect(treeHash(await buildTree(b, format))).toBe(ha);
    expect(ha).toBe(GOLDEN[format]);
  });

  it('a different seed gives a different tree', async () => {
    const a = await runSimulator(clickstreamSimulator, CONFIG);
    const b = await runSimulator(clickstreamSimulator, { ...CONFIG, seed: 8 });
    expect(treeHash(await buildTree(b, 'csv'))).not.toBe(treeHash(await buildTree(a, 'csv')));
  });
});

describe('clickstream tables in Parquet', () => {
  it('read back by an independent reader with the same values (dictionary and null columns expanded)', async () => {
    const run = await runSimulator(clickstreamSimulator, { users: 40, botPagesPerSession: 3, seed: 2 });
    for (const t of run.result.tables) await expectParquetRoundTrip(t);
  });

  it('writes empty tables with their schemas in every format (D4)', async () => {
    const run = await runSimulator(clickstreamSimulator, { users: 0 });
    for (const format of ['parquet', 'csv', 'jsonl'] as const) expect((await buildTree(run, format)).map((f) => f.path)).toContain(`page_views.${format}`);
  });
});
