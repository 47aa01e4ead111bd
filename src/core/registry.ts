import type { SimulatorDef } from './simulator';
import { workflowSimulator } from './simulators/workflow';
import { clickstreamSimulator } from './simulators/clickstream';
import { operationalLogSimulator } from './simulators/operational-log';

/**
 * Every simulator that works, in navigation order. The UI's navigation, the CLI's `list` and
 * the docs read this list: adding a simulator is one folder and one line here.
 */
export const SIMULATORS: readonly SimulatorDef[] = [workflowSimulator, clickstreamSimulator, operationalLogSimulator];

export function findSimulator(id: string): SimulatorDef | undefined {
  return SIMULATORS.find((s) => s.id === id);
}
