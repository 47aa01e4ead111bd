/** What the Stream emitter page reads of a run: its stats and chart data, shapes checked when they arrive (view/shape.ts). */
import { defineView } from '../../view/result-view';
import { arr, num, obj, oneOf, rec, str, type Infer, type Shape } from '../../view/shape';
import type { StreamEmitCharts } from './stream-emit.charts';

export const streamEmitStatsShape = obj({
  events_sent: num,
  replay_events_sent: num,
  total_events: num,
  out_of_order_count: num,
  replay_bursts: num,
  topics_used: arr(str),
  schema_versions: rec(str),
  events_per_topic: rec(obj({ events: num, replays: num, out_of_order: num })),
  rows_available: num,
  untimed_events: num,
  stream_start: str,
  stream_end: str,
  simulated_seconds: num,
  correlation_id: str,
});
export type StreamEmitStats = Infer<typeof streamEmitStatsShape>;

const nums = arr(num);

export const streamEmitChartsShape: Shape<StreamEmitCharts> = obj({
  bucketSeconds: num,
  bucketStarts: arr(str),
  rate: obj({ normal: nums, outOfOrder: nums, replay: nums }),
  burstWindows: arr(obj({ id: str, start: str, end: str, multiplier: num })),
  timeline: arr(obj({ eventMs: num, emittedMs: num, kind: oneOf('normal', 'out_of_order', 'replay') })),
  untimedEvents: num,
  topics: arr(obj({ topic: str, events: num, replays: num, outOfOrder: num })),
});

export const streamEmitView = defineView(streamEmitStatsShape, streamEmitChartsShape);
