import { defineSimulator } from '../../simulator';
import { runIotTelemetry } from './iot-telemetry';
import { iotTelemetrySpec } from './spec';
import { iotView } from './view';

export const iotTelemetrySimulator = defineSimulator(iotTelemetrySpec, runIotTelemetry, iotView);
