/** Shared look of the Financial stream page: record kinds and settlement statuses with their colours, money and time labels. */
import { formatNumber, formatUtcMinute } from '../../format';

export const KINDS = [
  { key: 'original', label: 'Transactions', color: 'var(--chart-1)' },
  { key: 'reversal', label: 'Reversals', color: 'var(--chart-3)' },
  { key: 'fraud', label: 'Fraud', color: 'var(--chart-5)' },
] as const;

export const STATUSES = [
  { key: 'settled', label: 'Settled', color: 'var(--chart-4)' },
  { key: 'partial', label: 'Partial', color: 'var(--chart-3)' },
  { key: 'failed', label: 'Failed', color: 'var(--chart-5)' },
] as const;

export const FRAUD_SHADE = 'var(--chart-5)';

/** Amounts in the inputs' currency, two decimals at most: "1,234.5". */
export function money(x: number): string {
  return formatNumber(x, 2);
}


/** "reversal_reason" → "customer dispute". */
export function words(key: string): string {
  return key.replace(/_/g, ' ');
}
export const utcMinute = formatUtcMinute;
