// Property tests: one per invariant of spec/clickstream.md §6 (and the D-requirements), over small random configs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countingChunks } from '../../../../test/stream-chunks';
import { treeHash } from '../../../../test/tree-hash';
import { UUID_PATTERN } from '../../ids';
import { buildTree, materialise, streamedRunFiles } from '../../output/tree';
import { runSimulator, streamSimulator } from '../../run';
import { ROWS_PER_STEP } from '../../simulator';
import { tableRows } from '../../table/column';
import { clickstreamSimulator } from '.';
import { parseInstant, US_PER_HOUR } from '../../time';
import { BOT_USER_AGENTS } from './clickstream.generate';
import { arbConfig, matchesPool, simulate, viewsBySession, type Simulated } from './clickstream.test-utils';

const RUNS = { numRuns: 30 };
const property = (check: (s: Simulated) => void) => fc.assert(fc.asyncProperty(arbConfig, async (raw) => check(await simulate(raw))), RUNS);
const sessionsById = (s: Simulated) => new Map(s.sessions.map((x) => [x.session_id, x]));

describe('clickstream invariants (spec §6)', () => {
  it('session_id and view_id are unique UUIDs; every view and funnel row names an existing session with the same user_id', () =>
    property((s) => {
      const byId = sessionsById(s);
      expect(byId.size).toBe(s.sessions.length);
      expect(new Set(s.views.map((v) => v.view_id)).size).toBe(s.views.length);
      for (const x of s.sessions) expect(x.session_id).toMatch(UUID_PATTERN);
      for (const v of s.views) {
        expect(v.view_id).toMatch(UUID_PATTERN);
        expect(byId.get(v.session_id)?.user_id).toBe(v.user_id);
      }
      for (const f of s.funnels) expect(byId.get(f.session_id)?.user_id).toBe(f.user_id);
    }));

  it('started_at lies in [start, start + D); every user has a session; human ids are user_ + 6 digits', () =>
    property((s) => {
      const start = parseInstant(s.config.startTime);
      const end = start + s.config.durationHours * US_PER_HOUR;
      for (const x of s.sessions) {
        expect(x.started_at).toBeGreaterThanOrEqual(start);
        expect(x.started_at).toBeLessThan(end);
        if (!x.is_bot) expect(x.user_id).toMatch(/^user_\d{6}$/);
      }
      const users = new Set(s.sessions.filter((x) => !x.is_bot).map((x) => x.user_id));
      expect(users.size).toBe(s.config.users);
      for (let i = 0; i < s.config.users; i++) expect(users.has(`user_${String(i).padStart(6, '0')}`)).toBe(true);
    }));

  it('humans have no user agent and configured labels; bots are "bot", "direct", never bounce, with a crawler agent (D2: bot_ + index)', () =>
    property((s) => {
      let k = 0;
      for (const x of s.sessions) {
        if (x.is_bot) {
          expect(x.device_type).toBe('bot');
          expect(x.referrer).toBe('direct');
          expect(x.is_bounce).toBe(false);
          expect(BOT_USER_AGENTS).toContain(x.user_agent);
          expect(x.user_id).toMatch(/^bot_\d{6,}$/);
          k++;
        } else {
          expect(x.user_agent).toBeNull();
          expect(s.config.deviceTypes).toContain(x.device_type);
          expect(s.config.referrerSources).toContain(x.referrer);
        }
      }
      // each bot session is its own visitor, numbered 0..k−1
      const bots = s.sessions.filter((x) => x.is_bot).map((x) => Number(x.user_id.slice(4)));
      expect(bots.sort((a, b) => a - b)).toEqual(Array.from({ length: k }, (_, i) => i));
    }));

  it('bot_sessions = floor(human · f / (1 − f)) when enabled, else 0 (D3)', () =>
    property((s) => {
      const human = s.sessions.filter((x) => !x.is_bot).length;
      const f = s.config.botFraction;
      const expected = s.config.botTrafficEnabled ? Math.floor((human * f) / (1 - f)) : 0;
      expect(s.sessions.length - human).toBe(expected);
      expect(s.stats.bot_sessions).toBe(expected);
    }));

  it('views per session: bot pages for bots, 1 for a bounce, ≥ 2 otherwise; the first view is at started_at; views advance by the rounded dwell (D9) and stay within the session', () =>
    property((s) => {
      const views = viewsBySession(s);
      for (const x of s.sessions) {
        const vs = views.get(x.session_id)!;
        if (x.is_bot) expect(vs.length).toBe(s.config.botPagesPerSession);
        else if (x.is_bounce) expect(vs.length).toBe(1);
        else expect(vs.length).toBeGreaterThanOrEqual(2);
        if (vs.length) expect(vs[0].timestamp).toBe(x.started_at);
        for (let k = 1; k < vs.length; k++) expect(vs[k].timestamp - vs[k - 1].timestamp).toBe(Math.round(vs[k - 1].time_on_page_seconds * 1e6));
        for (const v of vs) {
          expect(v.timestamp).toBeGreaterThanOrEqual(x.started_at);
          expect(v.timestamp).toBeLessThanOrEqual(x.started_at + x.duration_seconds * 1e6 + 1);
        }
      }
    }));

  it('dwell is within [5, 120] s for humans and [0.1, 0.5] s for bots, in hundredths; referrer_url chains the previous page', () =>
    property((s) => {
      const byId = sessionsById(s);
      for (const [id, vs] of viewsBySession(s)) {
        const x = byId.get(id)!;
        vs.forEach((v, k) => {
          const [lo, hi] = x.is_bot ? [0.1, 0.5] : [5, 120];
          expect(v.time_on_page_seconds).toBeGreaterThanOrEqual(lo);
          expect(v.time_on_page_seconds).toBeLessThanOrEqual(hi);
          expect(Math.abs(v.time_on_page_seconds * 100 - Math.round(v.time_on_page_seconds * 100))).toBeLessThan(1e-9);
          expect(v.referrer_url).toBe(k === 0 ? x.referrer : vs[k - 1].page_url);
        });
      }
    }));

  it('page_url is a pool template with {id} → 1..500 and {slug} → post-1..500', () =>
    property((s) => {
      for (const v of s.views) expect(matchesPool(v.page_url, s.config.pagePool), v.page_url).toBe(true);
    }));

  it('duration_seconds = Σ time_on_page_seconds (±0.01)', () =>
    property((s) => {
      const views = viewsBySession(s);
      for (const x of s.sessions) {
        const sum = views.get(x.session_id)!.reduce((a, v) => a + v.time_on_page_seconds, 0);
        expect(Math.abs(x.duration_seconds - sum)).toBeLessThanOrEqual(0.01);
      }
    }));

  it('funnels: every non-bot, non-bounce session and only those; a prefix of the stages reached at its own page views (D5); converted per session (D6)', () =>
    property((s) => {
      const stages = s.config.funnelEnabled ? s.config.funnelStages : [];
      const views = viewsBySession(s);
      const rows = new Map<string, typeof s.funnels>();
      for (const f of s.funnels) rows.set(f.session_id, [...(rows.get(f.session_id) ?? []), f]);
      for (const x of s.sessions) {
        const fs = rows.get(x.session_id) ?? [];
        if (x.is_bot || x.is_bounce || stages.length === 0) {
          expect(fs).toEqual([]);
          continue;
        }
        const vs = views.get(x.session_id)!;
        expect(fs.length).toBeGreaterThanOrEqual(1);
        expect(fs.length).toBeLessThanOrEqual(Math.min(stages.length, vs.length));
        const full = fs.length === stages.length;
        fs.forEach((f, k) => {
          expect(f.stage_order).toBe(k);
          expect(f.stage).toBe(stages[k]);
          expect(f.reached_at).toBe(vs[k].timestamp);
          expect(f.converted).toBe(full);
          if (k > 0) expect(f.reached_at).toBeGreaterThan(fs[k - 1].reached_at);
        });
      }
    }));

  it('stats agree with the tables (D7: human figures leave bots out)', () =>
    property((s) => {
      const st = s.stats;
      const humans = s.sessions.filter((x) => !x.is_bot);
      const botIds = new Set(s.sessions.filter((x) => x.is_bot).map((x) => x.session_id));
      const botViews = s.views.filter((v) => botIds.has(v.session_id)).length;
      expect(st.total_sessions).toBe(st.human_sessions + st.bot_sessions);
      expect(st.total_sessions).toBe(s.sessions.length);
      expect(st.human_sessions).toBe(humans.length);
      expect(st.total_page_views).toBe(s.views.length);
      expect(st.bot_page_views).toBe(botViews);
      expect(st.avg_pages_per_session).toBe(Math.round(((s.views.length - botViews) / Math.max(1, humans.length)) * 100) / 100);
      expect(st.bounce_sessions).toBe(humans.filter((x) => x.is_bounce).length);
      expect(st.unique_users).toBe(new Set(humans.map((x) => x.user_id)).size);
      expect(st.unique_bot_users).toBe(botIds.size);
      const eligible = new Set(s.funnels.map((f) => f.session_id));
      const converted = new Set(s.funnels.filter((f) => f.converted).map((f) => f.session_id));
      expect(st.funnel_eligible_sessions).toBe(eligible.size);
      expect(st.funnel_conversions).toBe(converted.size);
      const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
      expect(sum(st.device_type_distribution)).toBe(st.total_sessions);
      expect(sum(st.referrer_distribution)).toBe(st.total_sessions);
      for (const m of [st.device_type_distribution, st.referrer_distribution]) {
        const entries = Object.entries(m);
        for (let i = 1; i < entries.length; i++) {
          const [[ka, a], [kb, b]] = [entries[i - 1], entries[i]];
          expect(a > b || (a === b && ka < kb)).toBe(true);
        }
      }
    }));

  it('rows are in the required order (D10): sessions by started_at, views by (timestamp, session position, page), funnels by (session position, stage)', () =>
    property((s) => {
      const position = new Map(s.sessions.map((x, p) => [x.session_id, p]));
      for (let i = 1; i < s.sessions.length; i++) expect(s.sessions[i].started_at).toBeGreaterThanOrEqual(s.sessions[i - 1].started_at);
      for (let i = 1; i < s.views.length; i++) {
        const [a, b] = [s.views[i - 1], s.views[i]];
        expect(a.timestamp < b.timestamp || (a.timestamp === b.timestamp && position.get(a.session_id)! < position.get(b.session_id)!)).toBe(true);
      }
      for (let i = 1; i < s.funnels.length; i++) {
        const [a, b] = [s.funnels[i - 1], s.funnels[i]];
        const [pa, pb] = [position.get(a.session_id)!, position.get(b.session_id)!];
        expect(pa < pb || (pa === pb && b.stage_order === a.stage_order + 1)).toBe(true);
      }
    }));

  it('the answer key lists every bot session and every funnel drop-off, timed at the last stage reached', () =>
    property((s) => {
      const stages = s.config.funnelEnabled ? s.config.funnelStages : [];
      const bots = s.key.filter((k) => k.kind === 'bot_session');
      expect(bots.map((k) => k.key)).toEqual(s.sessions.filter((x) => x.is_bot).map((x) => x.session_id));
      const byId = sessionsById(s);
      for (const k of bots) {
        expect(k.table).toBe('sessions');
        expect(k.time).toBe(byId.get(k.key)!.started_at);
        expect(JSON.parse(k.details)).toEqual({ user_id: byId.get(k.key)!.user_id, user_agent: byId.get(k.key)!.user_agent, pages: s.config.botPagesPerSession });
      }
      const last = new Map<string, (typeof s.funnels)[number]>();
      for (const f of s.funnels) last.set(f.session_id, f);
      const dropped = [...last.values()].filter((f) => f.stage_order < stages.length - 1);
      const drops = s.key.filter((k) => k.kind === 'funnel_drop_off');
      expect(drops.map((k) => k.key)).toEqual(dropped.map((f) => f.session_id));
      const views = viewsBySession(s);
      drops.forEach((k, i) => {
        const f = dropped[i];
        const d = JSON.parse(k.details);
        expect(k.table).toBe('funnels');
        expect(k.time).toBe(f.reached_at);
        expect(d.last_stage).toBe(f.stage);
        expect(d.stage_order).toBe(f.stage_order);
        expect(d.dropped_before).toBe(stages[f.stage_order + 1]);
        expect(d.page_views).toBe(views.get(f.session_id)!.length);
        // a funnel can only be cut short by its pages when it used all of them
        if (d.capped_by_page_count) expect(f.stage_order + 1).toBe(d.page_views);
      });
      expect(s.key.length).toBe(bots.length + drops.length);
    }));

  it('charts add up to the tables', () =>
    property((s) => {
      const c = s.charts;
      const humans = s.sessions.filter((x) => !x.is_bot).length;
      const bots = s.sessions.length - humans;
      const total = (xs: { humans: number; bots: number }[]) => [xs.reduce((a, x) => a + x.humans, 0), xs.reduce((a, x) => a + x.bots, 0)];
      expect(total(c.sessionsOverTime.buckets)).toEqual([humans, bots]);
      expect(total(c.hourOfDay)).toEqual([humans, bots]);
      expect(total(c.referrerMix)).toEqual([humans, bots]);
      expect(c.deviceMix.reduce((a, x) => a + x.count, 0)).toBe(s.sessions.length);
      expect(c.pagesPerSession.reduce((a, x) => a + x.count, 0)).toBe(humans);
      expect(c.dwellSeconds.reduce((a, x) => a + x.count, 0)).toBe(s.stats.total_page_views - s.stats.bot_page_views);
      if (c.funnel.length) expect(c.funnel[0].reached).toBe(s.stats.funnel_eligible_sessions);
      for (const stage of c.funnel) expect(stage.reached).toBe(s.funnels.filter((f) => f.stage_order === stage.stageOrder).length);
    }));

  it('the same seed and config give identical rows; another seed gives other rows (D1)', () =>
    fc.assert(
      fc.asyncProperty(arbConfig, async (raw) => {
        const a = await simulate(raw);
        const b = await simulate(raw);
        expect(b.sessions).toEqual(a.sessions);
        expect(b.views).toEqual(a.views);
        expect(b.funnels).toEqual(a.funnels);
        expect(b.key).toEqual(a.key);
        expect(b.stats).toEqual(a.stats);
        if (a.sessions.length > 0) {
          const c = await simulate({ ...raw, seed: (raw.seed + 1) % 2 ** 31 });
          expect(c.sessions.map((x) => x.session_id)).not.toEqual(a.sessions.map((x) => x.session_id));
        }
      }),
      { numRuns: 15 },
    ));
});

