import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant, US_PER_HOUR } from '../../time';
import { OUTAGE_STATUS, STATUS_CODES } from './operational-log.constants';
import { configArb, rows, runOl, windowsOf, type Row } from './operational-log.test-util';

const RUNS = { numRuns: 40 };
const REQUEST_CODES = new Set<number>(STATUS_CODES.slice(0, 12));
const OUTAGE_CODES = new Set<number>(OUTAGE_STATUS.map((i) => STATUS_CODES[i]));
const BURST_CODES = new Set([500, 502, 503, 429]);
const levelRule = (code: number) => (code >= 500 ? 'ERROR' : code >= 400 ? 'WARN' : 'INFO');
/** The window end, in whole ms (the grid's end). */
const endOf = (c: { startTime: string; durationHours: number }) => Math.floor((parseInstant(c.startTime) + c.durationHours * US_PER_HOUR) / 1000) * 1000;

type Interval = [number, number];
function intervals(w: ReturnType<typeof windowsOf>, kind: string): Interval[] {
  return w.filter((x) => x.kind === kind).map((x) => [parseInstant(x.details.start as string), parseInstant(x.details.end as string)]);
}
const within = (iv: Interval[], t: number) => iv.some(([a, b]) => t >= a && t < b);

describe('operational-log invariants (spec §6)', () => {
  it('timestamps lie in [start, start + D), sorted; latency ≥ 0.5; status codes allowed for the event type; level by the rule', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, async (c) => {
        const { logs } = await runOl(c);
        const start = parseInstant(c.startTime);
        const end = endOf(c);
        let prev = -Infinity;
        for (const r of rows(logs)) {
          const ts = r.timestamp as number;
          expect(ts).toBeGreaterThanOrEqual(start);
          expect(ts).toBeLessThan(end);
          expect(ts).toBeGreaterThanOrEqual(prev);
          expect((ts - start) % 1000).toBe(0); // whole milliseconds from the start
          prev = ts;
          expect(r.latency_ms as number).toBeGreaterThanOrEqual(0.5);
          const code = r.status_code as number;
          if (r.is_error_burst) expect(BURST_CODES.has(code)).toBe(true);
          else if (r.is_outage) expect(REQUEST_CODES.has(code) || OUTAGE_CODES.has(code)).toBe(true);
          else expect(REQUEST_CODES.has(code)).toBe(true);
          expect(r.level).toBe(levelRule(code));
          const msg = r.message as string;
          if (code >= 500) expect(msg).not.toMatch(/^(Handled|Request rejected)/);
          else if (code >= 400) expect(msg).toMatch(new RegExp(`^Request rejected with ${code} in [0-9]+\\.[0-9]{1,2}ms$`));
          else expect(msg).toMatch(/^Handled request in [0-9]+\.[0-9]{1,2}ms$/);
        }
      }),
      RUNS,
    );
  });

  it('is_spike / is_outage are true iff the timestamp is in a window; a disabled feature has no windows and no flags; bursts sit in their windows', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, async (c) => {
        const { logs, result } = await runOl(c);
        const w = windowsOf(result);
        const spikes = intervals(w, 'latency_spike');
        const outages = intervals(w, 'outage');
        const bursts = intervals(w, 'error_burst');
        if (!c.latencySpikeEnabled) expect(spikes).toEqual([]);
        if (!c.outageEnabled) expect(outages).toEqual([]);
        if (!c.errorBurstEnabled) expect(bursts).toEqual([]);
        const lengthOf = { latency_spike: c.latencySpikeDurationMinutes, outage: c.outageDurationMinutes, error_burst: 5 } as Record<string, number>;
        for (const x of w) {
          // minute-precise (D3): the configured length in whole ms, unless clipped at the window end
          const s = parseInstant(x.details.start as string);
          const e = parseInstant(x.details.end as string);
          expect(e - s).toBe(Math.min(Math.floor(lengthOf[x.kind] * 60_000) * 1000, endOf(c) - s));
          expect(s).toBeLessThan(endOf(c));
          expect(x.time).toBe(s);
        }
        let burstRows = 0;
        for (const r of rows(logs)) {
          const ts = r.timestamp as number;
          expect(r.is_spike).toBe(within(spikes, ts));
          expect(r.is_outage).toBe(within(outages, ts));
          if (r.is_error_burst) {
            burstRows++;
            expect(within(bursts, ts)).toBe(true);
          }
        }
        expect(burstRows).toBe(w.filter((x) => x.kind === 'error_burst').reduce((a, x) => a + (x.details.events as number), 0));
        expect(burstRows).toBe(bursts.length * c.serviceCount * c.errorBurstCount);
      }),
      RUNS,
    );
  });

  it('answer-key event counts equal the rows inside each window', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, async (c) => {
        const { logs, result } = await runOl(c);
        const ts = rows(logs).map((r) => r.timestamp as number);
        for (const x of windowsOf(result).filter((y) => y.kind !== 'error_burst')) {
          const s = parseInstant(x.details.start as string);
          const e = parseInstant(x.details.end as string);
          expect(x.details.events).toBe(ts.filter((t) => t >= s && t < e).length);
          expect(x.key).toMatch(/^(spike|outage)-\d{4}$/);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('trace and span ids are W3C hex and non-zero on every log; tracing off means null ids and no traces', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, async (c) => {
        const { logs, traces } = await runOl(c);
        for (const r of rows(logs)) {
          expect(r.log_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          if (c.traceEnabled) {
            expect(r.trace_id).toMatch(/^[0-9a-f]{32}$/);
            expect(r.span_id).toMatch(/^[0-9a-f]{16}$/);
            expect(r.trace_id).not.toMatch(/^0+$/);
            expect(r.span_id).not.toMatch(/^0+$/);
          } else {
            expect(r.trace_id).toBeNull();
            expect(r.span_id).toBeNull();
          }
        }
        if (!c.traceEnabled) expect(traces.length).toBe(0);
        for (const s of rows(traces)) {
          expect(s.trace_id).toMatch(/^[0-9a-f]{32}$/);
          expect(s.span_id).toMatch(/^[0-9a-f]{16}$/);
          if (s.parent_span_id !== null) expect(s.parent_span_id).toMatch(/^[0-9a-f]{16}$/);
        }
      }),
      RUNS,
    );
  });

  it('each trace has one root; parents exist in the same trace at depth − 1; children nest in time; span ids unique; services distinct', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, async (c) => {
        const { traces } = await runOl(c);
        const spans = rows(traces);
        const bySpan = new Map<string, Row>();
        for (const s of spans) {
          expect(bySpan.has(s.span_id as string)).toBe(false);
          bySpan.set(s.span_id as string, s);
        }
        const byTrace = new Map<string, Row[]>();
        let prev = -Infinity;
        for (const s of spans) {
          expect(s.timestamp as number).toBeGreaterThanOrEqual(prev);
          prev = s.timestamp as number;
          const list = byTrace.get(s.trace_id as string) ?? [];
          list.push(s);
          byTrace.set(s.trace_id as string, list);
          if (s.parent_span_id === null) {
            expect(s.depth).toBe(0);
            continue;
          }
          const p = bySpan.get(s.parent_span_id as string);
          expect(p).toBeDefined();
          expect(p!.trace_id).toBe(s.trace_id);
          expect(s.depth).toBe((p!.depth as number) + 1);
          expect(s.timestamp as number).toBeGreaterThanOrEqual(p!.timestamp as number);
          const endUs = (s.timestamp as number) + (s.duration_ms as number) * 1000;
          const parentEndUs = (p!.timestamp as number) + (p!.duration_ms as number) * 1000;
          expect(endUs).toBeLessThanOrEqual(parentEndUs + 1e-6);
          expect(s.duration_ms as number).toBeGreaterThanOrEqual(0);
        }
        for (const list of byTrace.values()) {
          expect(list.filter((s) => s.parent_span_id === null)).toHaveLength(1);
          expect(list.length).toBeGreaterThanOrEqual(1);
          expect(list.length).toBeLessThanOrEqual(c.serviceCount);
          expect(new Set(list.map((s) => s.service)).size).toBe(list.length);
        }
      }),
      RUNS,
    );
  });

  it('every root span is its sampled log: same trace id, span id, timestamp, duration = latency, service; operation and status from the log', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, async (c) => {
        const { logs, traces, result } = await runOl(c);
        const bySpan = new Map(rows(logs).map((r) => [r.span_id as string, r]));
        const roots = rows(traces).filter((s) => s.parent_span_id === null);
        for (const s of roots) {
          const log = bySpan.get(s.span_id as string);
          expect(log).toBeDefined();
          expect(log!.trace_id).toBe(s.trace_id);
          expect(log!.timestamp).toBe(s.timestamp);
          expect(log!.latency_ms).toBe(s.duration_ms);
          expect(log!.service).toBe(s.service);
          expect(s.operation).toBe(`${log!.method} ${log!.endpoint}`);
          expect(s.status).toBe((log!.status_code as number) >= 500 ? 'ERROR' : 'OK');
        }
        // the unsampled logs' ids are absent from traces
        const traced = new Set(rows(traces).map((s) => s.trace_id));
        const sampledLogs = rows(logs).filter((r) => r.trace_id !== null && traced.has(r.trace_id));
        expect(sampledLogs.length).toBe(roots.length);
        expect(result.stats.total_traces).toBe(roots.length);
        expect(result.stats.total_spans).toBe(traces.length);
      }),
      RUNS,
    );
  });

  it('service_health: one row per service, totals and errors match the logs, percentiles monotone up to the max', async () => {
    await fc.assert(
      fc.asyncProperty(configArb, async (c) => {
        const { logs, health, result } = await runOl(c);
        const logRows = rows(logs);
        const h = rows(health);
        expect(h.map((r) => r.service)).toEqual(['api-gateway', 'auth-service', 'order-service', 'inventory-service', 'payment-service', 'notification-service', 'search-service', 'analytics-service'].slice(0, c.serviceCount));
        expect(h.reduce((a, r) => a + (r.total_requests as number), 0)).toBe(result.stats.total_events);
        expect(result.stats.total_events).toBe(logs.length);
        for (const r of h) {
          const mine = logRows.filter((l) => l.service === r.service);
          expect(r.total_requests).toBe(mine.length);
          expect(r.error_count).toBe(mine.filter((l) => (l.status_code as number) >= 500).length);
          const max = Math.max(0, ...mine.map((l) => l.latency_ms as number));
          expect(r.p50_latency_ms as number).toBeLessThanOrEqual(r.p95_latency_ms as number);
          expect(r.p95_latency_ms as number).toBeLessThanOrEqual(r.p99_latency_ms as number);
          expect(r.p99_latency_ms as number).toBeLessThanOrEqual(max);
        }
        expect(result.stats.total_errors).toBe(logRows.filter((l) => (l.status_code as number) >= 500).length);
        expect(result.stats.spike_events).toBe(logRows.filter((l) => l.is_spike).length);
        expect(result.stats.outage_events).toBe(logRows.filter((l) => l.is_outage).length);
      }),
      RUNS,
    );
  });

  it('eventsPerHour = 0 with bursts off gives no logs (D5: no floor of one event per hour)', async () => {
    const { logs, traces } = await runOl({ eventsPerHour: 0, errorBurstEnabled: false, durationHours: 48 });
    expect(logs.length).toBe(0);
    expect(traces.length).toBe(0);
  });

  it('a window shorter than an hour yields events (D4: 0.9 h is not truncated to zero slots)', async () => {
    const { logs } = await runOl({ durationHours: 0.9, eventsPerHour: 1000, serviceCount: 1 });
    expect(logs.length).toBeGreaterThan(800);
  });

  it('the same seed gives identical tables; another seed differs', async () => {
    const a = await runOl({ eventsPerHour: 40, durationHours: 5, seed: 7 });
    const b = await runOl({ eventsPerHour: 40, durationHours: 5, seed: 7 });
    const c = await runOl({ eventsPerHour: 40, durationHours: 5, seed: 8 });
    expect(rows(a.logs)).toEqual(rows(b.logs));
    expect(rows(a.traces)).toEqual(rows(b.traces));
    expect(rows(a.logs)).not.toEqual(rows(c.logs));
  });

  it('streams are independent: turning spikes off leaves the outage and burst windows unchanged', async () => {
    const base = { durationHours: 48, outageProbability: 0.3, errorBurstProbability: 0.3, latencySpikeProbability: 0.5, eventsPerHour: 5 };
    const on = windowsOf((await runOl(base)).result).filter((w) => w.kind !== 'latency_spike');
    const off = windowsOf((await runOl({ ...base, latencySpikeEnabled: false })).result);
    expect(off).toHaveLength(on.length);
    expect(off.map((w) => [w.key, w.time])).toEqual(on.map((w) => [w.key, w.time]));
  });
});
