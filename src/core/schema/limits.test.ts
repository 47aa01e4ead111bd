import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../catalog';
import { clickstreamConfig, MAX_USERS } from '../simulators/clickstream/clickstream.config';
import { operationalLogConfig } from '../simulators/operational-log/operational-log.config';

/** The issue on `path`, if the config is refused there. */
function issueAt(schema: { parse(raw: unknown): { ok: boolean; issues?: { path: string }[] } }, raw: unknown, path: string): boolean {
  const r = schema.parse(raw);
  return !r.ok && (r.issues ?? []).some((i) => i.path === path);
}

describe('derived limits: what the form shows is what validation applies', () => {
  it('clickstream users: the limit passes, one more is refused (unless the field cap binds)', () => {
    fc.assert(
      fc.property(
        fc.record({
          avgSessionsPerUser: fc.double({ min: 0, max: 100, noNaN: true }),
          avgPagesPerSession: fc.double({ min: 0, max: 1000, noNaN: true }),
          bounceRate: fc.double({ min: 0, max: 1, noNaN: true }),
          botFraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
          botPagesPerSession: fc.integer({ min: 0, max: 10_000 }),
          botTrafficEnabled: fc.boolean(),
        }),
        (others) => {
          const max = clickstreamConfig.limits!(others).users.max!;
          expect(max).toBeGreaterThanOrEqual(0);
          expect(max).toBeLessThanOrEqual(MAX_USERS);
          expect(issueAt(clickstreamConfig, { ...others, users: max }, 'users')).toBe(false);
          if (max < MAX_USERS) expect(issueAt(clickstreamConfig, { ...others, users: max + 1 }, 'users')).toBe(true);
        },
      ),
    );
  });

  it('clickstream users: 1,000,000 at the defaults (streamed, 32 M page views fit), fewer when sessions are longer', () => {
    expect(clickstreamConfig.limits!({}).users.max).toBe(1_000_000);
    const longer = clickstreamConfig.limits!({ avgPagesPerSession: 20 }).users.max!;
    expect(longer).toBeGreaterThan(400_000);
    expect(longer).toBeLessThan(1_000_000);
    expect(clickstreamConfig.parse({ avgPagesPerSession: 20, users: longer }).ok).toBe(true);
    expect(clickstreamConfig.parse({ avgPagesPerSession: 20, users: longer + 1 }).ok).toBe(false);
  });

  it('operational-log events per hour: the limit passes, above it is refused', () => {
    fc.assert(
      fc.property(
        fc.record({
          serviceCount: fc.integer({ min: 1, max: 8 }),
          durationHours: fc.double({ min: 0.01, max: 8784, noNaN: true }),
          errorBurstProbability: fc.double({ min: 0, max: 1, noNaN: true }),
          errorBurstCount: fc.integer({ min: 0, max: 50_000 }),
        }),
        (others) => {
          const max = operationalLogConfig.limits!(others).eventsPerHour.max!;
          if (max <= 0) return;
          expect(issueAt(operationalLogConfig, { ...others, eventsPerHour: max }, 'eventsPerHour')).toBe(false);
          if (max < 10_000_000) expect(issueAt(operationalLogConfig, { ...others, eventsPerHour: max + 1 }, 'eventsPerHour')).toBe(true);
        },
      ),
    );
  });

  it('limits never throw and stay absent while the other fields are invalid', () => {
    for (const spec of CATALOG) {
      fc.assert(
        fc.property(fc.jsonValue(), (raw) => {
          const limits = spec.schema.limits?.(raw) ?? {};
          for (const l of Object.values(limits)) expect(Number.isFinite(l.max ?? 0)).toBe(true);
        }),
      );
      expect(clickstreamConfig.limits!({ avgPagesPerSession: 'many' })).toEqual({});
    }
  });
});
