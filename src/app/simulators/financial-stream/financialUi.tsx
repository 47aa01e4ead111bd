import type { FinancialStreamCharts } from '../../../core/simulators/financial-stream/financial-stream.charts';
import { formatInt, formatPercent } from '../../format';
import type { SimulatorUi } from '../types';
import { FinancialCharts } from './FinancialCharts';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export const financialStreamUi: SimulatorUi = {
  description:
    'Bank transactions with delayed reversals, bursts of fast high-value fraud from compromised accounts, and settlement batches that may partly settle or fail — every one listed in the answer key, for fraud rules, reversal matching and reconciliation.',
  statCards(stats, _config, charts) {
    const c = charts as FinancialStreamCharts | undefined;
    const originals = num(stats.original_transaction_count);
    const batches = num(stats.settlement_batch_count);
    const outside = num(stats.transactions_outside_window);
    return [
      { label: 'Transactions', value: formatInt(originals), sub: `${formatInt(num(stats.combined_transaction_count))} records with reversals and fraud` },
      { label: 'Reversals', value: formatInt(num(stats.reversal_count)), sub: `${formatPercent(num(stats.reversal_count) / Math.max(1, num(stats.eligible_transactions)))} of ${formatInt(num(stats.eligible_transactions))} eligible` },
      { label: 'Fraud events', value: formatInt(num(stats.fraud_event_count)), sub: `${formatInt(num(stats.fraud_burst_count))} ${num(stats.fraud_burst_count) === 1 ? 'burst' : 'bursts'}` },
      {
        label: 'Settlement batches',
        value: formatInt(batches),
        sub: batches ? `${formatInt(num(stats.settled_batches))} settled, ${formatInt(num(stats.partial_batches))} partial, ${formatInt(num(stats.failed_batches))} failed` : 'settlement off',
      },
      { label: 'Outside the window', value: formatInt(outside), sub: c ? `timed records no settlement batch covers (${formatInt(c.outsideWindow.untimed)} untimed)` : 'timed records no settlement batch covers' },
    ];
  },
  Charts: FinancialCharts,
};
