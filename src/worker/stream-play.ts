/**
 * Playing a run's stream in the worker (issue 9 §3): the events of a finished stream-emit or
 * hybrid run delivered to the page's console (and to an HTTP endpoint when asked), as fast as
 * possible or paced to the simulated clock at ×speed, with pause, resume, speed and stop. The
 * page gets a tick every 100 ms: counts, the playhead, chart deltas and the newest envelope
 * lines (bounded), all in transferred buffers. Self-contained: the dispatcher forwards three
 * request types here and nothing else.
 */
import type { RunOutput } from '../core/run';
import { StreamCursor } from '../core/simulators/stream-emit/stream-emit.cursor';
import type { StreamPlan } from '../core/simulators/stream-emit/stream-emit.plan';
import { lineAt, type StreamBatch } from '../core/streaming/batch';
import type { DeliverySummary } from '../core/streaming/delivery';
import { fetchPost, HttpSink, type HttpSinkSettings } from '../core/streaming/http';
import { playStream, type WallClock } from '../core/streaming/play';
import type { StreamSink } from '../core/streaming/sink';
import { describeBrowserFetchError } from './cors';
import { PlayClock } from './play-clock';
import { serializeError, type WorkerResponse } from './protocol';

/** Start playing the stream of run `runId` (a finished stream-emit or hybrid run of this worker). */
export interface StreamPlayRequest {
  readonly id: number;
  readonly type: 'streamPlay';
  readonly runId: number;
  /** Real time at this speed (simulated seconds per wall second), or null: as fast as possible. */
  readonly speed: number | null;
  /** Width of the rate chart's buckets (the run's charts), seconds. */
  readonly bucketSeconds: number;
  /** Also POST every event (headers included: they stay in this worker's memory). */
  readonly http?: HttpSinkSettings;
}

export type StreamControlAction = { readonly action: 'pause' } | { readonly action: 'resume' } | { readonly action: 'stop' } | { readonly action: 'speed'; readonly speed: number };

/** Pause, resume, change speed or stop a play (no answer: the ticks show the effect). */
export type StreamControlRequest = { readonly id: number; readonly type: 'streamControl'; readonly target: number } & StreamControlAction;

/** The delivery answer key (CSV) of a play that sent events over HTTP. */
export interface DeliveryKeyRequest {
  readonly id: number;
  readonly type: 'deliveryKey';
  readonly target: number;
}

export type StreamPlayWorkerRequest = StreamPlayRequest | StreamControlRequest | DeliveryKeyRequest;

/** The newest envelope lines of a tick, for the console (bytes and per-line metadata). */
export interface TickLines {
  readonly bytes: Uint8Array;
  readonly ends: Int32Array;
  readonly seq: Float64Array;
  readonly at: Float64Array;
  readonly topic: Uint16Array;
  readonly kind: Uint8Array;
}

export interface StreamTick {
  readonly id: number;
  readonly type: 'streamTick';
  /** Events handed to the sink so far, of `total`. */
  readonly delivered: number;
  readonly total: number;
  /** Simulated time of the last event handed over (µs), and of the playhead (µs; real time only). */
  readonly atUs: number;
  readonly playheadUs: number;
  /** Wall milliseconds since play started, pauses included. */
  readonly wallMs: number;
  readonly paused: boolean;
  readonly speed: number | null;
  readonly topics: readonly string[];
  /** Events since the last tick per (rate-chart bucket, kind): parallel arrays. */
  readonly buckets: { readonly index: Int32Array; readonly kind: Uint8Array; readonly count: Float64Array };
  /** Events since the last tick per topic index (replays included), and replays alone. */
  readonly perTopic: Float64Array;
  readonly perTopicReplays: Float64Array;
  /** A sample of this tick's events: event time and emission time (epoch ms), kind. */
  readonly points: { readonly eventMs: Float64Array; readonly emittedMs: Float64Array; readonly kind: Uint8Array };
  readonly lines: TickLines;
  /** Events of this tick not in `lines` (too many to list). */
  readonly skipped: number;
  readonly delivery: DeliverySummary | null;
}

export interface PlaySummary {
  readonly delivered: number;
  readonly total: number;
  readonly stopped: boolean;
  readonly wallMs: number;
  readonly delivery: DeliverySummary | null;
}

/** Lines per tick at most (a tick is 100 ms: at 5,000 events/s every event is listed). */
export const MAX_TICK_LINES = 500;
const MAX_TICK_POINTS = 40;
const TICK_MS = 100;

class Stopped extends Error {}

/** What the console sink gathered since the last tick. */
class TickState {
  delivered = 0;
  atUs: number;
  private cells = new Map<number, number>();
  perTopic: Float64Array;
  perTopicReplays: Float64Array;
  private recent: StreamBatch[] = [];
  private recentCount = 0;
  private pending = 0;
  private points: { eventMs: number; emittedMs: number; kind: number }[] = [];
  private seen = 0;

