// The output tree: its layout, a golden hash per format, and the flattened events table read
// back by an independent Parquet reader (hyparquet) against the JSONL envelopes.
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { sha256, treeHash } from '../../../../test/tree-hash';
import { findDomain, generateDomain } from '../../domains';
import { buildTree } from '../../output/tree';
import { runSimulator } from '../../run';
import { AbortError } from '../../simulator';
import { streamEmitSimulator } from '.';
import type { StreamEmitOutput } from './stream-emit';
import { micros, parseStream } from './stream-emit.test-utils';

/** Every feature at once on the default retail fixture: jitter, a burst, a pattern, moves, replays, a cap. */
const GOLDEN = {
  ratePerSec: 25,
  jitterMs: 15,
  burstWindows: [{ startOffsetSeconds: 5, durationSeconds: 10, multiplier: 4 }],
  timePattern: 'retail_peak',
  outOfOrderProbability: 0.1,
  outOfOrderMaxDelaySlots: 5,
  replayEnabled: true,
  replayWindowMinutes: 0.5,
  replayProbability: 0.05,
  replayBurstSize: 4,
  maxEvents: 1200,
  topics: { order: 'orders', order_line: 'orders', return: 'returns' },
  streamStart: '2024-06-01T18:59:50Z',
  eventsTable: true,
  seed: 7,
};

/** Recorded hashes of the whole output tree; they change only when the output changes on purpose (last: the time-consistent foreign keys' faster draws in the retail domain). */
const EXPECTED: Record<string, string> = {
  parquet: '32d059fb1009575e8170846ff60eed8c9a9e190a59a14de31ea9ca27448ddf13',
  csv: 'c7b658c5d797ba24aeb03a75e5d4ab543d604eadad84701f2a1f855beede40e0',
  jsonl: 'af3131b68227af4027f56856aa55eebc50f5f185e8d3b8dce71255e8e2de3360',
};

const TOPIC_FILES = ['customer', 'address', 'product_category', 'product', 'store', 'promotion', 'orders', 'returns'].map((t) => `topics/${t}.jsonl`);

describe('stream-emit output tree', () => {
  it.each(['parquet', 'csv', 'jsonl'] as const)('the %s tree has the topic files and matches its golden hash, run after run', async (format) => {
    const a = await buildTree(await runSimulator(streamEmitSimulator, GOLDEN), format);
    const b = await buildTree(await runSimulator(streamEmitSimulator, GOLDEN), format);
    expect(a.map((f) => f.path)).toEqual([`events.${format}`, ...TOPIC_FILES, '_spindle/config.json', '_spindle/stats.json', `_spindle/answer_key.${format}`]);
    expect(treeHash(a)).toBe(treeHash(b));
    expect(treeHash(a)).toBe(EXPECTED[format]);
  });

  it('the topic files are the same whatever the table format or the events table, and in the folder sinkConnection.path names', async () => {
    const topics = async (format: 'csv' | 'jsonl', extra = {}) =>
      (await buildTree(await runSimulator(streamEmitSimulator, { ...GOLDEN, ...extra }), format)).filter((f) => f.path.includes('/') && !f.path.startsWith('_spindle/'));
    const csv = await topics('csv');
    const jsonl = await topics('jsonl');
    expect(treeHash(csv)).toBe(treeHash(jsonl));
    const moved = await topics('csv', { sinkConnection: { path: 'stream/events' } });
    expect(moved.map((f) => f.path)).toEqual(TOPIC_FILES.map((p) => p.replace('topics/', 'stream/events/')));
    expect(moved.map((f) => sha256(f.bytes))).toEqual(csv.map((f) => sha256(f.bytes)));
    // the events table is an output option: the stream (ids, correlation id) stays the same without it
    expect(treeHash(await topics('csv', { eventsTable: false }))).toBe(treeHash(csv));
  });

  it('the events table holds every envelope in emission order, µs times included (read back by hyparquet)', async () => {
    const run = await runSimulator(streamEmitSimulator, GOLDEN);
    const result = run.result as StreamEmitOutput;
    const events = parseStream(result);
    const tree = await buildTree(run, 'parquet');
    const bytes = tree.find((f) => f.path === 'events.parquet')!.bytes;
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = (await parquetReadObjects({ file, utf8: true, parsers: { timestampFromMicroseconds: (v: bigint | number) => Number(v) } })) as Record<string, unknown>[];
    expect(rows.length).toBe(events.length);
    rows.forEach((row, i) => {
      const e = events[i];
      expect(row.id).toBe(e.id);
      expect(row.type).toBe(e.type);
      expect(row.topic).toBe(e.topic);
      expect(row.correlation_id).toBe(e.correlation_id);
      expect(row.time).toBe(micros(e.time));
      expect(row.emitted_at).toBe(micros(e.emitted_at));
      expect(JSON.parse(row.data as string)).toEqual(e.data);
      expect(row.table).toBe(e.data._spindle_table);
      expect(row.replay).toBe(e._replay === true);
      expect(row.replay_time ?? null).toBe(e._replay ? micros(e._replay_time!) : null);
    });
  });

  it('reports progress in words a user knows, and stops when cancelled', async () => {
    const phases = new Set<string>();
    const domain = await generateDomain(findDomain('retail')!, { scale: 'fixture' }, { seed: 7 });
    const inputs = new Map(domain.tables.map((t) => [t.name, t]));
    await runSimulator(streamEmitSimulator, { ...GOLDEN, maxEvents: null }, { inputs, onProgress: (p) => void phases.add(p.phase) });
    expect([...phases].sort()).toEqual(['Building the events table', 'Ordering events', 'Recording the answer key', 'Scheduling emissions']);
    const abort = new AbortController();
    const run = runSimulator(streamEmitSimulator, GOLDEN, { signal: abort.signal, onProgress: () => abort.abort() });
    await expect(run).rejects.toBeInstanceOf(AbortError);
  });
});
