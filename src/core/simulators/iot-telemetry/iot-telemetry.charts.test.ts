import { describe, expect, it } from 'vitest';
import { runSimulator } from '../../run';
import { tableRows } from '../../table/column';
import { MAX_BUCKETS } from '../../time-buckets';
import type { IotTelemetryOutput } from './iot-telemetry';
import { iotTelemetrySimulator } from './index';

const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

describe('iot-telemetry charts', () => {
  it('agree with the tables, show the interesting devices first, and stay small', async () => {
    const run = await runSimulator(iotTelemetrySimulator, {
      fleetSize: 60,
      durationHours: 24,
      driftProbability: 0.1,
      driftRate: 0.05,
      alertStormProbability: 0.2,
      batteryDrainRate: 3,
      seed: 5,
    });
    const r = run.result as IotTelemetryOutput;
    const c = r.charts!;
    const [readings, alerts, fleet] = r.tables.map(tableRows);
    expect(c.fleetStatus).toEqual({ online: r.stats.fleet_online, degraded: r.stats.fleet_degraded, offline: r.stats.fleet_offline });
    // alerts over time, at least hourly, split into storm, baseline and battery
    expect(c.alertsOverTime.bucketMinutes).toBeGreaterThanOrEqual(60);
    expect(sum(c.alertsOverTime.storm)).toBe(alerts.filter((a) => a.is_storm).length);
    expect(sum(c.alertsOverTime.battery)).toBe(alerts.filter((a) => a.alert_type === 'battery_low').length);
    expect(sum(c.alertsOverTime.baseline)).toBe(alerts.filter((a) => !a.is_storm && a.alert_type !== 'battery_low').length);
    expect(c.storms.map((s) => s.alerts)).toEqual(c.storms.map((s) => alerts.filter((a) => a.storm_id === s.id).length));
    expect(sum(c.alertTypes.map((t) => t.count))).toBe(alerts.length);
    // battery distribution
    expect(sum(c.battery.bins.map((b) => b.start)) + c.battery.none).toBe(fleet.length);
    expect(sum(c.battery.bins.map((b) => b.end))).toBe(fleet.filter((f) => f.battery_level !== null).length);
    // chosen devices: drifting and gappy ones first; their downsampled series match their readings
    expect(c.readings.devices.length).toBe(6);
    expect(c.readings.devices[0].reason).toBe('drift');
    expect(c.readings.bucketStarts.length).toBeLessThanOrEqual(MAX_BUCKETS);
    for (const d of c.readings.devices) {
      const mine = readings.filter((x) => String(x.device_id) === d.deviceId);
      expect(sum(d.missing)).toBe(mine.filter((x) => x.value === null).length);
      d.mean.forEach((m, b) => {
        if (m === null) return;
        expect(m).toBeGreaterThanOrEqual(d.min[b]! - 1e-3);
        expect(m).toBeLessThanOrEqual(d.max[b]! + 1e-3);
      });
      if (d.reason === 'drift') expect(d.driftOffset.some((x) => x !== null)).toBe(true);
    }
    // device details: the same devices, their own alerts and a battery line from b0 to the end level
    expect(c.deviceDetails.map((d) => d.deviceId)).toEqual(c.readings.devices.map((d) => d.deviceId));
    for (const d of c.deviceDetails) {
      const mine = alerts.filter((a) => String(a.device_id) === d.deviceId);
      const f = fleet.find((x) => String(x.device_id) === d.deviceId)!;
      expect(d.alertCount).toBe(mine.length);
      expect(d.alerts.map((a) => a.type)).toEqual(mine.slice(0, 200).map((a) => a.alert_type));
      expect(d.batteryEnd).toBe(f.battery_level);
      expect(d.status).toBe(f.status);
      expect(d.battery[0]).toEqual({ at: c.window.start, level: f.initial_battery_level });
      expect(d.battery[d.battery.length - 1]).toEqual({ at: c.window.end, level: f.battery_level });
    }
    expect(JSON.stringify(c).length).toBeLessThan(300_000);
  });
});
