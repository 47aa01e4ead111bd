import { defineSimulator } from '../../simulator';
import { workflowSpec } from './spec';
import { runWorkflow } from './workflow';

export const workflowSimulator = defineSimulator(workflowSpec, runWorkflow);
