import { join } from 'node:path';
import type { ProcessCase } from '../types';

const workflow1M = ['workflow', '--set', 'entityCount=1000000', '--seed', '42'];
const opLog = (otlp: boolean) => ['operational-log', '--set', 'serviceCount=8', '--set', 'durationHours=24', '--set', 'eventsPerHour=10000', '--set', `otlpExport=${otlp}`, '--seed', '42'];

/**
 * Whole commands as a user runs them (issue 7 §5): the bundled bin from start until every file
 * is on disk, with the process's peak memory. Targets are for this 2-core machine.
 */
export const cliCases: ProcessCase[] = [
  {
    name: 'cli/list',
    description: '`spindle list`: start-up of the bundled bin (issue 7 §4: ≤ 0.3 s)',
    argv: () => ['list'],
    reps: 5,
    target: { maxSeconds: 0.3, issue: 7 },
  },
  {
    name: 'cli/workflow/1M/parquet',
    description: '`spindle workflow --set entityCount=1000000 --out DIR`: 1,000,000 order_fulfillment entities to a Parquet folder',
    argv: (dir) => [...workflow1M, '--format', 'parquet', '--out', dir],
    reps: 2,
    target: { maxSeconds: 3, maxRssMb: 800, issue: 7 },
  },
  {
    name: 'cli/workflow/1M/csv',
    description: 'The same workflow run to a CSV folder',
    argv: (dir) => [...workflow1M, '--format', 'csv', '--out', dir],
    reps: 2,
    target: { maxSeconds: 3.5, issue: 7 },
  },
  {
    name: 'cli/workflow/1M/zip',
    description: 'The same workflow run to a zip (Parquet inside)',
    argv: (dir) => [...workflow1M, '--format', 'parquet', '--zip', join(dir, 'workflow.zip')],
    reps: 2,
    target: { maxSeconds: 3.5, issue: 7 },
  },
  {
    name: 'cli/clickstream/100k/parquet',
    description: '`spindle clickstream --set users=100000 --out DIR`: 100,000 users to a Parquet folder',
    argv: (dir) => ['clickstream', '--set', 'users=100000', '--seed', '42', '--format', 'parquet', '--out', dir],
    reps: 2,
    target: { maxSeconds: 3, maxRssMb: 800, issue: 7 },
  },
  {
    name: 'cli/operational-log/8x24x10k/parquet',
    description: 'Operational logs, 8 services × 24 h × 10,000 events/h (1.9 M logs), OTLP off, to a Parquet folder',
    argv: (dir) => [...opLog(false), '--format', 'parquet', '--out', dir],
    reps: 2,
    target: { maxSeconds: 4, maxRssMb: 1024, issue: 7 },
  },
  {
    name: 'cli/operational-log/8x24x10k/parquet+otlp',
    description: 'The same operational logs with the OTLP/JSON export on',
    argv: (dir) => [...opLog(true), '--format', 'parquet', '--out', dir],
    reps: 2,
    target: { maxSeconds: 6, maxRssMb: 1024, issue: 7 },
  },
  {
    name: 'cli/domain/retail/medium/parquet',
    description: '`spindle domain retail --scale medium --out DIR`: 1,965,400 rows over 9 tables to a Parquet folder',
    argv: (dir) => ['domain', 'retail', '--scale', 'medium', '--seed', '42', '--format', 'parquet', '--out', dir],
    reps: 2,
    target: { maxSeconds: 2.5, issue: 7 },
  },
];