describe('clickstream edge cases', () => {
  it('returns empty tables with their full schemas and zeroed stats when there is nothing to simulate (D4)', async () => {
    const s = await simulate({ users: 0, botTrafficEnabled: false });
    const [sessions, views, funnels] = s.run.result.tables;
    expect(sessions.columns.map((c) => c.name)).toEqual([
      'session_id', 'user_id', 'started_at', 'device_type', 'referrer', 'is_bot', 'is_bounce', 'user_agent', 'duration_seconds',
    ]);
    expect(views.columns.map((c) => c.name)).toEqual(['view_id', 'session_id', 'user_id', 'page_url', 'timestamp', 'time_on_page_seconds', 'referrer_url']);
    expect(funnels.columns.map((c) => c.name)).toEqual(['session_id', 'user_id', 'stage', 'stage_order', 'reached_at', 'converted']);
    expect([sessions.length, views.length, funnels.length]).toEqual([0, 0, 0]);
    expect(s.stats).toMatchObject({ total_sessions: 0, total_page_views: 0, bounce_rate_actual: 0, funnel_conversion_rate: 0, unique_users: 0 });
    expect(s.stats.device_type_distribution).toEqual({});
    // with bots enabled, no human sessions still means no bots (D3: no floor of one)
    expect((await simulate({ users: 0 })).sessions).toEqual([]);
    expect((await simulate({ users: 5, botFraction: 0 })).stats.bot_sessions).toBe(0);
  });

  it('keeps a session’s ids when the run grows (ids keyed by user and session index, D1)', async () => {
    const small = await simulate({ users: 10, seed: 3 });
    const large = await simulate({ users: 40, seed: 3 });
    const ids = (s: Simulated) => new Set(s.sessions.filter((x) => !x.is_bot).map((x) => `${x.user_id} ${x.session_id} ${x.started_at}`));
    const inLarge = ids(large);
    for (const id of ids(small)) expect(inLarge.has(id)).toBe(true);
  });

  it('never reads the wall clock: startTime sets the window (D1)', async () => {
    const s = await simulate({ users: 5, startTime: '2030-05-05T10:00:00Z', durationHours: 2 });
    for (const x of s.sessions) expect(x.started_at).toBeGreaterThanOrEqual(parseInstant('2030-05-05T10:00:00Z'));
  });
});

