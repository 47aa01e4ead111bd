import { formatHours, formatInt, formatNumber, formatPercent } from '../../format';
import { operationalLogView, type OperationalLogData } from '../../../core/simulators/operational-log/view';
import type { StatCard } from '../../components/StatCards';
import { defineUi } from '../defineUi';
import { OperationalLogCharts } from './OperationalLogCharts';
import { OperationalLogExplorer } from './OperationalLogExplorer';
import { ServiceCountField, ServiceListField } from './ServiceFields';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const plural = (n: number, one: string, many = `${one}s`) => `${formatInt(n)} ${n === 1 ? one : many}`;

/** A window kind's card: how many windows were injected, and how many log lines they hold; "off" when disabled. */
function windowCard(label: string, enabled: boolean, windows: number, events: number, inside: string) {
  return enabled ? { label, value: formatInt(windows), sub: `${formatInt(events)} ${inside}` } : { label, value: 'off', sub: 'disabled in the settings' };
}

export const operationalLogUi = defineUi(operationalLogView, {
  description:
    'Structured request logs of a microservice estate with W3C traces, latency spikes, outages and error bursts, each window listed in the answer key — for testing observability pipelines, alert rules and SLO dashboards.',
  statCards(stats, config, charts) {
    const events = stats.total_events;
    const services = Array.isArray(config.services) && config.services.length ? config.services.length : num(config.serviceCount);
    const traces = stats.total_traces;
    const spans = stats.total_spans;
    const windows = stats.windows;
    return [
      { label: 'Log lines', value: formatInt(events), sub: `${plural(services, 'service')} × ${formatHours(num(config.durationHours))}` },
      events
        ? { label: 'Error rate', value: formatPercent(stats.error_rate, 2), sub: `${formatInt(stats.total_errors)} responses ≥ 500` }
        : { label: 'Error rate', value: '—', sub: 'no requests in this run' },
      ...worstP95(charts, events),
      ...(config.traceEnabled === false
        ? [{ label: 'Traces', value: 'off', sub: 'tracing disabled' }]
        : [
            { label: 'Traces', value: formatInt(traces), sub: events ? `${formatPercent(traces / events)} of requests sampled` : 'no requests in this run' },
            { label: 'Spans', value: formatInt(spans), sub: traces ? `${formatNumber(spans / traces, 1)} per trace` : 'no traces' },
          ]),
      windowCard('Latency spikes', config.latencySpikeEnabled !== false, windows.latency_spike, stats.spike_events, 'log lines inside'),
      windowCard('Outages', config.outageEnabled !== false, windows.outage, stats.outage_events, 'log lines inside'),
      windowCard('Error bursts', config.errorBurstEnabled !== false, windows.error_burst, stats.error_burst_events, 'burst events'),
    ];
  },
  Charts: OperationalLogCharts,
  Explorer: OperationalLogExplorer,
  form: { fields: { serviceCount: ServiceCountField, services: ServiceListField } },
});

/** The slowest service's p95 latency, from the per-service health the charts carry. */
function worstP95(charts: OperationalLogData, events: number): StatCard[] {
  const latency = charts.latency;
  const worst = latency.reduce<(typeof latency)[number] | undefined>((w, l) => (!w || l.p95 > w.p95 ? l : w), undefined);
  // without requests there is no latency: a dash, not "0 ms" of the first service
  if (!events || !worst) return [{ label: 'Worst p95 latency', value: '—', sub: 'no requests in this run' }];
  return [{ label: 'Worst p95 latency', value: `${formatNumber(worst.p95, 0)} ms`, sub: worst.service }];
}
