/**
 * The stream and behaviour simulators' estimates (stream-emit, hybrid, financial-stream,
 * iot-telemetry) against their engines on configs other than the defaults, and their refusals
 * of runs this engine cannot hold, before anything runs.
 */
import { describe, expect, it } from 'vitest';
import { findDomain, generateDomain } from './domains';
import { shapeOf } from './inputs/contract';
import { SIMULATORS } from './registry';
import { ConfigError, runSimulator } from './run';
import { dictColumn, makeTable, numberColumn, type Column, type Table } from './table/column';

const def = (id: string) => SIMULATORS.find((s) => s.id === id)!;
const bytesOf = (c: Column) => Object.values(c).reduce((a: number, v) => a + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);

async function domain(name: string, scale: string): Promise<Map<string, Table>> {
  const out = await generateDomain(findDomain(name)!, { scale }, { seed: 7 });
  return new Map(out.tables.map((t) => [t.name, t]));
}

/** Runs `raw` and checks every result table's estimated rows (15 %) and memory (25 %, past 1,000 rows); returns the estimate. */
async function expectTracks(id: string, raw: Record<string, unknown>, inputs?: ReadonlyMap<string, Table>) {
  const run = await runSimulator(def(id), { seed: 11, ...raw }, inputs ? { inputs } : {});
  const shapes = inputs ? [...inputs.values()].map(shapeOf) : [];
  const estimate = def(id).estimate!(run.config as never, shapes);
  for (const t of run.result.tables) {
    const e = estimate.tables.find((x) => x.name === t.name);
    expect(e, `${id}: no estimate for ${t.name}`).toBeDefined();
    expect(Math.abs(e!.rows - t.length), `${id}.${t.name} rows: estimated ${Math.round(e!.rows)}, got ${t.length} (${JSON.stringify(raw)})`).toBeLessThanOrEqual(0.15 * t.length + 5);
    const memory = t.columns.reduce((a, c) => a + bytesOf(c), 0);
    if (t.length > 1000) expect(Math.abs(e!.rows * e!.memoryBytesPerRow - memory) / memory, `${id}.${t.name} memory (${JSON.stringify(raw)})`).toBeLessThan(0.25);
  }
  return { run, estimate };
}

/** The bytes of every JSONL topic file the run produces. */
async function topicBytes(files: readonly { path: string }[] | undefined): Promise<number> {
  let n = 0;
  for (const f of files ?? []) if ('produce' in f && f.path.endsWith('.jsonl')) for await (const b of (f as { produce(): AsyncIterable<Uint8Array> | Iterable<Uint8Array> }).produce()) n += b.length;
  return n;
}

describe('stream estimates track their engines', () => {
  it.each([
    { eventsTable: true, replayEnabled: true, replayProbability: 0.3 },
    { eventsTable: true, replayEnabled: true, replayBurstSize: 40, ratePerSec: 0.05, jitterMs: 5_000 },
    { eventsTable: true, tables: ['order', 'order_line', 'customer'], maxEvents: 900, outOfOrderProbability: 0.2 },
  ])('stream-emit %j: events, memory and topic-file bytes', async (raw) => {
    const { run, estimate } = await expectTracks('stream-emit', raw, await domain('retail', 'fixture'));
    const envelopes = estimate.tables.find((t) => t.name.endsWith('(envelopes)'))!;
    const bytes = await topicBytes(run.result.files);
    expect(Math.abs(envelopes.rows * envelopes.fileBytesPerRow.jsonl - bytes) / bytes).toBeLessThan(0.15);
  });

  it.each([
    { streamConfig: { eventsTable: true, replayEnabled: true }, batchTables: ['order', 'customer'] },
    { linkStrategy: 'natural_keys', streamTables: ['order', 'order_line'], streamConfig: { eventsTable: true }, fileDropConfig: { formats: ['csv', 'jsonl'] } },
  ])('hybrid %j: both phases composed', async (raw) => {
    const { run, estimate } = await expectTracks('hybrid', raw, await domain('retail', 'fixture'));
    expect(estimate.drivers.some((d) => d.startsWith('fileDropConfig.'))).toBe(true);
    expect(estimate.drivers.some((d) => d.startsWith('streamConfig.'))).toBe(true);
    const envelopes = estimate.tables.find((t) => t.name.startsWith('stream/'))!;
    expect(Math.abs(envelopes.rows - (run.result.stats.stream_events as number)) / (run.result.stats.stream_events as number)).toBeLessThan(0.15);
  });

  it.each([
    { durationHours: 2_000, fraudBurstProbability: 0.3, reversalProbability: 0.2 },
    { settlementBatchHours: 0.5, reversalProbability: 0.5, reversalDelayHoursMax: 400 },
    { durationHours: 500, fraudBurstCount: 100, fraudBurstProbability: 0.2, settlementEnabled: false },
  ])('financial-stream %j', async (raw) => {
    await expectTracks('financial-stream', raw, await domain('financial', 'fixture'));
  });

  it.each([
    { fleetSize: 400, readingIntervalSeconds: 600, durationHours: 72, alertStormEnabled: false },
    { fleetSize: 20, readingIntervalSeconds: 300, durationHours: 1_500, alertStormProbability: 0.1 },
    { fleetSize: 200, readingIntervalSeconds: 900, durationHours: 240, alertStormProbability: 0.25, batteryDrainRate: 0.5 },
  ])('iot-telemetry %j (generated readings)', async (raw) => {
    await expectTracks('iot-telemetry', raw);
  });

  it('iot-telemetry on supplied readings, devices and sensors', async () => {
    await expectTracks('iot-telemetry', { durationHours: 48, alertStormEnabled: false }, await domain('iot', 'small'));
  });
});

