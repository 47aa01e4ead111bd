/**
 * Per-column summary figures for the Data sources page (and any table: generated, uploaded or
 * simulated): rows, nulls, distinct values, min/max and a small histogram for numbers, times and
 * dates, the most frequent values for strings and booleans. Pure and single-pass per figure.
 *
 * Columns with at most `exactLimit` non-null values are summarised exactly, and so are larger
 * ones with at most `exactDistinct` distinct values (UTF-8 strings then count by a 52-bit hash of
 * their bytes: a collision among 10,000 values has odds of about 1 in 10^8). Other large
 * columns use bounded memory: distinct counts by HyperLogLog (about 1.6 % error) and, for UTF-8
 * strings, the most frequent values by the space-saving algorithm (every value more frequent
 * than rows / topCapacity is found; counts may be over by at most rows / topCapacity).
 * Dictionary strings and booleans are always counted exactly.
 */
import { stringAt, type BigIntColumn, type Column, type ColumnType, type DecimalColumn, type StringColumn, type Table } from '../table/column';
import { exactFigures } from './summary-exact';
import { niceStep } from '../histogram';
import { US_PER_DAY, US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND } from '../time';
import { bytesKey, hashBytes, hashNumber, HyperLogLog } from './sketch';

export interface ValueCount {
  readonly value: string;
  readonly count: number;
}

/** One histogram bar: values in [lo, hi) (the last bar also holds `hi`). */
export interface SummaryBin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
}

export interface ColumnSummary {
  readonly name: string;
  readonly type: ColumnType;
  readonly rows: number;
  readonly nulls: number;
  /** Distinct non-null values (exact when `distinctExact`, else a HyperLogLog estimate). */
  readonly distinct: number;
  readonly distinctExact: boolean;
  /** Numbers, timestamps (epoch µs) and dates (epoch days): the smallest and largest finite value. */
  readonly min: number | null;
  readonly max: number | null;
  /** int and float only: the mean of the finite values. */
  readonly mean: number | null;
  /** Strings and booleans: the most frequent values, most frequent first, ties by value. */
  readonly top: readonly ValueCount[] | null;
  /** False when `top` counts come from the space-saving sketch (upper bounds). */
  readonly topExact: boolean;
  /** Numbers, timestamps and dates: at most `maxBins` contiguous bins over [min, max]. */
  readonly histogram: readonly SummaryBin[] | null;
  /** Decimals: the declared precision and scale. */
  readonly precision?: number;
  readonly scale?: number;
  /**
   * bigint and decimal columns: min and max as exact text and the mean to two more digits than
   * the scale (`min`, `max`, `mean` and the bins then hold the nearest doubles, for charts).
   */
  readonly exact?: { readonly min: string; readonly max: string; readonly mean: string } | null;
}

export interface SummaryOptions {
  /** Non-null values up to which everything is exact (default 200,000). */
  readonly exactLimit?: number;
  /** Past `exactLimit`, distinct values up to which counts stay exact (default 10,000). */
  readonly exactDistinct?: number;
  /** Most frequent values reported (default 8). */
  readonly topValues?: number;
  /** Counters of the space-saving sketch for large string columns (default 64). */
  readonly topCapacity?: number;
  /** Histogram bins at most (default 20). */
  readonly maxBins?: number;
}

const DEFAULTS: Required<SummaryOptions> = { exactLimit: 200_000, exactDistinct: 10_000, topValues: 8, topCapacity: 64, maxBins: 20 };

/** Summaries of every column of a table, in column order. */
export function summarizeTable(t: Table, options: SummaryOptions = {}): ColumnSummary[] {
  return t.columns.map((c) => summarizeColumn(c, options));
}

/** The summary figures of one column (see the module comment for what is exact). */
export function summarizeColumn(c: Column, options: SummaryOptions = {}): ColumnSummary {
  const o = { ...DEFAULTS, ...options };
  switch (c.type) {
    case 'string':
      return c.encoding === 'dict' ? dictSummary(c, o) : utf8Summary(c, o);
    case 'bool':
      return boolSummary(c, o);
    case 'bigint':
    case 'decimal':
      return exactSummary(c, o);
    default:
      return numericSummary(c, o);
  }
}

export { hashBytes, hashNumber, HyperLogLog } from './sketch';

// ---------- top values ----------

