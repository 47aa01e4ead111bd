import type { SimulatorSpec } from '../../simulator';
import { workflowConfig, type WorkflowConfig } from './workflow.config';
import { estimateWorkflow } from './workflow.estimate';

export const workflowSpec: SimulatorSpec<WorkflowConfig> = {
  id: 'workflow',
  title: 'Workflow',
  summary: 'Entities moving through a business process as a state machine, with skip, stuck and backward anomalies.',
  category: 'behaviour',
  schema: workflowConfig,
  estimate: estimateWorkflow,
};