describe('runs this engine cannot hold are refused up front, naming the field that drives them', () => {
  it('stream-emit: an events table of replay bursts past the memory and text-column limits', async () => {
    const raw = { eventsTable: true, replayEnabled: true, replayProbability: 1, replayBurstSize: 10_000, replayWindowMinutes: 525_600 };
    const inputs = await domain('retail', 'small');
    await expect(runSimulator(def('stream-emit'), raw, { inputs })).rejects.toThrow(ConfigError);
    await expect(runSimulator(def('stream-emit'), raw, { inputs })).rejects.toThrow(/^replayBurstSize: about [\d,]+ rows \(≈ \d+ GB in memory.* is too large for this engine: .*; lower replayBurstSize, replayProbability, maxEvents or tables$/);
  });

  it('hybrid: the same stream phase, named under streamConfig', async () => {
    const raw = { streamConfig: { eventsTable: true, replayEnabled: true, replayProbability: 1, replayBurstSize: 10_000, replayWindowMinutes: 525_600 } };
    await expect(runSimulator(def('hybrid'), raw)).rejects.toThrow(/^streamConfig\.replayBurstSize: about [\d,]+ rows .* is too large for this engine/);
  });

  it('iot-telemetry: a million devices for a year raise more baseline alerts than memory holds', async () => {
    const raw = { fleetSize: 1_000_000, durationHours: 8_760, readingIntervalSeconds: 31_536_000, alertStormEnabled: false };
    await expect(runSimulator(def('iot-telemetry'), raw)).rejects.toThrow(/^fleetSize: about [\d,]+ rows \(≈ [\d.]+ GB in memory.* is too large for this engine: more than the 4 GB of tables this engine holds in memory; lower fleetSize, durationHours or alertStormRateMultiplier$/);
  });

  // financial-stream's own ranges cap what its config adds (≤ 10 M expected fraud rows, ≤ 1 M
  // settlement batches: under 2 GB), so only its transactions can outgrow the engine
  it('financial-stream: transactions whose ids the combined table writes out past a text column’s 2 GB', async () => {
    // 40,000 rows sharing one 60,000-character id as a dictionary: 160 KB of codes here, 2.4 GB as text
    const n = 40_000;
    const transactions = makeTable('transactions', [
      dictColumn('transaction_id', ['x'.repeat(60_000)], new Int32Array(n)),
      numberColumn('account_id', 'int', new Float64Array(n).fill(1)),
      numberColumn('amount', 'float', new Float64Array(n).fill(10)),
    ]);
    const run = runSimulator(def('financial-stream'), { fraudBurstEnabled: false }, { inputs: new Map([['transactions', transactions]]) });
    await expect(run).rejects.toThrow(/^inputs\.transactions\.table: about [\d,]+ rows .* is too large for this engine: transactions would hold ≈ 2(\.\d)? GB of text in one column/);
  });
});
