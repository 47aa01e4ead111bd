/**
 * Temporal strategies (spec §2): uniform instants and dates over declared ranges with parent
 * lower bounds, the seasonal month × weekday model with bimodal hours, and offsets in whole
 * days or durations. Instants are whole milliseconds (µs values that are multiples of 1000).
 */
import { WeightedChoice, type Rng } from '../../rng';
import { dateColumn, numberColumn } from '../../table/column';
import { civilFromDays, daysFromCivil, daysInMonth, US_PER_DAY, US_PER_HOUR, US_PER_MS } from '../../time';
import type { GenContext, Strategy } from '../model';
import { gather, instants, type Path } from './paths';

export interface RangeOptions {
  /** Declared first day (inclusive, `YYYY-MM-DD`); default the model range's start. */
  readonly start?: string;
  /** Declared last day (inclusive); default the model range's end. */
  readonly end?: string;
  /** Marked M: the user's date range replaces the declared one. */
  readonly marked?: boolean;
  /** A time that bounds the value from below (a parent's, through FKs, or a sibling's). */
  readonly after?: Path;
  /** Whole years added to `after` (customer_since ≥ date_of_birth + 18 y). */
  readonly afterYears?: number;
}

const dayOf = (iso: string) => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

function plusYears(day: number, years: number): number {
  const [y, m, d] = civilFromDays(day);
  return daysFromCivil(y + years, m, Math.min(d, daysInMonth(y + years, m)));
}

/** The [start, end) window in µs of a column, before parent bounds. */
function window(ctx: GenContext, o: RangeOptions): { lo: number; hi: number } {
  if (o.marked && ctx.userRange) return { lo: ctx.modelRange.startUs, hi: ctx.modelRange.endUs };
  const lo = o.start ? dayOf(o.start) * US_PER_DAY : ctx.modelRange.startUs;
  const hi = o.end ? (dayOf(o.end) + 1) * US_PER_DAY : ctx.modelRange.endUs;
  return { lo, hi: Math.min(hi, ctx.clipEndUs) };
}

/** Lower bounds per row from `after` (µs), or null. */
function bounds(ctx: GenContext, o: RangeOptions): Float64Array | null {
  if (!o.after) return null;
  const t = instants(ctx, o.after).values;
  if (!o.afterYears) return t;
  const out = new Float64Array(t.length);
  for (let i = 0; i < t.length; i++) out[i] = plusYears(Math.floor(t[i] / US_PER_DAY), o.afterYears) * US_PER_DAY;
  return out;
}

/**
 * An instant uniform in [max(start, after), end + 1 day), whole milliseconds. When the parent
 * bound lies past the window's end, the parent wins (the value is the bound itself).
 */
export function uniformInstant(o: RangeOptions = {}): Strategy {
  return {
    kind: 'temporal_uniform',
    generate(ctx) {
      const { lo, hi } = window(ctx, o);
      const after = bounds(ctx, o);
      const out = new Float64Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) {
        const a = after && after[i] > lo ? Math.ceil(after[i] / US_PER_MS) * US_PER_MS : lo;
        out[i] = hi > a ? a + Math.floor((ctx.rng.uniform() * (hi - a)) / US_PER_MS) * US_PER_MS : a;
      }
      return numberColumn(ctx.column, 'timestamp', out);
    },
    sampler(ctx) {
      const { lo, hi } = window(ctx, o);
      return (rng: Rng) => lo + Math.floor((rng.uniform() * (hi - lo)) / US_PER_MS) * US_PER_MS;
    },
  };
}

/** A calendar date uniform over [max(start, after), end] (inclusive days). */
export function uniformDate(o: RangeOptions = {}): Strategy {
  return {
    kind: 'temporal_uniform',
    generate(ctx) {
      const { lo, hi } = window(ctx, o);
      const loDay = lo / US_PER_DAY;
      const hiDay = Math.ceil(hi / US_PER_DAY) - 1;
      const after = bounds(ctx, o);
      const out = new Int32Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) {
        const a = after ? Math.max(loDay, Math.ceil(after[i] / US_PER_DAY)) : loDay;
        out[i] = hiDay >= a ? a + ctx.rng.index(hiDay - a + 1) : a;
      }
      return dateColumn(ctx.column, out);
    },
  };
}

