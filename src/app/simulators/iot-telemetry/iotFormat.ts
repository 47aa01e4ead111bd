/** Shared look of the IoT telemetry page: device, status and alert colours and labels. */
import type { ChosenReason } from '../../../core/simulators/iot-telemetry/iot-telemetry.charts';

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

/** Why a device was picked for the charts, in words. */
export const REASON: Record<ChosenReason, string> = {
  drift: 'drifting',
  gaps: 'most gaps',
  storm: 'in a storm',
  battery: 'battery low',
  fleet: 'fleet',
};

export const deviceName = (id: string) => `device ${id}`;
