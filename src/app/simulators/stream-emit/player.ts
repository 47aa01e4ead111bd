/**
 * Starting and steering plays from the page: a finished run's stream sent to the page's console
 * (and to HTTP when the sink says so), in real time at ×speed or as fast as possible; each
 * worker tick folds into the play store; the delivery log downloads as CSV.
 */
import type { StreamEmitCharts } from '../../../core/simulators/stream-emit/stream-emit.charts';
import { streamEmitChartsShape } from '../../../core/simulators/stream-emit/view';
import { fits, nullable, num, obj, oneOf, str, type Infer } from '../../../core/view/shape';
import type { StreamControlAction, StreamTick } from '../../../worker/stream-play';
import { engine, saveBytes } from '../../engine';
import type { RunMeta } from '../../store';
import { getHeaders, headerObject } from './headers';
import { CHART_MS, CONSOLE_MAX, POINTS_MAX, usePlays, type ConsoleEntry, type PlayState } from './playStore';
import { tickBatcher } from './tickBatcher';

/** The stream settings of a run's resolved config (the hybrid keeps them under streamConfig). */
const streamSettingsShape = obj({
  sinkType: str,
  realtimeSpeed: num,
  sinkConnection: obj({ url: nullable(str), format: oneOf('ndjson', 'cloudevents_batch'), batchSize: num, maxRetries: num, retryBackoffMs: num, timeoutMs: num }),
});
export type StreamSettings = Infer<typeof streamSettingsShape>;

/** The hybrid's charts as far as its stream phase goes (null when the phase was skipped). */
const hybridStreamShape = obj({ kind: oneOf('hybrid'), stream: nullable(streamEmitChartsShape) });

/** A run's stream chart data and settings: the stream emitter's, or the hybrid's stream phase (null when skipped). */
export function streamOf(run: RunMeta): { charts: StreamEmitCharts; settings: StreamSettings } | null {
  const { charts, config } = run;
  const settings = config.streamConfig ?? config;
  if (!fits(streamSettingsShape, settings)) return null;
  if (fits(hybridStreamShape, charts)) return charts.stream ? { charts: charts.stream, settings } : null;
  return fits(streamEmitChartsShape, charts) ? { charts, settings } : null;
}

/** µs since the epoch of the engine's `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
export function isoMicros(iso: string): number {
  const frac = /\.(\d{1,6})Z$/.exec(iso)?.[1] ?? '';
  return Date.parse(`${iso.slice(0, 19)}Z`) * 1000 + Number(frac.padEnd(6, '0'));
}

const jobs = new Map<string, { id: number; control(a: StreamControlAction): void; cancel(): void }>();
const decoder = new TextDecoder();

/** Fold one worker tick into the play's state (series and console mutated in place). */
function fold(s: PlayState, t: StreamTick): Partial<PlayState> {
  // the worker counts per topic of the plan (every topic, also those without events)
  const series = s.series.perTopic.length === t.topics.length ? s.series : { ...s.series, perTopic: new Float64Array(t.topics.length), perTopicReplays: new Float64Array(t.topics.length) };
  const { counts, perTopic, perTopicReplays, points } = series;
  const last = counts[0].length - 1;
  t.buckets.index.forEach((b, i) => (counts[t.buckets.kind[i]][Math.min(b, last)] += t.buckets.count[i]));
  t.perTopic.forEach((n, i) => (perTopic[i] += n));
  t.perTopicReplays.forEach((n, i) => (perTopicReplays[i] += n));
  t.points.kind.forEach((kind, i) => points.push({ eventMs: t.points.eventMs[i], emittedMs: t.points.emittedMs[i], kind }));
  if (points.length > POINTS_MAX) {
    // drop the oldest normal points first: the out-of-order and replayed ones are what the chart is for
    const excess = points.length - POINTS_MAX;
    let dropped = 0;
    const kept = points.filter((p) => (p.kind === 0 && dropped < excess ? (dropped++, false) : true));
    points.splice(0, points.length, ...kept.slice(-POINTS_MAX));
  }
  const text = decoder.decode(t.lines.bytes);
  let from = 0;
  const entries: ConsoleEntry[] = [];
  const bytes = t.lines.bytes;
  for (let i = 0; i < t.lines.ends.length; i++) {
    // ends are byte offsets: decode each line on its own when the text is not pure ASCII
    const line = text.length === bytes.length ? text.slice(from, t.lines.ends[i] - 1) : decoder.decode(bytes.subarray(from, t.lines.ends[i] - 1));
    entries.push({ seq: t.lines.seq[i], at: t.lines.at[i], topic: t.lines.topic[i], kind: t.lines.kind[i], line });
    from = t.lines.ends[i];
  }
  s.console.push(...entries);
  if (s.console.length > CONSOLE_MAX) s.console.splice(0, s.console.length - CONSOLE_MAX);
  const samples = s.samples;
  // a pause is not part of the rate: start measuring again after it
  if (t.paused) samples.length = 0;
  else samples.push([t.wallMs, t.delivered]);
  while (samples.length > 2 && samples[samples.length - 1][0] - samples[0][0] > 5000) samples.shift();
  const [t0, n0] = samples[0] ?? [0, 0];
  const [t1, n1] = samples[samples.length - 1] ?? [0, 0];
  // charts redraw on the page's own clock, and only when what they show moved: timed by the
  // worker's clock, ticks that queued while a redraw was slow each asked for another, and the
  // page fell further behind the longer it played (a minute at ×1 froze the tab)
  const mark = `${t.delivered}:${t.playheadUs}`;
  const now = performance.now();
  const redraw = mark !== s.chartMark && (now - s.chartAtMs >= CHART_MS || t.delivered === t.total);
  return {
    series,
    ...(redraw ? { chartVersion: s.chartVersion + 1, chartAtMs: now, chartMark: mark } : {}),
    rateNow: t1 > t0 ? ((n1 - n0) * 1000) / (t1 - t0) : null,
    topics: t.topics,
    delivered: t.delivered,
    atUs: t.atUs,
    playheadUs: t.playheadUs,
    wallMs: t.wallMs,
    // playing or paused is what the user last asked for: a tick sent before the worker saw a
    // pause (or resume) must not flip the button back
    status: s.status,
    speed: t.speed,
    skipped: s.skipped + t.skipped,
    delivery: t.delivery,
  };
}

