import { compactTicks } from '../format';

/**
 * Round axis ticks for people: from 0 up to the data's maximum in steps of 1, 2, 2.5 or 5 × 10ⁿ
 * (0, 500, 1,000 …). Recharts' default steps are any twentieth of a power of ten (0, 550,
 * 1,100 …), and its opt-in 1-2-2.5-5 mode always draws its full tick count, which can leave
 * half a chart empty; these ticks stop at the first round value at or above the maximum.
 */

/**
 * Round ticks from 0 covering [0, max], at most `most` intervals apart. With `decimals`, every
 * step is a multiple of 10^-decimals, so labels with that many decimals show each tick exactly
 * (counts: 0 — 0, 2 … 12 for 11, never 0, 2.5 … 12.5 printed as 0, 3 … 13), allowing one
 * interval more if need be.
 */
export function niceTicks(max: number, most = 5, decimals?: number): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const p = 10 ** Math.floor(Math.log10(top / most));
  const steps = [1, 2, 2.5, 5, 10].map((m) => m * p);
  const fits = (s: number, intervals: number) => Math.ceil(top / s - 1e-9) <= intervals;
  let step = steps.find((s) => fits(s, most)) ?? 10 * p;
  if (decimals !== undefined) {
    const unit = 10 ** -decimals;
    const shown = (s: number) => Math.abs(s / unit - Math.round(s / unit)) < 1e-6;
    if (!shown(step)) step = Math.max(unit, steps.find((s) => shown(s) && fits(s, most + 1)) ?? Math.ceil(step / unit - 1e-9) * unit);
  }
  const n = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: n + 1 }, (_, k) => Number((k * step).toPrecision(12)));
}

/**
 * The domain and ticks of a numeric axis from 0 to `max`: spread into an `XAxis`/`YAxis`.
 * `decimals`: what the axis's labels show (default 0, whole steps).
 */
export function niceAxis(max: number, opts: { most?: number; decimals?: number } = {}): { domain: [number, number]; ticks: number[]; interval: 0 } {
  const ticks = niceTicks(max, opts.most, opts.decimals ?? 0);
  // interval 0: every tick is drawn (there are few, and each is a round number)
  return { domain: [0, ticks[ticks.length - 1]], ticks, interval: 0 };
}

/** {@link niceAxis} of a count, its labels in one style ({@link compactTicks}: 5K … 25K, or 500 … 2,500). */
export function countAxis(max: number, opts: { most?: number } = {}): ReturnType<typeof niceAxis> & { tickFormatter: (n: number) => string } {
  const axis = niceAxis(max, { ...opts, decimals: 0 });
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
