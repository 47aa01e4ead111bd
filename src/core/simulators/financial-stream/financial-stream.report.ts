/** The financial stream's stats (spec §4) and answer key: every reversal, fraud burst and failed or partial settlement. */
import { AnswerKeyBuilder } from '../../answer-key';
import { roundTo } from '../../domains/sort';
import { cellAt, stringAt, type Column, type Table, type Utf8Column } from '../../table/column';
import { formatIso, US_PER_MS } from '../../time';
import { FAILED, FAILURE_REASONS, PARTIAL, REVERSAL_REASONS, SETTLED, SETTLEMENT_STATUSES } from './financial-stream.constants';
import { burstId } from './financial-stream.charts';
import type { Fraud } from './financial-stream.fraud';
import type { Ledger } from './financial-stream.ledger';
import type { Reversals } from './financial-stream.reversals';
import type { Settlements } from './financial-stream.settlements';

/** A burst's transaction ids are listed in its answer-key row up to this many (they are 15 by default). */
export const MAX_LISTED_IDS = 1_000;

const round2 = (x: number) => roundTo(x, 2) + 0;
const hours = (ms: number) => roundTo(ms / 3_600_000, 6);

export interface KeyInput {
  readonly ledger: Ledger;
  readonly reversals: Reversals;
  readonly reversalIds: Utf8Column;
  readonly fraud: Fraud;
  readonly fraudIds: Utf8Column;
  readonly fraudAccounts: Column;
  readonly settlements: Settlements | null;
  readonly settlementIds: Utf8Column | null;
}

/**
 * One row per reversal (key: reversal_id), per fraud burst (key: `fraud-burst-0001`…, in time
 * order, with its account, span and transaction ids) and per partial or failed batch (key:
 * batch_id). Reversals are listed one by one: each must be matched to its original.
 */
export function financialAnswerKey(x: KeyInput): AnswerKeyBuilder {
  const key = new AnswerKeyBuilder();
  const { ledger, reversals: r, fraud } = x;
  for (let k = 0; k < r.length; k++) {
    const src = r.src[k];
    key.add('reversal', 'reversals', stringAt(x.reversalIds, k)!, r.at[k], {
      original_transaction_id: ledger.id ? cellAt(ledger.id, src) : null,
      account_id: cellAt(ledger.account, src),
      amount: r.amount[k],
      reason: REVERSAL_REASONS[r.reason[k]],
      delay_hours: hours(r.delayMs[k]),
    });
  }
  const rows: number[][] = fraud.burstHour.length ? Array.from({ length: fraud.burstHour.length }, () => []) : [];
  for (let k = 0; k < fraud.length; k++) rows[fraud.burst[k]].push(k);
  rows.forEach((ks, b) => {
    const start = fraud.burstStart[b];
    key.add('fraud_burst', 'fraud_events', burstId(b), start, {
      account_id: ks.length ? cellAt(x.fraudAccounts, ks[0]) : null,
      hour: fraud.burstHour[b],
      start: formatIso(start),
      last_transaction_at: ks.length ? formatIso(fraud.at[ks[ks.length - 1]]) : null,
      events: ks.length,
      total_amount: round2(ks.reduce((a, i) => a + fraud.amount[i], 0)),
      ...(ks.length <= MAX_LISTED_IDS ? { fraud_tx_ids: ks.map((i) => stringAt(x.fraudIds, i)) } : {}),
    });
  });
  const s = x.settlements;
  if (s && x.settlementIds) {
    for (let b = 0; b < s.length; b++) {
      if (s.status[b] === SETTLED) continue;
      key.add(s.status[b] === PARTIAL ? 'settlement_partial' : 'settlement_failed', 'settlements', stringAt(x.settlementIds, b)!, s.windowStart[b], {
        status: SETTLEMENT_STATUSES[s.status[b]],
        failure_reason: FAILURE_REASONS[s.reason[b]],
        window_start: formatIso(s.windowStart[b]),
        window_end: formatIso(s.windowStart[b] + s.batchUs),
        transaction_count: s.count[b],
        gross_amount: s.gross[b],
        total_amount: s.total[b],
        ...(s.status[b] === PARTIAL ? { settled_fraction: s.fraction[b] } : {}),
      });
    }
  }
  return key;
}

/** The spec's stats (§4) and the TS additions, keys in a fixed order. */
export function financialStats(x: {
  ledger: Ledger;
  reversals: Reversals;
  fraud: Fraud;
  settlements: Settlements | null;
  combined: Table;
  outside: number;
  durationHours: number;
  seed: number;
  startUs: number;
  windowUs: number;
}): Record<string, unknown> {
  const s = x.settlements;
  const byStatus = (st: number) => (s ? s.status.reduce((a, v) => a + (v === st ? 1 : 0), 0) : 0);
  let untimed = 0;
  for (const t of x.ledger.time) if (t !== t) untimed++;
  return {
    original_transaction_count: x.ledger.n,
    reversal_count: x.reversals.length,
    fraud_event_count: x.fraud.length,
    settlement_batch_count: s?.length ?? 0,
    combined_transaction_count: x.combined.length,
    duration_hours: x.durationHours,
    seed: x.seed,
    fraud_burst_count: x.fraud.burstHour.length,
    settled_batches: byStatus(SETTLED),
    partial_batches: byStatus(PARTIAL),
    failed_batches: byStatus(FAILED),
    transactions_outside_window: x.outside,
    eligible_transactions: x.ledger.eligibleCount,
    untimed_transactions: untimed,
    window_start: formatIso(x.startUs),
    window_end: formatIso(x.startUs + Math.floor(x.windowUs / US_PER_MS) * US_PER_MS),
  };
}
