import { CATALOG } from './catalog';
import type { SimulatorDef } from './simulator';
import { financialStreamSimulator } from './simulators/financial-stream';
import { clickstreamSimulator } from './simulators/clickstream';
import { fileDropSimulator } from './simulators/file-drop';
import { scd2FileDropSimulator } from './simulators/scd2-file-drop';
import { iotTelemetrySimulator } from './simulators/iot-telemetry';
import { operationalLogSimulator } from './simulators/operational-log';
import { streamEmitSimulator } from './simulators/stream-emit';
import { hybridSimulator } from './simulators/hybrid';
import { workflowSimulator } from './simulators/workflow';

/**
 * Every simulator with its engine, for the worker and the CLI (the page reads catalog.ts).
 * Same order as the catalog; a test checks the two lists agree.
 */
// the catalog's order (catalog.test.ts checks it)
export const SIMULATORS: readonly SimulatorDef[] = [
  fileDropSimulator,
  scd2FileDropSimulator,
  streamEmitSimulator,
  hybridSimulator,
  workflowSimulator,
  clickstreamSimulator,
  operationalLogSimulator,
  financialStreamSimulator,
  iotTelemetrySimulator,
];

export function findSimulator(id: string): SimulatorDef | undefined {
  return SIMULATORS.find((s) => s.id === id);
}

export { CATALOG };
