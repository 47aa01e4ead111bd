import { findDomain, generateDomain } from '../../src/core/domains';
import type { BenchCase } from '../types';

const generate = (domain: string, scale: string) => async () => {
  const out = await generateDomain(findDomain(domain)!, { scale, seed: 42 });
  return { rows: out.tables.reduce((a, t) => a + t.length, 0) };
};

/** Base-data domains: generation of every table in memory (issue 3: retail medium ≤ 3 s). */
export const domainCases: BenchCase[] = [
  {
    name: 'domain/retail/medium',
    description: 'Retail domain at scale medium (2,050,400 rows over 9 tables), generated in memory',
    run: generate('retail', 'medium'),
    target: { maxSeconds: 3, issue: 3 },
  },
  { name: 'domain/financial/medium', description: 'Financial domain at scale medium (1,678,240 rows over 10 tables)', run: generate('financial', 'medium') },
  { name: 'domain/iot/medium', description: 'IoT domain at scale medium (292,620 rows over 8 tables)', run: generate('iot', 'medium') },
  { name: 'domain/retail/small', description: 'Retail domain at scale small (21,350 rows)', run: generate('retail', 'small'), reps: 5 },
  { name: 'domain/financial/small', description: 'Financial domain at scale small (33,800 rows)', run: generate('financial', 'small'), reps: 5 },
  { name: 'domain/iot/small', description: 'IoT domain at scale small (29,370 rows)', run: generate('iot', 'small'), reps: 5 },
  {
    name: 'domain/retail/medium/parquet',
    description: 'Retail domain at scale medium, generated and written as Parquet (one file per table)',
    reps: 2,
    run: async () => {
      const { initParquetNode } = await import('../../src/cli/parquet-node');
      const { writeTable } = await import('../../src/core/output/formats');
      initParquetNode();
      const out = await generateDomain(findDomain('retail')!, { scale: 'medium', seed: 42 });
      for (const t of out.tables) writeTable(t, 'parquet');
      return { rows: out.tables.reduce((a, t) => a + t.length, 0) };
    },
  },
];