/** The `k` most frequent entries, most frequent first, ties by value (a stable, total order). */
function topOf(entries: Iterable<ValueCount>, k: number): ValueCount[] {
  const best: ValueCount[] = [];
  const before = (a: ValueCount, b: ValueCount) => a.count > b.count || (a.count === b.count && a.value < b.value);
  for (const e of entries) {
    if (best.length === k && !before(e, best[k - 1])) continue;
    let i = best.length === k ? k - 1 : best.length;
    while (i > 0 && before(e, best[i - 1])) i--;
    best.splice(i, 0, e);
    if (best.length > k) best.pop();
  }
  return best;
}

function base(c: Column, rows: number, nulls: number): Pick<ColumnSummary, 'name' | 'type' | 'rows' | 'nulls'> {
  return { name: c.name, type: c.type, rows, nulls };
}

const NO_NUMBERS = { min: null, max: null, mean: null, histogram: null } as const;

function dictSummary(c: Extract<StringColumn, { encoding: 'dict' }>, o: Required<SummaryOptions>): ColumnSummary {
  const counts = new Float64Array(c.dict.length);
  let nulls = 0;
  for (let i = 0; i < c.codes.length; i++) {
    if (c.valid && c.valid[i] === 0) nulls++;
    else counts[c.codes[i]]++;
  }
  // a dictionary may repeat a string: count by value, not by code
  const byValue = new Map<string, number>();
  counts.forEach((n, code) => {
    if (n > 0) byValue.set(c.dict[code], (byValue.get(c.dict[code]) ?? 0) + n);
  });
  const entries = [...byValue].map(([value, count]) => ({ value, count }));
  return { ...base(c, c.codes.length, nulls), distinct: byValue.size, distinctExact: true, ...NO_NUMBERS, top: topOf(entries, o.topValues), topExact: true };
}

function boolSummary(c: Extract<Column, { type: 'bool' }>, o: Required<SummaryOptions>): ColumnSummary {
  let t = 0;
  let nulls = 0;
  for (let i = 0; i < c.values.length; i++) {
    if (c.valid && c.valid[i] === 0) nulls++;
    else if (c.values[i]) t++;
  }
  const f = c.values.length - nulls - t;
  const entries = [
    { value: 'true', count: t },
    { value: 'false', count: f },
  ].filter((e) => e.count > 0);
  return { ...base(c, c.values.length, nulls), distinct: entries.length, distinctExact: true, ...NO_NUMBERS, top: topOf(entries, o.topValues), topExact: true };
}

function utf8Summary(c: Extract<StringColumn, { encoding: 'utf8' }>, o: Required<SummaryOptions>): ColumnSummary {
  const n = c.offsets.length - 1;
  let nulls = 0;
  if (c.valid) for (let i = 0; i < n; i++) if (c.valid[i] === 0) nulls++;
  const present = n - nulls;
  if (present <= o.exactLimit) {
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (c.valid && c.valid[i] === 0) continue;
      const s = stringAt(c, i)!;
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const entries = (function* () {
      for (const [value, count] of counts) yield { value, count };
    })();
    return { ...base(c, n, nulls), distinct: counts.size, distinctExact: true, ...NO_NUMBERS, top: topOf(entries, o.topValues), topExact: true };
  }
  const few = fewStrings(c, o.exactDistinct);
  if (few) {
    const entries = Array.from(few, ([, e]) => ({ value: stringAt(c, e.row)!, count: e.count }));
    return { ...base(c, n, nulls), distinct: few.size, distinctExact: true, ...NO_NUMBERS, top: topOf(entries, o.topValues), topExact: true };
  }
  // bounded memory: HyperLogLog for distinct values, space-saving for the frequent ones
  const hll = new HyperLogLog();
  const k = o.topCapacity;
  const slotOf = new Map<number, number>();
  const keys = new Float64Array(k);
  const counts = new Float64Array(k);
  const rows = new Int32Array(k);
  let used = 0;
  for (let i = 0; i < n; i++) {
    if (c.valid && c.valid[i] === 0) continue;
    const h = hashBytes(c.bytes, c.offsets[i], c.offsets[i + 1]);
    hll.add(h);
    const slot = slotOf.get(h);
    if (slot !== undefined) counts[slot]++;
    else if (used < k) {
      slotOf.set(h, used);
      keys[used] = h;
      counts[used] = 1;
      rows[used++] = i;
    } else {
      let min = 0;
      for (let j = 1; j < k; j++) if (counts[j] < counts[min]) min = j;
      slotOf.delete(keys[min]);
      slotOf.set(h, min);
      keys[min] = h;
      counts[min]++;
      rows[min] = i;
    }
  }
  const entries = Array.from({ length: used }, (_, j) => ({ value: stringAt(c, rows[j])!, count: counts[j] }));
  return { ...base(c, n, nulls), distinct: Math.min(present, hll.estimate()), distinctExact: false, ...NO_NUMBERS, top: topOf(entries, o.topValues), topExact: false };
}

