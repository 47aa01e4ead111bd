/**
 * The unified `transactions` table (D5): every original column (the id as text, the amount as
 * a double, the time as a timestamp), original rows, then reversal and fraud rows in the same
 * columns, plus `record_type`, `original_transaction_id`, `reversal_reason`,
 * `merchant_category` and `is_fraud`. Rows sort by (time, original < reversal < fraud, source
 * order); untimed originals go last in row order. Built column by column: each gathers from the
 * three sources (originals, reversals, fraud) in one pass.
 *
 * The id column is text even for integer ids: one Parquet column cannot hold an integer and a
 * UUID, and writing `17` (never `17.0`) keeps the value. `original_transaction_id` keeps the
 * input's type, so reversals join back to their originals without a cast.
 */
import { radixSortBy } from '../../sort';
import { floatColumnOf, gatherParts, nullColumn, textOf } from '../../table/combine';
import { boolColumn, dictColumn, makeTable, numberColumn, takeColumn, type Column, type ColumnType, type Table, type Utf8Column } from '../../table/column';
import { FRAUD_CATEGORIES, RECORD_TYPES, REVERSAL_REASONS } from './financial-stream.constants';
import type { Fraud } from './financial-stream.fraud';
import type { Ledger } from './financial-stream.ledger';
import type { Reversals } from './financial-stream.reversals';
import { fraudAccountRows, idColumnOf, unifiedAccounts } from './financial-stream.tables';

/** Columns the simulator adds; an input column of the same name is kept with an `_input` suffix. */
export const ADDED_COLUMNS = ['record_type', 'original_transaction_id', 'reversal_reason', 'merchant_category', 'is_fraud'] as const;
export const DEFAULT_ID_COLUMN = 'transaction_id';
export const DEFAULT_TIME_COLUMN = 'transaction_time';

/**
 * Combined row order over the index space [originals | reversals | fraud]: timed records by
 * (time, index) — the index order is the tie-break order — then untimed originals in row order.
 * Reversals and fraud come sorted; when the timed originals are too (domains sort by time), a
 * three-way merge does it in one pass, else a stable radix sort.
 */
export function combinedOrder(time: Float64Array, reversalAt: Float64Array, fraudAt: Float64Array): Int32Array {
  const n = time.length;
  let sorted = true;
  let prev = Number.NEGATIVE_INFINITY;
  let timedOriginals = 0;
  for (let i = 0; i < n; i++) {
    const t = time[i];
    if (t !== t) continue;
    timedOriginals++;
    if (t < prev) sorted = false;
    prev = t;
  }
  return sorted ? mergedOrder(time, timedOriginals, reversalAt, fraudAt) : sortedOrder(time, reversalAt, fraudAt);
}

function mergedOrder(time: Float64Array, timedOriginals: number, reversalAt: Float64Array, fraudAt: Float64Array): Int32Array {
  const n = time.length;
  const r = reversalAt.length;
  const q = fraudAt.length;
  const order = new Int32Array(n + r + q);
  let i = 0;
  let j = 0;
  let k = 0;
  let o = 0;
  const nextOriginal = () => {
    while (i < n && time[i] !== time[i]) i++;
  };
  nextOriginal();
  for (let left = timedOriginals + r + q; left > 0; left--) {
    const a = i < n ? time[i] : Number.POSITIVE_INFINITY;
    const b = j < r ? reversalAt[j] : Number.POSITIVE_INFINITY;
    const c = k < q ? fraudAt[k] : Number.POSITIVE_INFINITY;
    // ties: original before reversal before fraud
    if (a <= b && a <= c) {
      order[o++] = i++;
      nextOriginal();
    } else if (b <= c) order[o++] = n + j++;
    else order[o++] = n + r + k++;
  }
  for (let u = 0; u < n; u++) if (time[u] !== time[u]) order[o++] = u;
  return order;
}

function sortedOrder(time: Float64Array, reversalAt: Float64Array, fraudAt: Float64Array): Int32Array {
  const n = time.length;
  const total = n + reversalAt.length + fraudAt.length;
  const at = new Float64Array(total);
  at.set(time);
  at.set(reversalAt, n);
  at.set(fraudAt, n + reversalAt.length);
  let min = Number.POSITIVE_INFINITY;
  let timed = 0;
  for (let i = 0; i < total; i++) {
    if (at[i] === at[i]) {
      timed++;
      if (at[i] < min) min = at[i];
    }
  }
  const items = new Int32Array(timed);
  const keys = new Float64Array(total);
  const order = new Int32Array(total);
  let t = 0;
  let u = timed;
  for (let i = 0; i < total; i++) {
    if (at[i] === at[i]) {
      items[t++] = i;
      keys[i] = Math.round(at[i] - min);
    } else order[u++] = i;
  }
  order.set(radixSortBy(items, keys, true));
  return order;
}

