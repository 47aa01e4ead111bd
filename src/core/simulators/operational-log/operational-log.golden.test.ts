import { describe, expect, it } from 'vitest';
import { sha256, treeHash } from '../../../../test/tree-hash';
import { buildTree, zipTree } from '../../output/tree';
import { runSimulator } from '../../run';
import { operationalLogSimulator } from './index';

/** A config that injects every kind of window at a small size. */
const GOLDEN = {
  eventsPerHour: 30,
  durationHours: 6.5,
  latencySpikeProbability: 0.3,
  outageProbability: 0.3,
  errorBurstProbability: 0.3,
  errorBurstCount: 5,
  seed: 42,
};

/** Recorded hashes of the whole output tree. They change only when the output changes on purpose. */
const EXPECTED: Record<string, string> = {
  parquet: 'bd72c842e06f1e19b7bad77e7b02ffb5274979c8f953c9879abb7a5e2b941223',
  csv: 'b119f52fc82947fe676184e16a20c7a6a6f4aee9366a4d55f8a423af2bb78c14',
  jsonl: '55f1108da04ca947d4fab7456eed08cfcf24986bdcd457e8965c76de2056ccb2',
};

describe('operational-log determinism', () => {
  it.each(['parquet', 'csv', 'jsonl'] as const)('the %s output tree matches its golden hash, run after run', async (format) => {
    const a = await buildTree(await runSimulator(operationalLogSimulator, GOLDEN), format);
    const b = await buildTree(await runSimulator(operationalLogSimulator, GOLDEN), format);
    expect(a.map((f) => f.path)).toEqual([
      `logs.${format}`,
      `traces.${format}`,
      `service_health.${format}`,
      'otlp/logs.json',
      'otlp/traces.json',
      '_spindle/config.json',
      '_spindle/stats.json',
      `_spindle/answer_key.${format}`,
    ]);
    expect(treeHash(a)).toBe(treeHash(b));
    expect(treeHash(a)).toBe(EXPECTED[format]);
  });

  it('zips to the same bytes twice', async () => {
    const files = await buildTree(await runSimulator(operationalLogSimulator, { ...GOLDEN, durationHours: 2 }), 'csv');
    const a = await zipTree(files);
    const b = await zipTree(files);
    expect(sha256(a)).toBe(sha256(b));
  });

  it('the OTLP files are the same whatever the table format, and absent with otlpExport off', async () => {
    const run = await runSimulator(operationalLogSimulator, GOLDEN);
    const otlp = async (format: 'csv' | 'jsonl') => (await buildTree(run, format)).filter((f) => f.path.startsWith('otlp/'));
    expect(treeHash(await otlp('csv'))).toBe(treeHash(await otlp('jsonl')));
    const off = await buildTree(await runSimulator(operationalLogSimulator, { ...GOLDEN, otlpExport: false }), 'csv');
    expect(off.some((f) => f.path.startsWith('otlp/'))).toBe(false);
  });
});
