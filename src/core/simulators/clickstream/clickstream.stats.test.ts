// Statistical tests on large runs: the configured rates and means come out within tolerance.
import { describe, expect, it } from 'vitest';
import { runSimulator } from '../../run';
import { cellAt, getColumn, type NumberColumn, type Table, type Utf8Column } from '../../table/column';
import { clickstreamSimulator } from '.';
import type { ClickstreamCharts } from './clickstream.charts';
import { meanPagesNonBounce } from './clickstream.config';

const numbers = (t: Table, name: string) => (getColumn(t, name) as NumberColumn).values;
const flags = (t: Table, name: string) => Array.from({ length: t.length }, (_, i) => cellAt(getColumn(t, name), i) === true);

/** P(Poisson(μ) ≥ k). */
function poissonTail(mu: number, k: number): number {
  let p = Math.exp(-mu);
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += p;
    p *= mu / (i + 1);
  }
  return 1 - below;
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 via erf; error < 1.5e-7). */
function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

describe('clickstream statistics (20,000 users, defaults)', async () => {
  const run = await runSimulator(clickstreamSimulator, { users: 20_000, seed: 11 });
  const [sessions, views] = run.result.tables;
  const stats = run.result.stats as Record<string, number>;
  const charts = run.result.charts as ClickstreamCharts;
  const isBot = flags(sessions, 'is_bot');
  const humans = stats.human_sessions;

  it('bounce rate ≈ 0.35', () => {
    expect(Math.abs(stats.bounce_rate_actual - 0.35)).toBeLessThan(0.01);
  });

  it('sessions per user ≈ λ + e^−λ (Poisson raised to at least 1)', () => {
    expect(Math.abs(humans / 20_000 - (2.5 + Math.exp(-2.5)))).toBeLessThan(0.04);
  });

  it('human pages per session ≈ b + (1 − b)·E[max(2, Poisson(5))]; bots are kept out of it (D7)', () => {
    const expected = 0.35 + 0.65 * meanPagesNonBounce(5);
    expect(Math.abs(stats.avg_pages_per_session - expected)).toBeLessThan(0.05);
    expect(stats.bot_page_views).toBe(stats.bot_sessions * 50);
  });

  it('funnel conversion ≈ (1 − d)^(S−1) · P(pages ≥ S) (D5)', () => {
    const expected = 0.6 ** 4 * poissonTail(5, 5);
    expect(Math.abs(stats.funnel_conversion_rate - expected)).toBeLessThan(0.007);
    expect(stats.funnel_eligible_sessions).toBe(humans - stats.bounce_sessions);
    // each stage keeps about (1 − d) of the previous one until page counts start to bite
    const [landing, product] = charts.funnel;
    expect(Math.abs(product.reached / landing.reached - 0.6)).toBeLessThan(0.015);
  });

  it('human dwell is LogNormal(2.7, 0.8) clipped to [5, 120]: ≈ 8.6 % at 5 s, ≈ 0.45 % at 120 s, median ≈ 14.9 s', () => {
    const dwell = numbers(views, 'time_on_page_seconds');
    // bot views are the ones whose user_id starts with "b" (bot_…), read from the column's bytes
    const users = getColumn(views, 'user_id') as Utf8Column;
    const human: number[] = [];
    const bot: number[] = [];
    for (let i = 0; i < views.length; i++) (users.bytes[users.offsets[i]] === 98 ? bot : human).push(dwell[i]);
    expect(bot.length).toBe(stats.bot_page_views);
    const atMin = human.filter((x) => x === 5).length / human.length;
    const atMax = human.filter((x) => x === 120).length / human.length;
    expect(Math.abs(atMin - phi((Math.log(5) - 2.7) / 0.8))).toBeLessThan(0.005);
    expect(Math.abs(atMax - (1 - phi((Math.log(120) - 2.7) / 0.8)))).toBeLessThan(0.0015);
    human.sort((a, b) => a - b);
    expect(Math.abs(human[human.length >> 1] - Math.exp(2.7))).toBeLessThan(0.3);
    expect(bot.reduce((a, x) => Math.min(a, x), Infinity)).toBeGreaterThanOrEqual(0.1);
    expect(bot.reduce((a, x) => Math.max(a, x), -Infinity)).toBeLessThanOrEqual(0.5);
  });

  it('human starts follow the diurnal weight: peak at 12:00, ≈ 10× the 00:00 trough; bots are flat (D8)', () => {
    const h = charts.hourOfDay;
    const peak = h.reduce((a, x) => (x.humans > a.humans ? x : a));
    expect([11, 12]).toContain(peak.hour);
    // mean weight over [12, 13) is 0.994, over [0, 1) the 0.1 floor
    const ratio = h[12].humans / h[0].humans;
    expect(ratio).toBeGreaterThan(8.5);
    expect(ratio).toBeLessThan(11.5);
    // the weight is 0.5 at 06:00 and rises: its mean over [6, 7) is 0.565 against 0.994 over [12, 13)
    expect(Math.abs(h[6].humans / h[12].humans - 0.565 / 0.994)).toBeLessThan(0.05);
    const bots = h.map((x) => x.bots);
    const mean = bots.reduce((a, b) => a + b, 0) / 24;
    for (const b of bots) expect(Math.abs(b - mean)).toBeLessThan(5 * Math.sqrt(mean));
  });

  it('bot sessions are floor(human · 0.15 / 0.85) and pick agents uniformly', () => {
    expect(stats.bot_sessions).toBe(Math.floor((humans * 0.15) / 0.85));
    const agents = new Map<string, number>();
    const col = getColumn(sessions, 'user_agent');
    for (let i = 0; i < sessions.length; i++) if (isBot[i]) agents.set(cellAt(col, i) as string, (agents.get(cellAt(col, i) as string) ?? 0) + 1);
    expect(agents.size).toBe(5);
    for (const c of agents.values()) expect(Math.abs(c / stats.bot_sessions - 0.2)).toBeLessThan(0.02);
  });
});

describe('clickstream funnel without page caps', () => {
  it('with long sessions, conversion ≈ (1 − d)^(S−1) and page counts never cut a funnel', async () => {
    const run = await runSimulator(clickstreamSimulator, { users: 10_000, avgPagesPerSession: 40, funnelDropRate: 0.25, botTrafficEnabled: false, seed: 5 });
    const stats = run.result.stats as Record<string, number>;
    const charts = run.result.charts as ClickstreamCharts;
    expect(Math.abs(stats.funnel_conversion_rate - 0.75 ** 4)).toBeLessThan(0.012);
    for (const stage of charts.funnel) expect(stage.cappedByPages).toBe(0);
  });
});
