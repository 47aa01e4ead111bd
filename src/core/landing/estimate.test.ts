/**
 * Estimates of the landing-zone simulators against their engines: the `landing_files` rows and
 * memory, and the rows landed, over generated configs on a generated domain (not only the
 * defaults); shapes carry the figures the estimates read; an input too large for the engine is
 * refused before anything runs, with the estimate.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDomain, generateDomain } from '../domains';
import { ENGINE_LIMITS, sizeIssues, totalsOf } from '../estimate';
import { shapeOf } from '../inputs/contract';
import { ConfigError, runSimulator } from '../run';
import { fileDropSimulator } from '../simulators/file-drop';
import type { FileDropConfig } from '../simulators/file-drop/file-drop.config';
import { fileDropSpec } from '../simulators/file-drop/spec';
import { scd2FileDropSimulator } from '../simulators/scd2-file-drop';
import { scd2FileDropSpec } from '../simulators/scd2-file-drop/spec';
import { columnFromValues, makeTable, type Column, type Table } from '../table/column';

const memoryOf = (t: Table) => t.columns.reduce((a, c: Column) => a + Object.values(c).reduce((b: number, v) => b + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0), 0);

let inputs: Map<string, Table>;
beforeAll(async () => {
  const out = await generateDomain(findDomain('retail')!, { scale: 'fixture' }, { seed: 9 });
  inputs = new Map(out.tables.map((t) => [t.name, t]));
});

/** Rows of the first format's data files, from the run's file index. */
function landedRows(charts: unknown): number {
  const fi = (charts as { fileIndex: { rows: number[]; format: number[] } }).fileIndex;
  const first = fi.format.find((f) => f >= 0);
  return fi.rows.reduce((a, r, i) => a + (r >= 0 && fi.format[i] === first ? r : 0), 0);
}

