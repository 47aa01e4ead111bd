import type { SimulatorDef } from './simulator';
import { workflowSimulator } from './simulators/workflow';
import { clickstreamSimulator } from './simulators/clickstream';

/**
 * Every simulator that works, in navigation order. The UI's navigation, the CLI's `list` and
 * the docs read this list: adding a simulator is one folder and one line here.
 */
export const SIMULATORS: readonly SimulatorDef[] = [workflowSimulator, clickstreamSimulator];

export function findSimulator(id: string): SimulatorDef | undefined {
  return SIMULATORS.find((s) => s.id === id);
}
