/**
 * The expected size of a financial-stream run from its config and the mapped tables' shapes:
 * reversals = eligible transactions × reversalProbability (eligible: with an id and an amount,
 * and "completed" when a status is mapped), fraud events = window hours × fraudBurstProbability
 * × fraudBurstCount (when an accounts pool exists), settlements = the batch count, and the
 * combined `transactions` = every original plus the reversals and fraud rows. The combined
 * table carries the input's columns over, so its bytes per row come from their shapes.
 */
import type { RunEstimate, TableEstimate } from '../../estimate';
import { columnBytesPerRow, meanDigits } from '../../estimate-shapes';
import type { ColumnShape, RoleMapping, TableShape } from '../../inputs/contract';
import { textRowBytes } from '../../landing/estimate';
import { US_PER_HOUR } from '../../time';
import { batchCount, hoursToUs, type FinancialStreamConfig } from './financial-stream.config';

/**
 * Share of transactions whose status is "completed" when a status column is mapped: shapes hold
 * no value counts, so this is the financial domain's weight (Completed 0.92).
 */
export const COMPLETED_SHARE = 0.92;

const UUID_BYTES = 36;

/** Expected rows of each result table. */
export function expectedFinancialRows(c: FinancialStreamConfig, inputs: readonly TableShape[]): { originals: number; reversals: number; fraud: number; settlements: number } {
  const mapping = (c.inputs ?? {}) as RoleMapping;
  const tx = inputs.find((t) => t.name === mapping.transactions?.table);
  const cols = mapping.transactions?.columns ?? {};
  const col = (t: TableShape | undefined, name: string | undefined) => (name ? t?.columns.find((x) => x.name === name) : undefined);
  const n = tx?.rows ?? 0;
  // a reversal needs an id and an amount to point at and negate
  const missing = (x: ColumnShape | undefined) => (n > 0 && x?.nulls ? x.nulls / n : 0);
  const eligible = n * (1 - missing(col(tx, cols.transactionId))) * (1 - missing(col(tx, cols.amount))) * (cols.status ? COMPLETED_SHARE : 1);
  const accounts = inputs.find((t) => t.name === mapping.accounts?.table);
  const pool = accounts ? accounts.rows - (col(accounts, mapping.accounts?.columns?.accountId)?.nulls ?? 0) : 0;
  const hours = Math.ceil(hoursToUs(c.durationHours) / US_PER_HOUR);
  return {
    originals: n,
    reversals: c.reversalEnabled ? eligible * c.reversalProbability : 0,
    fraud: c.fraudBurstEnabled && pool > 0 ? hours * c.fraudBurstProbability * c.fraudBurstCount : 0,
    settlements: c.settlementEnabled ? batchCount(c.durationHours, c.settlementBatchHours) : 0,
  };
}

/** Bytes per row of a key column as text (the combined id): digits of an int range, else its text. */
function keyTextBytes(c: ColumnShape | undefined): number {
  if (!c) return 0;
  if (c.type === 'int') return c.min === null || c.min === undefined || c.max === null || c.max === undefined ? 8 : meanDigits(c.min, c.max);
  return c.textBytes ?? 12;
}

/** Bytes of a column carried over as is into rows the input did not hold (nulls there: a mask). */
const keyBytes = (c: ColumnShape | undefined, rows: number) => (c ? columnBytesPerRow(c, rows) : 4);

export function estimateFinancialStream(c: FinancialStreamConfig, inputs: readonly TableShape[] = []): RunEstimate {
  const mapping = (c.inputs ?? {}) as RoleMapping;
  const { originals: n, reversals: r, fraud: q, settlements } = expectedFinancialRows(c, inputs);
  const tx = inputs.find((t) => t.name === mapping.transactions?.table);
  const cols = mapping.transactions?.columns ?? {};
  const shapes = tx?.columns ?? [];
  const find = (name: string | undefined) => (name ? shapes.find((x) => x.name === name) : undefined);
  const id = find(cols.transactionId);
  const account = find(cols.accountId);
  const total = n + r + q;
  const share = (k: number) => (total > 0 ? k / total : 0);
  // the id as text: the originals' own (digits of an int), a UUID for reversal and fraud rows
  const idText = share(n) * keyTextBytes(id) + share(r + q) * UUID_BYTES;
  let combined = 4 + idText + (id?.nulls || !id ? 1 : 0);
  for (const s of shapes) {
    if (s === id) continue;
    if (s === account) combined += keyBytes(account, n);
    else if (s.name === cols.amount || s.name === cols.time) combined += 8 + (s.nulls ? 1 : 0);
    // other columns: null in reversal and fraud rows (a mask; text only in the originals' rows)
    else combined += columnBytesPerRow(s, n, true) - (s.type === 'string' && !s.dictionary ? (s.textBytes ?? 12) * share(r + q) : 0);
  }
  if (!cols.time) combined += 9;
  // record_type, original_transaction_id (the id's type; null outside reversals), reversal_reason, merchant_category, is_fraud
  const originalId = id?.type === 'string' ? 5 + (id.textBytes ?? 12) * share(r) : id ? 9 : 5;
  combined += 4 + originalId + 5 + 5 + 1;
  const keyOut = (x: ColumnShape | undefined) => (x?.type === 'string' ? 4 + (x.textBytes ?? 12) + (x.nulls ? 1 : 0) : 8);
  const accountsTable = inputs.find((t) => t.name === mapping.accounts?.table);
  const poolId = accountsTable?.columns.find((x) => x.name === mapping.accounts?.columns?.accountId);
  // file bytes per row measured on the default config (the financial domain at scale small, one day;
  // fraud events and settlements over 2,000 h with bursts at 0.3):
  // the combined table's from its columns' text widths plus the added columns
  const csv = shapes.length ? textRowBytes(shapes, n, 'csv') + 11 : 93;
  const jsonl = shapes.length ? textRowBytes(shapes, n, 'jsonl') + 116 : 337;
  const tables: TableEstimate[] = [
    { name: 'transactions', rows: total, memoryBytesPerRow: combined, textBytesPerRow: Math.max(idText, UUID_BYTES * share(r + q)), fileBytesPerRow: { parquet: 0.28 * csv, csv, jsonl } },
    { name: 'reversals', rows: r, memoryBytesPerRow: 40 + keyOut(id) + keyOut(account) + 8 + 4 + 8, textBytesPerRow: UUID_BYTES, fileBytesPerRow: { parquet: 62, csv: 92, jsonl: 194 } },
    { name: 'fraud_events', rows: q, memoryBytesPerRow: 40 + keyOut(poolId) + 8 + 4 + 8 + 1, textBytesPerRow: UUID_BYTES, fileBytesPerRow: { parquet: 54, csv: 92, jsonl: 186 } },
    { name: 'settlements', rows: settlements, memoryBytesPerRow: 89, textBytesPerRow: UUID_BYTES, fileBytesPerRow: { parquet: 73, csv: 115, jsonl: 243 } },
  ];
  return { tables, drivers: ['inputs.transactions.table', 'fraudBurstCount', 'durationHours', 'reversalProbability'] };
}
