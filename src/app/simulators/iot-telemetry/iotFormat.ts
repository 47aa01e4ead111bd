/** Shared look of the IoT telemetry page: device, status and alert colours and labels. */
import type { YAxisProps } from 'recharts';
import type { ChosenReason } from '../../../core/simulators/iot-telemetry/iot-telemetry.charts';
import { formatCompact } from '../../format';

export const DEVICE_COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];

export const STATUS = [
  { key: 'online', label: 'Online', color: 'var(--chart-4)' },
  { key: 'degraded', label: 'Degraded', color: 'var(--chart-3)' },
  { key: 'offline', label: 'Offline', color: 'var(--chart-5)' },
] as const;

export const ALERT_KINDS = [
  { key: 'storm', label: 'Storm alerts', color: 'var(--chart-5)' },
  { key: 'baseline', label: 'Baseline alerts', color: 'var(--chart-1)' },
  { key: 'battery', label: 'Battery low', color: 'var(--chart-3)' },
] as const;

export const STORM_SHADE = 'var(--chart-5)';

/** Missing readings per bucket: grey bars under a chart's lines. */
export const MISSING_COLOR = 'var(--text-2)';

/**
 * The missing-reading bars' own axis, on the right and labelled (the lines' axis is on the left):
 * scaled to four times the most missing, so the bars keep to the lower quarter, under the lines.
 */
export const MISSING_AXIS: YAxisProps = {
  yAxisId: 'm',
  orientation: 'right',
  width: 48,
  allowDecimals: false,
  tickFormatter: formatCompact,
  domain: [0, (max: number) => Math.max(1, max) * 4],
  label: { value: 'missing', angle: 90, position: 'insideRight', fill: 'var(--text-2)', fontSize: 11 },
};

/** Why a device was picked for the charts, in words. */
export const REASON: Record<ChosenReason, string> = {
  drift: 'drifting',
  gaps: 'most gaps',
  storm: 'in a storm',
  battery: 'battery low',
  fleet: 'fleet',
};

export const deviceName = (id: string) => `device ${id}`;
