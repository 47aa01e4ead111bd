import { roundTo } from '../../domains/sort';
import type { Rng } from '../../rng';
import { FAILED, FAILURE_REASONS, PARTIAL, SETTLED } from './financial-stream.constants';
import type { Fraud } from './financial-stream.fraud';
import type { Ledger } from './financial-stream.ledger';
import type { Reversals } from './financial-stream.reversals';

/** Settlement batches in window order (D11), plus the timed records no batch covers. */
export interface Settlements {
  readonly length: number;
  readonly batchUs: number;
  readonly windowStart: Float64Array;
  readonly count: Float64Array;
  /** Σ amount of the batch's records, 2 dp (reversals net negative, D6). */
  readonly gross: Float64Array;
  /** The settled amount: gross, round(gross · f, 2), or 0. */
  readonly total: Float64Array;
  /** SETTLED, PARTIAL or FAILED. */
  readonly status: Uint8Array;
  /** Index into FAILURE_REASONS, −1 when settled. */
  readonly reason: Int8Array;
  /** The partial fraction f ∈ [0.3, 0.9), NaN unless partial. */
  readonly fraction: Float64Array;
  /** Timed records outside [start, start + nb·B) (D3). */
  readonly outside: number;
}

export interface SettlementParams {
  readonly startUs: number;
  readonly batchUs: number;
  readonly batches: number;
  readonly successRate: number;
}

/** Records per batch window and their net amount, and the timed records no batch covers. */
export interface BatchTotals {
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly outside: number;
}

/**
 * Assign every record of the combined stream to a batch (spec §3.3 with D4, D6): batch b covers
 * the timed records (originals, reversals at `reversed_at`, fraud) in [start + b·B,
 * start + (b+1)·B), and the untimed originals are split into nb contiguous chunks in row order
 * whose sizes differ by at most one. Runs whether or not settlement is on: the count of records
 * outside the window is a stat either way (D3).
 */
export function batchTotals(p: SettlementParams, ledger: Ledger, reversals: Reversals, fraud: Fraud): BatchTotals {
  const nb = p.batches;
  const count = new Float64Array(nb);
  const sum = new Float64Array(nb);
  const endUs = p.startUs + nb * p.batchUs;
  let outside = 0;
  const add = (t: number, amount: number) => {
    if (!(t >= p.startUs && t < endUs)) {
      outside++;
      return;
    }
    const b = Math.floor((t - p.startUs) / p.batchUs);
    count[b]++;
    if (amount === amount) sum[b] += amount;
  };
  let untimed = 0;
  for (let i = 0; i < ledger.n; i++) if (ledger.time[i] !== ledger.time[i]) untimed++;
  // D4: the first (u mod nb) chunks take one extra row
  const base = Math.floor(untimed / nb);
  const extra = untimed % nb;
  let chunk = 0;
  let inChunk = 0;
  for (let i = 0; i < ledger.n; i++) {
    const t = ledger.time[i];
    if (t === t) {
      add(t, ledger.amount[i]);
      continue;
    }
    while (inChunk >= base + (chunk < extra ? 1 : 0)) {
      chunk++;
      inChunk = 0;
    }
    count[chunk]++;
    if (ledger.amount[i] === ledger.amount[i]) sum[chunk] += ledger.amount[i];
    inChunk++;
  }
  for (let k = 0; k < reversals.length; k++) add(reversals.at[k], reversals.amount[k]);
  for (let k = 0; k < fraud.length; k++) add(fraud.at[k], fraud.amount[k]);
  return { count, sum, outside };
}

/** Settle each batch by one uniform draw: in full (P = s), partially or failed (the rest, evenly). */
export function settle(p: SettlementParams, totals: BatchTotals, rng: Rng): Settlements {
  const nb = p.batches;
  const { count, sum, outside } = totals;

  const windowStart = new Float64Array(nb);
  const gross = new Float64Array(nb);
  const total = new Float64Array(nb);
  const status = new Uint8Array(nb);
  const reason = new Int8Array(nb);
  const fraction = new Float64Array(nb).fill(Number.NaN);
  const s = p.successRate;
  for (let b = 0; b < nb; b++) {
    windowStart[b] = p.startUs + b * p.batchUs;
    gross[b] = roundTo(sum[b], 2) + 0; // + 0 turns −0 into 0
    const r = rng.uniform();
    if (r < s) {
      status[b] = SETTLED;
      reason[b] = -1;
      total[b] = gross[b];
    } else if (r < s + (1 - s) / 2) {
      status[b] = PARTIAL;
      reason[b] = rng.index(FAILURE_REASONS.length);
      fraction[b] = rng.between(0.3, 0.9);
      total[b] = roundTo(gross[b] * fraction[b], 2) + 0;
    } else {
      status[b] = FAILED;
      reason[b] = rng.index(FAILURE_REASONS.length);
      total[b] = 0;
    }
  }
  return { length: nb, batchUs: p.batchUs, windowStart, count, gross, total, status, reason, fraction, outside };
}

/** No batches (settlement off): the table keeps its full schema with no rows. */
export function noSettlements(batchUs: number): Settlements {
  const none = new Float64Array(0);
  return { length: 0, batchUs, windowStart: none, count: none, gross: none, total: none, status: new Uint8Array(0), reason: new Int8Array(0), fraction: none, outside: 0 };
}