/** Fold several ticks in order: one store update for all of them. */
function foldAll(s: PlayState, ticks: readonly StreamTick[]): Partial<PlayState> {
  let cur = s;
  let patch: Partial<PlayState> = {};
  for (const t of ticks) {
    const p = fold(cur, t);
    cur = { ...cur, ...p };
    patch = { ...patch, ...p };
  }
  return patch;
}

/** Stop the simulator's play, if one is running. */
export function stopPlay(simulator: string): void {
  jobs.get(simulator)?.cancel();
}

export function controlPlay(simulator: string, action: StreamControlAction): void {
  const job = jobs.get(simulator);
  if (!job) return;
  job.control(action);
  const { update } = usePlays.getState();
  if (action.action === 'pause') update(simulator, job.id, () => ({ status: 'paused' }));
  else if (action.action === 'resume') update(simulator, job.id, () => ({ status: 'playing' }));
  else if (action.action === 'speed') update(simulator, job.id, () => ({ speed: action.speed }));
}

/**
 * Play a finished run's stream: in real time at `speed`, or as fast as possible (null). Events
 * also go to the HTTP endpoint when the run's sink is http (headers from page memory).
 */
export function startPlay(simulator: string, run: RunMeta, speed: number | null): void {
  stopPlay(simulator);
  const stream = streamOf(run);
  const store = usePlays.getState();
  if (!stream) {
    store.set(simulator, undefined);
    return;
  }
  const { charts, settings } = stream;
  const c = settings.sinkConnection;
  const http =
    settings.sinkType === 'http' && c.url
      ? { url: c.url, format: c.format, batchSize: c.batchSize, maxRetries: c.maxRetries, retryBackoffMs: c.retryBackoffMs, timeoutMs: c.timeoutMs, headers: headerObject(getHeaders(simulator)) }
      : undefined;
  const nb = charts.bucketStarts.length;
  const total = run.stats.total_events ?? (run.stats.stream as { total_events?: number } | null)?.total_events ?? 0;
  let playId = -1;
  const ticks = tickBatcher<StreamTick>((ts) => usePlays.getState().update(simulator, playId, (s) => foldAll(s, ts)));
  const job = engine.play({ runId: run.runId, speed, bucketSeconds: charts.bucketSeconds, ...(http ? { http } : {}) }, (t) => ticks.push(t));
  playId = job.id;
  jobs.set(simulator, job);
  const startUs = isoMicros(charts.bucketStarts[0]);
  store.set(simulator, {
    runId: run.runId,
    playId,
    speed,
    status: 'playing',
    delivered: 0,
    total: total as number,
    atUs: startUs,
    playheadUs: startUs,
    wallMs: 0,
    topics: [],
    series: { startUs, bucketSeconds: charts.bucketSeconds, counts: [new Float64Array(nb), new Float64Array(nb), new Float64Array(nb)], perTopic: new Float64Array(0), perTopicReplays: new Float64Array(0), points: [] },
    console: [],
    skipped: 0,
    http: !!http,
    delivery: null,
    samples: [],
    rateNow: null,
    version: 0,
    chartVersion: 0,
    chartAtMs: 0,
    chartMark: '',
  });
  // the last ticks first, then the end
  job.promise.finally(ticks.flush).catch(() => undefined);
  job.promise.then(
    (summary) => usePlays.getState().update(simulator, playId, (s) => ({ status: summary.stopped ? 'stopped' : 'done', delivered: summary.delivered, delivery: summary.delivery, chartVersion: s.chartVersion + 1 })),
    (e: Error) => usePlays.getState().update(simulator, playId, (s) => ({ status: 'error', error: e.message, chartVersion: s.chartVersion + 1 })),
  );
  job.promise.finally(() => {
    if (jobs.get(simulator)?.id === playId) jobs.delete(simulator);
  });
}

/** Save the play's delivery answer key (one CSV row per event sent). */
export async function downloadDeliveryKey(simulator: string, playId: number): Promise<void> {
  const { csv } = await engine.deliveryKey(playId).promise;
  saveBytes(csv, `spindle-${simulator}-delivery.csv`, 'text/csv');
}
