import type { Rng } from '../../rng';
import { argsortBy, gather } from '../../sort';
import { Float64Growable, Int32Growable, Uint8Growable } from '../../table/column';
import { US_PER_HOUR, US_PER_MS } from '../../time';
import { BURST_SPAN_US, FRAUD_CATEGORIES } from './financial-stream.constants';

/** Fraud bursts and their transactions, in table order by (transaction_time, generation index) (D11). */
export interface Fraud {
  /** Per burst, in hour order: the hour offset from the window start, the pool index of the account, the start. */
  readonly burstHour: Int32Array;
  readonly burstAccount: Int32Array;
  readonly burstStart: Float64Array;
  /** Per transaction: its burst and place in it (the id key), time (epoch µs), amount (2 dp), merchant category index. */
  readonly length: number;
  readonly burst: Int32Array;
  readonly ordinal: Int32Array;
  readonly at: Float64Array;
  readonly amount: Float64Array;
  readonly category: Uint8Array;
}

export interface FraudParams {
  readonly startUs: number;
  readonly windowUs: number;
  readonly probability: number;
  readonly count: number;
  readonly amountRange: readonly number[];
  /** How many accounts the pool holds (bursts need at least one). */
  readonly poolSize: number;
}

/**
 * Fraud bursts (spec §3.2 with D9): for each whole hour h of the window, with probability p a
 * burst starts exactly at start + h on one uniformly drawn account and makes `count`
 * transactions at offsets U(0, min(120 s, window end − burst start)) (whole ms, so inside the
 * window), amounts uniform in the range to the cent, categories uniform.
 */
export function drawFraud(params: FraudParams, rng: Rng): Fraud {
  const { startUs, windowUs, probability, count, poolSize } = params;
  const hours = Math.ceil(windowUs / US_PER_HOUR);
  const loCents = Math.ceil(params.amountRange[0] * 100 - 1e-9);
  const hiCents = Math.floor(params.amountRange[1] * 100 + 1e-9);
  const burstHour = new Int32Growable(16);
  const burstAccount = new Int32Growable(16);
  const burstStart = new Float64Growable(16);
  const burst = new Int32Growable(64);
  const ordinal = new Int32Growable(64);
  const at = new Float64Growable(64);
  const amount = new Float64Growable(64);
  const category = new Uint8Growable(64);
  if (poolSize > 0) {
    for (let h = 0; h < hours; h++) {
      if (!(rng.uniform() < probability)) continue;
      const b = burstHour.length;
      const start = startUs + h * US_PER_HOUR;
      burstHour.push(h);
      burstAccount.push(rng.index(poolSize));
      burstStart.push(start);
      const spanMs = Math.min(BURST_SPAN_US, startUs + windowUs - start) / US_PER_MS;
      for (let i = 0; i < count; i++) {
        burst.push(b);
        ordinal.push(i);
        at.push(start + Math.floor(rng.uniform() * spanMs) * US_PER_MS);
        // a whole number of cents, uniform over [lo, hi]: always inside the range with 2 dp
        const cents = Math.min(hiCents, Math.max(loCents, Math.round(rng.between(loCents, hiCents))));
        amount.push(cents / 100);
        category.push(rng.index(FRAUD_CATEGORIES.length));
      }
    }
  }
  const n = at.length;
  const times = at.finish();
  const order = argsortBy(Float64Array.from(times, (t) => t - startUs));
  return {
    burstHour: burstHour.finish(),
    burstAccount: burstAccount.finish(),
    burstStart: burstStart.finish(),
    length: n,
    burst: gather(burst.finish(), order, new Int32Array(n)),
    ordinal: gather(ordinal.finish(), order, new Int32Array(n)),
    at: gather(times, order, new Float64Array(n)),
    amount: gather(amount.finish(), order, new Float64Array(n)),
    category: gather(category.finish(), order, new Uint8Array(n)),
  };
}
