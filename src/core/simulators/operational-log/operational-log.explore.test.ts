import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINKED_SPAN_BUDGET, LOG_SAMPLE_ROWS, TRACE_LIST_LENGTH, waterFill } from './operational-log.explore';
import { rows, runOl, type OlRun } from './operational-log.test-util';

/** Every trace in the explorer data is the traces table's trace, span for span. */
function checkTraces(r: OlRun) {
  const c = r.result.charts!;
  const spans = rows(r.traces);
  const byId = new Map(spans.map((s) => [s.span_id as string, s]));
  for (const t of c.traces) {
    const table = spans.filter((s) => s.trace_id === t.traceId);
    expect(t.spans).toHaveLength(table.length);
    expect(t.startMs).toBe((table.find((s) => s.depth === 0)!.timestamp as number) / 1000);
    t.spans.forEach((s, k) => {
      const row = byId.get(s.spanId)!;
      expect(row.trace_id).toBe(t.traceId);
      expect(row.parent_span_id).toBe(s.parent < 0 ? null : t.spans[s.parent].spanId);
      expect([row.service, row.operation, row.duration_ms, row.status, row.depth]).toEqual([c.services[s.service].name, s.operation, s.durationMs, s.error ? 'ERROR' : 'OK', s.depth]);
      expect(row.timestamp).toBe((t.startMs + s.offsetMs) * 1000);
      if (k === 0) expect([s.parent, s.offsetMs, s.durationMs]).toEqual([-1, 0, t.durationMs]);
    });
    expect(t.errors).toBe(t.spans.filter((s) => s.error).length);
  }
}

describe('operational-log explorer data', () => {
  it('water-filling keeps small strata whole and never exceeds the budget', () => {
    expect(waterFill([5, 1000, 20, 1000], 100)).toEqual([5, 37, 20, 38]);
    fc.assert(
      fc.property(fc.array(fc.nat(5000), { maxLength: 30 }), fc.nat(3000), (counts, budget) => {
        const q = waterFill(counts, budget);
        const sum = q.reduce((a, x) => a + x, 0);
        expect(sum).toBe(Math.min(budget, counts.reduce((a, x) => a + x, 0)));
        q.forEach((x, i) => expect(x).toBeLessThanOrEqual(counts[i]));
      }),
    );
  });

  it('a small run is sampled whole; traces and links match the tables', async () => {
    const r = await runOl({ eventsPerHour: 40, durationHours: 3, errorBurstProbability: 0.5, errorBurstCount: 4, otlpExport: false });
    const c = r.result.charts!;
    const logs = rows(r.logs);
    expect(logs.length).toBeLessThan(LOG_SAMPLE_ROWS);
    const s = c.logSample;
    expect(s.total).toBe(logs.length);
    expect(s.row).toEqual(logs.map((_, i) => i));
    s.row.forEach((i, k) => {
      const l = logs[i];
      expect([s.timeMs[k] * 1000, c.services[s.service[k]].name, c.levelNames[s.level[k]], c.methodNames[s.method[k]], c.endpointNames[s.endpoint[k]]]).toEqual([
        l.timestamp,
        l.service,
        l.level,
        l.method,
        l.endpoint,
      ]);
      expect([s.status[k], s.latencyMs[k], s.message[k]]).toEqual([l.status_code, l.latency_ms, l.message]);
      expect([(s.flags[k] & 1) > 0, (s.flags[k] & 2) > 0, (s.flags[k] & 4) > 0]).toEqual([l.is_spike, l.is_outage, l.is_error_burst]);
      const t = s.trace[k];
      expect(t >= 0).toBe((s.flags[k] & 8) > 0);
      if (t >= 0) expect([c.traces[t].traceId, c.traces[t].spans[0].spanId]).toEqual([l.trace_id, l.span_id]);
    });
    expect(s.strata.reduce((a, x) => a + x.shown, 0)).toBe(logs.length);
    checkTraces(r);
    // every sampled trace is linked, so the trace set is the traces table
    expect(new Set(c.traces.map((t) => t.traceId)).size).toBe(r.result.stats.total_traces);
  });

  it('a larger run: the sample spreads over strata and time, the lists pick what they say, the JSON stays small', async () => {
    const r = await runOl({ serviceCount: 8, eventsPerHour: 100, durationHours: 12, traceSampleRate: 1, traceDepthMean: 20, otlpExport: false });
    const c = r.result.charts!;
    const s = c.logSample;
    expect(s.row.length).toBe(LOG_SAMPLE_ROWS);
    for (let k = 1; k < s.row.length; k++) expect(s.row[k]).toBeGreaterThan(s.row[k - 1]);
    for (const st of s.strata) expect(s.row.filter((_, k) => s.service[k] === st.service && s.level[k] === st.level).length).toBe(st.shown);
    // water-filling: a stratum cut short gets at least as many rows as any other, give or take one
    const most = Math.max(...s.strata.map((x) => x.shown));
    for (const st of s.strata) if (st.shown < st.total) expect(st.shown).toBeGreaterThanOrEqual(most - 1);
    expect(s.strata.some((x) => x.level === 2 && x.shown === x.total)).toBe(true);
    const firstHour = s.timeMs.filter((t) => t < s.timeMs[0] + 3_600_000).length;
    expect(firstHour).toBeLessThan(LOG_SAMPLE_ROWS / 6);

    const linkedSpans = new Set(s.trace.filter((t) => t >= 0));
    const listed = new Set([...c.traceLists.slowest, ...c.traceLists.errors, ...c.traceLists.deepest]);
    const linkedOnly = [...linkedSpans].filter((t) => !listed.has(t));
    expect(linkedOnly.reduce((a, t) => a + c.traces[t].spans.length, 0)).toBeLessThanOrEqual(LINKED_SPAN_BUDGET);
    expect(s.trace.filter((t) => t < 0).length).toBeGreaterThan(0); // past the budget

    const spans = rows(r.traces);
    const rootDurations = spans.filter((x) => x.depth === 0).map((x) => x.duration_ms as number);
    rootDurations.sort((a, b) => b - a);
    expect(c.traceLists.slowest.map((t) => c.traces[t].durationMs)).toEqual(rootDurations.slice(0, TRACE_LIST_LENGTH));
    expect(c.traceLists.errors).toHaveLength(TRACE_LIST_LENGTH);
    for (const t of c.traceLists.errors) expect(c.traces[t].errors).toBeGreaterThan(0);
    expect(c.traceLists.deepest.map((t) => c.traces[t].spans.length)).toEqual(new Array(TRACE_LIST_LENGTH).fill(8));
    checkTraces(r);
    expect(JSON.stringify(c).length).toBeLessThan(1_000_000);
  });

  it('tracing off: no traces, no links', async () => {
    const r = await runOl({ eventsPerHour: 20, durationHours: 2, traceEnabled: false, otlpExport: false });
    const c = r.result.charts!;
    expect(c.traces).toEqual([]);
    expect(c.traceLists).toEqual({ slowest: [], errors: [], deepest: [] });
    expect(c.logSample.trace.every((t) => t === -1)).toBe(true);
  });
});