  constructor(
    private readonly plan: StreamPlan,
    private readonly bucketUs: number,
  ) {
    this.atUs = plan.startUs;
    this.perTopic = new Float64Array(plan.source.topics.length);
    this.perTopicReplays = new Float64Array(plan.source.topics.length);
  }

  add(b: StreamBatch): void {
    for (let i = 0; i < b.count; i++) {
      const cell = Math.max(0, Math.floor((b.at[i] - this.plan.startUs) / this.bucketUs)) * 4 + b.kind[i];
      this.cells.set(cell, (this.cells.get(cell) ?? 0) + 1);
      this.perTopic[b.topic[i]]++;
      if (b.kind[i] === 2) this.perTopicReplays[b.topic[i]]++;
      // every out-of-order or replayed event is a point; normal ones are sampled
      if (b.kind[i] !== 0 || this.seen++ % 25 === 0) this.points.push({ eventMs: b.eventTime[i] / 1000, emittedMs: b.at[i] / 1000, kind: b.kind[i] });
    }
    this.delivered += b.count;
    this.pending += b.count;
    if (b.count) this.atUs = b.at[b.count - 1];
    this.recent.push(b);
    this.recentCount += b.count;
    while (this.recent.length > 1 && this.recentCount - this.recent[0].count >= MAX_TICK_LINES) this.recentCount -= this.recent.shift()!.count;
  }

  /** Take what gathered since the last tick (and the buffers to transfer). */
  take(): Pick<StreamTick, 'buckets' | 'perTopic' | 'perTopicReplays' | 'points' | 'lines' | 'skipped'> & { transfer: ArrayBuffer[] } {
    const cells = [...this.cells.entries()].sort((a, b) => a[0] - b[0]);
    const buckets = { index: Int32Array.from(cells, ([c]) => Math.floor(c / 4)), kind: Uint8Array.from(cells, ([c]) => c % 4), count: Float64Array.from(cells, ([, n]) => n) };
    const pts = this.points.length > MAX_TICK_POINTS ? this.points.filter((p, i) => p.kind !== 0 || i % Math.ceil(this.points.length / MAX_TICK_POINTS) === 0) : this.points;
    const points = { eventMs: Float64Array.from(pts, (p) => p.eventMs), emittedMs: Float64Array.from(pts, (p) => p.emittedMs), kind: Uint8Array.from(pts, (p) => p.kind) };
    const lines = this.lines();
    const { perTopic, perTopicReplays } = this;
    const out = { buckets, perTopic, perTopicReplays, points, lines, skipped: this.pending - lines.ends.length };
    this.cells = new Map();
    this.perTopic = new Float64Array(perTopic.length);
    this.perTopicReplays = new Float64Array(perTopic.length);
    this.points = [];
    this.recent = [];
    this.recentCount = 0;
    this.pending = 0;
    const transfer = [buckets.index, buckets.kind, buckets.count, perTopic, perTopicReplays, points.eventMs, points.emittedMs, points.kind, lines.bytes, lines.ends, lines.seq, lines.at, lines.topic, lines.kind].map((a) => a.buffer as ArrayBuffer);
    return { ...out, transfer };
  }

  /** The newest MAX_TICK_LINES lines, copied into fresh buffers. */
  private lines(): TickLines {
    const all: { b: StreamBatch; i: number }[] = [];
    for (const b of this.recent) for (let i = 0; i < b.count; i++) all.push({ b, i });
    const keep = all.slice(-MAX_TICK_LINES);
    const size = keep.reduce((a, x) => a + lineAt(x.b, x.i).length, 0);
    const bytes = new Uint8Array(size);
    const ends = new Int32Array(keep.length);
    let o = 0;
    keep.forEach((x, k) => {
      const line = lineAt(x.b, x.i);
      bytes.set(line, o);
      ends[k] = o += line.length;
    });
    return {
      bytes,
      ends,
      seq: Float64Array.from(keep, (x) => x.b.seq[x.i]),
      at: Float64Array.from(keep, (x) => x.b.at[x.i]),
      topic: Uint16Array.from(keep, (x) => x.b.topic[x.i]),
      kind: Uint8Array.from(keep, (x) => x.b.kind[x.i]),
    };
  }
}

/** The stream plan of a finished run: the stream emitter's, or the hybrid's stream phase. */
function planOf(run: RunOutput | undefined): StreamPlan | null {
  const plan = (run?.result as { plan?: StreamPlan | null } | undefined)?.plan;
  return plan ?? null;
}

interface Playing {
  readonly clock: PlayClock | null;
  paused: boolean;
  stopped: boolean;
  resume?: () => void;
  http: HttpSink | null;
  topics: readonly string[];
}

