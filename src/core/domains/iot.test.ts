import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../table/column';
import { daysFromCivil, US_PER_DAY } from '../time';
import { generateDomain, type DomainOutput } from './engine';
import { checkIntegrity } from './integrity';
import { iot } from './iot';
import { DEVICE_TYPES } from './reference/catalogs';
import { SENSOR_SPECS } from './reference/sensors';
import { estimateRows, totalRows } from './scales';
import { roundTo } from './sort';
import { childCounts, frequencyFailures, harmonic, nullable, nulls, num, str, withinTolerance } from './test-helpers';

let out: DomainOutput;
const T = (name: string): Table => out.tables.find((t) => t.name === name)!;
const day = (iso: string) => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

beforeAll(async () => {
  out = await generateDomain(iot, { scale: 'small', seed: 42 });
});

describe('iot: counts, keys and coverage', () => {
  it('has the spec row counts', () => {
    expect(totalRows(estimateRows(iot, 'fabric_demo'))).toBe(3_045);
    expect(totalRows(estimateRows(iot, 'small'))).toBe(29_370);
    expect(totalRows(estimateRows(iot, 'medium'))).toBe(292_620);
    for (const t of out.tables) expect(t.length, t.name).toBe(estimateRows(iot, 'small')[t.name]);
  });

  it('has consistent keys, nulls only where allowed, sensors on every device and balanced readings', () => {
    expect(checkIntegrity(out.tables, out.meta)).toEqual([]);
    const allowed = new Set(['alert.resolved_at', 'maintenance_log.notes']);
    for (const t of out.tables) for (const c of t.columns) if (!allowed.has(`${t.name}.${c.name}`)) expect(nulls(t, c.name), `${t.name}.${c.name}`).toBe(0);
    expect(withinTolerance(nulls(T('maintenance_log'), 'notes'), 750, 0.3)).toBe(true);
    expect(Math.min(...childCounts(T('sensor'), 'device_id', 500))).toBeGreaterThanOrEqual(1);
    const per = childCounts(T('reading'), 'sensor_id', 1250);
    expect([Math.min(...per), Math.max(...per)]).toEqual([20, 20]);
  });

  it('gives each sensor ⌊R/S⌋ or ⌈R/S⌉ readings when they do not divide evenly', async () => {
    const o = await generateDomain(iot, { scale: 'fixture', ratios: { reading_per_sensor: 7.3 } });
    const sensors = o.tables.find((t) => t.name === 'sensor')!.length;
    const readings = o.tables.find((t) => t.name === 'reading')!;
    expect(readings.length % sensors).not.toBe(0);
    const per = childCounts(readings, 'sensor_id', sensors);
    expect(Math.min(...per)).toBe(Math.floor(readings.length / sensors));
    expect(Math.max(...per)).toBe(Math.ceil(readings.length / sensors));
  });
});

