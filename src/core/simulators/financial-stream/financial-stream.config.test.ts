import { describe, expect, it } from 'vitest';
import { runSimulator } from '../../run';
import { ConfigError } from '../../schema/config';
import { AbortError } from '../../simulator';
import { columnFromValues, makeTable, type Table } from '../../table/column';
import { financialStreamSimulator } from './index';

/** A small, valid pair of tables; tests break one thing at a time. */
function tables(over: { tx?: Table; accounts?: Table | null } = {}): Map<string, Table> {
  const tx =
    over.tx ??
    makeTable('transaction', [
      columnFromValues('transaction_id', 'int', [1, 2, 3]),
      columnFromValues('account_id', 'int', [7, 8, 7]),
      columnFromValues('amount', 'float', [10, 20.5, 3]),
      columnFromValues('transaction_date', 'string', ['2024-01-01T00:00:00Z', '2024-01-01 05:00', '2024-01-02']),
      columnFromValues('status', 'string', ['Completed', 'completed', 'Failed']),
    ]);
  const out = new Map([[tx.name, tx]]);
  const acc = over.accounts === undefined ? makeTable('account', [columnFromValues('account_id', 'int', [7, 8, 9])]) : over.accounts;
  if (acc) out.set(acc.name, acc);
  return out;
}

/** The issues a config is refused with (runs nothing: the engine is never reached). */
async function refusal(raw: Record<string, unknown>, inputs = tables()): Promise<{ path: string; message: string }[]> {
  try {
    await runSimulator(financialStreamSimulator, raw, { inputs });
  } catch (e) {
    if (e instanceof ConfigError) return [...e.issues];
    throw e;
  }
  throw new Error('not refused');
}

