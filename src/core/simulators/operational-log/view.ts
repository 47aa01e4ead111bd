/** What the Operational logs page reads of a run: its stats and chart data, shapes checked when they arrive (view/shape.ts). */
import { defineView } from '../../view/result-view';
import { arr, bool, num, obj, str, type Infer, type Shape } from '../../view/shape';
import type { OperationalLogCharts } from './operational-log.charts';
import type { OperationalLogExplore } from './operational-log.explore';

export const operationalLogStatsShape = obj({
  total_events: num,
  total_errors: num,
  error_rate: num,
  spike_events: num,
  outage_events: num,
  error_burst_events: num,
  total_traces: num,
  total_spans: num,
  windows: obj({ latency_spike: num, outage: num, error_burst: num }),
});
export type OperationalLogStats = Infer<typeof operationalLogStatsShape>;

const nums = arr(num);
const span = obj({ spanId: str, parent: num, depth: num, service: num, operation: str, offsetMs: num, durationMs: num, error: bool });

/** The charts' aggregates and the explorer's log sample and traces, one JSON value. */
export type OperationalLogData = OperationalLogCharts & OperationalLogExplore;

export const operationalLogChartsShape: Shape<OperationalLogData> = obj({
  bucketMinutes: num,
  bucketStarts: arr(str),
  series: arr(obj({ service: str, requests: nums, errors: nums, errorRate: nums })),
  windows: arr(obj({ kind: str, id: str, start: str, end: str })),
  latency: arr(obj({ service: str, p50: num, p95: num, p99: num, mean: num })),
  statusCodes: arr(obj({ code: num, count: num })),
  levels: arr(obj({ level: str, count: num })),
  services: arr(obj({ name: str, tier: str })),
  levelNames: arr(str),
  methodNames: arr(str),
  endpointNames: arr(str),
  logSample: obj({
    total: num,
    strata: arr(obj({ service: num, level: num, total: num, shown: num })),
    row: nums,
    timeMs: nums,
    service: nums,
    level: nums,
    method: nums,
    endpoint: nums,
    status: nums,
    latencyMs: nums,
    message: arr(str),
    flags: nums,
    trace: nums,
  }),
  traces: arr(obj({ traceId: str, startMs: num, durationMs: num, service: num, operation: str, errors: num, spans: arr(span) })),
  traceLists: obj({ slowest: nums, errors: nums, deepest: nums }),
});

export const operationalLogView = defineView(operationalLogStatsShape, operationalLogChartsShape);
