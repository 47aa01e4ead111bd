/** Generated input tables and configs for the financial stream tests, and helpers to read a run back. */
import fc from 'fast-check';
import { answerKeyRows, type KeyRow } from '../../../../test/answer-key-rows';
import { runSimulator, type RunOutput } from '../../run';
import { Rng, WeightedChoice } from '../../rng';
import { columnFromValues, dictColumn, makeTable, numberColumn, tableRows, type CellValue, type Column, type Table } from '../../table/column';
import { formatIso, parseInstant, US_PER_DAY, US_PER_HOUR, US_PER_MS } from '../../time';
import type { FinancialStreamOutput } from './financial-stream';
import { financialStreamSimulator } from './index';

export type Row = Record<string, CellValue>;

/** Every row of a (small) table as a plain object. */
export const rows = (t: Table): Row[] => tableRows(t);

export const BASE_US = parseInstant('2024-03-10T00:00:00Z');

/** One generated transaction: its account (an index into the pool), amount, time offset and status. */
export interface TxRow {
  readonly account: number;
  readonly amount: number | null;
  readonly offsetMs: number | null;
  readonly status: string;
}

/** The shape of a generated input: key types, which optional columns exist, names, and the rows. */
export interface InputCase {
  readonly idKind: 'int' | 'string' | 'none';
  readonly accountKind: 'int' | 'string';
  readonly poolKind: 'int' | 'string';
  readonly timeKind: 'timestamp' | 'date' | 'string' | 'none';
  readonly hasStatus: boolean;
  /** Domain-like names found by the candidates, or custom names mapped explicitly. */
  readonly custom: boolean;
  /** An extra input column named like a column the simulator adds (`is_fraud`). */
  readonly clash: boolean;
  readonly poolSize: number;
  readonly rows: readonly TxRow[];
}

const STATUSES = ['Completed', 'completed', 'COMPLETED', 'Pending', 'Failed', 'Reversed'];

export const txRowArb = (poolSize: number) =>
  fc.record({
    account: fc.nat(poolSize - 1),
    amount: fc.option(fc.integer({ min: 0, max: 500_000 }).map((c) => c / 100), { nil: null, freq: 12 }),
    offsetMs: fc.option(fc.integer({ min: -3 * 3_600_000, max: 40 * 3_600_000 }), { nil: null, freq: 10 }),
    status: fc.constantFrom(...STATUSES),
  });

export const inputCaseArb: fc.Arbitrary<InputCase> = fc.integer({ min: 1, max: 12 }).chain((poolSize) =>
  fc.record({
    idKind: fc.constantFrom<InputCase['idKind']>('int', 'int', 'string', 'none'),
    accountKind: fc.constantFrom<InputCase['accountKind']>('int', 'string'),
    poolKind: fc.constantFrom<InputCase['poolKind']>('int', 'string'),
    timeKind: fc.constantFrom<InputCase['timeKind']>('timestamp', 'timestamp', 'date', 'string', 'none'),
    hasStatus: fc.boolean(),
    custom: fc.boolean(),
    clash: fc.boolean(),
    poolSize: fc.constant(poolSize),
    rows: fc.array(txRowArb(poolSize), { maxLength: 60 }),
  }),
);

const accountValue = (kind: 'int' | 'string', k: number): CellValue => (kind === 'int' ? 100 + k : `A-${100 + k}`);

/** Names of the columns an input case uses. */
export function namesOf(c: InputCase) {
  return c.custom
    ? { table: 'payments', accounts: 'customers', id: 'ref', account: 'acct', amount: 'value', time: 'paid_at', status: 'state', poolId: 'acct_no' }
    : { table: 'transaction', accounts: 'account', id: 'transaction_id', account: 'account_id', amount: 'amount', time: 'transaction_date', status: 'status', poolId: 'account_id' };
}

/** The input tables of a case, and the `inputs` mapping a custom case needs. */
export function buildInputs(c: InputCase): { tables: Map<string, Table>; mapping: Record<string, unknown> } {
  const names = namesOf(c);
  const cols: Column[] = [];
  if (c.idKind !== 'none') cols.push(columnFromValues(names.id, c.idKind, c.rows.map((_, i) => (c.idKind === 'int' ? 1000 + i : `T${i}`))));
  cols.push(columnFromValues(names.account, c.accountKind, c.rows.map((r) => accountValue(c.accountKind, r.account))));
  cols.push(columnFromValues('channel', 'string', c.rows.map((_, i) => (i % 3 ? 'Online' : null))));
  cols.push(columnFromValues(names.amount, 'float', c.rows.map((r) => r.amount)));
  if (c.timeKind !== 'none') {
    const us = c.rows.map((r) => (r.offsetMs === null ? null : BASE_US + r.offsetMs * US_PER_MS));
    // text times alternate between ISO with ms and zone-less seconds (read as UTC)
    if (c.timeKind === 'timestamp') cols.push(columnFromValues(names.time, 'timestamp', us));
    else if (c.timeKind === 'date') cols.push(columnFromValues(names.time, 'date', us.map((t) => (t === null ? null : Math.floor(t / US_PER_DAY)))));
    else cols.push(columnFromValues(names.time, 'string', us.map((t, i) => (t === null ? null : i % 2 ? formatIso(t) : formatIso(t).slice(0, 19)))));
  }
  if (c.hasStatus) cols.push(columnFromValues(names.status, 'string', c.rows.map((r) => r.status)));
  if (c.clash) cols.push(columnFromValues('is_fraud', 'int', c.rows.map(() => 0)));
  const pool = makeTable(names.accounts, [
    columnFromValues(names.poolId, c.poolKind, Array.from({ length: c.poolSize }, (_, k) => (k === 0 && c.poolSize > 2 ? null : accountValue(c.poolKind, k)))),
  ]);
  const tables = new Map([
    [names.table, makeTable(names.table, cols)],
    [names.accounts, pool],
  ]);
  const mapping = c.custom
    ? {
        transactions: {
          table: names.table,
          columns: {
            accountId: names.account,
            amount: names.amount,
            ...(c.idKind !== 'none' ? { transactionId: names.id } : {}),
            ...(c.timeKind !== 'none' ? { time: names.time } : {}),
            ...(c.hasStatus ? { status: names.status } : {}),
          },
        },
        accounts: { table: names.accounts, columns: { accountId: names.poolId } },
      }
    : {};
  return { tables, mapping };
}