function fileDropConfig(raw: unknown): FileDropConfig {
  const r = fileDropSpec.schema.parse(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

describe('shapes carry what estimates read', () => {
  it('nulls, min and max of numbers and times, mean UTF-8 bytes of text (dictionary or not)', () => {
    const t = makeTable('t', [
      columnFromValues('n', 'int', [3, null, -7, 12]),
      columnFromValues('at', 'timestamp', [null, null, 5_000_000, 2_000_000]),
      columnFromValues('s', 'string', ['ab', 'é', null, 'abcd']),
      columnFromValues('b', 'bool', [true, null, false, true]),
    ]);
    const cols = shapeOf(t).columns;
    expect(cols[0]).toEqual({ name: 'n', type: 'int', nulls: 1, min: -7, max: 12 });
    expect(cols[1]).toEqual({ name: 'at', type: 'timestamp', nulls: 2, min: 2_000_000, max: 5_000_000 });
    expect(cols[2]).toEqual({ name: 's', type: 'string', nulls: 1, textBytes: (2 + 2 + 4) / 3 });
    expect(cols[3]).toEqual({ name: 'b', type: 'bool', nulls: 1 });
    const dict: Column = { name: 'd', type: 'string', encoding: 'dict', dict: ['xy', 'ü'], codes: Int32Array.from([0, 1, 1, 0]), valid: Uint8Array.from([1, 1, 0, 1]) };
    expect(shapeOf(makeTable('d', [dict])).columns[0]).toEqual({ name: 'd', type: 'string', nulls: 1, textBytes: (2 + 2 + 2) / 3, dictionary: true });
  });
});

const fileDropConfigs = fc.record({
  cadence: fc.constantFrom('daily', 'hourly'),
  dateRangeStart: fc.constantFrom('2023-02-01', '2024-06-10', '2025-11-28'),
  days: fc.integer({ min: 1, max: 20 }),
  formats: fc.subarray(['parquet', 'csv', 'jsonl'] as const, { minLength: 1 }),
  latenessProbability: fc.constantFrom(0, 0.1, 0.4),
  maxDaysLate: fc.integer({ min: 1, max: 4 }),
  duplicatesEnabled: fc.boolean(),
  multiFileEnabled: fc.boolean(),
  multiFileChunks: fc.integer({ min: 2, max: 5 }),
  backfillEnabled: fc.boolean(),
  maxDaysBack: fc.integer({ min: 0, max: 3 }),
  restatementEnabled: fc.boolean(),
  manifestEnabled: fc.boolean(),
  entities: fc.subarray(['customer', 'order', 'order_line', 'product', 'return', 'promotion'], { minLength: 1 }),
});

describe('file drop estimate', () => {
  it('tracks the engine on generated configs: files, index memory and landed rows (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fileDropConfigs, async ({ days, dateRangeStart, ...rest }) => {
        const end = new Date(Date.parse(`${dateRangeStart}T00:00:00Z`) + (days - 1) * 86_400_000).toISOString().slice(0, 10);
        const raw = { ...rest, dateRangeStart, dateRangeEnd: end, multiFileChecksum: true, seed: 4 };
        const run = await runSimulator(fileDropSimulator, raw, { inputs });
        const e = fileDropSpec.estimate!(run.config as never, [...inputs.values()].map(shapeOf));
        const files = run.result.tables[0];
        const index = e.tables.find((t) => t.name === 'landing_files')!;
        // expected values of random counts: a tolerance that grows like a standard deviation
        expect(Math.abs(index.rows - files.length), 'files').toBeLessThanOrEqual(0.12 * files.length + 4 * Math.sqrt(files.length) + 4);
        // bytes per file (the counts are random: checked above)
        const perFile = memoryOf(files) / files.length;
        if (files.length > 20) expect(Math.abs(index.memoryBytesPerRow - perFile) / perFile, 'index memory per file').toBeLessThan(0.12);
        const rows = landedRows(run.result.charts);
        const landed = e.tables.find((t) => t.name.endsWith('(landed rows)'))!;
        expect(Math.abs(landed.rows - rows), 'landed rows').toBeLessThanOrEqual(0.15 * rows + 4 * Math.sqrt(rows) + 8);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a table too large to hold, before anything runs, naming the field, the estimate and the limit', async () => {
    // a table that claims 300 M rows: the run must be refused from its shape, never started
    const one = columnFromValues('order_date', 'timestamp', [Date.UTC(2024, 0, 5) * 1000]);
    const huge: Table = { name: 'order', length: 300_000_000, columns: [one, columnFromValues('amount', 'float', [1.5])] };
    const estimate = fileDropSpec.estimate!(fileDropConfig({ dateRangeStart: '2024-01-05', dateRangeEnd: '2024-01-05' }), [shapeOf(huge)]);
    expect(totalsOf(estimate).memoryBytes).toBeGreaterThan(ENGINE_LIMITS.maxTableBytes);
    const run = runSimulator(fileDropSimulator, { dateRangeStart: '2024-01-05', dateRangeEnd: '2024-01-05' }, { inputs: new Map([['order', huge]]) });
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow(/^entities: about [\d,]+ rows \(≈ [\d.]+ GB in memory, ≈ [\d.]+ GB as Parquet\) is too large for this engine: more than the 4 GB of tables this engine holds in memory; lower entities, formats or duplicateProbability$/);
  });

  it('what a table in the window lands: rows outside the time column’s range are not counted', () => {
    const at = (day: string) => Date.parse(`${day}T00:00:00Z`) * 1000;
    const shape = (min: number, max: number) => ({ name: 't', rows: 1000, columns: [{ name: 'at', type: 'timestamp' as const, nulls: 0, min, max }] });
    const config = fileDropConfig({ dateRangeStart: '2024-01-01', dateRangeEnd: '2024-01-10', latenessEnabled: false });
    const rows = (min: number, max: number) => fileDropSpec.estimate!(config, [shape(min, max)]).tables[1].rows;
    expect(rows(at('2024-01-01'), at('2024-01-10'))).toBeCloseTo(1000, 6);
    expect(rows(at('2023-12-27'), at('2024-01-06'))).toBeCloseTo(500, 6);
    expect(rows(at('2025-01-01'), at('2025-02-01'))).toBe(0);
    expect(sizeIssues(fileDropSpec.estimate!(config, [shape(at('2024-01-01'), at('2024-01-10'))]))).toEqual([]);
  });
});

describe('SCD2 estimate', () => {
  it('files exactly and landed rows as the spec counts them, on generated configs (property)', async () => {
    const configs = fc.record({
      entities: fc.subarray(['customer', 'product', 'store', 'promotion'], { minLength: 1 }),
      numDeltaDays: fc.integer({ min: 0, max: 12 }),
      dailyChangeRate: fc.constantFrom(0, 0.01, 0.2),
      dailyNewRate: fc.constantFrom(0, 0.02, 0.3),
      formats: fc.subarray(['parquet', 'csv', 'jsonl'] as const, { minLength: 1 }),
      manifestEnabled: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(configs, async (raw) => {
        const run = await runSimulator(scd2FileDropSimulator, { ...raw, seed: 2 }, { inputs });
        const e = scd2FileDropSpec.estimate!(run.config as never, [...inputs.values()].map(shapeOf));
        const files = run.result.tables[0];
        expect(e.tables[0].rows).toBe(files.length);
        expect(Math.abs(e.tables[0].rows * e.tables[0].memoryBytesPerRow - memoryOf(files)) / Math.max(1, memoryOf(files))).toBeLessThan(0.05);
        expect(e.tables[1].rows).toBe(landedRows(run.result.charts));
      }),
      { numRuns: 25 },
    );
  });
});
