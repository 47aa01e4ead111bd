import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_VIEWS, SAMPLES_PER_KIND, type SessionKind } from './clickstream.samples';
import { arbConfig, simulate, viewsBySession, type Simulated } from './clickstream.test-utils';

/** The kind a session row belongs to, from the tables alone. */
function kindOf(s: Simulated, sessionId: string, isBot: boolean, isBounce: boolean): SessionKind {
  if (isBot) return 'bot';
  if (isBounce) return 'bounced';
  const stages = s.config.funnelEnabled ? s.config.funnelStages.length : 0;
  const converted = stages > 0 && s.funnels.some((f) => f.session_id === sessionId && f.converted);
  return converted ? 'converted' : 'engaged';
}

describe('clickstream session samples (the page’s session explorer)', () => {
  it('are whole sessions of the tables, with their page views in order', () =>
    fc.assert(
      fc.asyncProperty(arbConfig, async (raw) => {
        const s = await simulate(raw);
        const samples = s.charts.sessionSamples;
        const position = new Map(s.sessions.map((x, i) => [x.session_id, i]));
        const views = viewsBySession(s);
        const kinds = new Map<SessionKind, number>();
        for (const x of s.sessions) {
          const k = kindOf(s, x.session_id, x.is_bot, x.is_bounce);
          kinds.set(k, (kinds.get(k) ?? 0) + 1);
        }
        // every kind fills its quota when it has enough sessions, in session order
        for (const [k, count] of kinds) expect(samples.filter((x) => x.kind === k).length).toBe(Math.min(count, SAMPLES_PER_KIND[k]));
        const order = samples.map((x) => position.get(x.sessionId)!);
        expect(order).toEqual([...order].sort((a, b) => a - b));
        for (const x of samples) {
          const row = s.sessions[position.get(x.sessionId)!];
          expect(x).toMatchObject({
            userId: row.user_id,
            startedAtMs: row.started_at / 1000,
            deviceType: row.device_type,
            referrer: row.referrer,
            userAgent: row.user_agent,
            durationSeconds: row.duration_seconds,
          });
          expect(x.kind).toBe(kindOf(s, x.sessionId, row.is_bot, row.is_bounce));
          expect(x.funnelDepth).toBe(s.funnels.filter((f) => f.session_id === x.sessionId).length);
          const own = views.get(x.sessionId)!;
          expect(x.pageViews).toBe(own.length);
          expect(x.views.length).toBe(Math.min(own.length, MAX_SAMPLE_VIEWS));
          x.views.forEach((v, k) => {
            expect(v.url).toBe(own[k].page_url);
            expect(row.started_at + v.offsetMs * 1000).toBe(own[k].timestamp);
            expect(v.dwellSeconds).toBe(own[k].time_on_page_seconds);
          });
        }
      }),
      { numRuns: 25 },
    ));

  it('stay small on a large run and span the window', async () => {
    const s = await simulate({ users: 3_000, botPagesPerSession: 400, seed: 5 });
    const samples = s.charts.sessionSamples;
    expect(samples.length).toBe(50 + 50 + 50 + 25);
    expect(Math.max(...samples.map((x) => x.views.length))).toBe(MAX_SAMPLE_VIEWS);
    expect(JSON.stringify(samples).length).toBeLessThan(400_000);
    const hours = samples.filter((x) => x.kind === 'bounced').map((x) => (x.startedAtMs - samples[0].startedAtMs) / 3_600_000);
    expect(Math.max(...hours)).toBeGreaterThan(20);
  });
});