export const configArb = fc.record({
  durationHours: fc.oneof(fc.double({ min: 0.05, max: 30, noNaN: true }), fc.constantFrom(1, 2.5, 24)),
  startTime: fc.constantFrom(null, '2024-03-10T00:00:00Z', '2024-03-09T22:30:00Z', '2024-03-10T05:00:00+02:00'),
  reversalEnabled: fc.boolean(),
  reversalProbability: fc.constantFrom(0, 0.3, 1),
  reversalDelayHoursMax: fc.constantFrom(0.1, 2, 48),
  fraudBurstEnabled: fc.boolean(),
  fraudBurstProbability: fc.constantFrom(0, 0.4, 1),
  fraudBurstCount: fc.integer({ min: 0, max: 6 }),
  fraudBurstAmountRange: fc.constantFrom<number[]>([500, 10_000], [0, 0.01], [12.345, 12.355], [7, 7]),
  settlementEnabled: fc.boolean(),
  settlementBatchHours: fc.constantFrom(0.5, 1, 4, 7.25, 100),
  settlementSuccessRate: fc.constantFrom(0, 0.5, 1),
  seed: fc.integer({ min: 0, max: 10_000 }),
});

export type FsConfig = typeof configArb extends fc.Arbitrary<infer T> ? T : never;

export interface FsRun {
  readonly run: RunOutput;
  readonly result: FinancialStreamOutput;
  readonly transactions: Table;
  readonly reversals: Table;
  readonly fraud: Table;
  readonly settlements: Table;
}

/** Run with the given tables (a config with features that need a missing column is adjusted, D10). */
export async function runFs(config: Record<string, unknown>, c: InputCase): Promise<FsRun> {
  const { tables, mapping } = buildInputs(c);
  const raw = { ...config, inputs: mapping, ...(c.idKind === 'none' ? { reversalEnabled: false } : {}) };
  const run = await runSimulator(financialStreamSimulator, raw, { inputs: tables });
  const result = run.result as FinancialStreamOutput;
  const [transactions, reversals, fraud, settlements] = result.tables;
  return { run, result, transactions, reversals, fraud, settlements };
}

/** The time (epoch µs) an input row holds as the simulator reads it, or null. */
export function inputTime(c: InputCase, i: number): number | null {
  const off = c.rows[i].offsetMs;
  if (c.timeKind === 'none' || off === null) return null;
  const us = BASE_US + off * US_PER_MS;
  if (c.timeKind === 'date') return Math.floor(us / US_PER_DAY) * US_PER_DAY;
  if (c.timeKind === 'string' && i % 2 === 0) return Math.floor(us / 1e6) * 1e6;
  return us;
}

/** Answer-key rows with details parsed. */
export const keyRows = (result: FinancialStreamOutput): KeyRow[] => answerKeyRows(result.answerKey);

/** The window start a run used. */
export const startOf = (run: RunOutput) => parseInstant(run.result.stats.window_start as string);
export const hourUs = US_PER_HOUR;

const LEDGER_START = parseInstant('2024-01-01T00:00:00Z');

/** n transactions over `hours`, 92 % Completed, amounts U(1, 100): built as columns, like a domain table. */
export function ledger(n: number, hours: number, seed: string): Map<string, Table> {
  const rng = new Rng(seed);
  const status = new WeightedChoice([0.92, 0.04, 0.02, 0.02]);
  const id = new Float64Array(n);
  const account = new Float64Array(n);
  const amount = new Float64Array(n);
  const time = new Float64Array(n);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    id[i] = i + 1;
    account[i] = rng.int(1, 500);
    amount[i] = Math.round(rng.between(1, 100) * 100) / 100;
    time[i] = LEDGER_START + Math.floor(rng.uniform() * hours * 3600) * 1e6;
    codes[i] = status.draw(rng);
  }
  const tx = makeTable('transaction', [
    numberColumn('transaction_id', 'int', id),
    numberColumn('account_id', 'int', account),
    numberColumn('amount', 'float', amount),
    numberColumn('transaction_date', 'timestamp', time),
    dictColumn('status', ['Completed', 'Pending', 'Failed', 'Reversed'], codes),
  ]);
  const acc = makeTable('account', [numberColumn('account_id', 'int', Float64Array.from({ length: 500 }, (_, k) => k + 1))]);
  return new Map([
    ['transaction', tx],
    ['account', acc],
  ]);
}
