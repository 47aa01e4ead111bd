import { defineSpec, type SimulatorSpec } from './simulator';
import { financialStreamSpec } from './simulators/financial-stream/spec';
import { clickstreamSpec } from './simulators/clickstream/spec';
import { fileDropSpec } from './simulators/file-drop/spec';
import { scd2FileDropSpec } from './simulators/scd2-file-drop/spec';
import { iotTelemetrySpec } from './simulators/iot-telemetry/spec';
import { operationalLogSpec } from './simulators/operational-log/spec';
import { streamEmitSpec } from './simulators/stream-emit/spec';
import { hybridSpec } from './simulators/hybrid/spec';
import { workflowSpec } from './simulators/workflow/spec';

/**
 * Every simulator that works, in navigation order, without engines: what the page bundle, the
 * navigation, `list` and `describe` read. registry.ts pairs each with its engine (worker, CLI);
 * adding a simulator is one folder, one line here and one line there.
 */
// grouped by category (landing zone, streams, behaviour): the navigation and the overview list them in this order
export const CATALOG: readonly SimulatorSpec[] = [
  defineSpec(fileDropSpec),
  defineSpec(scd2FileDropSpec),
  defineSpec(streamEmitSpec),
  defineSpec(hybridSpec),
  defineSpec(workflowSpec),
  defineSpec(clickstreamSpec),
  defineSpec(operationalLogSpec),
  defineSpec(financialStreamSpec),
  defineSpec(iotTelemetrySpec),
];

export function findSpec(id: string): SimulatorSpec | undefined {
  return CATALOG.find((s) => s.id === id);
}
