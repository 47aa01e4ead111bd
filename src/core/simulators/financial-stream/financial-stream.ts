import type { RoleMapping } from '../../inputs/contract';
import type { RunContext, SimResult } from '../../simulator';
import { getColumn, type Utf8Column } from '../../table/column';
import { financialCharts, type FinancialStreamCharts } from './financial-stream.charts';
import { combinedTable } from './financial-stream.combined';
import { batchCount, hoursToUs, type FinancialStreamConfig } from './financial-stream.config';
import { drawFraud, type Fraud } from './financial-stream.fraud';
import { readLedger, windowStart } from './financial-stream.ledger';
import { financialAnswerKey, financialStats } from './financial-stream.report';
import { drawReversals, NO_REVERSALS } from './financial-stream.reversals';
import { batchTotals, noSettlements, settle } from './financial-stream.settlements';
import { fraudTable, reversalsTable, settlementsTable, unifiedAccounts, type FinancialIds } from './financial-stream.tables';

export interface FinancialStreamOutput extends SimResult {
  readonly charts?: FinancialStreamCharts;
}

/**
 * Layer stream anomalies on bank transactions (spec/financial-stream.md with every "Require"):
 * delayed reversals of completed transactions, fraud bursts from compromised accounts inside
 * the window, and settlement batches over every combined record (reversals netting), then the
 * unified `transactions` table, `reversals`, `fraud_events` and `settlements`. Each phase draws
 * from its own named stream and only when it is enabled.
 */
export async function runFinancialStream(config: FinancialStreamConfig, ctx: RunContext): Promise<FinancialStreamOutput> {
  await ctx.checkpoint('Reading transactions', 0, 5);
  const ledger = readLedger(config.inputs as RoleMapping, ctx.inputs);
  const startUs = windowStart(config.startTime, ledger);
  const windowUs = hoursToUs(config.durationHours);
  const batchUs = hoursToUs(config.settlementBatchHours);
  const batches = batchCount(config.durationHours, config.settlementBatchHours);
  const ids: FinancialIds = { reversals: ctx.ids('financial:reversals'), fraud: ctx.ids('financial:fraud_events'), settlements: ctx.ids('financial:settlements') };

  await ctx.checkpoint('Reversing transactions', 1, 5);
  const reversals = config.reversalEnabled
    ? drawReversals(ledger, config.reversalProbability, config.reversalDelayHoursMax, startUs, ctx.rng.fork('reversals:select'), ctx.rng.fork('reversals:detail'))
    : NO_REVERSALS;

  await ctx.checkpoint('Injecting fraud bursts', 2, 5);
  const [lo, hi] = config.fraudBurstAmountRange;
  const fraud: Fraud = drawFraud(
    {
      startUs,
      windowUs,
      probability: config.fraudBurstEnabled ? config.fraudBurstProbability : 0,
      count: config.fraudBurstCount,
      amountRange: [lo, hi],
      poolSize: config.fraudBurstEnabled ? ledger.pool.length : 0,
    },
    ctx.rng.fork('fraud'),
  );

  await ctx.checkpoint('Settling batches', 3, 5);
  const params = { startUs, batchUs, batches, successRate: config.settlementSuccessRate };
  const totals = batchTotals(params, ledger, reversals, fraud);
  const settlements = config.settlementEnabled ? settle(params, totals, ctx.rng.fork('settlements')) : null;

  await ctx.checkpoint('Building tables', 4, 5);
  const reversalTable = reversalsTable(ledger, reversals, ids);
  const fraudEvents = fraudTable(ledger, fraud, ids);
  const settlementTable = settlementsTable(settlements ?? noSettlements(batchUs), ids);
  const reversalIds = getColumn(reversalTable, 'reversal_id') as Utf8Column;
  const fraudIds = getColumn(fraudEvents, 'fraud_tx_id') as Utf8Column;
  const combined = combinedTable(ledger, reversals, fraud, reversalIds, fraudIds);
  for (const t of [combined, reversalTable, fraudEvents, settlementTable]) ctx.publish(t);
  await ctx.checkpoint('Building tables', 5, 5);

  const result = {
    tables: [combined, reversalTable, fraudEvents, settlementTable],
    stats: financialStats({ ledger, reversals, fraud, settlements, combined, outside: totals.outside, durationHours: config.durationHours, seed: config.seed, startUs, windowUs }),
    answerKey: financialAnswerKey({
      ledger,
      reversals,
      reversalIds,
      fraud,
      fraudIds,
      fraudAccounts: getColumn(fraudEvents, 'account_id'),
      settlements,
      settlementIds: settlements ? (getColumn(settlementTable, 'batch_id') as Utf8Column) : null,
    }),
  };
  if (!ctx.charts) return result;
  return {
    ...result,
    charts: financialCharts({
      ledger,
      reversals,
      fraud,
      settlements,
      pool: unifiedAccounts(ledger).pool,
      startUs,
      windowUs,
      settlementEndUs: startUs + batches * batchUs,
      maxDelayHours: config.reversalDelayHoursMax,
    }),
  };
}
