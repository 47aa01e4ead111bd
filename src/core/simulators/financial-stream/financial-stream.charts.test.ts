import { describe, expect, it } from 'vitest';
import { runSimulator } from '../../run';
import { tableRows } from '../../table/column';
import { MAX_BUCKETS } from '../../time-buckets';
import type { FinancialStreamOutput } from './financial-stream';
import { financialStreamSimulator } from './index';
import { keyRows, ledger } from './financial-stream.test-util';

const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

describe('financial-stream charts', () => {
  it('agree with the tables and the answer key, and stay small', async () => {
    const run = await runSimulator(
      financialStreamSimulator,
      { durationHours: 48, reversalProbability: 0.2, fraudBurstProbability: 0.3, fraudBurstCount: 5, settlementBatchHours: 0.25, settlementSuccessRate: 0.6, seed: 3 },
      { inputs: ledger(20_000, 60, 'charts') },
    );
    const r = run.result as FinancialStreamOutput;
    const c = r.charts!;
    const [combined, reversals, fraud, settlements] = r.tables.map(tableRows);
    // volume: every timed record is in a bucket or counted outside
    expect(c.volume.bucketStarts).toHaveLength(c.volume.original.length);
    expect(c.volume.bucketStarts.length).toBeLessThanOrEqual(MAX_BUCKETS);
    const charted = sum(c.volume.original) + sum(c.volume.reversal) + sum(c.volume.fraud);
    expect(charted + c.outsideWindow.before + c.outsideWindow.after + c.outsideWindow.untimed).toBe(combined.length);
    expect(sum(c.volume.fraud)).toBe(fraud.length);
    expect(c.window.start).toBe(r.stats.window_start);
    // bursts: the answer key's, with their accounts
    const bursts = keyRows(r).filter((k) => k.kind === 'fraud_burst');
    expect(c.fraudBursts.map((b) => [b.id, b.accountId, b.events])).toEqual(bursts.map((k) => [k.key, String(k.details.account_id), k.details.events]));
    // reversals by reason and by delay
    expect(sum(c.reversalsByReason.map((x) => x.count))).toBe(reversals.length);
    expect(sum(c.reversalsByReason.map((x) => x.amount))).toBeCloseTo(sum(reversals.map((x) => x.amount as number)), 2);
    expect(sum(c.reversalsByDelay.map((x) => x.count))).toBe(reversals.length);
    expect(c.reversalsByDelay[0].fromHours).toBe(0);
    expect(c.reversalsByDelay[c.reversalsByDelay.length - 1].toHours).toBeGreaterThan(48);
    // settlements by status over time
    const s = c.settlements;
    expect(sum(s.settled) + sum(s.partial) + sum(s.failed)).toBe(settlements.length);
    expect(sum(s.partial)).toBe(r.stats.partial_batches);
    expect(sum(s.failed)).toBe(r.stats.failed_batches);
    expect(sum(s.gross)).toBeCloseTo(sum(settlements.map((x) => x.gross_amount as number)), 1);
    expect(s.bucketStarts.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(s.bucketHours).toBe(0.25);
    // top compromised accounts: fraud amounts per account, largest first
    const byAccount = new Map<string, number>();
    for (const f of fraud) byAccount.set(String(f.account_id), (byAccount.get(String(f.account_id)) ?? 0) + (f.amount as number));
    const top = [...byAccount.values()].sort((a, b) => b - a).slice(0, 10);
    expect(c.topCompromisedAccounts.map((a) => a.amount)).toEqual(top.map((x) => Math.round(x * 100) / 100));
    expect(JSON.stringify(c).length).toBeLessThan(100_000);
  });

  it('with settlement, fraud and reversals off, the charts are empty but well formed', async () => {
    const run = await runSimulator(financialStreamSimulator, { reversalEnabled: false, fraudBurstEnabled: false, settlementEnabled: false }, { inputs: ledger(50, 24, 'off') });
    const c = (run.result as FinancialStreamOutput).charts!;
    expect([c.fraudBursts, c.topCompromisedAccounts, c.settlements.bucketStarts]).toEqual([[], [], []]);
    expect(sum(c.reversalsByReason.map((x) => x.count))).toBe(0);
    expect(sum(c.volume.original) + c.outsideWindow.after + c.outsideWindow.before).toBe(50);
  });
});