/** Exact counts by hashed value with a row to decode each from, or null past `cap` distinct values. */
function fewStrings(c: Extract<StringColumn, { encoding: 'utf8' }>, cap: number): Map<number, { count: number; row: number }> | null {
  const counts = new Map<number, { count: number; row: number }>();
  for (let i = 0; i < c.offsets.length - 1; i++) {
    if (c.valid && c.valid[i] === 0) continue;
    const key = bytesKey(c.bytes, c.offsets[i], c.offsets[i + 1]);
    const e = counts.get(key);
    if (e) e.count++;
    else if (counts.size === cap) return null;
    else counts.set(key, { count: 1, row: i });
  }
  return counts;
}

/** Distinct values of a number column, or null past `cap` (then HyperLogLog estimates). */
function fewNumbers(v: ArrayLike<number>, valid: Uint8Array | undefined, cap: number): number | null {
  const seen = new Set<number>();
  for (let i = 0; i < v.length; i++) {
    if (valid && valid[i] === 0) continue;
    seen.add(v[i] === 0 ? 0 : v[i]);
    if (seen.size > cap) return null;
  }
  return seen.size;
}

// ---------- numbers, times, dates ----------

const TIME_STEPS_US = [
  1,
  10,
  100,
  1_000,
  10_000,
  100_000,
  US_PER_SECOND,
  5 * US_PER_SECOND,
  15 * US_PER_SECOND,
  30 * US_PER_SECOND,
  US_PER_MINUTE,
  5 * US_PER_MINUTE,
  15 * US_PER_MINUTE,
  30 * US_PER_MINUTE,
  US_PER_HOUR,
  3 * US_PER_HOUR,
  6 * US_PER_HOUR,
  12 * US_PER_HOUR,
];
const DAY_STEPS = [1, 2, 7, 14, 30, 61, 91, 182, 365];

/** Candidate bin widths, smallest first: calendar-like for times and dates, 1-2-5 otherwise. */
function* stepCandidates(type: ColumnType, min: number, max: number, maxBins: number): Generator<number> {
  if (type === 'timestamp' || type === 'time') {
    yield* TIME_STEPS_US;
    if (type === 'time') yield US_PER_DAY;
    for (const d of DAY_STEPS) yield d * US_PER_DAY;
    for (let s = 2; ; s = niceStep(s * 1.5)) yield s * 365 * US_PER_DAY;
  }
  if (type === 'date') {
    yield* DAY_STEPS;
    for (let s = 2; ; s = niceStep(s * 1.5)) yield s * 365;
  }
  let s = niceStep((max - min) / maxBins);
  if (type === 'int' || type === 'bigint') s = Math.max(1, Math.ceil(s));
  for (;;) {
    yield s;
    s = niceStep(s * 1.5);
  }
}

/** Bins of at most `maxBins` over [min, max], aligned to multiples of a candidate step. */
function binLayout(type: ColumnType, min: number, max: number, maxBins: number): { start: number; step: number; bins: number } {
  if (min === max) return { start: min, step: 0, bins: 1 };
  let tries = 0;
  if (Number.isFinite(max - min))
    for (const step of stepCandidates(type, min, max, maxBins)) {
      let start = Math.floor(min / step) * step;
      // min / step can underflow to -0 (denormals): keep min inside the first bin
      if (start > min) start -= step;
      // the last bin is closed: a maximum on an edge (ids 1 … 1,000 in bins of 100) joins the bin
      // below it instead of standing alone in a bin of its own; bins of one value each (integers
      // or days a unit apart) keep a bin per value
      const perValue = step === 1 && (type === 'int' || type === 'bigint' || type === 'date');
      const bins = perValue ? Math.floor((max - start) / step) + 1 : Math.max(1, Math.ceil((max - start) / step));
      if (bins <= maxBins) return { start, step, bins };
      if (++tries > 100) break;
    }
  // a range past the largest double (-1e308 … 1e308): plain equal widths
  return { start: min, step: max / maxBins - min / maxBins, bins: maxBins };
}

