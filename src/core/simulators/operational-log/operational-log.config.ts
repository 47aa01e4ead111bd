import { seedField } from '../../schema/common';
import { defineConfig } from '../../schema/config';
import { f, type InferShape, type Issue } from '../../schema/fields';
import { sizeIssues } from '../../estimate';
import { DEFAULT_SERVICES, MAX_SPANS, type ServiceSpec } from './operational-log.constants';
import { estimateOperationalLog, expectedLogs } from './operational-log.estimate';

/** Expected log rows above this are refused: every row costs ~200 bytes across the columns. */
export const MAX_EXPECTED_LOGS = 10_000_000;
/** A year of hour slots. */
export const MAX_DURATION_HOURS = 8_784;

const service = f.object(
  {
    name: f.string({ minLength: 1, maxLength: 64, help: 'Unique service name (the `service` column and OTLP `service.name`).' }),
    port: f.nullable(f.int({ min: 1, max: 65_535, help: 'TCP port.' }), { default: null, help: 'Port (kept for documentation; unused).' }),
    tier: f.string({ default: 'unknown', minLength: 1, maxLength: 64, help: 'Tier label (edge, core, support …).' }),
  },
  { help: 'A service of the estate.' },
);

const shape = {
  serviceCount: f.int({
    default: 5,
    min: 1,
    max: DEFAULT_SERVICES.length,
    label: 'Services',
    help: 'How many of the eight default services to simulate (ignored when a service list is given).',
    group: 'Services',
  }),
  services: f.array(service, {
    default: [],
    maxItems: MAX_SPANS,
    label: 'Service list',
    help: 'Your own services; a non-empty list replaces the defaults.',
    group: 'Services',
  }),
  durationHours: f.number({
    default: 24,
    min: 0,
    minExclusive: true,
    max: MAX_DURATION_HOURS,
    unit: 'h',
    label: 'Duration',
    help: 'Length of the simulated window; a partial last hour is simulated pro rata.',
    group: 'Window',
  }),
  startTime: f.instant({ default: '2024-01-01T00:00:00Z', label: 'Start time', help: 'Window start (UTC when no offset is given).', group: 'Window' }),
  eventsPerHour: f.number({
    default: 100,
    min: 0,
    max: 10_000_000,
    unit: '/h',
    label: 'Events per hour',
    help: 'Poisson rate of requests per service per hour.',
    group: 'Traffic',
  }),
  latencyMeanMs: f.number({ default: 50, min: 0, minExclusive: true, max: 3_600_000, unit: 'ms', label: 'Latency mean', help: 'Mean request latency (lognormal, moment-matched).', group: 'Traffic' }),
  latencyStdMs: f.number({ default: 30, min: 0, max: 3_600_000, unit: 'ms', label: 'Latency std', help: 'Standard deviation of request latency.', group: 'Traffic' }),
  latencySpikeEnabled: f.bool({ default: true, label: 'Latency spikes', help: 'Inject latency-spike windows (all services at once).', group: 'Latency spikes' }),
  latencySpikeProbability: f.probability({ default: 0.05, label: 'Spike probability', help: 'Chance per hour slot that a spike window starts in it.', group: 'Latency spikes' }),
  latencySpikeMultiplier: f.number({ default: 10, min: 1, max: 10_000, unit: '×', label: 'Spike multiplier', help: 'Latency multiplier inside a spike window.', group: 'Latency spikes' }),
  latencySpikeDurationMinutes: f.number({ default: 15, min: 0, minExclusive: true, max: 525_600, unit: 'min', label: 'Spike duration', help: 'Length of a spike window.', group: 'Latency spikes' }),
  outageEnabled: f.bool({ default: true, label: 'Outages', help: 'Inject outage windows (all services at once).', group: 'Outages' }),
  outageProbability: f.probability({ default: 0.02, label: 'Outage probability', help: 'Chance per hour slot that an outage window starts in it.', group: 'Outages' }),
  outageDurationMinutes: f.number({ default: 30, min: 0, minExclusive: true, max: 525_600, unit: 'min', label: 'Outage duration', help: 'Length of an outage window.', group: 'Outages' }),
  outageErrorRate: f.probability({ default: 0.8, label: 'Outage error rate', help: 'Chance that a request inside an outage window fails with a 5xx.', group: 'Outages' }),
  traceEnabled: f.bool({ default: true, label: 'Tracing', help: 'Give every log a W3C trace context and write sampled traces.', group: 'Tracing' }),
  traceDepthMean: f.number({ default: 3.5, min: 0, max: 1_000, label: 'Spans per trace (mean)', help: 'Poisson mean of spans per trace (at least 1, at most the service count).', group: 'Tracing' }),
  traceSampleRate: f.probability({ default: 0.3, label: 'Trace sample rate', help: 'Share of requests whose trace is written to the traces table.', group: 'Tracing' }),
  errorBurstEnabled: f.bool({ default: true, label: 'Error bursts', help: 'Inject bursts of failing requests.', group: 'Error bursts' }),
  errorBurstProbability: f.probability({ default: 0.03, label: 'Burst probability', help: 'Chance per hour slot of a 5-minute error burst.', group: 'Error bursts' }),
  errorBurstCount: f.int({ default: 50, min: 0, max: 1_000_000, label: 'Errors per burst', help: 'Error events per service per burst.', group: 'Error bursts' }),
  otlpExport: f.bool({
    default: true,
    label: 'OTLP/JSON export',
    help: 'Also write otlp/logs.json and otlp/traces.json (OpenTelemetry JSON); turn off for very large runs.',
    group: 'Output',
  }),
  seed: seedField(),
};

