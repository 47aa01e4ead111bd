import type { Rng } from '../../rng';
import { US_PER_HOUR, US_PER_MS } from '../../time';
import { BURST_LENGTH_SECONDS, BURST_START_SPAN_SECONDS } from './operational-log.constants';

/**
 * The simulated window cut into ceil(D) hour slots; the last one may be partial (D4). Its
 * bounds are whole milliseconds (D1: ms resolution), the start rounded up and the end down, so
 * every event, window and answer-key time is exact at ms precision and inside [start, start + D).
 */
export interface TimeGrid {
  readonly startUs: number;
  /** Exclusive end. */
  readonly endUs: number;
  readonly slots: number;
}

export function makeGrid(startUs: number, durationHours: number): TimeGrid {
  return {
    startUs: Math.ceil(startUs / US_PER_MS) * US_PER_MS,
    endUs: Math.floor((startUs + durationHours * US_PER_HOUR) / US_PER_MS) * US_PER_MS,
    slots: Math.ceil(durationHours),
  };
}

export function slotStart(g: TimeGrid, h: number): number {
  return g.startUs + h * US_PER_HOUR;
}

/** Length of slot h in µs: an hour, or what is left of the window in the last slot (never negative). */
export function slotLength(g: TimeGrid, h: number): number {
  return Math.max(0, Math.min(US_PER_HOUR, g.endUs - slotStart(g, h)));
}

export type WindowKind = 'latency_spike' | 'outage' | 'error_burst';

/** Injected windows of one kind, in start order: [start, end) in µs, and the slot each started in. */
export interface Windows {
  readonly kind: WindowKind;
  readonly start: number[];
  readonly end: number[];
  readonly slot: number[];
}

/**
 * Minute-precise windows (D3): for each hour slot, with probability p a window starts at a
 * uniform millisecond of that hour and lasts `lengthUs`, clipped to the window end. A start
 * that falls past the end of a partial last slot yields no window, so the expected count per
 * slot stays p × the slot's share of an hour. `startSpanSeconds` narrows the start range (bursts
 * start within the first 3300 s, D11).
 */
export function drawWindows(kind: WindowKind, g: TimeGrid, p: number, lengthUs: number, rng: Rng, startSpanSeconds = 3600): Windows {
  const w: Windows = { kind, start: [], end: [], slot: [] };
  const spanMs = startSpanSeconds * 1000;
  for (let h = 0; h < g.slots; h++) {
    if (!(rng.uniform() < p)) continue;
    const start = slotStart(g, h) + Math.floor(rng.uniform() * spanMs) * US_PER_MS;
    if (start >= g.endUs) continue;
    w.start.push(start);
    w.end.push(Math.min(start + lengthUs, g.endUs));
    w.slot.push(h);
  }
  return w;
}

/** Burst windows: start in [hourStart, +3300 s), last 300 s, clipped (D11). */
export function drawBurstWindows(g: TimeGrid, p: number, rng: Rng): Windows {
  return drawWindows('error_burst', g, p, BURST_LENGTH_SECONDS * 1_000_000, rng, BURST_START_SPAN_SECONDS);
}

export function noWindows(kind: WindowKind): Windows {
  return { kind, start: [], end: [], slot: [] };
}

/** A window length in whole milliseconds, in µs (offsets are floored to ms, D1). */
export function minutesToUs(minutes: number): number {
  return Math.floor(minutes * 60_000) * US_PER_MS;
}

/**
 * The union of a kind's windows as disjoint sorted intervals: the flags only ask "is this
 * instant inside any window", and overlapping windows (longer than an hour) merge here.
 */
export class WindowUnion {
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;

  constructor(w: Windows) {
    const lo: number[] = [];
    const hi: number[] = [];
    for (let i = 0; i < w.start.length; i++) {
      const s = w.start[i];
      const e = w.end[i];
      if (e <= s) continue;
      const last = lo.length - 1;
      if (last >= 0 && s <= hi[last]) hi[last] = Math.max(hi[last], e);
      else {
        lo.push(s);
        hi.push(e);
      }
    }
    this.lo = Float64Array.from(lo);
    this.hi = Float64Array.from(hi);
  }

  /**
   * The (at most two, since at most one window starts per slot) intervals that overlap
   * [from, to), as [lo0, hi0, lo1, hi1]; missing ones are empty (Infinity, -Infinity).
   */
  overlapping(from: number, to: number): Float64Array {
    const out = new Float64Array([Infinity, -Infinity, Infinity, -Infinity]);
    let a = 0;
    let b = this.hi.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.hi[m] <= from) a = m + 1;
      else b = m;
    }
    for (let k = 0; k < 2 && a < this.lo.length && this.lo[a] < to; k++, a++) {
      out[2 * k] = this.lo[a];
      out[2 * k + 1] = this.hi[a];
    }
    return out;
  }
}
