import type { SimulatorSpec } from '../../simulator';
import { hybridConfig, type HybridConfig } from './hybrid.config';
import { estimateHybrid } from './hybrid.estimate';

/**
 * Default input: the retail domain at scale `small` (21,750 rows), like the file drop: its orders,
 * customers and returns fall on every day of the file drop's default range (January 2024), and
 * the stream starts at that range's first day, so both paths cover the same period.
 */
export const hybridSpec: SimulatorSpec<HybridConfig> = {
  id: 'hybrid',
  title: 'Hybrid',
  summary: 'A file drop and a stream over the same tables and period, linked by one correlation id in every manifest, envelope and row (or by business keys alone).',
  category: 'stream',
  schema: hybridConfig,
  estimate: estimateHybrid,
  inputs: {
    kind: 'tables',
    defaultDomain: { domain: 'retail', scale: 'small' },
    selections: [
      { label: 'Batch', tables: 'batchTables', timeColumns: 'fileDropConfig.timestampColumn', allowNoTime: true },
      { label: 'Stream', tables: 'streamTables', timeColumns: 'streamConfig.timestampColumn' },
    ],
  },
};