type Raw = InferShape<typeof shape>;

/** The services a run uses: the explicit list when non-empty, else the first `serviceCount` defaults. */
export function resolveServices(c: Pick<Raw, 'services' | 'serviceCount'>): ServiceSpec[] {
  if (c.services.length) return c.services.map((s) => ({ name: s.name, port: s.port, tier: s.tier }));
  return DEFAULT_SERVICES.slice(0, c.serviceCount).map((s) => ({ ...s }));
}

/** The highest request rate the log-row guard allows with the other settings. */
function maxEventsPerHourByRows(c: Raw): number {
  const nServices = c.services.length || c.serviceCount;
  // error bursts do not depend on the request rate
  const room = Math.max(0, MAX_EXPECTED_LOGS - expectedLogs(c).bursts);
  return Math.min(10_000_000, Math.floor(room / (nServices * c.durationHours)));
}

/**
 * The highest request rate validation accepts with the other settings (the form's hint for
 * Events per hour): under the row guard, and what the engine can hold of the traces and OTLP
 * exports at that rate (the estimate grows with the rate, so bisect).
 */
export function maxEventsPerHour(c: Raw): number {
  const byRows = maxEventsPerHourByRows(c);
  const fits = (rate: number) => sizeIssues(estimateOperationalLog({ ...c, eventsPerHour: rate })).length === 0;
  if (fits(byRows)) return byRows;
  let lo = 0;
  let hi = byRows;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

function validate(c: Raw): Issue[] {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  c.services.forEach((s, i) => {
    const first = seen.get(s.name);
    if (first !== undefined) {
      issues.push({ path: `services.${i}.name`, message: `"${s.name}" is a duplicate of services.${first}.name; allowed: unique service names` });
    } else seen.set(s.name, i);
  });
  const nServices = c.services.length || c.serviceCount;
  const { requests, bursts } = expectedLogs(c);
  if (requests + bursts > MAX_EXPECTED_LOGS) {
    const maxRate = maxEventsPerHourByRows(c);
    const total = Math.round(requests + bursts).toLocaleString('en-US');
    const limit = `allowed: at most ${MAX_EXPECTED_LOGS.toLocaleString('en-US')} expected log rows`;
    issues.push(
      requests >= bursts
        ? {
            path: 'eventsPerHour',
            message: `${c.eventsPerHour.toLocaleString('en-US')} per hour × ${c.durationHours.toLocaleString('en-US')} h × ${nServices} services gives ${total} expected log rows; ${limit} (at most ${maxRate.toLocaleString('en-US')} per hour with these settings)`,
          }
        : { path: 'errorBurstCount', message: `${c.errorBurstCount.toLocaleString('en-US')} per burst gives ${total} expected log rows with the other settings; ${limit}` },
    );
  }
  // under the row cap, the traces (sample rate × depth) and the OTLP buffers may still be more than the engine holds
  return issues.length ? issues : sizeIssues(estimateOperationalLog(c));
}

export const operationalLogConfig = defineConfig(shape, validate, undefined, {
  eventsPerHour: (c) => ({ max: maxEventsPerHour(c), because: 'with these services, duration and bursts' }),
});

export type OperationalLogConfig = Raw;