describe('financial-stream config and inputs', () => {
  it('accepts the defaults and the reference snake_case names', async () => {
    const run = await runSimulator(financialStreamSimulator, { reversal_probability: 1, settlement_batch_hours: 12, fraud_burst_amount_range: [1, 2] }, { inputs: tables() });
    expect(run.config).toMatchObject({ reversalProbability: 1, settlementBatchHours: 12, fraudBurstAmountRange: [1, 2], durationHours: 24, startTime: null });
    expect(run.result.stats.reversal_count).toBe(2); // the two completed rows
  });

  it.each([
    [{ settlementBatchHours: 0 }, 'settlementBatchHours', 'out of range'],
    [{ durationHours: 0 }, 'durationHours', 'out of range'],
    [{ durationHours: 1e-12 }, 'durationHours', 'shorter than a millisecond'],
    [{ reversalProbability: 1.5 }, 'reversalProbability', 'from 0 to 1'],
    [{ fraudBurstProbability: -0.1 }, 'fraudBurstProbability', 'from 0 to 1'],
    [{ settlementSuccessRate: 2 }, 'settlementSuccessRate', 'from 0 to 1'],
    [{ reversalDelayHoursMax: 0.05 }, 'reversalDelayHoursMax', 'from 0.1 to'],
    [{ fraudBurstAmountRange: [10, 5] }, 'fraudBurstAmountRange', 'min above max'],
    [{ fraudBurstAmountRange: [0.001, 0.009] }, 'fraudBurstAmountRange', 'no whole-cent amount'],
    [{ fraudBurstAmountRange: [-1, 5] }, 'fraudBurstAmountRange.0', 'out of range'],
    [{ fraudBurstAmountRange: [1] }, 'fraudBurstAmountRange', 'too few items'],
    [{ fraudBurstCount: 1.5 }, 'fraudBurstCount', 'not an integer'],
    [{ fraudBurstCount: 1_000_000, fraudBurstProbability: 1, durationHours: 100 }, 'fraudBurstCount', 'expected fraud rows'],
    [{ settlementBatchHours: 1e-5, durationHours: 87_840 }, 'settlementBatchHours', 'batches'],
    [{ startTime: 'yesterday' }, 'startTime', 'not a valid date-time'],
    [{ reversalEnabled: 'yes' }, 'reversalEnabled', 'not a boolean'],
    [{ nope: 1 }, 'nope', 'not a known field'],
  ])('refuses %j naming %s', async (raw, path, words) => {
    const issues = await refusal(raw);
    expect(issues[0].path).toBe(path);
    expect(issues[0].message).toContain(words);
  });

  it('refuses missing or mistyped mapped columns before the run, naming role and column', async () => {
    const noAmount = makeTable('transaction', [columnFromValues('transaction_id', 'int', [1]), columnFromValues('account_id', 'int', [7])]);
    expect((await refusal({}, tables({ tx: noAmount })))[0]).toMatchObject({ path: 'inputs.transactions.columns.amount', message: expect.stringContaining('has no amount column') });
    expect((await refusal({ inputs: { transactions: { columns: { amount: 'nope' } } } }))[0]).toMatchObject({
      path: 'inputs.transactions.columns.amount',
      message: expect.stringContaining('no column "nope"'),
    });
    expect((await refusal({ inputs: { transactions: { columns: { amount: 'status' } } } }))[0]).toMatchObject({
      path: 'inputs.transactions.columns.amount',
      message: expect.stringContaining('must be float or int'),
    });
    expect((await refusal({ inputs: { payments: {} } }))[0].path).toBe('inputs.payments');
    expect((await refusal({ inputs: { transactions: { table: 'ledger' } } }))[0]).toMatchObject({ path: 'inputs.transactions.table', message: expect.stringContaining('"ledger"') });
  });

  it('needs transaction ids only with reversals on, and accounts only with fraud bursts on (D10)', async () => {
    const noIds = makeTable('transaction', [columnFromValues('account_id', 'int', [7]), columnFromValues('amount', 'float', [1])]);
    expect((await refusal({}, tables({ tx: noIds })))[0]).toMatchObject({ path: 'inputs.transactions.columns.transactionId', message: expect.stringContaining('reversalEnabled=false') });
    const ok = await runSimulator(financialStreamSimulator, { reversalEnabled: false }, { inputs: tables({ tx: noIds }) });
    expect(ok.result.stats.original_transaction_count).toBe(1);
    expect((await refusal({}, tables({ accounts: null })))[0]).toMatchObject({ path: 'inputs.accounts.table', message: expect.stringContaining('fraudBurstEnabled=false') });
    expect((await refusal({ inputs: { accounts: { table: null } } }))[0].path).toBe('inputs.accounts.table');
    const noFraud = await runSimulator(financialStreamSimulator, { fraudBurstEnabled: false }, { inputs: tables({ accounts: null }) });
    expect(noFraud.config.inputs).toEqual({ transactions: expect.objectContaining({ table: 'transaction' }) });
  });

  it('refuses a time cell that is not a date-time, naming the row', async () => {
    const tx = makeTable('transaction', [
      columnFromValues('transaction_id', 'int', [1, 2]),
      columnFromValues('account_id', 'int', [7, 8]),
      columnFromValues('amount', 'float', [1, 2]),
      columnFromValues('created_at', 'string', ['2024-01-01', 'soon']),
    ]);
    expect((await refusal({}, tables({ tx })))[0]).toEqual({ path: 'inputs.transactions.columns.time', message: 'row 2 of transaction.created_at holds "soon", not an ISO 8601 date or date-time' });
  });

  it('maps a table of any name through inputs, and proposes the time column by type when no candidate name is there', async () => {
    const payments = makeTable('payments', [
      columnFromValues('ref', 'string', ['a', 'b']),
      columnFromValues('acct', 'string', ['x', 'y']),
      columnFromValues('value', 'int', [5, 6]),
      columnFromValues('booked', 'timestamp', [1_704_067_200_000_000, 1_704_070_800_000_000]),
    ]);
    const accounts = makeTable('holders', [columnFromValues('acct', 'string', ['x', 'y'])]);
    const inputs = new Map([
      ['payments', payments],
      ['holders', accounts],
    ]);
    const run = await runSimulator(
      financialStreamSimulator,
      { inputs: { transactions: { table: 'payments', columns: { transactionId: 'ref', accountId: 'acct', amount: 'value' } }, accounts: { table: 'holders', columns: { accountId: 'acct' } } } },
      { inputs },
    );
    expect(run.config.inputs).toEqual({
      transactions: { table: 'payments', columns: { transactionId: 'ref', accountId: 'acct', amount: 'value', time: 'booked' } },
      accounts: { table: 'holders', columns: { accountId: 'acct' } },
    });
    expect(run.result.stats.window_start).toBe('2024-01-01T00:00:00.000Z');
  });

  it('stops at its first checkpoint when the run is cancelled', async () => {
    await expect(runSimulator(financialStreamSimulator, {}, { inputs: tables(), signal: AbortSignal.abort() })).rejects.toThrow(AbortError);
  });
});
