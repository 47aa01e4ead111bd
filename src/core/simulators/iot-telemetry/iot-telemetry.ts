import type { RoleMapping } from '../../inputs/contract';
import { ConfigError } from '../../schema/config';
import type { RunContext, SimResult } from '../../simulator';
import { parseInstant, US_PER_HOUR } from '../../time';
import { applyDrift, applyMissing, type Drift, type Missing } from './iot-telemetry.anomalies';
import { drawBaseline, drawBatteryLow, drawStorms, RawAlerts, type Storms, type Window } from './iot-telemetry.alerts';
import { iotCharts, type IotCharts } from './iot-telemetry.charts';
import { alertsPerStormDevice, hoursToUs, MAX_EXPECTED_ALERTS, MAX_READINGS, secondsToUs, tickCount, type IotTelemetryConfig } from './iot-telemetry.config';
import { resolveInputs } from './iot-telemetry.inputs';
import { generatedTable, generateReadings, suppliedTable, type Readings } from './iot-telemetry.readings';
import { iotAnswerKey, iotStats, type IotStats } from './iot-telemetry.report';
import { createIotExplorer, keepExplorer } from './iot-telemetry.device';
import { alertOrder, alertsTable, fleetHealth, fleetStatusTable } from './iot-telemetry.tables';

export interface IotTelemetryOutput extends SimResult {
  readonly stats: IotStats;
  readonly charts?: IotCharts;
}

/** The window start when neither the config nor the readings give one. */
export const FALLBACK_START = '2024-01-01T00:00:00Z';

const NO_STORMS: Storms = { hour: new Int32Array(0), start: new Float64Array(0), end: new Float64Array(0), type: new Uint8Array(0), devices: [], perDevice: 0 };

function earliest(r: Readings): number | null {
  let min = Number.POSITIVE_INFINITY;
  for (const t of r.time) if (t < min) min = t;
  return min === Number.POSITIVE_INFINITY ? null : min;
}

/** Storms could make more alerts than anyone wants: refuse before drawing (the fleet size is known only now). */
function checkStormSize(config: IotTelemetryConfig, fleetSize: number, hours: number): void {
  if (!config.alertStormEnabled) return;
  const perStorm = Math.max(1, Math.floor(config.alertStormDeviceFraction * fleetSize)) * alertsPerStormDevice(config);
  const expected = hours * config.alertStormProbability * perStorm;
  if (expected > MAX_EXPECTED_ALERTS || (config.alertStormProbability > 0 && perStorm > MAX_EXPECTED_ALERTS))
    throw new ConfigError([
      {
        path: 'alertStormRateMultiplier',
        message: `${config.alertStormRateMultiplier} makes ${perStorm.toLocaleString('en-US')} alerts per storm over ${fleetSize.toLocaleString('en-US')} devices; allowed: at most ${MAX_EXPECTED_ALERTS.toLocaleString('en-US')} expected alerts`,
      },
    ]);
}

/**
 * Fleet telemetry with anomalies (spec/iot-telemetry.md with every "Require"): the readings are
 * given or generated for the fleet, then drift as a random walk in time order, missing values,
 * alert storms of one type, baseline alerts independent of storms, battery drain with
 * battery_low at the crossing, and the end-of-window fleet status. Each phase draws from its own
 * named stream and only when it is enabled.
 */
