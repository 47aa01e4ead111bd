import type { Rng } from '../../rng';
import { WeightedChoice } from '../../rng';
import { argsortBy, gather } from '../../sort';
import { Int32Growable } from '../../table/column';
import { US_PER_HOUR, US_PER_MS } from '../../time';
import { REVERSAL_WEIGHTS } from './financial-stream.constants';
import type { Ledger } from './financial-stream.ledger';

/** Reversals in table order, by (reversed_at, source row) (D11). */
export interface Reversals {
  readonly length: number;
  /** The original's row in the transactions table. */
  readonly src: Int32Array;
  /** reversed_at, epoch µs. */
  readonly at: Float64Array;
  /** Delay after the original, whole ms. */
  readonly delayMs: Float64Array;
  /** Index into REVERSAL_REASONS. */
  readonly reason: Uint8Array;
  /** −|amount| of the original. */
  readonly amount: Float64Array;
}

export const NO_REVERSALS: Reversals = {
  length: 0,
  src: new Int32Array(0),
  at: new Float64Array(0),
  delayMs: new Float64Array(0),
  reason: new Uint8Array(0),
  amount: new Float64Array(0),
};

/**
 * Reverse eligible transactions (spec §3.1, D7): a Bernoulli(p) draw per eligible row in input
 * order, then for each chosen row a delay U(0.1 h, max) (whole ms, so it stays inside the
 * bounds) and a weighted reason. An untimed original is reversed relative to the window start.
 */
export function drawReversals(ledger: Ledger, p: number, maxDelayHours: number, anchorUs: number, select: Rng, detail: Rng): Reversals {
  const chosen = new Int32Growable(Math.ceil(ledger.eligibleCount * p * 1.1) + 16);
  for (let i = 0; i < ledger.n; i++) if (ledger.eligible[i] && select.uniform() < p) chosen.push(i);
  const r = chosen.length;
  if (r === 0) return NO_REVERSALS;
  const src = chosen.finish();
  const at = new Float64Array(r);
  const delayMs = new Float64Array(r);
  const reason = new Uint8Array(r);
  const amount = new Float64Array(r);
  const reasons = new WeightedChoice(REVERSAL_WEIGHTS);
  const hourMs = US_PER_HOUR / US_PER_MS;
  let min = Number.POSITIVE_INFINITY;
  for (let k = 0; k < r; k++) {
    const i = src[k];
    delayMs[k] = Math.floor(detail.between(0.1, maxDelayHours) * hourMs);
    reason[k] = reasons.draw(detail);
    const t0 = ledger.time[i] === ledger.time[i] ? ledger.time[i] : anchorUs;
    at[k] = t0 + delayMs[k] * US_PER_MS;
    amount[k] = 0 - Math.abs(ledger.amount[i]); // never −0
    if (at[k] < min) min = at[k];
  }
  // stable: ties keep source order
  const order = argsortBy(Float64Array.from(at, (t) => Math.round(t - min)));
  return {
    length: r,
    src: gather(src, order, new Int32Array(r)),
    at: gather(at, order, new Float64Array(r)),
    delayMs: gather(delayMs, order, new Float64Array(r)),
    reason: gather(reason, order, new Uint8Array(r)),
    amount: gather(amount, order, new Float64Array(r)),
  };
}
