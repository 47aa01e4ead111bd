import { describe, expect, it } from 'vitest';
import { getColumn, type BoolColumn, type DictColumn, type NumberColumn, type Table } from '../../table/column';
import { parseInstant, US_PER_HOUR } from '../../time';
import { METHOD_WEIGHTS, METHODS, REQUEST_STATUS_WEIGHTS, STATUS_CODES } from './operational-log.constants';
import { runOl, windowsOf } from './operational-log.test-util';

const num = (t: Table, name: string) => (getColumn(t, name) as NumberColumn).values;
const bool = (t: Table, name: string) => (getColumn(t, name) as BoolColumn).values;
const START = parseInstant('2024-01-01T00:00:00Z');
const QUIET = { latencySpikeEnabled: false, outageEnabled: false, errorBurstEnabled: false, otlpExport: false };

function meanStd(xs: number[]): { mean: number; std: number } {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  const v = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, std: Math.sqrt(v) };
}

describe('operational-log statistics on large runs', () => {
  it('events per service-hour are Poisson(λ): mean ≈ λ, variance ≈ λ (D5)', async () => {
    const { logs } = await runOl({ ...QUIET, traceEnabled: false, eventsPerHour: 2000, durationHours: 24, serviceCount: 5 });
    const ts = num(logs, 'timestamp');
    const svc = (getColumn(logs, 'service') as DictColumn).codes;
    const counts = new Array<number>(24 * 5).fill(0);
    for (let i = 0; i < logs.length; i++) counts[Math.floor((ts[i] - START) / US_PER_HOUR) * 5 + svc[i]]++;
    const { mean, std } = meanStd(counts);
    expect(Math.abs(mean / 2000 - 1)).toBeLessThan(0.01);
    expect(std ** 2 / 2000).toBeGreaterThan(0.6);
    expect(std ** 2 / 2000).toBeLessThan(1.4);
  });

  it('the partial last slot draws Poisson(λ·f) events inside it (D4)', async () => {
    const { logs } = await runOl({ ...QUIET, traceEnabled: false, eventsPerHour: 20_000, durationHours: 2.5, serviceCount: 1 });
    const ts = num(logs, 'timestamp');
    const last = ts.filter((t) => t >= START + 2 * US_PER_HOUR).length;
    expect(Math.abs(logs.length / 50_000 - 1)).toBeLessThan(0.02);
    expect(Math.abs(last / 10_000 - 1)).toBeLessThan(0.05);
    expect(Math.max(...ts)).toBeLessThan(START + 2.5 * US_PER_HOUR);
  });

  it('latency has the configured mean and std outside spikes (D8), × multiplier inside', async () => {
    const { logs } = await runOl({ eventsPerHour: 2000, latencySpikeProbability: 0.3, errorBurstEnabled: false, otlpExport: false });
    const lat = num(logs, 'latency_ms');
    const spike = bool(logs, 'is_spike');
    const calm: number[] = [];
    const spiked: number[] = [];
    for (let i = 0; i < logs.length; i++) (spike[i] ? spiked : calm).push(lat[i]);
    const c = meanStd(calm);
    expect(Math.abs(c.mean / 50 - 1)).toBeLessThan(0.015);
    expect(Math.abs(c.std / 30 - 1)).toBeLessThan(0.05);
    expect(spiked.length).toBeGreaterThan(1000);
    expect(Math.abs(meanStd(spiked).mean / 500 - 1)).toBeLessThan(0.05);
  });

  it('a wide latency distribution keeps its mean too (mean 200, std 400)', async () => {
    const { logs } = await runOl({ ...QUIET, traceEnabled: false, eventsPerHour: 5000, latencyMeanMs: 200, latencyStdMs: 400 });
    const m = meanStd(Array.from(num(logs, 'latency_ms')));
    expect(Math.abs(m.mean / 200 - 1)).toBeLessThan(0.04);
  });

  it('the share of logs with a written trace is traceSampleRate; spans per trace follow min(max(1, Poisson(λ)), services)', async () => {
    for (const rate of [0.3, 0.7]) {
      const { logs, traces, result } = await runOl({ ...QUIET, eventsPerHour: 2000, traceSampleRate: rate });
      expect(Math.abs((result.stats.total_traces as number) / logs.length - rate)).toBeLessThan(0.01);
      // E[min(max(1, K), 5)] for K ~ Poisson(3.5)
      let expected = 0;
      let p = Math.exp(-3.5);
      for (let k = 0; k < 60; k++) {
        expected += p * Math.min(Math.max(1, k), 5);
        p *= 3.5 / (k + 1);
      }
      expect(Math.abs(traces.length / (result.stats.total_traces as number) / expected - 1)).toBeLessThan(0.02);
    }
  });

  it('requests inside an outage fail with 5xx at outageErrorRate (plus the ordinary 5xx share of the rest)', async () => {
    const { logs } = await runOl({ ...QUIET, outageEnabled: true, outageProbability: 0.5, traceEnabled: false, eventsPerHour: 2000 });
    const code = num(logs, 'status_code');
    const outage = bool(logs, 'is_outage');
    let n = 0;
    let failed = 0;
    for (let i = 0; i < logs.length; i++) {
      if (!outage[i]) continue;
      n++;
      if (code[i] >= 500) failed++;
    }
    expect(n).toBeGreaterThan(20_000);
    expect(Math.abs(failed / n - (0.8 + 0.2 * 0.07))).toBeLessThan(0.015);
  });

  it('status codes and methods follow the spec weights outside windows', async () => {
    const { logs } = await runOl({ ...QUIET, traceEnabled: false, eventsPerHour: 2000 });
    const code = num(logs, 'status_code');
    const method = (getColumn(logs, 'method') as DictColumn).codes;
    const codeCount = new Map<number, number>();
    const methodCount = new Array<number>(METHODS.length).fill(0);
    for (let i = 0; i < logs.length; i++) {
      codeCount.set(code[i], (codeCount.get(code[i]) ?? 0) + 1);
      methodCount[method[i]]++;
    }
    REQUEST_STATUS_WEIGHTS.forEach((w, i) => expect(Math.abs((codeCount.get(STATUS_CODES[i]) ?? 0) / logs.length - w)).toBeLessThan(0.004));
    METHOD_WEIGHTS.forEach((w, i) => expect(Math.abs(methodCount[i] / logs.length - w)).toBeLessThan(0.004));
  });

  it('windows start with their per-hour probability; bursts start within the first 3300 s of their hour (D11)', async () => {
    const { result } = await runOl({ eventsPerHour: 0, durationHours: 2000, latencySpikeProbability: 0.05, outageProbability: 0.1, errorBurstProbability: 0.5, errorBurstCount: 0, otlpExport: false });
    const w = windowsOf(result);
    const count = (kind: string) => w.filter((x) => x.kind === kind).length;
    expect(count('latency_spike')).toBeGreaterThan(60);
    expect(count('latency_spike')).toBeLessThan(140);
    expect(count('outage')).toBeGreaterThan(150);
    expect(count('outage')).toBeLessThan(250);
    const offsets = w.filter((x) => x.kind === 'error_burst').map((x) => ((x.time - START) % US_PER_HOUR) / 1e6);
    expect(offsets.length).toBeGreaterThan(900);
    expect(Math.max(...offsets)).toBeLessThan(3300);
    expect(Math.abs(meanStd(offsets).mean / 1650 - 1)).toBeLessThan(0.06);
    expect(offsets.filter((s) => s >= 300).length).toBeGreaterThan(offsets.length * 0.8); // not pinned to minutes 0–5
  });
});
