import { runSimulator } from '../../src/core/run';
import { buildTree } from '../../src/core/output/tree';
import { workflowSimulator } from '../../src/core/simulators/workflow';
import type { BenchCase } from '../types';

const simulate = (preset: string, entityCount: number) => async () => {
  const run = await runSimulator(workflowSimulator, { preset, entityCount, seed: 42 });
  return { rows: run.result.tables.reduce((a, t) => a + t.length, 0) };
};

export const workflowCases: BenchCase[] = [
  {
    name: 'workflow/order_fulfillment/1M',
    description: 'Workflow, preset order_fulfillment, 1,000,000 entities, simulate (events + entity_summary in memory)',
    run: simulate('order_fulfillment', 1_000_000),
    target: { maxSeconds: 2, issue: 2 },
  },
  {
    name: 'workflow/order_fulfillment/10k',
    description: 'Workflow, preset order_fulfillment, 10,000 entities (the reference measured this config)',
    run: simulate('order_fulfillment', 10_000),
    reps: 5,
    reference: { seconds: 7.96, rows: 37_495, note: 'WorkflowSimulator preset=order_fulfillment entity_count=10000' },
  },
  {
    name: 'workflow/support_ticket/10k',
    description: 'Workflow, preset support_ticket, 10,000 entities',
    run: simulate('support_ticket', 10_000),
    reps: 5,
    reference: { seconds: 11.831, rows: 56_180, note: 'WorkflowSimulator preset=support_ticket entity_count=10000' },
  },
  {
    name: 'workflow/employee_onboarding/10k',
    description: 'Workflow, preset employee_onboarding, 10,000 entities',
    run: simulate('employee_onboarding', 10_000),
    reps: 5,
    reference: { seconds: 7.362, rows: 32_682, note: 'WorkflowSimulator preset=employee_onboarding entity_count=10000' },
  },
  {
    name: 'workflow/order_fulfillment/1M/parquet',
    description: 'Workflow, 1,000,000 entities, simulate + write the whole output tree as Parquet',
    reps: 2,
    run: async () => {
      const { initParquetNode } = await import('../../src/cli/parquet-node');
      initParquetNode();
      const run = await runSimulator(workflowSimulator, { entityCount: 1_000_000, seed: 42 });
      await buildTree(run, 'parquet');
      return { rows: run.result.tables.reduce((a, t) => a + t.length, 0) };
    },
  },
];
