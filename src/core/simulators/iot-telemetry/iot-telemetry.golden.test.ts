import { describe, expect, it } from 'vitest';
import { expectParquetRoundTrip } from '../../../../test/parquet-readback';
import { treeHash } from '../../../../test/tree-hash';
import { buildTree } from '../../output/tree';
import { runSimulator } from '../../run';
import { iotTelemetrySimulator } from './index';

/** A generated fleet with every anomaly at a small size. */
const GOLDEN = { fleetSize: 12, durationHours: 6, readingIntervalSeconds: 300, driftProbability: 0.3, driftRate: 0.2, missingProbability: 0.1, alertStormProbability: 0.4, batteryDrainRate: 9, seed: 42 };

/** Recorded hashes of the whole output tree. They change only when the output changes on purpose. */
const EXPECTED: Record<string, string> = {
  parquet: 'd47115385508016fd61c0a672d5e5427212a2c92218638a0230a87ef3b3099d6',
  csv: '244029eff276f40222d947c36a96a6eb528b074039cb2510c4a614ad026b6c43',
  jsonl: 'ad69591487ab977a00b97ac9c873e5b58c84680d67d791b7f8c611ef14762371',
};

describe('iot-telemetry determinism', () => {
  it.each(['parquet', 'csv', 'jsonl'] as const)('the %s output tree is the same run after run and matches its golden hash', async (format) => {
    const a = await buildTree(await runSimulator(iotTelemetrySimulator, GOLDEN), format);
    const b = await buildTree(await runSimulator(iotTelemetrySimulator, GOLDEN), format);
    expect(a.map((f) => f.path)).toEqual([`readings.${format}`, `alerts.${format}`, `fleet_status.${format}`, '_spindle/config.json', '_spindle/stats.json', `_spindle/answer_key.${format}`]);
    expect(treeHash(a)).toBe(treeHash(b));
    expect(treeHash(a)).toBe(EXPECTED[format]);
  });

  it('another seed gives other output', async () => {
    const a = await buildTree(await runSimulator(iotTelemetrySimulator, GOLDEN), 'csv');
    const b = await buildTree(await runSimulator(iotTelemetrySimulator, { ...GOLDEN, seed: 43 }), 'csv');
    expect(treeHash(a)).not.toBe(treeHash(b));
  });

  it('every table and the answer key read back from Parquet by an independent reader with the same values', async () => {
    const run = await runSimulator(iotTelemetrySimulator, GOLDEN);
    for (const t of [...run.result.tables, run.result.answerKey.finish()]) await expectParquetRoundTrip(t);
  });
});
