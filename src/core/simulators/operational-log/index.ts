import { defineSimulator } from '../../simulator';
import { runOperationalLog } from './operational-log';
import { operationalLogConfig } from './operational-log.config';

export const operationalLogSimulator = defineSimulator({
  id: 'operational-log',
  title: 'Operational logs',
  summary: 'Structured HTTP service logs with W3C traces, latency spikes, outages and error bursts, plus per-service health.',
  category: 'behaviour',
  schema: operationalLogConfig,
  run: runOperationalLog,
});
