import type { SimulatorSpec } from '../../simulator';
import { operationalLogConfig, type OperationalLogConfig } from './operational-log.config';
import { estimateOperationalLog } from './operational-log.estimate';

export const operationalLogSpec: SimulatorSpec<OperationalLogConfig> = {
  id: 'operational-log',
  title: 'Operational logs',
  summary: 'Structured HTTP service logs with W3C traces, latency spikes, outages and error bursts, plus per-service health.',
  category: 'behaviour',
  schema: operationalLogConfig,
  estimate: estimateOperationalLog,
};