function uniqueName(base: string, taken: Set<string>): string {
  let name = `${base}_input`;
  while (taken.has(name)) name = `${name}_input`;
  taken.add(name);
  return name;
}

/** A column holding one value per source: `codes` for the rows of [from, to) of the index space, null elsewhere. */
function sectionDict(name: string, dict: readonly string[], order: Int32Array, from: number, codes: ArrayLike<number>): Column {
  const n = order.length;
  const out = new Int32Array(n);
  const valid = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = order[i] - from;
    if (k >= 0 && k < codes.length) {
      out[i] = codes[k];
      valid[i] = 1;
    }
  }
  return dictColumn(name, dict, out, valid);
}

/** Build the combined table from the ledger and the draws; `reversalIds`/`fraudIds` are the two tables' id columns. */
export function combinedTable(ledger: Ledger, rev: Reversals, fraud: Fraud, reversalIds: Utf8Column, fraudIds: Utf8Column): Table {
  const n = ledger.n;
  const r = rev.length;
  const q = fraud.length;
  const order = combinedOrder(ledger.time, rev.at, fraud.at);
  const accounts = unifiedAccounts(ledger);
  const finish = (name: string, type: ColumnType, parts: Column[]) => gatherParts(name, type, parts, order);
  const timeParts = (name: string, originals: Column) => finish(name, 'timestamp', [originals, numberColumn(name, 'timestamp', rev.at), numberColumn(name, 'timestamp', fraud.at)]);
  const idParts = (name: string, originals: Column) => finish(name, 'string', [originals, reversalIds, fraudIds]);

  const inputNames = new Set(ledger.table.columns.map((c) => c.name));
  const reserved = new Set<string>([...ADDED_COLUMNS, ...(ledger.id ? [] : [DEFAULT_ID_COLUMN]), ...(ledger.timeName ? [] : [DEFAULT_TIME_COLUMN])]);
  const taken = new Set([...inputNames, ...reserved]);
  const cols: Column[] = [];
  for (const c of ledger.table.columns) {
    if (c.name === ledger.id?.name) cols.push(idParts(c.name, textOf(c)));
    else if (c.name === ledger.account.name)
      cols.push(finish(c.name, accounts.tx.type, [accounts.tx, takeColumn(accounts.tx, rev.src), takeColumn(accounts.pool, fraudAccountRows(ledger, fraud))]));
    else if (c.name === ledger.amountName)
      cols.push(finish(c.name, 'float', [floatColumnOf(c.name, ledger.amount), numberColumn(c.name, 'float', rev.amount), numberColumn(c.name, 'float', fraud.amount)]));
    else if (c.name === ledger.timeName) cols.push(timeParts(c.name, floatColumnOf(c.name, ledger.time, 'timestamp')));
    else {
      const name = reserved.has(c.name) ? uniqueName(c.name, taken) : c.name;
      cols.push(finish(name, c.type, [c, nullColumn(name, c.type, r), nullColumn(name, c.type, q)]));
    }
  }
  if (!ledger.id) cols.push(idParts(DEFAULT_ID_COLUMN, nullColumn(DEFAULT_ID_COLUMN, 'string', n)));
  if (!ledger.timeName) cols.push(timeParts(DEFAULT_TIME_COLUMN, nullColumn(DEFAULT_TIME_COLUMN, 'timestamp', n)));

  const total = order.length;
  const recordType = new Int32Array(total);
  const isFraud = new Uint8Array(total);
  for (let i = 0; i < total; i++) {
    const k = order[i];
    recordType[i] = k < n ? 0 : k < n + r ? 1 : 2;
    isFraud[i] = k >= n + r ? 1 : 0;
  }
  const id = idColumnOf(ledger);
  cols.push(
    dictColumn('record_type', RECORD_TYPES, recordType),
    finish('original_transaction_id', id.type, [nullColumn('x', id.type, n), takeColumn(id, rev.src), nullColumn('x', id.type, q)]),
    sectionDict('reversal_reason', REVERSAL_REASONS, order, n, rev.reason),
    sectionDict('merchant_category', FRAUD_CATEGORIES, order, n + r, fraud.category),
    boolColumn('is_fraud', isFraud),
  );
  return makeTable('transactions', cols);
}