export interface SeasonalOptions {
  /** Weights Jan…Dec. */
  readonly months: readonly number[];
  /** Weights Mon…Sun. */
  readonly weekdays: readonly number[];
  /**
   * A day's activity curve (spec §7: a 24-hour day): with probability `floor` a uniform time of
   * day (night hours are low, never empty), else a peak chosen 50/50 plus N(0, sd) hours,
   * wrapped around midnight (nothing clipped into 23:xx). Absent: uniform time of day.
   */
  readonly hours?: { readonly peaks: readonly [number, number]; readonly sd: number; readonly floor: number };
}

/** Days of the window grouped by (month, weekday) cell. */
function seasonalCells(ctx: GenContext, o: SeasonalOptions) {
  const first = Math.ceil(ctx.modelRange.startUs / US_PER_DAY);
  const last = Math.ceil(ctx.modelRange.endUs / US_PER_DAY) - 1;
  const cellOf = (d: number) => (civilFromDays(d)[1] - 1) * 7 + ((((d + 3) % 7) + 7) % 7);
  const start = new Int32Array(85);
  for (let d = first; d <= last; d++) start[cellOf(d) + 1]++;
  for (let c = 0; c < 84; c++) start[c + 1] += start[c];
  const days = new Int32Array(start[84]);
  const fill = start.slice(0, 84);
  for (let d = first; d <= last; d++) days[fill[cellOf(d)]++] = d;
  const weights = Array.from({ length: 84 }, (_, c) => (start[c + 1] > start[c] ? o.months[Math.floor(c / 7)] * o.weekdays[c % 7] : 0));
  return { start, days, choice: new WeightedChoice(weights) };
}

/**
 * Seasonal instants (spec §2 "temporal seasonal"): a (month, weekday) cell with p ∝ w_m·w_d,
 * a uniform day among the cell's days in range (so years get equal shares), then the hour.
 */
export function seasonal(o: SeasonalOptions): Strategy {
  const sampler = (ctx: GenContext) => {
    const { start, days, choice } = seasonalCells(ctx, o);
    const h = o.hours;
    return (rng: Rng) => {
      const c = choice.at(rng.uniform());
      const day = days[start[c] + rng.index(start[c + 1] - start[c])];
      let offsetMs: number;
      if (h && rng.uniform() >= h.floor) {
        const peak = rng.uniform() < 0.5 ? h.peaks[0] : h.peaks[1];
        const hours = rng.normal(peak, h.sd);
        offsetMs = Math.floor((((hours % 24) + 24) % 24) * 3_600_000) % 86_400_000;
      } else offsetMs = rng.index(86_400_000);
      return day * US_PER_DAY + offsetMs * US_PER_MS;
    };
  };
  return {
    kind: 'temporal_seasonal',
    sampler,
    generate(ctx) {
      const draw = sampler(ctx);
      const out = new Float64Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) out[i] = draw(ctx.rng);
      return numberColumn(ctx.column, 'timestamp', out);
    },
  };
}

export interface DaysOptions {
  /** Whole days d ~ U(min, max), rounded. */
  readonly uniform?: readonly [number, number];
  /** d = clip(lognormal(mu, sigma), min, max), rounded. */
  readonly lognormal?: { readonly mu: number; readonly sigma: number; readonly min: number; readonly max: number };
  /** A fixed number of days. */
  readonly fixed?: number;
  /** A value past the model range's end is redrawn uniformly over the whole days left (return_date). */
  readonly withinRange?: boolean;
}

