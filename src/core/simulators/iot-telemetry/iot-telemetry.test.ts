import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { US_PER_HOUR, US_PER_MS } from '../../time';
import { driftingCount } from './iot-telemetry.anomalies';
import { ALERT_MESSAGES, ALERT_SEVERITY, ALERT_TYPES, SEVERITIES } from './iot-telemetry.constants';
import { alertsPerStormDevice, hoursToUs, secondsToUs, tickCount } from './iot-telemetry.config';
import { buildInputs, configArb, iotCaseArb, keyRows, readingTime, rows, runIot, withoutAnomalies, type IotCase, type IotConfig, type Row } from './iot-telemetry.test-util';

const RUNS = { numRuns: 50 };
const arb = fc.tuple(iotCaseArb, configArb);
const OFFLINE = new Set(['inactive', 'decommissioned']);

/** The window a run used. */
const windowOf = (r: { result: { stats: Record<string, unknown> } }, c: IotConfig) => {
  const start = Date.parse(r.result.stats.window_start as string) * 1000;
  return { start, end: start + hoursToUs(c.durationHours) };
};

/** Series key of each output reading: its sensor if the readings have one, else its device. */
const seriesOf = (row: Row) => (row.sensor_id !== undefined ? row.sensor_id : row.device_id);

/** Whether a device's status takes it offline, by fleet position (generated and derived fleets have no status). */
const offlineStatus = (c: IotCase, d: number) => !!c.devices?.hasStatus && c.devices.rows[d] !== undefined && OFFLINE.has(c.devices.rows[d].status.toLowerCase());

/** Reading times in epoch µs: the generated column, or the supplied one as the simulator reads it (dates, text). */
const timesOf = (c: IotCase, readings: Row[]): (number | null)[] =>
  c.readings ? c.readings.rows.map((_, i) => readingTime(c.readings!, i)) : readings.map((x) => x.reading_time as number);

const battery = (f: Row, t: number, start: number) => (f.initial_battery_level === null ? null : Math.max(0, (f.initial_battery_level as number) - ((f.drain_rate_per_hour as number) * (t - start)) / US_PER_HOUR));