describe('iot: values', () => {
  it('draws enums and catalog weights within tolerance; units follow the sensor type', () => {
    const cases: [string, string, Record<string, number>][] = [
      ['device', 'status', { Active: 0.72, Inactive: 0.1, Maintenance: 0.1, Decommissioned: 0.08 }],
      ['sensor', 'sensor_type', { Temperature: 0.18, Humidity: 0.15, Pressure: 0.14, Vibration: 0.12, Flow: 0.1, Level: 0.1, Proximity: 0.11, Light: 0.1 }],
      ['reading', 'quality_flag', { Good: 0.9, Suspect: 0.07, Bad: 0.03 }],
      ['alert', 'severity', { Critical: 0.1, High: 0.2, Medium: 0.4, Low: 0.3 }],
      ['maintenance_log', 'maintenance_type', { Preventive: 0.35, Corrective: 0.25, Calibration: 0.2, 'Firmware Update': 0.2 }],
      ['command', 'status', { Sent: 0.15, Acknowledged: 0.2, Executed: 0.55, Failed: 0.1 }],
    ];
    for (const [t, c, w] of cases) expect(frequencyFailures(str(T(t), c), w), `${t}.${c}`).toEqual([]);
    const types = Array.from(num(T('device'), 'device_type_id'), (id) => DEVICE_TYPES[id - 1].name);
    expect(frequencyFailures(types, Object.fromEntries(DEVICE_TYPES.map((d) => [d.name, d.weight])))).toEqual([]);
    const units: Record<string, string> = { Temperature: 'C', Humidity: '%RH', Pressure: 'Pa', Vibration: 'mm/s', Flow: 'L/min', Level: 'm', Proximity: 'cm', Light: 'lux' };
    const [st, um] = [str(T('sensor'), 'sensor_type'), str(T('sensor'), 'unit_of_measure')];
    st.forEach((s, i) => expect(um[i]).toBe(units[s!]));
    expect(str(T('device'), 'firmware_version').every((v) => /^v[1-5]\.[0-9]\.(1?[0-9])$/.test(v!))).toBe(true);
    expect(str(T('device'), 'serial_number').slice(0, 2)).toEqual(['DEV-000001', 'DEV-000002']);
  });

  it('keeps readings inside their sensor range and numerics at their declared decimals', () => {
    const s = T('sensor');
    const [lo, hi, type] = [num(s, 'min_range'), num(s, 'max_range'), str(s, 'sensor_type')];
    // a sensor's range is one of its type's models (spec §7)
    for (let i = 0; i < s.length; i++) expect(SENSOR_SPECS.find((x) => x.type === type[i])!.models).toContainEqual([lo[i], hi[i]]);
    const r = T('reading');
    const [rs, rv] = [num(r, 'sensor_id'), num(r, 'reading_value')];
    for (let i = 0; i < r.length; i++) {
      expect(rv[i] >= lo[rs[i] - 1] && rv[i] <= hi[rs[i] - 1]).toBe(true);
      expect(roundTo(rv[i], 3)).toBe(rv[i]);
    }
    const b = num(T('device'), 'battery_level');
    for (let i = 0; i < b.length; i++) expect(b[i] >= 0 && b[i] <= 100 && roundTo(b[i], 1) === b[i]).toBe(true);
  });

  it('keeps activity after install and inside its ranges', () => {
    const dev = T('device');
    const install = num(dev, 'install_date');
    for (let i = 0; i < dev.length; i++) expect(install[i] >= day('2020-01-01') && install[i] <= day('2025-06-30')).toBe(true);
    const sensorDevice = num(T('sensor'), 'device_id');
    const end = day('2026-01-01') * US_PER_DAY;
    const check = (t: string, time: string, dev: (i: number) => number, from: string) => {
      const v = num(T(t), time);
      for (let i = 0; i < v.length; i++) {
        const lower = Math.max(day(from), install[dev(i) - 1]) * (T(t).columns.find((c) => c.name === time)!.type === 'date' ? 1 : US_PER_DAY);
        expect(v[i], `${t}.${time} row ${i}`).toBeGreaterThanOrEqual(lower);
        expect(v[i]).toBeLessThan(T(t).columns.find((c) => c.name === time)!.type === 'date' ? day('2026-01-01') : end);
      }
    };
    const rs = num(T('reading'), 'sensor_id');
    check('reading', 'reading_timestamp', (i) => sensorDevice[rs[i] - 1], '2024-01-01');
    const ad = num(T('alert'), 'device_id');
    check('alert', 'triggered_at', (i) => ad[i], '2024-01-01');
    const cd = num(T('command'), 'device_id');
    check('command', 'issued_at', (i) => cd[i], '2024-01-01');
    const md = num(T('maintenance_log'), 'device_id');
    check('maintenance_log', 'performed_date', (i) => md[i], '2023-01-01');
    // resolutions come a continuous while after the trigger (not whole days), at most 7 days, inside the range (spec §7)
    const [trig, res] = [num(T('alert'), 'triggered_at'), nullable(T('alert'), 'resolved_at')];
    const fractional = res.filter((r, i) => r !== null && (r - trig[i]) % US_PER_DAY !== 0).length;
    res.forEach((r, i) => {
      if (r === null) return;
      const d = (r - trig[i]) / US_PER_DAY;
      expect(d > 0 && d <= 7 && r < end).toBe(true);
    });
    expect(fractional).toBe(res.filter((r) => r !== null).length);
    expect(withinTolerance(nulls(T('alert'), 'resolved_at'), 250, 0.25)).toBe(true);
  });

  it('uses the default location skew', () => {
    const top = Math.max(...childCounts(T('device'), 'location_id', 100));
    expect(withinTolerance(top, 500, 1 / harmonic(100, 0.8))).toBe(true);
  });
});
