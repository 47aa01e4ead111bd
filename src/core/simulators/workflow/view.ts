/** What the Workflow page reads of a run: its stats and chart data, shapes checked when they arrive (view/shape.ts). */
import { defineView } from '../../view/result-view';
import { arr, bool, num, obj, oneOf, rec, str, type Infer, type Shape } from '../../view/shape';
import type { WorkflowCharts } from './workflow.charts';

const bin = obj({ lo: num, hi: num, count: num });

export const workflowStatsShape = obj({
  total_events: num,
  total_entities: num,
  anomaly_count: num,
  anomalies_by_type: obj({ skip: num, stuck: num, backward: num }),
  mean_completion_hours: num,
  incomplete_entities: num,
  state_distribution: rec(num),
  config_seed: num,
});
export type WorkflowStats = Infer<typeof workflowStatsShape>;

export const workflowChartsShape: Shape<WorkflowCharts> = obj({
  states: arr(obj({ name: str, terminal: bool })),
  finalStates: arr(obj({ state: str, count: num, terminal: bool })),
  transitions: arr(obj({ from: str, to: str, count: num })),
  dwell: arr(bin),
  completion: obj({ bins: arr(bin), p50: num, p90: num, p99: num }),
  anomalies: arr(obj({ type: oneOf('skip', 'stuck', 'backward'), count: num })),
});

export const workflowView = defineView(workflowStatsShape, workflowChartsShape);
