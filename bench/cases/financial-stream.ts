import { findDomain, generateDomain } from '../../src/core/domains';
import { runSimulator } from '../../src/core/run';
import { financialStreamSimulator } from '../../src/core/simulators/financial-stream';
import type { Table } from '../../src/core/table/column';
import type { BenchCase, ProcessCase } from '../types';

const domains = new Map<string, Map<string, Table>>();
/** The domain is generated once per process (outside the best time), as the reference is handed its tables. */
async function domain(scale: string): Promise<Map<string, Table>> {
  if (!domains.has(scale)) domains.set(scale, new Map((await generateDomain(findDomain('financial')!, { scale, seed: 42 })).tables.map((t) => [t.name, t])));
  return domains.get(scale)!;
}

const simulate = (scale: string) => async () => {
  const run = await runSimulator(financialStreamSimulator, { seed: 42 }, { inputs: await domain(scale) });
  return { rows: run.result.stats.combined_transaction_count as number };
};

export const financialStreamCases: BenchCase[] = [
  {
    name: 'financial-stream/medium',
    description: 'Financial stream over the financial domain at scale medium, default config, simulate only (tables, stats, answer key, charts in memory; the domain generated once)',
    run: simulate('medium'),
    reference: {
      seconds: 2.68,
      rows: 514_979,
      note: 'FinancialStreamSimulator on our financial medium tables (500,000 transactions, read outside the time), default config, transaction_time := transaction_date; best of 3, 2026-11-30',
    },
  },
  {
    name: 'financial-stream/small',
    description: 'Financial stream over the financial domain at scale small as generated, default config, simulate only; rows = the combined transactions (the reference measured this config)',
    run: simulate('small'),
    reps: 5,
    reference: { seconds: 0.073, rows: 10_298, note: 'FinancialStreamSimulator tables= financial domain small, default config (best of 3)' },
  },
];

/** Whole commands (issue 10 §3): the bundled bin until every file is on disk, with its peak memory. */
export const financialStreamProcessCases: ProcessCase[] = [
  {
    name: 'cli/financial-stream/medium/parquet',
    description: 'Financial stream over the financial domain at scale medium (500,000 transactions), default config: the whole command (domain generation included) until the Parquet files are on disk',
    argv: (dir) => ['financial-stream', '--input', 'financial:medium', '--seed', '42', '--format', 'parquet', '--out', dir],
    reps: 2,
    target: { maxSeconds: 4, issue: 10 },
  },
];
