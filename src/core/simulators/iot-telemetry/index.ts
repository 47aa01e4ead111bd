import { defineSimulator } from '../../simulator';
import { runIotTelemetry } from './iot-telemetry';
import { iotTelemetrySpec } from './spec';

export const iotTelemetrySimulator = defineSimulator(iotTelemetrySpec, runIotTelemetry);
