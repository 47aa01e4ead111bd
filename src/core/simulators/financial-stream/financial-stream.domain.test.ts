// The simulator on the studio's own financial domain, used only through the input contract:
// whatever the domain's columns become, these hold as long as the roles resolve.
import { describe, expect, it } from 'vitest';
import type { RoleMapping } from '../../inputs/contract';
import { runSimulator } from '../../run';
import { findDomain, generateDomain } from '../../domains';
import { cellAt, getColumn, tableRows } from '../../table/column';
import { instantsOf } from '../../table/values';
import { formatIso } from '../../time';
import type { FinancialStreamOutput } from './financial-stream';
import { financialStreamSimulator } from './index';

describe('financial-stream on the financial domain', () => {
  it('runs out of the box on its default domain (one day of scale small) and records where the inputs came from', async () => {
    const run = await runSimulator(financialStreamSimulator, { fraudBurstProbability: 0.2 });
    expect(run.inputs).toMatchObject({ source: 'domain', domain: 'financial', scale: 'small' });
    const m = run.config.inputs as RoleMapping;
    expect(m.transactions.columns).toHaveProperty('time');
    expect(m.transactions.columns).toHaveProperty('status');
    const r = run.result as FinancialStreamOutput;
    expect(r.stats.untimed_transactions).toBe(0);
    // a one-day domain fits the 24-hour window: only late reversals fall outside it
    expect(r.stats.transactions_outside_window as number).toBeLessThanOrEqual(r.stats.reversal_count as number);
    expect(r.stats.fraud_burst_count as number).toBeGreaterThan(0);
  });

  it('on a domain the user generated: reverses only completed transactions, windows start at the earliest transaction', async () => {
    const domain = await generateDomain(findDomain('financial')!, { scale: 'fixture', seed: 5 });
    const inputs = new Map(domain.tables.map((t) => [t.name, t]));
    const run = await runSimulator(financialStreamSimulator, { reversalProbability: 0.5 }, { inputs });
    const m = run.config.inputs as RoleMapping;
    const tx = inputs.get(m.transactions.table!)!;
    const cols = m.transactions.columns!;
    const times = instantsOf(getColumn(tx, cols.time));
    expect('values' in times).toBe(true);
    if ('values' in times) expect(run.result.stats.window_start).toBe(formatIso(Math.min(...times.values)));
    const status = new Map(Array.from({ length: tx.length }, (_, i) => [cellAt(getColumn(tx, cols.transactionId), i), String(cellAt(getColumn(tx, cols.status), i))]));
    const reversals = tableRows(run.result.tables[1]);
    expect(reversals.length).toBeGreaterThan(0);
    for (const x of reversals) expect(status.get(x.original_transaction_id)!.toLowerCase()).toBe('completed');
  });
});
