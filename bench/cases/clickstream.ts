import { buildTree } from '../../src/core/output/tree';
import { runSimulator } from '../../src/core/run';
import { clickstreamSimulator } from '../../src/core/simulators/clickstream';
import type { BenchCase } from '../types';

const rowsOf = (tables: readonly { length: number }[]) => tables.reduce((a, t) => a + t.length, 0);

/** Simulate only (sessions, page_views, funnels in memory), as the reference's `run()` does. */
const simulate = (users: number) => async () => {
  const run = await runSimulator(clickstreamSimulator, { users, durationHours: 24, seed: 42 });
  return { rows: rowsOf(run.result.tables) };
};

export const clickstreamCases: BenchCase[] = [
  {
    name: 'clickstream/100k-users',
    description: 'Clickstream, 100,000 users, 24 h, defaults (sessions + page_views + funnels in memory)',
    run: simulate(100_000),
    target: { maxSeconds: 3, issue: 4 },
  },
  {
    name: 'clickstream/10k-users',
    description: 'Clickstream, 10,000 users, 24 h (the reference measured this config)',
    run: simulate(10_000),
    reps: 5,
    reference: { seconds: 36.578, rows: 391_684, note: 'ClickstreamSimulator users=10000 duration_hours=24' },
  },
  {
    name: 'clickstream/50k-users',
    description: 'Clickstream, 50,000 users, 24 h (the reference measured this config)',
    run: simulate(50_000),
    reference: { seconds: 197.684, rows: 1_958_756, note: 'ClickstreamSimulator users=50000 duration_hours=24' },
  },
  {
    name: 'clickstream/100k-users/parquet',
    description: 'Clickstream, 100,000 users, simulate + write the whole output tree as Parquet',
    reps: 2,
    run: async () => {
      const { initParquetNode } = await import('../../src/cli/parquet-node');
      initParquetNode();
      const run = await runSimulator(clickstreamSimulator, { users: 100_000, seed: 42 });
      await buildTree(run, 'parquet');
      return { rows: rowsOf(run.result.tables) };
    },
  },
];
