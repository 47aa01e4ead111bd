import { inputMappingField } from '../../inputs/contract';
import { seedField } from '../../schema/common';
import { defineConfig } from '../../schema/config';
import { f, type InferShape, type Issue } from '../../schema/fields';
import { US_PER_HOUR } from '../../time';
import { IOT_ROLES } from './iot-telemetry.roles';

/** Ten years of window. */
export const MAX_DURATION_HOURS = 87_840;
/** Generated readings above this are refused (each costs ~40 bytes across the columns). */
export const MAX_READINGS = 20_000_000;
/** Alerts per storm device above this are refused. */
export const MAX_ALERTS_PER_DEVICE = 1_000_000;
/** Expected alerts above this are refused. */
export const MAX_EXPECTED_ALERTS = 20_000_000;

const shape = {
  inputs: inputMappingField(IOT_ROLES, {
    label: 'Inputs',
    help: 'Which tables are the readings, devices and sensors, and which of their columns are the value, time and ids. No readings: the fleet’s readings are generated.',
    group: 'Inputs',
  }),
  fleetSize: f.int({ default: 50, min: 1, max: 1_000_000, label: 'Fleet size', help: 'Devices to generate when no devices table is given.', group: 'Fleet' }),
  durationHours: f.number({ default: 24, min: 0, minExclusive: true, max: MAX_DURATION_HOURS, unit: 'h', label: 'Duration', help: 'Length of the window.', group: 'Window' }),
  startTime: f.nullable(f.instant({ help: 'Window start.' }), {
    default: null,
    label: 'Start time',
    help: 'Window start (UTC when no offset is given); empty: the earliest reading, else 2024-01-01T00:00:00Z.',
    group: 'Window',
  }),
  readingIntervalSeconds: f.number({
    default: 60,
    min: 0,
    minExclusive: true,
    max: 31_536_000,
    unit: 's',
    label: 'Reading interval',
    help: 'Time between generated readings of a device; also the base of the storm alert rate.',
    group: 'Fleet',
  }),
  driftEnabled: f.bool({ default: true, label: 'Drift', help: 'Let some series drift as a random walk in time order.', group: 'Drift' }),
  driftRate: f.number({ default: 0.001, min: 0, max: 1e6, label: 'Drift rate', help: 'Standard deviation of each random-walk step (one per reading).', group: 'Drift' }),
  driftProbability: f.probability({ default: 0.1, label: 'Drifting share', help: 'Share of series that drift (at least one when above 0).', group: 'Drift' }),
  missingEnabled: f.bool({ default: true, label: 'Missing readings', help: 'Null some reading values.', group: 'Missing readings' }),
  missingProbability: f.probability({ default: 0.05, label: 'Missing probability', help: 'Chance that a reading’s value is nulled.', group: 'Missing readings' }),
  alertStormEnabled: f.bool({ default: true, label: 'Alert storms', help: 'Bursts of one alert type from a share of the fleet.', group: 'Alert storms' }),
  alertStormProbability: f.probability({ default: 0.02, label: 'Storm probability', help: 'Chance per hour of the window that a storm starts on that hour.', group: 'Alert storms' }),
  alertStormDurationMinutes: f.number({ default: 15, min: 0, minExclusive: true, max: 525_600, unit: 'min', label: 'Storm duration', help: 'Length of a storm.', group: 'Alert storms' }),
  alertStormRateMultiplier: f.number({
    default: 10,
    min: 0,
    minExclusive: true,
    max: 1e6,
    unit: '×',
    label: 'Storm rate',
    help: 'Alerts per reading interval per storm device (multiplier × one alert per reading interval).',
    group: 'Alert storms',
  }),
  alertStormDeviceFraction: f.number({ default: 0.2, min: 0, minExclusive: true, max: 1, label: 'Storm share', help: 'Share of the fleet a storm hits (at least one device).', group: 'Alert storms' }),
  baselineAlertsEnabled: f.bool({ default: true, label: 'Baseline alerts', help: 'Sparse random alerts (one per device per 8 h on average), independent of storms.', group: 'Alerts' }),
  batteryDrainEnabled: f.bool({ default: true, label: 'Battery drain', help: 'Drain batteries over time; battery_low fires when one drops below 15 %.', group: 'Battery' }),
  batteryDrainRate: f.number({ default: 0.1, min: 0, max: 1e6, unit: '%/h', label: 'Drain rate', help: 'Percent per hour, times U(0.7, 1.3) per device.', group: 'Battery' }),
  seed: seedField(),
};

type Raw = InferShape<typeof shape>;

/** Whole milliseconds of `h` hours (window and interval lengths are ms-exact). */
export const hoursToUs = (h: number) => Math.round(h * (US_PER_HOUR / 1000)) * 1000;

/** Whole milliseconds of `s` seconds. */
export const secondsToUs = (s: number) => Math.round(s * 1000) * 1000;

/** Alerts per storm device: max(1, floor(durMin·60 / (interval / multiplier))). */
export const alertsPerStormDevice = (c: Pick<Raw, 'alertStormDurationMinutes' | 'readingIntervalSeconds' | 'alertStormRateMultiplier'>) =>
  Math.max(1, Math.floor((c.alertStormDurationMinutes * 60) / (c.readingIntervalSeconds / c.alertStormRateMultiplier)));

/** Ticks of a generated series: ceil(D / Δ) on the ms-exact lengths. */
export const tickCount = (c: Pick<Raw, 'durationHours' | 'readingIntervalSeconds'>) => Math.ceil(hoursToUs(c.durationHours) / secondsToUs(c.readingIntervalSeconds));

function validate(c: Raw): Issue[] {
  const issues: Issue[] = [];
  if (hoursToUs(c.durationHours) <= 0) issues.push({ path: 'durationHours', message: `${c.durationHours} is shorter than a millisecond; allowed: at least 1 ms (2.8e-7 h)` });
  if (secondsToUs(c.readingIntervalSeconds) <= 0)
    issues.push({ path: 'readingIntervalSeconds', message: `${c.readingIntervalSeconds} is shorter than a millisecond; allowed: at least 0.001 s` });
  if (issues.length) return issues;
  const m = alertsPerStormDevice(c);
  if (c.alertStormEnabled && m > MAX_ALERTS_PER_DEVICE)
    issues.push({
      path: 'alertStormRateMultiplier',
      message: `${c.alertStormRateMultiplier} gives ${m.toLocaleString('en-US')} alerts per storm device; allowed: at most ${MAX_ALERTS_PER_DEVICE.toLocaleString('en-US')}`,
    });
  return issues;
}

export const iotTelemetryConfig = defineConfig(shape, validate);

export type IotTelemetryConfig = Raw;
