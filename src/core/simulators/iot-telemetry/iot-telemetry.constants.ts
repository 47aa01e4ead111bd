/** Fixed vocabularies of IoT telemetry (spec/iot-telemetry.md §2, alert types by index). */

export const ALERT_TYPES = [
  'threshold_exceeded',
  'sensor_malfunction',
  'connectivity_lost',
  'battery_low',
  'temperature_spike',
  'vibration_anomaly',
  'data_quality_issue',
  'firmware_error',
] as const;

export const SEVERITIES = ['critical', 'warning', 'info'] as const;

/** Severity (index into SEVERITIES) of each alert type. */
export const ALERT_SEVERITY = [0, 0, 1, 1, 0, 1, 2, 0] as const;

export const ALERT_MESSAGES = [
  'Sensor reading exceeded configured threshold',
  'Sensor reporting erratic values',
  'Device lost network connectivity',
  'Battery level below minimum threshold',
  'Temperature reading abnormally high',
  'Unusual vibration pattern detected',
  'Reading quality score below acceptable range',
  'Device firmware reported an internal error',
] as const;

export const BATTERY_LOW = 3;

/** The types a storm or a baseline alert draws from: every type but battery_low (D10). */
export const RANDOM_ALERT_TYPES = [0, 1, 2, 4, 5, 6, 7] as const;

/** The level below which a battery raises `battery_low` and a device counts as degraded. */
export const BATTERY_LOW_LEVEL = 15;

/** Device statuses (lower-cased) that mean offline: never in storms, no readings or alerts (D11). */
export const OFFLINE_STATUSES: ReadonlySet<string> = new Set(['decommissioned', 'inactive']);

export const FLEET_STATUSES = ['online', 'degraded', 'offline'] as const;
export const ONLINE = 0;
export const DEGRADED = 1;
export const OFFLINE = 2;
