import { defineSimulator } from '../../simulator';
import { runWorkflow } from './workflow';
import { workflowConfig } from './workflow.config';

export const workflowSimulator = defineSimulator({
  id: 'workflow',
  title: 'Workflow',
  summary: 'Entities moving through a business process as a state machine, with skip, stuck and backward anomalies.',
  category: 'behaviour',
  schema: workflowConfig,
  run: runWorkflow,
});