describe('clickstream streamed (runs too large to hold)', () => {
  it('builds the page views and the funnels a stretch at a time and gives the held run\'s tree, stats, charts and answer key', async () => {
    // about 70,000 sessions: two stretches of funnels (65,536 sessions each), three of page views
    const config = { users: 24_000, seed: 5 };
    const held = await runSimulator(clickstreamSimulator, config);
    // and with no working memory to spare (views arranged by the permutation's cycles): the same bytes
    const streamed = await streamSimulator(clickstreamSimulator, config, { scratchBytes: 0 });
    const rows: number[] = [];
    const funnelRows: number[] = [];
    const files = countingChunks(countingChunks(streamedRunFiles(streamed, 'csv'), 'page_views.csv', rows), 'funnels.csv', funnelRows);
    expect(treeHash(await materialise(files))).toBe(treeHash(await buildTree(held, 'csv')));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(0, -1).every((n) => n === ROWS_PER_STEP)).toBe(true);
    expect(rows.reduce((a, b) => a + b)).toBe(held.result.tables[1].length);
    expect(held.result.tables[0].length).toBeGreaterThan(65_536);
    expect(funnelRows.length).toBe(2);
    expect(funnelRows.reduce((a, b) => a + b)).toBe(held.result.tables[2].length);
    const rest = streamed.result.finish();
    expect(rest.stats).toEqual(held.result.stats);
    expect(rest.charts).toEqual(held.result.charts);
    expect(tableRows(rest.answerKey.finish())).toEqual(tableRows(held.result.answerKey.finish()));
  });

  it('refuses to be read out of order', async () => {
    const streamed = await streamSimulator(clickstreamSimulator, { users: 10, seed: 1 });
    await expect(streamed.result.tables[1].chunks()[Symbol.asyncIterator]().next()).rejects.toThrow(/out of order/);
    expect(() => streamed.result.finish()).toThrow(/every table/);
  });
});
