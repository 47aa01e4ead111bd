import type { SimulatorSpec } from '../../simulator';
import { fileDropConfig, type FileDropConfig } from './file-drop.config';
import { estimateFileDrop } from './file-drop.estimate';

export const fileDropSpec: SimulatorSpec<FileDropConfig> = {
  id: 'file-drop',
  title: 'File drop',
  summary: 'Your tables landing as files in a partitioned lakehouse folder, slot by slot, with manifests, done flags, late rows, duplicates, backfills, restatements and multi-part drops.',
  category: 'landing',
  schema: fileDropConfig,
  estimate: estimateFileDrop,
  // small: 21,750 rows generated in well under a second, and every day of January 2024 (the
  // default range) gets orders, customers and returns, so the first run shows real lateness
  inputs: { kind: 'tables', defaultDomain: { domain: 'retail', scale: 'small' }, selections: [{ label: 'Land', tables: 'entities', timeColumns: 'timestampColumn', allowNoTime: true }] },
};