describe('iot-telemetry invariants (spec §6)', () => {
  it('readings: row count and non-value columns unchanged; only drifting series change; nulls are old or counted; the drift count rule; the walk ends at its final offset in time order', async () => {
    await fc.assert(
      fc.asyncProperty(arb, async ([c, config]) => {
        const r = await runIot(config, c);
        const base = await runIot(withoutAnomalies(config), c);
        const after = rows(r.readings);
        const before = rows(base.readings);
        expect(after).toHaveLength(before.length);
        const valueName = r.readings.columns.find((x) => x.name === 'value' || x.name === 'reading_value')!.name;
        const strip = (x: Row) => Object.fromEntries(Object.entries(x).filter(([k]) => k !== valueName));
        expect(after.map(strip)).toEqual(before.map(strip));
        if (c.readings) expect(before.map((x) => x[valueName])).toEqual(c.readings.rows.map((x) => (x.value === null ? null : c.readings!.valueKind === 'int' ? Math.round(x.value) : x.value)));
        const drifts = keyRows(r.result).filter((k) => k.kind === 'sensor_drift');
        const drifting = new Set(drifts.map((k) => k.key));
        const series = new Set(after.map(seriesOf).filter((s) => s !== null).map(String));
        expect(r.result.stats.drifting_sensors).toBe(config.driftEnabled ? driftingCount(series.size, config.driftProbability) : 0);
        expect(drifting.size).toBe(r.result.stats.drifting_sensors);
        let injected = 0;
        after.forEach((x, i) => {
          const was = before[i][valueName];
          if (x[valueName] === null) {
            if (was !== null) injected++;
          } else if (!drifting.has(String(seriesOf(x)))) expect(x[valueName]).toBe(was);
          else expect(was).not.toBeNull();
        });
        expect(r.result.stats.missing_readings_injected).toBe(injected);
        if (!config.missingEnabled) expect(injected).toBe(0);
        // the walk, in time order (untimed last, ties by row), ends at the recorded final offset
        const times = timesOf(c, after);
        for (const d of drifts) {
          const idx = after.map((_, i) => i).filter((i) => String(seriesOf(after[i])) === d.key);
          expect(idx).toHaveLength(d.details.readings as number);
          idx.sort((a, b) => (times[a] ?? Infinity) - (times[b] ?? Infinity) || a - b);
          const last = idx[idx.length - 1];
          if (after[last][valueName] !== null)
            expect((after[last][valueName] as number) - (before[last][valueName] as number)).toBeCloseTo(d.details.final_offset as number, 6);
        }
      }),
      RUNS,
    );
  });

  it('alerts: devices of the fleet, inside the window, severity and message by type; storms share one type and id, m alerts per distinct online device, on whole hours', async () => {
    await fc.assert(
      fc.asyncProperty(arb, async ([c, config]) => {
        const r = await runIot(config, c);
        const { start, end } = windowOf(r, config);
        const fleet = rows(r.fleet);
        const ids = fleet.map((f) => f.device_id);
        const alerts = rows(r.alerts);
        expect(r.result.stats.total_alerts).toBe(alerts.length);
        let prev = -Infinity;
        for (const a of alerts) {
          expect(ids).toContain(a.device_id);
          const t = a.triggered_at as number;
          expect(t).toBeGreaterThanOrEqual(start);
          expect(t).toBeLessThan(end);
          expect(t).toBeGreaterThanOrEqual(prev);
          prev = t;
          const type = ALERT_TYPES.indexOf(a.alert_type as (typeof ALERT_TYPES)[number]);
          expect(a.severity).toBe(SEVERITIES[ALERT_SEVERITY[type]]);
          expect(a.message).toBe(ALERT_MESSAGES[type]);
          expect(a.is_storm).toBe(a.storm_id !== null);
        }
        const storms = keyRows(r.result).filter((k) => k.kind === 'alert_storm');
        expect(storms).toHaveLength(r.result.stats.alert_storms as number);
        if (!config.alertStormEnabled) expect(storms).toHaveLength(0);
        const m = alertsPerStormDevice(config);
        for (const s of storms) {
          const mine = alerts.filter((a) => a.storm_id === s.key);
          const stormStart = s.time as number;
          expect((stormStart - start) % US_PER_HOUR).toBe(0);
          expect(stormStart).toBeLessThan(end);
          expect(new Set(mine.map((a) => a.alert_type))).toEqual(new Set([s.details.alert_type]));
          expect(s.details.alert_type).not.toBe('battery_low');
          const devices = s.details.device_ids as (number | string)[];
          expect(new Set(devices).size).toBe(devices.length);
          expect(devices.length).toBe(Math.min(Math.max(1, Math.floor(config.alertStormDeviceFraction * fleet.length)), devices.length));
          expect(mine).toHaveLength(devices.length * m);
          const stormEnd = Math.min(stormStart + Math.round(config.alertStormDurationMinutes * 60_000) * 1000, end);
          for (const d of devices) {
            expect(mine.filter((a) => a.device_id === d)).toHaveLength(m);
            const pos = ids.indexOf(d);
            expect(offlineStatus(c, pos)).toBe(false);
            const b = battery(fleet[pos], stormStart, start);
            if (b !== null) expect(b).toBeGreaterThan(0);
          }
          for (const a of mine) {
            expect(a.triggered_at as number).toBeGreaterThanOrEqual(stormStart);
            expect(a.triggered_at as number).toBeLessThan(stormEnd);
          }
        }
        // storms draw devices up to the share, from those online at the start
        for (const s of storms) {
          const online = fleet.filter((f, d) => !offlineStatus(c, d) && ((battery(f, s.time as number, start) ?? 1) > 0)).length;
          expect(s.details.devices).toBe(Math.min(Math.max(1, Math.floor(config.alertStormDeviceFraction * fleet.length)), online));
        }
      }),
      RUNS,
    );
  });

  it('battery: one battery_low per device at the first ms below 15 %, only if b0 ≥ 15 > end level; battery in [0, b0] or null; status rules; last reading; totals', async () => {
    await fc.assert(
      fc.asyncProperty(arb, async ([c, config]) => {
        const r = await runIot(config, c);
        const { start, end } = windowOf(r, config);
        const fleet = rows(r.fleet);
        const alerts = rows(r.alerts).filter((a) => a.alert_type === 'battery_low');
        const readings = rows(r.readings);
        const readingTimes = timesOf(c, readings);
        const valueName = r.readings.columns.find((x) => x.name === 'value' || x.name === 'reading_value')!.name;
        const drifted = new Set(keyRows(r.result).filter((k) => k.kind === 'sensor_drift').map((k) => k.details.device_id));
        const s = r.result.stats;
        expect((s.fleet_online as number) + (s.fleet_degraded as number) + (s.fleet_offline as number)).toBe(fleet.length);
        expect(s.fleet_size).toBe(fleet.length);
        fleet.forEach((f, d) => {
          const b0 = f.initial_battery_level as number | null;
          const mine = alerts.filter((a) => a.device_id === f.device_id);
          expect(mine.length).toBeLessThanOrEqual(1);
          const endLevel = battery(f, end, start);
          if (b0 === null) expect(f.battery_level).toBeNull();
          else {
            expect(f.battery_level).toBe(Math.round(endLevel! * 100) / 100);
            expect(f.battery_level as number).toBeGreaterThanOrEqual(0);
            expect(f.battery_level as number).toBeLessThanOrEqual(b0);
            if (!config.batteryDrainEnabled) expect(f.drain_rate_per_hour).toBe(0);
          }
          const crosses = config.batteryDrainEnabled && b0 !== null && !offlineStatus(c, d) && b0 >= 15 && endLevel! < 15;
          if (mine.length) {
            const t = mine[0].triggered_at as number;
            expect(battery(f, t, start)!).toBeLessThan(15);
            expect(battery(f, t - US_PER_MS, start)!).toBeGreaterThanOrEqual(15);
          }
          // every crossing inside the window raises exactly one (the last millisecond may round past the end)
          if (crosses && battery(f, end - US_PER_MS, start)! < 15) expect(mine).toHaveLength(1);
          if (!crosses) expect(mine).toHaveLength(0);
          // fleet status from the device's own readings
          const ownRows = readings.map((_, i) => i).filter((i) => readings[i].device_id !== undefined && readings[i].device_id === f.device_id);
          const own = ownRows.map((i) => readings[i]);
          const times = ownRows.map((i) => readingTimes[i]).filter((t): t is number => t !== null);
          if (c.readings?.keys !== 'sensor') expect(f.last_reading_at).toBe(times.length ? Math.max(...times) : null);
          const missingRate = own.length ? own.filter((x) => x[valueName] === null).length / own.length : 0;
          if (c.readings?.keys !== 'sensor') expect(f.missing_rate).toBe(Math.round(missingRate * 1e4) / 1e4);
          const status = offlineStatus(c, d) || (f.battery_level !== null && (f.battery_level as number) <= 0) ? 'offline' : (f.battery_level !== null && (f.battery_level as number) < 15) || (f.missing_rate as number) > 0.5 ? 'degraded' : 'online';
          if (c.readings?.keys !== 'sensor' || Math.abs((f.missing_rate as number) - 0.5) > 1e-4) expect(f.status).toBe(status);
          expect(f.drift_detected).toBe(drifted.has(f.device_id));
        });
      }),
      RUNS,
    );
  });

  it('generation mode: Σ pre-depletion ticks of online devices, on the interval grid inside the window; with supplied devices, fleetSize is ignored', async () => {
    await fc.assert(
      fc.asyncProperty(arb, async ([c, config]) => {
        if (c.readings) return;
        const r = await runIot(config, c);
        const { start, end } = windowOf(r, config);
        const step = secondsToUs(config.readingIntervalSeconds);
        const ticks = tickCount(config);
        const fleet = rows(r.fleet);
        expect(fleet).toHaveLength(c.devices ? c.devices.rows.length : config.fleetSize);
        const readings = rows(r.readings);
        let expected = 0;
        fleet.forEach((f, d) => {
          if (offlineStatus(c, d)) return;
          let k = 0;
          while (k < ticks && (battery(f, start + k * step, start) ?? 1) > 0) k++;
          expected += k;
          const mine = readings.filter((x) => x.device_id === f.device_id);
          expect(mine).toHaveLength(k);
        });
        expect(readings).toHaveLength(expected);
        expect(r.result.stats.total_readings).toBe(expected);
        readings.forEach((x, i) => {
          const t = x.reading_time as number;
          expect((t - start) % step).toBe(0);
          expect(t).toBeLessThan(end);
          expect(x.reading_id).toBe(i + 1);
          if (i) expect(t).toBeGreaterThanOrEqual(readings[i - 1].reading_time as number);
        });
      }),
      RUNS,
    );
  });

  it('supplied readings keep their order; times read from timestamps, dates or text; window starts at the earliest reading by default', async () => {
    await fc.assert(
      fc.asyncProperty(arb, async ([c, config]) => {
        if (!c.readings) return;
        const r = await runIot({ ...config, startTime: null }, c);
        const rd = c.readings;
        const times = rd.rows.map((_, i) => readingTime(rd, i));
        const input = rows(buildInputs(c).tables.get('reading')!);
        expect(rows(r.readings).map((x) => x.reading_timestamp)).toEqual(input.map((x) => x.reading_timestamp));
        expect(rows(r.readings).map((x) => x.reading_id)).toEqual(input.map((x) => x.reading_id));
        const timed = times.filter((t): t is number => t !== null);
        const { start } = windowOf(r, config);
        if (timed.length) expect(start).toBe(Math.floor(Math.min(...timed) / 1000) * 1000);
      }),
      RUNS,
    );
  });
});