export interface StreamPlayerOptions {
  /** The host's wall clock (performance.now and setTimeout in the worker; driven in tests). */
  readonly wall: WallClock;
  readonly fetch: typeof fetch;
  /** The page's origin, for the CORS advice. */
  readonly origin: string;
  /** Yield to the event loop between batches played as fast as possible (control messages and ticks get through). */
  readonly yield: () => Promise<void>;
}

export function createStreamPlayer(post: (m: WorkerResponse, transfer?: Transferable[]) => void, findRun: (runId: number) => RunOutput | undefined, options: StreamPlayerOptions) {
  const plays = new Map<number, Playing>();
  const logs = new Map<number, { sink: HttpSink; topics: readonly string[] }>();

  async function play(req: StreamPlayRequest): Promise<void> {
    const plan = planOf(findRun(req.runId));
    if (!plan) throw new Error('That run has no stream in memory any more; generate it again.');
    const clock = req.speed === null ? null : new PlayClock(req.speed, options.wall);
    const http = req.http
      ? new HttpSink(req.http, { post: fetchPost(options.fetch), sleep: options.wall.sleep, describeError: (e, url) => describeBrowserFetchError(e, url, req.http!.timeoutMs, options.fetch, options.origin) })
      : null;
    const state: Playing = { clock, paused: false, stopped: false, http, topics: plan.source.topics };
    plays.set(req.id, state);
    if (http) logs.set(req.id, { sink: http, topics: plan.source.topics });
    for (const key of [...logs.keys()].slice(0, Math.max(0, logs.size - 2))) logs.delete(key);
    const tick = new TickState(plan, req.bucketSeconds * 1e6);
    const began = options.wall.now();
    const send = () => {
      const { transfer, ...body } = tick.take();
      const message: StreamTick = {
        id: req.id,
        type: 'streamTick',
        delivered: tick.delivered,
        total: plan.totalEvents,
        atUs: tick.atUs,
        playheadUs: clock ? plan.startUs + clock.now() * 1000 : tick.atUs,
        wallMs: options.wall.now() - began,
        paused: state.paused,
        speed: clock ? clock.speed : null,
        topics: plan.source.topics,
        delivery: http ? http.log.summary() : null,
        ...body,
      };
      post(message, transfer);
    };
    let timer = true;
    const ticking = (async () => {
      while (timer) {
        await options.wall.sleep(TICK_MS);
        if (timer) send();
      }
    })();
    const sink: StreamSink = {
      async write(b) {
        if (http) await http.write(b);
        tick.add(b);
      },
      close: async () => undefined,
    };
    const beforeWrite = async () => {
      if (state.stopped) throw new Stopped();
      // as fast as possible: a pause holds the next write; in real time the clock stands still too
      while (state.paused && !state.stopped) await new Promise<void>((r) => (state.resume = r));
      if (state.stopped) throw new Stopped();
    };
    let stopped = false;
    try {
      await playStream(new StreamCursor(plan), sink, {
        batchSize: http ? req.http!.batchSize : 1024,
        realtime: clock ? { speed: 1, startUs: plan.startUs, clock } : undefined,
        beforeWrite,
        // as fast as possible: let ticks and control messages through between batches
        onProgress: clock ? undefined : () => options.yield(),
      });
    } catch (e) {
      if (!(e instanceof Stopped)) {
        timer = false;
        await ticking;
        send();
        plays.delete(req.id);
        throw e;
      }
      stopped = true;
    }
    timer = false;
    await ticking;
    send();
    plays.delete(req.id);
    const summary: PlaySummary = { delivered: tick.delivered, total: plan.totalEvents, stopped, wallMs: options.wall.now() - began, delivery: http ? http.log.summary() : null };
    post({ id: req.id, type: 'ok', data: summary });
  }

  function control(req: StreamControlRequest): void {
    const p = plays.get(req.target);
    if (!p) return;
    if (req.action === 'pause') {
      p.paused = true;
      p.clock?.pause();
    } else if (req.action === 'resume') {
      p.paused = false;
      p.clock?.resume();
      p.resume?.();
    } else if (req.action === 'stop') {
      p.stopped = true;
      p.clock?.stop();
      p.resume?.();
    } else if (req.action === 'speed') p.clock?.setSpeed(req.speed);
  }

  function deliveryKey(req: DeliveryKeyRequest): void {
    const log = logs.get(req.target);
    if (!log) throw new Error('No HTTP delivery of that play is in memory any more.');
    const csv = log.sink.log.toCsv(log.topics);
    post({ id: req.id, type: 'ok', data: { csv } }, [csv.buffer as ArrayBuffer]);
  }

  /** Handle one of this module's requests; errors go back as data like every request's. */
  return async function handle(req: StreamPlayWorkerRequest): Promise<void> {
    try {
      if (req.type === 'streamControl') return control(req);
      if (req.type === 'deliveryKey') return deliveryKey(req);
      return await play(req);
    } catch (e) {
      post({ id: req.id, type: 'error', error: serializeError(e) });
    }
  };
}