/**
 * An edge rounded for display: 12 significant digits, or more when the bins are narrow next to
 * their magnitude (1,000,000 ± 0.000001), so rounding never merges or reorders edges.
 */
const tidy = (x: number, step: number) => {
  const needed = step > 0 && x !== 0 ? Math.ceil(Math.log10(Math.abs(x) / step)) + 4 : 12;
  return Number(x.toPrecision(Math.min(17, Math.max(12, needed))));
};

/** The histogram of the finite non-null values in [min, max] (null when there are none). */
function histogramOf(type: ColumnType, v: ArrayLike<number>, valid: Uint8Array | undefined, min: number, max: number, finite: number, maxBins: number): SummaryBin[] | null {
  if (finite === 0) return null;
  const n = v.length;
  const { start, step, bins } = binLayout(type, min, max, maxBins);
  const counts = new Float64Array(bins);
  if (step === 0) counts[0] = finite;
  else
    for (let i = 0; i < n; i++) {
      if (valid && valid[i] === 0) continue;
      const x = v[i];
      if (!Number.isFinite(x)) continue;
      counts[Math.min(bins - 1, Math.max(0, Math.floor((x - start) / step)))]++;
    }
  // edges are rounded to 12 digits for display, but never so that min or max falls outside
  const edge = (k: number) =>
    k === 0 ? Math.min(min, tidy(start, step)) : k === bins ? Math.max(max, tidy(start + bins * step, step)) : tidy(start + k * step, step);
  return Array.from(counts, (count, k) => ({ lo: step === 0 ? min : edge(k), hi: step === 0 ? max : edge(k + 1), count }));
}

/** bigint and decimal columns: exact min, max and mean as text, distinct values, bins over the nearest doubles. */
function exactSummary(c: BigIntColumn | DecimalColumn, o: Required<SummaryOptions>): ColumnSummary {
  const f = exactFigures(c, o.exactLimit, o.exactDistinct);
  const histogram = histogramOf(c.type, f.approx, c.valid, f.min ?? 0, f.max ?? 0, f.present, o.maxBins);
  return {
    ...base(c, c.values.length, c.values.length - f.present),
    distinct: f.distinct,
    distinctExact: f.distinctExact,
    min: f.min,
    max: f.max,
    mean: f.mean,
    top: null,
    topExact: true,
    histogram,
    ...(c.type === 'decimal' ? { precision: c.precision, scale: c.scale } : {}),
    exact: f.text,
  };
}

function numericSummary(c: Extract<Column, { type: 'int' | 'float' | 'timestamp' | 'date' | 'time' }>, o: Required<SummaryOptions>): ColumnSummary {
  const v = c.values;
  const n = v.length;
  let nulls = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let finite = 0;
  for (let i = 0; i < n; i++) {
    if (c.valid && c.valid[i] === 0) {
      nulls++;
      continue;
    }
    const x = v[i];
    if (!Number.isFinite(x)) continue;
    finite++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const present = n - nulls;
  let distinct = fewNumbers(v, c.valid, present <= o.exactLimit ? Infinity : o.exactDistinct);
  const distinctExact = distinct !== null;
  if (distinct === null) {
    const hll = new HyperLogLog();
    for (let i = 0; i < n; i++) if (!(c.valid && c.valid[i] === 0)) hll.add(hashNumber(v[i]));
    distinct = Math.min(present, hll.estimate());
  }
  const histogram = histogramOf(c.type, v, c.valid, min, max, finite, o.maxBins);
  const numeric = c.type === 'int' || c.type === 'float';
  return {
    ...base(c, n, nulls),
    distinct,
    distinctExact,
    // + 0 turns -0 into 0 (a column of zeros shows 0, not -0)
    min: finite ? min + 0 : null,
    max: finite ? max + 0 : null,
    mean: numeric && finite ? sum / finite : null,
    top: null,
    topExact: true,
    histogram,
  };
}
