/**
 * The simulated clock (spec §5 "Simulated clock"): integer microseconds from the stream start,
 * advanced by jitter and by 1 / (rate × multiplier) after each primary event; replay bursts
 * happen at the clock's current time and never move it. Draws per primary event, in order:
 * jitter (when jitter > 0), the replay draw u (when replays are on), the burst start s (only
 * when the window holds more candidates than a burst).
 */
import type { Rng } from '../../rng';
import { Int32Growable } from '../../table/column';
import { parseInstant, US_PER_DAY, US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND } from '../../time';
import type { StreamEmitConfig, TimePatternName } from './stream-emit.config';

/** Hour (0–23) and weekday (Mon = 0 … Sun = 6) multipliers of the reference's TimePattern presets. */
const PATTERNS: Record<Exclude<TimePatternName, 'none'>, { hours: Float64Array; days: Float64Array }> = {
  business_hours: pattern(0.3, [[8, 18, 1.5], [18, 21, 1.0]], [1, 1, 1, 1, 1, 0.4, 0.2]),
  retail_peak: pattern(0.4, [[19, 23, 2.0], [12, 15, 1.2]], [1, 1, 1, 1, 1, 1.5, 1.8]),
};

function pattern(base: number, ranges: [number, number, number][], days: number[]) {
  const hours = new Float64Array(24).fill(base);
  for (const [from, to, m] of ranges) hours.fill(m, from, to);
  return { hours, days: Float64Array.from(days) };
}

/** The last instant the ISO writers render with a four-digit year. */
const MAX_CLOCK_US = Date.UTC(9999, 11, 31, 23, 59, 59) * 1000;

/** The rate multiplier at a clock time: active burst windows multiplied, × the time-of-day pattern, floored at 0.001. */
export class RateShape {
  private readonly from: Float64Array;
  private readonly to: Float64Array;
  private readonly mult: Float64Array;
  private readonly pattern: { hours: Float64Array; days: Float64Array } | null;

  constructor(
    config: Pick<StreamEmitConfig, 'burstWindows' | 'timePattern'>,
    readonly startUs: number,
  ) {
    const w = config.burstWindows;
    this.from = Float64Array.from(w, (b) => Math.round(b.startOffsetSeconds * US_PER_SECOND));
    this.to = Float64Array.from(w, (b) => Math.round((b.startOffsetSeconds + b.durationSeconds) * US_PER_SECOND));
    this.mult = Float64Array.from(w, (b) => b.multiplier);
    this.pattern = config.timePattern === 'none' ? null : PATTERNS[config.timePattern];
  }

  /** Burst window i as [from, to) µs since the stream start. */
  window(i: number): { from: number; to: number; multiplier: number } {
    return { from: this.from[i], to: this.to[i], multiplier: this.mult[i] };
  }

  at(clockUs: number): number {
    const e = clockUs - this.startUs;
    let m = 1;
    for (let i = 0; i < this.mult.length; i++) if (e >= this.from[i] && e < this.to[i]) m *= this.mult[i];
    const p = this.pattern;
    if (p) {
      const day = Math.floor(clockUs / US_PER_DAY);
      const hour = Math.floor((clockUs - day * US_PER_DAY) / US_PER_HOUR);
      // 1970-01-01 was a Thursday (weekday 3 counting Monday as 0)
      m *= p.hours[hour] * p.days[(((day + 3) % 7) + 7) % 7];
    }
    return m > 0.001 ? m : 0.001;
  }
}

/** When each primary event is emitted, and the replay bursts between them. */
export interface Schedule {
  /** `emitted_at` of the primary event at each send position (µs, non-decreasing). */
  readonly emittedAt: Float64Array;
  /** Burst j follows the primary at send position `after[j]` (at its `emitted_at`) and re-sends positions first[j] … first[j] + count[j] − 1. */
  readonly after: Int32Array;
  readonly first: Int32Array;
  readonly count: Int32Array;
  readonly replayEvents: number;
}

/** Thrown when the clock would run past year 9999 (a tiny rate with a tiny multiplier). */
export class ClockOverflowError extends Error {}

/**
 * Run the clock over `n` primary events in send order. `tick(done)` is awaited every 65,536
 * events (progress and cancel); it never touches the draws.
 */
export async function schedule(n: number, config: StreamEmitConfig, rng: Rng, tick: (done: number) => Promise<void>): Promise<Schedule> {
  const startUs = parseInstant(config.streamStart);
  const shape = new RateShape(config, startUs);
  const emittedAt = new Float64Array(n);
  const after = new Int32Growable(64);
  const first = new Int32Growable(64);
  const count = new Int32Growable(64);
  const jitterUs = config.jitterMs * 1000;
  const windowUs = Math.round(config.replayWindowMinutes * US_PER_MINUTE);
  const burst = config.replayBurstSize;
  const rate = config.ratePerSec;
  let replays = 0;
  let c = startUs;
  let lo = 0;
  for (let k = 0; k < n; k++) {
    if (jitterUs > 0) c += Math.round(rng.uniform() * jitterUs);
    if (c > MAX_CLOCK_US) throw new ClockOverflowError(`after ${k} events the simulated clock passes the year 9999`);
    emittedAt[k] = c;
    if (config.replayEnabled && rng.uniform() < config.replayProbability) {
      while (emittedAt[lo] < c - windowUs) lo++;
      const candidates = k - lo + 1;
      const s = candidates > burst ? rng.int(0, candidates - burst) : 0;
      const b = Math.min(burst, candidates);
      after.push(k);
      first.push(lo + s);
      count.push(b);
      replays += b;
    }
    if (rate > 0) c += Math.round(US_PER_SECOND / (rate * shape.at(c)));
    if ((k & 0xffff) === 0xffff) await tick(k + 1);
  }
  return { emittedAt, after: after.finish(), first: first.finish(), count: count.finish(), replayEvents: replays };
}