export async function runIotTelemetry(config: IotTelemetryConfig, ctx: RunContext): Promise<IotTelemetryOutput> {
  await ctx.checkpoint('Reading the fleet', 0, 1);
  const drain = { enabled: config.batteryDrainEnabled, rate: config.batteryDrainRate };
  const { fleet, supplied } = resolveInputs(config.inputs as RoleMapping, ctx.inputs, config.fleetSize, drain, ctx.rng.fork('fleet'));
  const windowUs = hoursToUs(config.durationHours);
  let readings: Readings;
  let startUs: number;
  if (supplied) {
    readings = supplied.readings;
    startUs = config.startTime !== null ? parseInstant(config.startTime) : (earliest(readings) ?? parseInstant(FALLBACK_START));
  } else {
    startUs = parseInstant(config.startTime ?? FALLBACK_START);
    readings = await generateReadings(fleet, startUs, secondsToUs(config.readingIntervalSeconds), tickCount(config), MAX_READINGS, ctx.rng.fork('readings'), (done, total) =>
      ctx.checkpoint('Generating readings', done, total),
    );
  }
  const w: Window = { startUs, endUs: startUs + windowUs };
  checkStormSize(config, fleet.size, Math.ceil(windowUs / US_PER_HOUR));

  await ctx.checkpoint('Applying drift and gaps', 0, 2);
  const drift: Drift = applyDrift(readings, config.driftEnabled ? config.driftProbability : 0, config.driftRate, ctx.rng.fork('drift'));
  await ctx.checkpoint('Applying drift and gaps', 1, 2);
  const missing: Missing = applyMissing(readings, config.missingEnabled ? config.missingProbability : 0, ctx.rng.fork('missing'));
  await ctx.checkpoint('Applying drift and gaps', 2, 2);

  await ctx.checkpoint('Raising alerts', 0, 1);
  const raw = new RawAlerts();
  const storms = config.alertStormEnabled
    ? drawStorms(
        fleet,
        w,
        {
          probability: config.alertStormProbability,
          durationUs: Math.round(config.alertStormDurationMinutes * 60_000) * 1000,
          perDevice: alertsPerStormDevice(config),
          fraction: config.alertStormDeviceFraction,
        },
        ctx.rng.fork('storms'),
        raw,
      )
    : NO_STORMS;
  if (config.baselineAlertsEnabled) drawBaseline(fleet, w, ctx.rng.fork('baseline'), raw);
  if (config.batteryDrainEnabled) drawBatteryLow(fleet, w, raw);

  await ctx.checkpoint('Building tables', 0, 1);
  const ids = { alerts: ctx.ids('iot:alerts'), storms: ctx.ids('iot:storms') };
  const order = alertOrder(raw, startUs);
  const alerts = alertsTable(raw, order, fleet, storms, ids);
  const health = fleetHealth(fleet, readings, drift.offset, w.startUs, w.endUs);
  const readingsTable = supplied ? suppliedTable(supplied.table, supplied.valueName, readings) : generatedTable(readings, fleet);
  ctx.publish(readingsTable);
  const fleetStatus = fleetStatusTable(fleet, health);
  const mode = supplied ? 'supplied' : 'generated';
  const stormIds = Array.from(storms.hour, (h) => ids.storms.uuid(h));
  await ctx.checkpoint('Building tables', 1, 1);

  const made = {
    tables: [readingsTable, alerts, fleetStatus],
    stats: iotStats({
      readings,
      missing,
      drift,
      alertTypes: raw.type.data.subarray(0, raw.length),
      storms,
      health,
      fleet,
      window: w,
      seed: config.seed,
      durationHours: config.durationHours,
      mode,
    }),
    answerKey: iotAnswerKey({
      fleet,
      readings,
      drift,
      driftRate: config.driftRate,
      missing,
      storms,
      window: w,
      batteryLow: config.batteryDrainEnabled,
      alertIds: ids.alerts,
      stormIds: ids.storms,
    }),
  };
  if (!ctx.charts) return made;
  const result: IotTelemetryOutput = {
    ...made,
    charts: iotCharts({
      mode,
      fleet,
      readings,
      driftOffset: drift.offset,
      raw,
      order,
      storms,
      stormIds,
      health,
      window: w,
    }),
  };
  // a device's detail for any device of the fleet, while the worker holds the run (the page's, like the charts)
  keepExplorer(
    result,
    createIotExplorer({ readings: readingsTable, alerts, fleetStatus, valueName: supplied?.valueName ?? 'value', r: readings, driftOffset: drift.offset, fleet, window: w, storms, stormIds }),
  );
  return result;
}
