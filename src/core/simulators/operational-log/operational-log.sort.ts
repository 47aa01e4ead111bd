import { argsortBy } from '../../sort';
import { US_PER_MS } from '../../time';

/**
 * The order of the first `n` rows by (timestamp, generation index): the shared stable radix sort
 * on whole milliseconds since `originUs`, so ties keep generation order (D12).
 * Every `us[i] − originUs` must be a non-negative whole number of milliseconds.
 */
export function argsortByTime(us: Float64Array, n: number, originUs: number): Int32Array {
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (us[i] - originUs) / US_PER_MS;
  return argsortBy(keys);
}
