import { formatCount, formatInt, formatNumber, formatPercent } from '../../format';
import { iotView } from '../../../core/simulators/iot-telemetry/view';
import { defineUi } from '../defineUi';
import { IotCharts, IotExplorer } from './IotCharts';

export const iotTelemetryUi = defineUi(iotView, {
  description:
    'A device fleet’s sensor readings with slow drift, missing values, alert storms over sparse baseline alerts and battery drain, plus an end-of-window fleet health snapshot — for drift detection, fleet dashboards and IoT ingest with nulls and alert bursts.',
  statCards(s) {
    return [
      { label: 'Readings', value: formatInt(s.total_readings), sub: s.mode === 'generated' ? `generated for ${formatInt(s.fleet_size)} devices` : `from the input tables, ${formatInt(s.fleet_size)} devices` },
      { label: 'Missing readings', value: formatInt(s.missing_readings_injected), sub: `${formatPercent(s.missing_rate, 2)} of readings nulled` },
      { label: 'Drifting series', value: formatInt(s.drifting_sensors) },
      { label: 'Alerts', value: formatInt(s.total_alerts), sub: `${formatCount(s.alert_storms, 'storm')}, ${formatInt(s.battery_low_alerts)} battery low` },
      { label: 'Fleet online', value: formatInt(s.fleet_online), sub: `${formatInt(s.fleet_degraded)} degraded, ${formatInt(s.fleet_offline)} offline` },
      { label: 'Average battery', value: `${formatNumber(s.avg_battery_level, 1)} %`, sub: 'at the window’s end' },
    ];
  },
  Charts: IotCharts,
  Explorer: IotExplorer,
});
