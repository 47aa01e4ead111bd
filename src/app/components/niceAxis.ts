import { compactTicks } from '../format';

/**
 * Round axis ticks for people: from 0 up to the data's maximum in steps of 1, 2, 2.5 or 5 × 10ⁿ
 * (0, 500, 1,000 …). Recharts' default steps are any twentieth of a power of ten (0, 550,
 * 1,100 …), and its opt-in 1-2-2.5-5 mode always draws its full tick count, which can leave
 * half a chart empty; these ticks stop at the first round value at or above the maximum.
 */

/** Round ticks from 0 covering [0, max], at most `most` intervals apart; whole steps when `integer`. */
export function niceTicks(max: number, most = 5, integer = false): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const p = 10 ** Math.floor(Math.log10(top / most));
  const steps = [1, 2, 2.5, 5, 10].map((m) => m * p);
  const fits = (s: number, intervals: number) => Math.ceil(top / s - 1e-9) <= intervals;
  let step = steps.find((s) => fits(s, most)) ?? 10 * p;
  // counts: a whole step, round too (0, 2 … 12 for 11, never 0, 3 … 12), with one interval more if need be
  if (integer && !Number.isInteger(step)) step = Math.max(1, steps.find((s) => Number.isInteger(s) && fits(s, most + 1)) ?? Math.ceil(step));
  const n = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: n + 1 }, (_, k) => Number((k * step).toPrecision(12)));
}

/** The domain and ticks of a numeric axis from 0 to `max`: spread into an `XAxis`/`YAxis`. */
export function niceAxis(max: number, opts: { most?: number; integer?: boolean } = {}): { domain: [number, number]; ticks: number[]; interval: 0 } {
  const ticks = niceTicks(max, opts.most, opts.integer ?? true);
  // interval 0: every tick is drawn (there are few, and each is a round number)
  return { domain: [0, ticks[ticks.length - 1]], ticks, interval: 0 };
}

/** {@link niceAxis} of a count, its labels in one style ({@link compactTicks}: 5K … 25K, or 500 … 2,500). */
export function countAxis(max: number, opts: { most?: number } = {}): ReturnType<typeof niceAxis> & { tickFormatter: (n: number) => string } {
  const axis = niceAxis(max, { ...opts, integer: true });
  return { ...axis, tickFormatter: compactTicks(axis.domain[1]) };
}

/** The largest sum of `keys` over the rows (a stacked chart's top; one key: the largest value); missing values count 0. */
export function stackedMax<K extends string>(rows: readonly Readonly<Partial<Record<K, number | null>>>[], ...keys: K[]): number {
  let max = 0;
  for (const r of rows) {
    let s = 0;
    for (const k of keys) {
      const v = r[k];
      if (typeof v === 'number' && v > 0) s += v;
    }
    if (s > max) max = s;
  }
  return max;
}
