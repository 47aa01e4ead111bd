import type { SimulatorSpec } from '../../simulator';
import { scd2Config, type Scd2Config } from './scd2.config';
import { estimateScd2FileDrop } from './scd2.estimate';

export const scd2FileDropSpec: SimulatorSpec<Scd2Config> = {
  id: 'scd2-file-drop',
  title: 'SCD2 file drop',
  summary: 'A dimension source landing a full snapshot and then daily SCD Type 2 change files: expired and new versions, new keys, manifests with counts.',
  category: 'landing',
  schema: scd2Config,
  estimate: estimateScd2FileDrop,
  // small: 21,750 rows over nine tables in well under a second; thirty days of changes on
  // every table land in a few seconds, and the customer table alone in a blink
  inputs: { kind: 'tables', defaultDomain: { domain: 'retail', scale: 'small' } },
};
