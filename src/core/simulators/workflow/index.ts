import { defineSimulator } from '../../simulator';
import { workflowSpec } from './spec';
import { runWorkflow, streamWorkflow } from './workflow';
import { workflowView } from './view';

export const workflowSimulator = defineSimulator(workflowSpec, runWorkflow, workflowView, { run: streamWorkflow });
