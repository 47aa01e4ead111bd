import { describe, expect, it } from 'vitest';
import { expectParquetRoundTrip } from '../../../../test/parquet-readback';
import { treeHash } from '../../../../test/tree-hash';
import { buildTree } from '../../output/tree';
import { runSimulator } from '../../run';
import { financialStreamSimulator } from './index';
import { ledger } from './financial-stream.test-util';

/** Every kind of fault at a small size, on generated tables (the domains change independently of this simulator). */
const GOLDEN = { durationHours: 30, reversalProbability: 0.1, fraudBurstProbability: 0.2, fraudBurstCount: 4, settlementBatchHours: 3, settlementSuccessRate: 0.5, seed: 42 };

/** Recorded hashes of the whole output tree. They change only when the output changes on purpose. */
const EXPECTED: Record<string, string> = {
  parquet: '2395d7598326c757d2d47499e74156a14050d70679bb440f6809ac5d258e01e8',
  csv: '4f6a02a70f4c0721e488efed9992a6522c31df9dc1ceb2747f65f9f37d00d79e',
  jsonl: 'e660a7c66aa00e13a4d32a8647db9088ee628d608102081ffb936ef5e9cea112',
};

describe('financial-stream determinism', () => {
  it.each(['parquet', 'csv', 'jsonl'] as const)('the %s output tree is the same run after run and matches its golden hash', async (format) => {
    const a = await buildTree(await runSimulator(financialStreamSimulator, GOLDEN, { inputs: ledger(400, 30, 'golden') }), format);
    const b = await buildTree(await runSimulator(financialStreamSimulator, GOLDEN, { inputs: ledger(400, 30, 'golden') }), format);
    expect(a.map((f) => f.path)).toEqual([`transactions.${format}`, `reversals.${format}`, `fraud_events.${format}`, `settlements.${format}`, '_spindle/config.json', '_spindle/stats.json', `_spindle/answer_key.${format}`]);
    expect(treeHash(a)).toBe(treeHash(b));
    expect(treeHash(a)).toBe(EXPECTED[format]);
  });

  it('another seed gives other output', async () => {
    const a = await buildTree(await runSimulator(financialStreamSimulator, GOLDEN, { inputs: ledger(400, 30, 'golden') }), 'csv');
    const b = await buildTree(await runSimulator(financialStreamSimulator, { ...GOLDEN, seed: 43 }, { inputs: ledger(400, 30, 'golden') }), 'csv');
    expect(treeHash(a)).not.toBe(treeHash(b));
  });

  it('every table and the answer key read back from Parquet by an independent reader with the same values', async () => {
    const run = await runSimulator(financialStreamSimulator, GOLDEN, { inputs: ledger(400, 30, 'golden') });
    for (const t of [...run.result.tables, run.result.answerKey.finish()]) await expectParquetRoundTrip(t);
  });
});
