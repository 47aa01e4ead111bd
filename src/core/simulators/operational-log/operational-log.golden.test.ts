import { describe, expect, it } from 'vitest';
import { countingChunks } from '../../../../test/stream-chunks';
import { sha256, treeHash } from '../../../../test/tree-hash';
import type { StreamFile } from '../../output/files';
import { buildTree, materialise, streamedRunFiles, zipTree } from '../../output/tree';
import { runSimulator, streamSimulator } from '../../run';
import { ROWS_PER_STEP } from '../../simulator';
import { tableRows } from '../../table/column';
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

describe('operational logs streamed (runs too large to hold)', () => {
  it('builds logs, traces and the OTLP export a stretch at a time and gives the held run\'s tree, stats, charts and answer key', async () => {
    // 320,000 logs: two stretches of the logs table
    const config = { serviceCount: 4, durationHours: 8, eventsPerHour: 10_000, traceSampleRate: 0.3, otlpExport: true, latencySpikeEnabled: true, outageEnabled: true, errorBurstEnabled: true, seed: 21 };
    const held = await runSimulator(operationalLogSimulator, config);
    const streamed = await streamSimulator(operationalLogSimulator, config);
    const rows: number[] = [];
    const files = countingChunks(streamedRunFiles(streamed, 'parquet'), 'logs.parquet', rows);
    const tree = await materialise(files);
    expect(tree.map((f) => f.path)).toContain('otlp/traces.json');
    expect(treeHash(tree)).toBe(treeHash(await buildTree(held, 'parquet')));
    expect(rows).toEqual([ROWS_PER_STEP, held.result.tables[0].length - ROWS_PER_STEP]);
    const rest = streamed.result.finish();
    expect(rest.stats).toEqual(held.result.stats);
    expect(rest.charts).toEqual(held.result.charts);
    expect(tableRows(rest.answerKey.finish())).toEqual(tableRows(held.result.answerKey.finish()));
  });

  it('refuses to be read out of order, and writes the OTLP export only after the tables', async () => {
    const streamed = await streamSimulator(operationalLogSimulator, { eventsPerHour: 10, durationHours: 1, otlpExport: true, seed: 1 });
    await expect(streamed.result.tables[1].chunks()[Symbol.asyncIterator]().next()).rejects.toThrow(/out of order/);
    expect(() => streamed.result.finish()).toThrow(/every table/);
    const otlp = streamed.result.files![0];
    const drain = async () => {
      for await (const c of (otlp as StreamFile).produce()) void c;
    };
    await expect(drain()).rejects.toThrow(/after the tables/);
  });
});
