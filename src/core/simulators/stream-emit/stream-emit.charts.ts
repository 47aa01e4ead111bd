/**
 * Chart data for the Stream emitter page, small for any stream length: events per second over
 * simulated time (by kind, with the burst windows to shade), a bounded sample of (event time,
 * emission time, kind) points, and events per topic.
 */
import { EVENT_KIND_NAMES, EventKind } from '../../streaming/batch';
import { formatIsoMicros, US_PER_SECOND } from '../../time';
import { RateShape } from './stream-emit.clock';
import type { StreamEmitConfig } from './stream-emit.config';
import type { StreamPlan } from './stream-emit.plan';
import { forEachEvent, type Tally } from './stream-emit.tally';

export interface StreamEmitCharts {
  /** Bucket width: the smallest of BUCKET_SECONDS giving at most MAX_BUCKETS buckets over the stream. */
  readonly bucketSeconds: number;
  /** Bucket start instants (ISO, UTC, µs). */
  readonly bucketStarts: string[];
  /** Events per second of simulated time in each bucket, by kind (primary events in place, moved, replays). */
  readonly rate: { readonly normal: number[]; readonly outOfOrder: number[]; readonly replay: number[] };
  /** Configured burst windows, for shading. */
  readonly burstWindows: { id: string; start: string; end: string; multiplier: number }[];
  /** At most MAX_POINTS events, evenly spread over each kind: event time and emission (send) time in epoch milliseconds. */
  readonly timeline: { eventMs: number; emittedMs: number; kind: (typeof EVENT_KIND_NAMES)[number] }[];
  /** Primary events whose row has no event time: their envelope `time` (and timeline point) is their send time. */
  readonly untimedEvents: number;
  readonly topics: { topic: string; events: number; replays: number; outOfOrder: number }[];
}

export const BUCKET_SECONDS = [0.001, 0.01, 0.1, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21_600, 43_200, 86_400, 604_800, 2_592_000, 31_536_000] as const;
export const MAX_BUCKETS = 300;
/** Timeline points per kind. */
export const MAX_POINTS = { normal: 600, outOfOrder: 200, replay: 200 };

/** The bucket width for a stream lasting `seconds`. */
export function bucketSecondsFor(seconds: number): number {
  return BUCKET_SECONDS.find((b) => Math.ceil(seconds / b) <= MAX_BUCKETS) ?? BUCKET_SECONDS[BUCKET_SECONDS.length - 1];
}

const round3 = (x: number) => Math.round(x * 1e3) / 1e3;
const ms = (us: number) => us / 1000;

/** Indices 0, step, 2·step, … of a kind's `total` events, at most `max` of them (every one when they fit). */
const picker = (total: number, max: number) => {
  const step = total <= max ? 1 : total / max;
  let next = 0;
  let seen = 0;
  return () => {
    const take = seen >= next && seen < total;
    if (take) next += step;
    seen++;
    return take;
  };
};

export function streamCharts(plan: StreamPlan, config: StreamEmitConfig, t: Tally): StreamEmitCharts {
  const { source, rows, outOfOrder, schedule, startUs } = plan;
  const bucketSeconds = bucketSecondsFor((t.lastAtUs - startUs) / US_PER_SECOND);
  const width = bucketSeconds * US_PER_SECOND;
  const nb = Math.max(1, Math.ceil((t.lastAtUs - startUs + 1) / width));
  const counts = [new Float64Array(nb), new Float64Array(nb), new Float64Array(nb)];
  const bucket = (us: number) => Math.min(nb - 1, Math.floor((us - startUs) / width));
  const oooTotal = plan.reordered.movedFrom.length;
  const take = [picker(rows.length - oooTotal, MAX_POINTS.normal), picker(oooTotal, MAX_POINTS.outOfOrder), picker(schedule.replayEvents, MAX_POINTS.replay)];
  const timeline: StreamEmitCharts['timeline'] = [];
  const point = (g: number, atUs: number, kind: number) => {
    if (!take[kind]()) return;
    const et = source.eventTime[g];
    timeline.push({ eventMs: ms(et === et ? et : atUs), emittedMs: ms(atUs), kind: EVENT_KIND_NAMES[kind] });
  };
  forEachEvent(plan, (pos, atUs, replay) => {
    const kind = replay ? EventKind.replay : outOfOrder[pos] ? EventKind.outOfOrder : EventKind.normal;
    counts[kind][bucket(atUs)]++;
    point(rows[pos], atUs, kind);
  });
  const perSecond = (c: Float64Array) => Array.from(c, (x) => round3(x / bucketSeconds));
  const shape = new RateShape(config, startUs);
  return {
    bucketSeconds,
    bucketStarts: Array.from({ length: nb }, (_, b) => formatIsoMicros(startUs + b * width)),
    rate: { normal: perSecond(counts[0]), outOfOrder: perSecond(counts[1]), replay: perSecond(counts[2]) },
    burstWindows: config.burstWindows.map((_, i) => {
      const w = shape.window(i);
      return { id: `burst_window:${i}`, start: formatIsoMicros(startUs + w.from), end: formatIsoMicros(startUs + w.to), multiplier: w.multiplier };
    }),
    timeline,
    untimedEvents: t.untimed,
    topics: source.topics.map((topic, i) => ({ topic, events: t.events[i], replays: t.replays[i], outOfOrder: t.outOfOrder[i] })).filter((x) => x.events > 0),
  };
}
