/**
 * The transactions and accounts a run reads, as typed arrays (spec §2): times as epoch µs and
 * amounts as doubles with NaN for null, the reversal-eligible rows (D7), and the pool of
 * accounts fraud bursts draw from. Cells that cannot be read are refused naming the role and
 * column before anything is simulated.
 */
import type { RoleMapping } from '../../inputs/contract';
import { ConfigError } from '../../schema/config';
import { getColumn, type Column, type StringColumn, type Table } from '../../table/column';
import { instantsOf, numbersOf, textIn } from '../../table/values';
import { parseInstant } from '../../time';
import { REVERSIBLE_STATUSES } from './financial-stream.constants';

/** The window start when neither the config nor the data gives one (D1). */
export const FALLBACK_START = '2024-01-01T00:00:00Z';

export interface Ledger {
  /** The transactions table as given. */
  readonly table: Table;
  readonly n: number;
  /** The transaction id column, when mapped. */
  readonly id: Column | null;
  readonly account: Column;
  readonly amountName: string;
  /** Amounts, NaN for null. */
  readonly amount: Float64Array;
  /** The mapped time column's name, or null when there is none (the output then adds `transaction_time`). */
  readonly timeName: string | null;
  /** Times in epoch µs, NaN for untimed rows (every row when there is no time column). */
  readonly time: Float64Array;
  readonly status: StringColumn | null;
  /** 1 where a row may be reversed: completed (when there is a status), with an id and an amount. */
  readonly eligible: Uint8Array;
  readonly eligibleCount: number;
  /** The accounts' id column and its non-null rows: the compromised-account pool. */
  readonly accounts: Column | null;
  readonly pool: Int32Array;
}

const bad = (path: string, message: string) => new ConfigError([{ path, message }]);

/** Read the mapped tables (the mapping is resolved and checked by the input contract). */
export function readLedger(mapping: RoleMapping, inputs: ReadonlyMap<string, Table>): Ledger {
  const tx = mapping.transactions;
  const table = tx?.table ? inputs.get(tx.table) : undefined;
  if (!tx?.columns || !table) throw bad('inputs.transactions.table', 'no transactions table was resolved');
  const cols = tx.columns;
  const n = table.length;
  const id = cols.transactionId ? getColumn(table, cols.transactionId) : null;
  const account = getColumn(table, cols.accountId);
  const amount = numbersOf(getColumn(table, cols.amount));
  const timeName = cols.time ?? null;
  let time: Float64Array = new Float64Array(n).fill(Number.NaN);
  if (timeName) {
    const read = instantsOf(getColumn(table, timeName));
    if ('bad' in read)
      throw bad('inputs.transactions.columns.time', `row ${read.bad.row + 1} of ${table.name}.${timeName} holds "${read.bad.text}", not an ISO 8601 date or date-time`);
    time = read.values;
  }
  const status = cols.status ? (getColumn(table, cols.status) as StringColumn) : null;
  const eligible = status ? textIn(status, REVERSIBLE_STATUSES) : new Uint8Array(n).fill(1);
  let eligibleCount = 0;
  for (let i = 0; i < n; i++) {
    // a reversal needs an original to point at and an amount to negate
    if (eligible[i] && ((id && id.valid?.[i] === 0) || amount[i] !== amount[i])) eligible[i] = 0;
    eligibleCount += eligible[i];
  }
  const acc = mapping.accounts;
  const accTable = acc?.table ? inputs.get(acc.table) : undefined;
  const accounts = accTable && acc?.columns?.accountId ? getColumn(accTable, acc.columns.accountId) : null;
  const pool: number[] = [];
  if (accounts) for (let i = 0; i < accTable!.length; i++) if (accounts.valid?.[i] !== 0) pool.push(i);
  return {
    table,
    n,
    id,
    account,
    amountName: cols.amount,
    amount,
    timeName,
    time,
    status,
    eligible,
    eligibleCount,
    accounts,
    pool: Int32Array.from(pool),
  };
}

/** The window start (D1): the config's, else the earliest transaction time, else 2024-01-01. */
export function windowStart(startTime: string | null, ledger: Ledger): number {
  if (startTime !== null) return parseInstant(startTime);
  let min = Number.POSITIVE_INFINITY;
  for (const t of ledger.time) if (t < min) min = t;
  return min === Number.POSITIVE_INFINITY ? parseInstant(FALLBACK_START) : min;
}
