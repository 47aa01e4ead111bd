// Configured rates on large runs. Seeds are fixed, so these cannot flake; the tolerances are
// 5 standard deviations, so a wrong rate (not just bad luck) is what makes them fail.
import { describe, expect, it } from 'vitest';
import { runSimulator } from '../../run';
import { getColumn, tableRows, type NumberColumn } from '../../table/column';
import type { IotTelemetryOutput } from './iot-telemetry';
import { iotTelemetrySimulator } from './index';

const within = (x: number, mean: number, sd: number) => expect(Math.abs(x - mean)).toBeLessThanOrEqual(5 * sd);
const values = (r: IotTelemetryOutput, table: number, column: string) => (getColumn(r.tables[table], column) as NumberColumn).values;

async function run(config: Record<string, unknown>) {
  return (await runSimulator(iotTelemetrySimulator, { seed: 11, ...config })).result as IotTelemetryOutput;
}

describe('iot-telemetry configured rates (large runs)', () => {
  it('nulls p of the readings; drifts floor(p·series) series by steps of σ = driftRate in time order', async () => {
    const r = await run({ fleetSize: 100, driftProbability: 0.1, driftRate: 0.05, alertStormEnabled: false, baselineAlertsEnabled: false });
    const n = r.stats.total_readings as number;
    expect(n).toBe(100 * 1440);
    within(r.stats.missing_readings_injected as number, 0.05 * n, Math.sqrt(n * 0.05 * 0.95));
    expect(r.stats.drifting_sensors).toBe(10);
    const base = await run({ fleetSize: 100, driftEnabled: false, missingEnabled: false, alertStormEnabled: false, baselineAlertsEnabled: false });
    // per drifting device, the offsets of its present readings in time order: their steps over a gap of g readings have variance g·σ²
    const after = values(r, 0, 'value');
    const valid = getColumn(r.tables[0], 'value').valid!;
    const before = values(base, 0, 'value');
    const device = values(r, 0, 'device_id');
    const drifting = new Set(tableRows(r.answerKey.finish()).filter((k) => k.kind === 'sensor_drift').map((k) => Number(k.key)));
    const lastOffset = new Map<number, [number, number]>();
    let sum = 0;
    let weight = 0;
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const d = device[i];
      if (!drifting.has(d) && valid[i] === 1 && after[i] !== before[i]) changed++;
      if (!drifting.has(d) || valid[i] === 0) continue;
      const offset = after[i] - before[i];
      const k = Math.floor(i / 100); // the tick (rows are emitted tick by tick)
      const prev = lastOffset.get(d);
      if (prev) {
        sum += (offset - prev[0]) ** 2;
        weight += k - prev[1];
      }
      lastOffset.set(d, [offset, k]);
    }
    expect(changed).toBe(0);
    const sd = Math.sqrt(sum / weight);
    within(sd, 0.05, 0.05 / Math.sqrt(2 * weight));
  });

  it('storms start in p of the hours with one non-battery type each; baseline alerts come at D/8 per device with uniform types', async () => {
    const r = await run({
      fleetSize: 10,
      durationHours: 2000,
      readingIntervalSeconds: 3600,
      alertStormProbability: 0.05,
      alertStormDurationMinutes: 1,
      alertStormRateMultiplier: 60,
      batteryDrainEnabled: false,
      driftEnabled: false,
      missingEnabled: false,
    });
    within(r.stats.alert_storms as number, 100, Math.sqrt(2000 * 0.05 * 0.95));
    const alerts = tableRows(r.tables[1]);
    const baseline = alerts.filter((a) => !a.is_storm);
    within(baseline.length, 10 * 250, Math.sqrt(10 * 250));
    const types = new Map<string, number>();
    for (const a of baseline) types.set(a.alert_type as string, (types.get(a.alert_type as string) ?? 0) + 1);
    expect(types.has('battery_low')).toBe(false);
    expect(types.size).toBe(7);
    for (const c of types.values()) within(c, baseline.length / 7, Math.sqrt((baseline.length * 6) / 49));
    const stormTypes = new Set(r.charts!.storms.map((s) => s.type));
    expect(stormTypes.has('battery_low')).toBe(false);
    expect(stormTypes.size).toBeGreaterThanOrEqual(5);
  });

  it('batteries start U(60, 100) and drain at rate × U(0.7, 1.3) per hour', async () => {
    const r = await run({ fleetSize: 2000, durationHours: 1, readingIntervalSeconds: 3600, batteryDrainRate: 2 });
    const b0 = values(r, 2, 'initial_battery_level');
    const rate = values(r, 2, 'drain_rate_per_hour');
    const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
    within(mean(b0), 80, 40 / Math.sqrt(12) / Math.sqrt(2000));
    within(mean(rate), 2, (2 * 0.6) / Math.sqrt(12) / Math.sqrt(2000));
    expect(Math.min(...b0)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...rate)).toBeLessThanOrEqual(2.6);
    expect(Math.min(...rate)).toBeGreaterThanOrEqual(1.4);
  });
});
