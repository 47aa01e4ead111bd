import { financialStreamView } from '../../../core/simulators/financial-stream/view';
import { formatCount, formatInt, formatPercent } from '../../format';
import { defineUi } from '../defineUi';
import { FinancialCharts } from './FinancialCharts';

export const financialStreamUi = defineUi(financialStreamView, {
  description:
    'Bank transactions with delayed reversals, bursts of fast high-value fraud from compromised accounts, and settlement batches that may partly settle or fail — every one listed in the answer key, for fraud rules, reversal matching and reconciliation.',
  statCards(stats, _config, c) {
    const originals = stats.original_transaction_count;
    const batches = stats.settlement_batch_count;
    const outside = stats.transactions_outside_window;
    return [
      { label: 'Transactions', value: formatInt(originals), sub: `${formatInt(stats.combined_transaction_count)} records with reversals and fraud` },
      { label: 'Reversals', value: formatInt(stats.reversal_count), sub: `${formatPercent(stats.reversal_count / Math.max(1, stats.eligible_transactions))} of ${formatInt(stats.eligible_transactions)} eligible` },
      { label: 'Fraud events', value: formatInt(stats.fraud_event_count), sub: formatCount(stats.fraud_burst_count, 'burst') },
      {
        label: 'Settlement batches',
        value: formatInt(batches),
        sub: batches ? `${formatInt(stats.settled_batches)} settled, ${formatInt(stats.partial_batches)} partial, ${formatInt(stats.failed_batches)} failed` : 'settlement off',
      },
      { label: 'Outside the window', value: formatInt(outside), sub: `timed records no settlement batch covers (${formatInt(c.outsideWindow.untimed)} untimed)` },
    ];
  },
  Charts: FinancialCharts,
});
