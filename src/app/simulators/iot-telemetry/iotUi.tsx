import { formatInt, formatNumber, formatPercent } from '../../format';
import type { SimulatorUi } from '../types';
import { IotCharts, IotExplorer } from './IotCharts';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export const iotTelemetryUi: SimulatorUi = {
  description:
    'A device fleet’s sensor readings with slow drift, missing values, alert storms over sparse baseline alerts and battery drain, plus an end-of-window fleet health snapshot — for drift detection, fleet dashboards and IoT ingest with nulls and alert bursts.',
  statCards(stats) {
    const fleet = num(stats.fleet_size);
    return [
      { label: 'Readings', value: formatInt(num(stats.total_readings)), sub: stats.mode === 'generated' ? `generated for ${formatInt(fleet)} devices` : `from the input tables, ${formatInt(fleet)} devices` },
      { label: 'Missing readings', value: formatInt(num(stats.missing_readings_injected)), sub: `${formatPercent(num(stats.missing_rate), 2)} of readings nulled` },
      { label: 'Drifting series', value: formatInt(num(stats.drifting_sensors)) },
      { label: 'Alerts', value: formatInt(num(stats.total_alerts)), sub: `${formatInt(num(stats.alert_storms))} ${num(stats.alert_storms) === 1 ? 'storm' : 'storms'}, ${formatInt(num(stats.battery_low_alerts))} battery low` },
      { label: 'Fleet online', value: formatInt(num(stats.fleet_online)), sub: `${formatInt(num(stats.fleet_degraded))} degraded, ${formatInt(num(stats.fleet_offline))} offline` },
      { label: 'Average battery', value: `${formatNumber(num(stats.avg_battery_level), 1)} %`, sub: 'at the window’s end' },
    ];
  },
  Charts: IotCharts,
  Explorer: IotExplorer,
};
