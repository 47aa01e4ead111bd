import { formatInt, formatPercent } from '../format';

/**
 * A chart's message in one sentence, for screen readers: the largest category and its share.
 * "Most entities: delivered, 812 of 1,000 (81.2 %). 4 categories." — or that there is none.
 */
export function topSummary(pairs: readonly (readonly [string, number])[], unit: string, total?: number): string {
  const sum = total ?? pairs.reduce((a, [, v]) => a + v, 0);
  if (!pairs.length || sum <= 0) return `No ${unit}.`;
  const [label, value] = pairs.reduce((best, p) => (p[1] > best[1] ? p : best));
  const n = pairs.length;
  return `Most ${unit}: ${label}, ${formatInt(value)} of ${formatInt(sum)} (${formatPercent(value / sum)}). ${n === 1 ? 'One category' : `${formatInt(n)} categories`}; the data is in the table view.`;
}
