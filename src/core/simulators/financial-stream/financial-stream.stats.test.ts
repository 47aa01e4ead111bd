// Configured rates on large runs. Seeds are fixed, so these cannot flake; the tolerances are
// 5 standard deviations, so a wrong rate (not just bad luck) is what makes them fail.
import { describe, expect, it } from 'vitest';
import { runSimulator } from '../../run';
import { tableRows, type Table } from '../../table/column';
import { US_PER_HOUR } from '../../time';
import { FRAUD_CATEGORIES, REVERSAL_REASONS, REVERSAL_WEIGHTS } from './financial-stream.constants';
import type { FinancialStreamOutput } from './financial-stream';
import { financialStreamSimulator } from './index';
import { ledger } from './financial-stream.test-util';

const within = (x: number, mean: number, sd: number) => expect(Math.abs(x - mean)).toBeLessThanOrEqual(5 * sd);

async function run(config: Record<string, unknown>, inputs: Map<string, Table>) {
  const r = await runSimulator(financialStreamSimulator, { seed: 7, ...config }, { inputs });
  return r.result as FinancialStreamOutput;
}

describe('financial-stream configured rates (large runs)', () => {
  it('reverses p of the eligible transactions, with reasons by weight and delays uniform in [0.1, max] h', async () => {
    const inputs = ledger(200_000, 24, 'rates');
    const r = await run({ fraudBurstEnabled: false, settlementEnabled: false }, inputs);
    const eligible = r.stats.eligible_transactions as number;
    within(eligible, 0.92 * 200_000, Math.sqrt(200_000 * 0.92 * 0.08));
    const n = r.stats.reversal_count as number;
    within(n, 0.03 * eligible, Math.sqrt(eligible * 0.03 * 0.97));
    const reasons = r.charts!.reversalsByReason;
    REVERSAL_REASONS.forEach((reason, i) => within(reasons.find((x) => x.reason === reason)!.count, n * REVERSAL_WEIGHTS[i], Math.sqrt(n * REVERSAL_WEIGHTS[i] * (1 - REVERSAL_WEIGHTS[i]))));
    const rev = tableRows(r.tables[1]);
    // ids are 1..n, so the original of id k is row k − 1
    const times = (inputs.get('transaction')!.columns[3] as { values: Float64Array }).values;
    const delays = rev.map((x) => ((x.reversed_at as number) - times[(x.original_transaction_id as number) - 1]) / US_PER_HOUR);
    const mean = delays.reduce((a, x) => a + x, 0) / delays.length;
    within(mean, (0.1 + 48) / 2, 47.9 / Math.sqrt(12) / Math.sqrt(delays.length));
    const below = delays.filter((d) => d < 24.05).length;
    within(below, delays.length / 2, Math.sqrt(delays.length / 4));
  });

  it('starts a burst in p of the hours, on uniformly chosen accounts, with amounts uniform in the range and uniform categories', async () => {
    const r = await run({ durationHours: 2000, fraudBurstProbability: 0.05, reversalEnabled: false, settlementEnabled: false, fraudBurstAmountRange: [100, 300] }, ledger(1000, 2000, 'fraud'));
    const bursts = r.stats.fraud_burst_count as number;
    within(bursts, 2000 * 0.05, Math.sqrt(2000 * 0.05 * 0.95));
    const fraud = tableRows(r.tables[2]);
    expect(fraud).toHaveLength(bursts * 15);
    const mean = fraud.reduce((a, x) => a + (x.amount as number), 0) / fraud.length;
    within(mean, 200, 200 / Math.sqrt(12) / Math.sqrt(fraud.length));
    for (const c of FRAUD_CATEGORIES) within(fraud.filter((x) => x.merchant_category === c).length, fraud.length / 7, Math.sqrt((fraud.length * 6) / 49));
    // accounts: 500 in the pool, about `bursts` distinct draws with few repeats
    expect(new Set(r.charts!.fraudBursts.map((b) => b.accountId)).size).toBeGreaterThan(bursts * 0.7);
  });

  it('settles s of the batches in full and splits the rest evenly between partial and failed; partial fractions are U(0.3, 0.9)', async () => {
    const r = await run({ durationHours: 20_000, settlementBatchHours: 1, settlementSuccessRate: 0.8, reversalEnabled: false, fraudBurstEnabled: false }, ledger(5000, 20_000, 'settle'));
    const n = 20_000;
    expect(r.stats.settlement_batch_count).toBe(n);
    within(r.stats.settled_batches as number, 0.8 * n, Math.sqrt(n * 0.8 * 0.2));
    within(r.stats.partial_batches as number, 0.1 * n, Math.sqrt(n * 0.1 * 0.9));
    within(r.stats.failed_batches as number, 0.1 * n, Math.sqrt(n * 0.1 * 0.9));
    const partial = tableRows(r.answerKey.finish())
      .filter((k) => k.kind === 'settlement_partial')
      .map((k) => JSON.parse(k.details as string).settled_fraction as number);
    const mean = partial.reduce((a, x) => a + x, 0) / partial.length;
    within(mean, 0.6, 0.6 / Math.sqrt(12) / Math.sqrt(partial.length));
    expect(Math.min(...partial)).toBeGreaterThanOrEqual(0.3);
    expect(Math.max(...partial)).toBeLessThan(0.9);
  });
});
