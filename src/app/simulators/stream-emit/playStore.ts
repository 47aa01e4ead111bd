/**
 * What the page shows of a played stream, per simulator: the play's status and counts, live
 * chart series built from the worker's ticks, the console's newest envelopes and the HTTP
 * delivery counts. Big arrays are mutated in place and `version` bumps, so a tick costs one
 * small state update, not a copy of the series.
 */
import { create } from 'zustand';
import type { DeliverySummary } from '../../../core/streaming/delivery';

export type PlayStatus = 'playing' | 'paused' | 'done' | 'stopped' | 'error';

export interface ConsoleEntry {
  readonly seq: number;
  /** Send time (emitted_at, or _replay_time for a replay), epoch µs. */
  readonly at: number;
  readonly topic: number;
  readonly kind: number;
  readonly line: string;
}

export interface LiveSeries {
  readonly startUs: number;
  readonly bucketSeconds: number;
  /** Events per bucket by kind (normal, out of order, replay). */
  readonly counts: readonly [Float64Array, Float64Array, Float64Array];
  /** Events per topic (replays included), and replays alone. */
  readonly perTopic: Float64Array;
  readonly perTopicReplays: Float64Array;
  readonly points: { eventMs: number; emittedMs: number; kind: number }[];
}

export interface PlayState {
  readonly runId: number;
  readonly playId: number;
  /** Real time at `speed`, or as fast as possible (speed null). */
  readonly speed: number | null;
  readonly status: PlayStatus;
  readonly delivered: number;
  readonly total: number;
  readonly atUs: number;
  readonly playheadUs: number;
  readonly wallMs: number;
  readonly topics: readonly string[];
  readonly series: LiveSeries;
  /** Newest first is not kept: oldest first, at most CONSOLE_MAX. */
  readonly console: ConsoleEntry[];
  /** Events the console was not given (too many per tick to list). */
  readonly skipped: number;
  readonly http: boolean;
  readonly delivery: DeliverySummary | null;
  readonly error?: string;
  /** (wall ms, delivered) of the last few seconds' ticks, oldest first (mutated in place). */
  readonly samples: [number, number][];
  /** Events per second of wall time over those seconds, or null before two ticks. */
  readonly rateNow: number | null;
  readonly version: number;
  /** Bumps at most every CHART_MS of the page's time, when the counts or the playhead moved (and at the end): charts redraw on this, not on every tick. */
  readonly chartVersion: number;
  /** The page's clock (performance.now) at the last bump, and the delivered count and playhead it showed. */
  readonly chartAtMs: number;
  readonly chartMark: string;
}

/** Charts are costly to draw: at most twice a second while playing (the console and counts follow every tick). */
export const CHART_MS = 500;

/** Envelopes the console keeps (the newest). */
export const CONSOLE_MAX = 5_000;
/** Timeline points kept (out-of-order and replayed ones are never dropped before normal ones). */
export const POINTS_MAX = 400;

interface PlayStore {
  readonly plays: Readonly<Record<string, PlayState>>;
  set(simulator: string, state: PlayState | undefined): void;
  update(simulator: string, playId: number, patch: (s: PlayState) => Partial<PlayState>): void;
}

export const usePlays = create<PlayStore>((set) => ({
  plays: {},
  set: (simulator, state) =>
    set((s) => {
      const plays = { ...s.plays };
      if (state) plays[simulator] = state;
      else delete plays[simulator];
      return { plays };
    }),
  update: (simulator, playId, patch) =>
    set((s) => {
      const cur = s.plays[simulator];
      if (!cur || cur.playId !== playId) return s;
      return { plays: { ...s.plays, [simulator]: { ...cur, ...patch(cur), version: cur.version + 1 } } };
    }),
}));
