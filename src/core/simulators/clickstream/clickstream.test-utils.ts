// Shared by the Clickstream test files: run a config and read its tables back as plain rows.
import fc from 'fast-check';
import { runSimulator } from '../../run';
import { tableRows } from '../../table/column';
import { clickstreamSimulator } from '.';
import type { ClickstreamCharts } from './clickstream.charts';
import type { ClickstreamConfig } from './clickstream.config';

export type SessionRow = {
  session_id: string;
  user_id: string;
  started_at: number;
  device_type: string;
  referrer: string;
  is_bot: boolean;
  is_bounce: boolean;
  user_agent: string | null;
  duration_seconds: number;
};
export type ViewRow = {
  view_id: string;
  session_id: string;
  user_id: string;
  page_url: string;
  timestamp: number;
  time_on_page_seconds: number;
  referrer_url: string;
};
export type FunnelRow = { session_id: string; user_id: string; stage: string; stage_order: number; reached_at: number; converted: boolean };
export type KeyRow = { kind: string; table: string; key: string; time: number | null; details: string };
export type Stats = Record<string, number> & { device_type_distribution: Record<string, number>; referrer_distribution: Record<string, number> };

export async function simulate(raw: Record<string, unknown>) {
  const run = await runSimulator(clickstreamSimulator, raw);
  const [sessions, views, funnels] = run.result.tables;
  return {
    run,
    config: run.config as unknown as ClickstreamConfig,
    sessions: tableRows(sessions) as unknown as SessionRow[],
    views: tableRows(views) as unknown as ViewRow[],
    funnels: tableRows(funnels) as unknown as FunnelRow[],
    stats: run.result.stats as Stats,
    key: tableRows(run.result.answerKey.finish()) as unknown as KeyRow[],
    charts: run.result.charts as ClickstreamCharts,
  };
}

export type Simulated = Awaited<ReturnType<typeof simulate>>;

/** Views of each session in page order (page_views is time-ordered, and a session's views are strictly increasing in time). */
export function viewsBySession(s: Simulated): Map<string, ViewRow[]> {
  const out = new Map<string, ViewRow[]>(s.sessions.map((x) => [x.session_id, []]));
  for (const v of s.views) out.get(v.session_id)?.push(v);
  return out;
}

export const TEMPLATES = ['/', '/products', '/products/{id}', '/blog/{slug}', '/p/{id}/{slug}', '/{id}-{id}', '/faq?q={slug}', '/über'];
export const STAGES = ['landing', 'product', 'cart', 'checkout', 'confirmation', 'thanks'];
const STARTS = ['2024-01-01T00:00:00Z', '2024-03-10T13:37:11.123Z', '2023-12-31T22:00:00+02:00', '2025-06-30'];

/** Small random configs covering every field (users ≤ 20, few pages), for property tests. */
export const arbConfig = fc.record({
  users: fc.integer({ min: 0, max: 20 }),
  durationHours: fc.oneof(fc.constantFrom(0.25, 1, 24, 72), fc.double({ min: 0.01, max: 100, noNaN: true })),
  startTime: fc.constantFrom(...STARTS),
  avgSessionsPerUser: fc.double({ min: 0, max: 4, noNaN: true }),
  avgPagesPerSession: fc.double({ min: 0, max: 8, noNaN: true }),
  bounceRate: fc.double({ min: 0, max: 1, noNaN: true }),
  funnelEnabled: fc.boolean(),
  funnelStages: fc.subarray(STAGES),
  funnelDropRate: fc.double({ min: 0, max: 1, noNaN: true }),
  botTrafficEnabled: fc.boolean(),
  botFraction: fc.double({ min: 0, max: 0.9, noNaN: true }),
  botPagesPerSession: fc.integer({ min: 0, max: 12 }),
  pagePool: fc.subarray(TEMPLATES, { minLength: 1 }),
  referrerSources: fc.subarray(['direct', 'google', 'bing', 'email', 'partner, inc'], { minLength: 1 }),
  deviceTypes: fc.subarray(['desktop', 'mobile', 'tablet', 'tv'], { minLength: 1 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

/** A regular expression for the URLs a template expands to: `{id}` → a number (one value for every occurrence), `{slug}` → post-number. */
export function templatePattern(template: string): RegExp {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const seen = new Set<string>();
  const parts = template.split(/(\{id\}|\{slug\})/).map((p) => {
    if (p !== '{id}' && p !== '{slug}') return esc(p);
    const name = p.slice(1, -1);
    const first = !seen.has(name);
    seen.add(name);
    const group = first ? `(?<${name}>[1-9]\\d{0,2})` : `\\k<${name}>`;
    return name === 'slug' ? `post-${group}` : group;
  });
  return new RegExp(`^${parts.join('')}$`);
}

/** Whether a URL is an expansion of one of the templates with every placeholder value in 1..500. */
export function matchesPool(url: string, pool: readonly string[]): boolean {
  return pool.some((t) => {
    const m = templatePattern(t).exec(url);
    return m !== null && Object.values(m.groups ?? {}).every((x) => Number(x) >= 1 && Number(x) <= 500);
  });
}
