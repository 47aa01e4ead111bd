/** What the Financial stream page reads of a run: its stats and chart data, shapes checked when they arrive (view/shape.ts). */
import { defineView } from '../../view/result-view';
import { arr, num, obj, str, type Infer, type Shape } from '../../view/shape';
import type { FinancialStreamCharts } from './financial-stream.charts';

export const financialStreamStatsShape = obj({
  original_transaction_count: num,
  reversal_count: num,
  fraud_event_count: num,
  settlement_batch_count: num,
  combined_transaction_count: num,
  duration_hours: num,
  seed: num,
  fraud_burst_count: num,
  settled_batches: num,
  partial_batches: num,
  failed_batches: num,
  transactions_outside_window: num,
  eligible_transactions: num,
  untimed_transactions: num,
  window_start: str,
  window_end: str,
});
export type FinancialStreamStats = Infer<typeof financialStreamStatsShape>;

const nums = arr(num);

export const financialStreamChartsShape: Shape<FinancialStreamCharts> = obj({
  window: obj({ start: str, end: str, settlementEnd: str }),
  volume: obj({ bucketMinutes: num, bucketStarts: arr(str), original: nums, reversal: nums, fraud: nums, originalAmount: nums, reversalAmount: nums, fraudAmount: nums }),
  outsideWindow: obj({ before: num, after: num, untimed: num }),
  fraudBursts: arr(obj({ id: str, accountId: str, start: str, end: str, events: num, amount: num })),
  reversalsByReason: arr(obj({ reason: str, count: num, amount: num })),
  reversalsByDelay: arr(obj({ fromHours: num, toHours: num, count: num })),
  settlements: obj({ bucketHours: num, bucketStarts: arr(str), settled: nums, partial: nums, failed: nums, gross: nums, settledAmount: nums }),
  topCompromisedAccounts: arr(obj({ accountId: str, bursts: num, events: num, amount: num })),
});

export const financialStreamView = defineView(financialStreamStatsShape, financialStreamChartsShape);
