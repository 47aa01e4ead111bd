import type { SimulatorSpec } from '../../simulator';
import { iotTelemetryConfig, type IotTelemetryConfig } from './iot-telemetry.config';
import { estimateIotTelemetry } from './iot-telemetry.estimate';
import { IOT_ROLES, refineIotInputs } from './iot-telemetry.roles';

/**
 * No default domain: on first open (no tables) it generates a fleet of `fleetSize` devices
 * reading every `readingIntervalSeconds`, which is dense enough to show drift, gaps, storms and
 * drain in one day. The IoT domain's readings are sparse (about 34 a day over two years), so
 * they are used only when given (`--input iot:small`, or the page's data set).
 */
export const iotTelemetrySpec: SimulatorSpec<IotTelemetryConfig> = {
  id: 'iot-telemetry',
  title: 'IoT telemetry',
  summary: 'A device fleet’s readings with sensor drift, missing values, alert storms, battery drain and an end-of-window fleet health snapshot.',
  category: 'behaviour',
  schema: iotTelemetryConfig,
  estimate: estimateIotTelemetry,
  inputs: { kind: 'roles', roles: IOT_ROLES, defaultDomain: null, refine: refineIotInputs },
};