/** `source` + whole days (spec "derived add_days"); a date stays a date, an instant keeps its time of day. */
export function addDays(source: Path, o: DaysOptions): Strategy {
  return {
    kind: 'derived_add_days',
    generate(ctx) {
      const src = gather(ctx, source);
      const rng = ctx.rng;
      const days = (): number => {
        if (o.fixed !== undefined) return o.fixed;
        if (o.uniform) return Math.round(rng.between(o.uniform[0], o.uniform[1]));
        const l = o.lognormal!;
        const x = rng.lognormal(l.mu, l.sigma);
        return Math.round(x < l.min ? l.min : x > l.max ? l.max : x);
      };
      if (src.type === 'date') {
        const out = new Int32Array(ctx.n);
        for (let i = 0; i < ctx.n; i++) out[i] = src.values[i] + days();
        return dateColumn(ctx.column, out, src.valid);
      }
      if (src.type !== 'timestamp') throw new Error(`${ctx.table}.${ctx.column}: ${source} is not a time`);
      const out = new Float64Array(ctx.n);
      const end = ctx.modelRange.endUs;
      const lowest = o.lognormal?.min ?? o.uniform?.[0] ?? 0;
      for (let i = 0; i < ctx.n; i++) {
        let v = src.values[i] + days() * US_PER_DAY;
        if (o.withinRange && v >= end) {
          const left = Math.floor((end - US_PER_MS - src.values[i]) / US_PER_DAY);
          v = src.values[i] + (left >= lowest ? lowest + rng.index(left - lowest + 1) : lowest) * US_PER_DAY;
        }
        out[i] = v;
      }
      return numberColumn(ctx.column, 'timestamp', out, src.valid);
    },
  };
}

/** `source` instant + a uniform duration in [minHours, maxHours), whole ms (flagged_date). */
export function addHours(source: Path, minHours: number, maxHours: number): Strategy {
  return {
    kind: 'derived_add_duration',
    generate(ctx) {
      const src = instants(ctx, source);
      const out = new Float64Array(ctx.n);
      const span = ((maxHours - minHours) * US_PER_HOUR) / US_PER_MS;
      for (let i = 0; i < ctx.n; i++) out[i] = src.values[i] + minHours * US_PER_HOUR + Math.floor(ctx.rng.uniform() * span) * US_PER_MS;
      return numberColumn(ctx.column, 'timestamp', out, src.valid);
    },
  };
}

export interface DurationOptions {
  /** Median of the lognormal duration, hours. */
  readonly medianHours: number;
  /** Sigma of the underlying normal. */
  readonly sigma: number;
  /** Shortest and longest duration (truncated: redrawn, never clipped onto the bound). */
  readonly minMinutes: number;
  readonly maxDays: number;
}

/**
 * `source` + a continuous duration (whole ms), lognormal and truncated to [min, max]; it ends
 * inside the range (spec §7: alert resolutions come after the trigger and before the range
 * ends): a duration past the end is redrawn within the time left, and with less than the
 * minimum left the value is null (still open).
 */
export function afterDuration(source: Path, o: DurationOptions): Strategy {
  return {
    kind: 'derived_add_duration',
    generate(ctx) {
      const src = instants(ctx, source);
      const out = new Float64Array(ctx.n);
      const valid = src.valid ? src.valid.slice() : new Uint8Array(ctx.n).fill(1);
      const end = Math.min(ctx.modelRange.endUs, ctx.clipEndUs);
      const min = o.minMinutes * 60_000;
      const mu = Math.log(o.medianHours * 3_600_000);
      for (let i = 0; i < ctx.n; i++) {
        const left = Math.floor((end - US_PER_MS - src.values[i]) / US_PER_MS);
        const max = Math.min(o.maxDays * 86_400_000, left);
        if (max < min) {
          valid[i] = 0;
          continue;
        }
        let ms = -1;
        for (let k = 0; k < 64 && !(ms >= min && ms <= max); k++) ms = Math.floor(ctx.rng.lognormal(mu, o.sigma));
        if (!(ms >= min && ms <= max)) ms = min + ctx.rng.index(max - min + 1);
        out[i] = src.values[i] + ms * US_PER_MS;
      }
      return numberColumn(ctx.column, 'timestamp', out, valid.includes(0) ? valid : undefined);
    },
  };
}
