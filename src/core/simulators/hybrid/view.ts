/** What the Hybrid page reads of a run: its stats and chart data, shapes checked when they arrive (view/shape.ts). */
import { defineView } from '../../view/result-view';
import { arr, nullable, num, obj, oneOf, str, type Infer, type Shape } from '../../view/shape';
import { fileDropChartsShape, fileDropStatsShape } from '../file-drop/view';
import { streamEmitChartsShape, streamEmitStatsShape } from '../stream-emit/view';
import type { HybridCharts } from './hybrid.charts';

export const hybridStatsShape = obj({
  correlation_id: nullable(str),
  link_strategy: str,
  batch_files: num,
  stream_events: num,
  batch_tables: arr(str),
  stream_tables: arr(str),
  unmatched_tables: obj({ batch: arr(str), stream: arr(str) }),
  batch_seed: num,
  stream_seed: num,
  stream_start: str,
  batch: nullable(fileDropStatsShape),
  stream: nullable(streamEmitStatsShape),
});
export type HybridStats = Infer<typeof hybridStatsShape>;

const nums = arr(num);

export const hybridChartsShape: Shape<HybridCharts> = obj({
  kind: oneOf('hybrid'),
  linkStrategy: str,
  batch: nullable(fileDropChartsShape),
  stream: nullable(streamEmitChartsShape),
  correlation: obj({
    correlationId: nullable(str),
    manifestId: nullable(str),
    envelopeId: nullable(str),
    startUs: num,
    bucketSeconds: num,
    files: nums,
    rows: nums,
    events: nums,
    fileMarks: arr(obj({ path: str, entity: str, kind: str, landedAtUs: num, rows: num })),
    dataFiles: num,
  }),
});

export const hybridView = defineView(hybridStatsShape, hybridChartsShape);
