/** The reversals, fraud_events and settlements tables (spec §4), built from the typed draws. */
import type { IdStream } from '../../ids';
import { nullColumn, textOf, uuidColumn } from '../../table/combine';
import { boolColumn, dictColumn, makeTable, numberColumn, takeColumn, type Column, type Table } from '../../table/column';
import { FAILURE_REASONS, FRAUD_CATEGORIES, REVERSAL_REASONS, SETTLEMENT_STATUSES } from './financial-stream.constants';
import type { Fraud } from './financial-stream.fraud';
import type { Ledger } from './financial-stream.ledger';
import type { Reversals } from './financial-stream.reversals';
import type { Settlements } from './financial-stream.settlements';

/** The id streams of the run, one per table (D1: seeded by (seed, `financial:<table>`)). */
export interface FinancialIds {
  readonly reversals: IdStream;
  readonly fraud: IdStream;
  readonly settlements: IdStream;
}

/**
 * Account ids of the transactions and of the account pool in one type, so fraud rows and
 * originals share the combined table's column: the transactions' type when both agree, else text.
 */
export function unifiedAccounts(ledger: Ledger): { tx: Column; pool: Column } {
  const tx = ledger.account;
  const pool = ledger.accounts ?? nullColumn(tx.name, tx.type, 0);
  if (pool.type === tx.type) return { tx, pool };
  return { tx: textOf(tx), pool: textOf(pool) };
}

/** The transaction id column, or an empty text column when none is mapped (nothing refers to it then). */
export const idColumnOf = (ledger: Ledger): Column => ledger.id ?? nullColumn('transaction_id', 'string', ledger.n);

/** Pool rows of the fraud events' accounts, in fraud table order. */
export function fraudAccountRows(ledger: Ledger, fraud: Fraud): Int32Array {
  return Int32Array.from(fraud.burst, (b) => ledger.pool[fraud.burstAccount[b]]);
}

export function reversalsTable(ledger: Ledger, r: Reversals, ids: FinancialIds): Table {
  const accounts = unifiedAccounts(ledger);
  return makeTable('reversals', [
    uuidColumn('reversal_id', ids.reversals, r.src),
    { ...takeColumn(idColumnOf(ledger), r.src), name: 'original_transaction_id' },
    { ...takeColumn(accounts.tx, r.src), name: 'account_id' },
    numberColumn('amount', 'float', r.amount),
    dictColumn('reversal_reason', REVERSAL_REASONS, Int32Array.from(r.reason)),
    numberColumn('reversed_at', 'timestamp', r.at),
  ]);
}

export function fraudTable(ledger: Ledger, fraud: Fraud, ids: FinancialIds): Table {
  const accounts = unifiedAccounts(ledger);
  return makeTable('fraud_events', [
    uuidColumn('fraud_tx_id', ids.fraud, Int32Array.from(fraud.burst, (b) => fraud.burstHour[b]), fraud.ordinal),
    { ...takeColumn(accounts.pool, fraudAccountRows(ledger, fraud)), name: 'account_id' },
    numberColumn('amount', 'float', fraud.amount),
    dictColumn('merchant_category', FRAUD_CATEGORIES, Int32Array.from(fraud.category)),
    numberColumn('transaction_time', 'timestamp', fraud.at),
    boolColumn('is_fraud', new Uint8Array(fraud.length).fill(1)),
  ]);
}

/** Batch keys: the batch index. */
export const batchKeys = (s: Settlements) => Int32Array.from({ length: s.length }, (_, b) => b);

export function settlementsTable(s: Settlements, ids: FinancialIds): Table {
  const n = s.length;
  const settledAt = Float64Array.from(s.windowStart, (t) => t + s.batchUs);
  const reasonValid = Uint8Array.from(s.reason, (r) => (r >= 0 ? 1 : 0));
  return makeTable('settlements', [
    uuidColumn('batch_id', ids.settlements, batchKeys(s)),
    numberColumn('window_start', 'timestamp', s.windowStart),
    numberColumn('settled_at', 'timestamp', settledAt),
    numberColumn('transaction_count', 'int', s.count),
    numberColumn('gross_amount', 'float', s.gross),
    numberColumn('total_amount', 'float', s.total),
    dictColumn('status', SETTLEMENT_STATUSES, Int32Array.from(s.status)),
    dictColumn('failure_reason', FAILURE_REASONS, Int32Array.from(s.reason, (r) => Math.max(0, r)), n && reasonValid.includes(0) ? reasonValid : undefined),
  ]);
}
