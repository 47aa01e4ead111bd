import { describe, expect, it } from 'vitest';
import { rows, runOl, windowsOf } from './operational-log.test-util';

describe('operational-log charts', () => {
  it('series, mixes and windows agree with the tables and the answer key', async () => {
    const r = await runOl({ eventsPerHour: 60, durationHours: 30, latencySpikeProbability: 0.2, outageProbability: 0.2, errorBurstProbability: 0.2, errorBurstCount: 3, otlpExport: false });
    const c = r.result.charts!;
    const logs = rows(r.logs);
    expect(c.bucketMinutes).toBe(10);
    expect(c.bucketStarts).toHaveLength(180);
    expect(c.bucketStarts[1]).toBe('2024-01-01T00:10:00.000Z');
    for (const s of c.series) {
      const mine = logs.filter((l) => l.service === s.service);
      expect(s.requests.reduce((a, x) => a + x, 0)).toBe(mine.length);
      expect(s.errors.reduce((a, x) => a + x, 0)).toBe(mine.filter((l) => (l.status_code as number) >= 500).length);
      s.errorRate.forEach((rate, b) => expect(rate).toBeCloseTo(s.requests[b] ? s.errors[b] / s.requests[b] : 0, 4));
    }
    expect(c.statusCodes.reduce((a, x) => a + x.count, 0)).toBe(logs.length);
    expect(c.levels.map((l) => l.level)).toEqual(['INFO', 'WARN', 'ERROR']);
    expect(c.levels.find((l) => l.level === 'ERROR')!.count).toBe(r.result.stats.total_errors);
    expect(c.windows.map((w) => [w.kind, w.id, w.start, w.end])).toEqual(windowsOf(r.result).map((w) => [w.kind, w.key, w.details.start, w.details.end]));
    expect(c.latency.map((l) => l.p99)).toEqual(rows(r.health).map((h) => h.p99_latency_ms));
  });
});
