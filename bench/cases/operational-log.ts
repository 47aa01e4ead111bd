import { runSimulator } from '../../src/core/run';
import { operationalLogSimulator } from '../../src/core/simulators/operational-log';
import type { BenchCase } from '../types';

/** Simulate once (tables, stats, answer key, charts and, when on, the OTLP files in memory); rows = logs + traces + health. */
const simulate = (config: Record<string, unknown>) => async () => {
  const run = await runSimulator(operationalLogSimulator, { ...config, seed: 42 });
  return { rows: run.result.tables.reduce((a, t) => a + t.length, 0) };
};

export const operationalLogCases: BenchCase[] = [
  {
    name: 'operational-log/8svc-24h-10k',
    description: 'Operational logs, 8 services × 24 h × 10,000 events per service-hour (~1.9 M logs + ~2 M spans), simulate, OTLP export off',
    run: simulate({ serviceCount: 8, durationHours: 24, eventsPerHour: 10_000, otlpExport: false }),
    target: { maxSeconds: 5, issue: 4 },
  },
  {
    name: 'operational-log/8svc-24h-10k/otlp',
    description: 'The same run with the OTLP/JSON export on (otlp/logs.json ~1.0 GB + otlp/traces.json ~0.5 GB built in memory)',
    run: simulate({ serviceCount: 8, durationHours: 24, eventsPerHour: 10_000, otlpExport: true }),
    reps: 2,
  },
  {
    name: 'operational-log/5svc-24h-100',
    description: 'Operational logs, reference defaults (5 services, 24 h, 100 events per service-hour), OTLP export on (the default)',
    run: simulate({}),
    reps: 5,
    reference: { seconds: 2.256, rows: 24_161, note: 'OperationalLogSimulator defaults (best of 3)' },
  },
  {
    name: 'operational-log/5svc-24h-1k',
    description: 'Operational logs, 5 services, 24 h, 1,000 events per service-hour, other settings default (OTLP export on)',
    run: simulate({ eventsPerHour: 1_000 }),
    reps: 5,
    reference: { seconds: 23.104, rows: 237_997, note: 'OperationalLogSimulator events_per_hour=1000' },
  },
  {
    name: 'operational-log/5svc-24h-10k',
    description: 'Operational logs, 5 services, 24 h, 10,000 events per service-hour, other settings default (OTLP export on)',
    run: simulate({ eventsPerHour: 10_000 }),
    reference: { seconds: 272.254, rows: 2_381_325, note: 'OperationalLogSimulator events_per_hour=10000' },
  },
];
