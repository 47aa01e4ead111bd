import type { SimulatorSpec } from '../../simulator';
import { streamEmitConfig, type StreamEmitConfig } from './stream-emit.config';
import { estimateStreamEmit } from './stream-emit.estimate';

/**
 * Default input: the retail domain at scale `fixture` (1,467 rows over all nine tables): it
 * opens instantly in the browser, has timed tables (orders, returns, customers, promotions) and
 * untimed ones (products, stores, order lines) so the canonical order shows both, and at the
 * default 10 events/s it plays for about two and a half minutes of simulated time.
 */
export const streamEmitSpec: SimulatorSpec<StreamEmitConfig> = {
  id: 'stream-emit',
  title: 'Stream emitter',
  summary: 'Table rows as CloudEvents envelopes on a simulated clock: rate, jitter, burst windows, out-of-order delivery and replays, one JSONL file per topic.',
  category: 'stream',
  schema: streamEmitConfig,
  estimate: (config, inputs) => estimateStreamEmit(config, inputs),
  inputs: { kind: 'tables', defaultDomain: { domain: 'retail', scale: 'fixture' }, selections: [{ label: 'Stream', tables: 'tables', timeColumns: 'timestampColumn' }] },
};
