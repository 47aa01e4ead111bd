// The hybrid's config (child fields and cross-field rules under dotted paths, routing lists,
// the correlation id), table checks before anything runs, error order in both modes, progress
// and cancel, the output layout and golden hashes.
import { describe, expect, it } from 'vitest';
import { treeHash } from '../../../../test/tree-hash';
import { buildTree } from '../../output/tree';
import { ConfigError, runSimulator } from '../../run';
import { makeContext } from '../../simulator';
import { columnFromValues, makeTable, type Table } from '../../table/column';
import { hybridSimulator } from '.';
import { runHybrid, type HybridOutput } from './hybrid';
import { hybridConfig, hybridCorrelationId, type HybridConfig } from './hybrid.config';

const US = (iso: string) => Date.parse(iso) * 1000;

/** Orders over the first three days of March 2024 (one every 6 h) and a store table without a time. */
function tables(): Table[] {
  const n = 12;
  return [
    makeTable('order', [
      columnFromValues('order_id', 'int', Array.from({ length: n }, (_, i) => i + 1)),
      columnFromValues('placed_at', 'timestamp', Array.from({ length: n }, (_, i) => US('2024-03-01T00:00:00Z') + i * 6 * 3_600_000_000)),
      columnFromValues('total', 'float', Array.from({ length: n }, (_, i) => 10 + i / 4)),
    ]),
    makeTable('store', [columnFromValues('store_id', 'int', [1, 2, 3]), columnFromValues('city', 'string', ['Oslo', 'Lyon', 'Graz'])]),
  ];
}
const inputs = () => new Map(tables().map((t) => [t.name, t]));
const BASE = { fileDropConfig: { dateRangeStart: '2024-03-01', dateRangeEnd: '2024-03-03', formats: ['jsonl'] }, streamConfig: { ratePerSec: 2 }, seed: 5 };

/** Tree hashes of the output-tree test's run, per table format (recorded; a change needs a reason). */
const GOLDEN = {
  jsonl: '126e2fbcdbcd7d50ca150000df013c31e98be0e7b763ef6099bf32d028acb9c9',
  csv: 'ab338b0c0e22e28667158632220028cdb09b668d55fdf1aad30fde04af80158f',
  parquet: 'a3884dd5bee9822deac3e4a09d8305fc8f3ab032b7354da90ce724d76e3b4883',
};

const issuesOf = (raw: unknown) => {
  const r = hybridConfig.parse(raw);
  return r.ok ? [] : r.issues.map((i) => i.path);
};
const run = (raw: Record<string, unknown>, hooks = {}) => runSimulator(hybridSimulator, raw, { inputs: inputs(), ...hooks });
const errorPaths = async (raw: Record<string, unknown>, given: Map<string, Table> = inputs()) => {
  try {
    await runSimulator(hybridSimulator, raw, { inputs: given });
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => i.path);
    throw e;
  }
  return [];
};

describe('hybrid config', () => {
  it('defaults are valid (both child configs included) and name every child field under its parent', () => {
    const d = hybridConfig.defaults();
    expect(d).toMatchObject({ linkStrategy: 'correlation_id', concurrent: false, streamTables: [], batchTables: [], seed: 42 });
    expect(d.streamConfig).toMatchObject({ streamStart: null, seed: null, ratePerSec: 10 });
    expect(d.fileDropConfig).toMatchObject({ dateRangeStart: '2024-01-01', seed: null });
    // snake_case aliases at every depth
    const snake = hybridConfig.parse({ stream_config: { rate_per_sec: 5 }, file_drop_config: { date_range_end: '2024-01-05' }, link_strategy: 'natural_keys' });
    expect(snake.ok && [snake.value.streamConfig.ratePerSec, snake.value.fileDropConfig.dateRangeEnd, snake.value.linkStrategy]).toEqual([5, '2024-01-05', 'natural_keys']);
  });

  it('refuses bad child fields with dotted paths, before anything runs', () => {
    expect(issuesOf({ streamConfig: { ratePerSec: -1 } })).toEqual(['streamConfig.ratePerSec']);
    expect(issuesOf({ fileDropConfig: { dateRangeStart: 'soon' } })).toEqual(['fileDropConfig.dateRangeStart']);
    expect(issuesOf({ streamConfig: { noSuchField: 1 } })).toEqual(['streamConfig.noSuchField']);
    expect(issuesOf({ linkStrategy: 'by_luck', streamTo: 'nowhere', microBatchTo: 'tape' })).toEqual(['linkStrategy', 'streamTo', 'microBatchTo']);
    expect(issuesOf({ streamConfig: { seed: -3 } })).toEqual(['streamConfig.seed']);
  });

  it('runs both children’s cross-field rules under their prefixes, and checks the routing lists', () => {
    expect(issuesOf({ fileDropConfig: { dateRangeStart: '2024-02-01', dateRangeEnd: '2024-01-01' } })).toEqual(['fileDropConfig.dateRangeEnd']);
    expect(issuesOf({ fileDropConfig: { fileNaming: '{entity}.{ext}' } })).toEqual(['fileDropConfig.fileNaming']);
    expect(issuesOf({ streamConfig: { sinkType: 'http' } })).toEqual(['streamConfig.sinkConnection.url']);
    expect(issuesOf({ streamConfig: { tables: ['a', 'a'] } })).toEqual(['streamConfig.tables.1']);
    expect(issuesOf({ batchTables: ['order', 'order'], streamTables: ['x', 'y', 'x'] })).toEqual(['streamTables.2', 'batchTables.1']);
    const r = hybridConfig.parse({ fileDropConfig: { dateRangeStart: '2024-02-01', dateRangeEnd: '2024-01-01' } });
    expect(!r.ok && r.issues[0].message).toMatch(/"2024-01-01" is before dateRangeStart "2024-02-01"/);
  });

  it('the correlation id hangs on the seed and what the run makes, not on delivery or scheduling', () => {
    const parse = (raw: unknown) => {
      const r = hybridConfig.parse(raw);
      if (!r.ok) throw new Error(r.issues[0].message);
      return r.value;
    };
    const id = (raw: Record<string, unknown>) => hybridCorrelationId(parse({ ...BASE, ...raw }));
    const base = id({});
    for (const same of [
      { concurrent: true },
      { streamConfig: { ratePerSec: 2, sinkType: 'console', realtime: true, realtimeSpeed: 50, eventsTable: true } },
      { streamConfig: { ratePerSec: 2, sinkType: 'http', sinkConnection: { url: 'http://127.0.0.1:9/in', batchSize: 7 } } },
    ])
      expect(id(same), JSON.stringify(same)).toBe(base);
    for (const other of [{ seed: 6 }, { linkStrategy: 'natural_keys' }, { streamConfig: { ratePerSec: 3 } }, { batchTables: ['order'] }, { fileDropConfig: { ...BASE.fileDropConfig, dateRangeEnd: '2024-03-04' } }])
      expect(id(other), JSON.stringify(other)).not.toBe(base);
  });
});

describe('hybrid run', () => {
  it('refuses what depends on the tables before either phase runs, naming the child field', async () => {
    expect(await errorPaths({ ...BASE, fileDropConfig: { ...BASE.fileDropConfig, entities: ['nope'] } })).toEqual(['fileDropConfig.entities.0']);
    expect(await errorPaths({ ...BASE, fileDropConfig: { ...BASE.fileDropConfig, timestampColumn: { order: 'total_x' } } })).toEqual(['fileDropConfig.timestampColumn.order']);
    expect(await errorPaths({ ...BASE, streamConfig: { topics: ['a', 'b', 'c'] } })).toEqual(['streamConfig.topics']);
    expect(await errorPaths({ ...BASE, streamTables: ['order'], streamConfig: { topics: { store: 's' } } })).toEqual(['streamConfig.topics.store']);
    // both phases' problems at once
    expect(await errorPaths({ ...BASE, fileDropConfig: { ...BASE.fileDropConfig, entities: ['nope'] }, streamConfig: { timestampColumn: { order: 'city' } } })).toEqual([
      'fileDropConfig.entities.0',
      'streamConfig.timestampColumn.order',
    ]);
    // a table that already has the stamped column
    const clash = inputs();
    clash.set('store', makeTable('store', [columnFromValues('_correlation_id', 'string', ['x'])]));
    expect(await errorPaths(BASE, clash)).toEqual(['linkStrategy']);
    expect(await errorPaths({ ...BASE, linkStrategy: 'natural_keys' }, clash)).toEqual([]);
  });

  it('a listed name that matches nothing is reported; no match at all skips the phase', async () => {
    const out = await run({ ...BASE, batchTables: ['ghost'], streamTables: ['store', 'ghost2'] });
    expect(out.result.stats).toMatchObject({ batch: null, batch_tables: [], stream_tables: ['store'], unmatched_tables: { batch: ['ghost'], stream: ['ghost2'] }, batch_files: 0, stream_events: 3 });
    expect((out.result as HybridOutput).files?.every((f) => f.path.startsWith('stream/topics/'))).toBe(true);
  });

  it('the stream starts at the file drop’s first day unless streamStart is given; a child seed given wins over the hybrid’s', async () => {
    const a = await run(BASE);
    expect(a.result.stats).toMatchObject({ stream_start: '2024-03-01T00:00:00Z', batch_seed: 5, stream_seed: 5 });
    expect((a.result.stats.stream as { stream_start: string }).stream_start).toBe('2024-03-01T00:00:00.000000Z');
    const b = await run({ ...BASE, streamConfig: { ...BASE.streamConfig, streamStart: '2024-03-02T12:00:00Z', seed: 77 }, fileDropConfig: { ...BASE.fileDropConfig, seed: 78 } });
    expect(b.result.stats).toMatchObject({ stream_start: '2024-03-02T12:00:00Z', batch_seed: 78, stream_seed: 77 });
  });

  it('the output tree: landing zone, stream topic files under stream/, both phases’ tables; golden hashes', async () => {
    const out = await run({ ...BASE, fileDropConfig: { ...BASE.fileDropConfig, latenessProbability: 0.5 }, streamConfig: { ...BASE.streamConfig, eventsTable: true, replayEnabled: true, replayProbability: 0.3, outOfOrderProbability: 0.2 } });
    const tree = await buildTree(out, 'jsonl');
    const paths = tree.map((f) => f.path);
    expect(paths.slice(0, 2)).toEqual(['landing_files.jsonl', 'events.jsonl']);
    expect(paths).toContain('stream/topics/order.jsonl');
    expect(paths).toContain('stream/topics/store.jsonl');
    expect(paths.filter((p) => p.startsWith('Files/landing/default/order/dt=2024-03-01/')).length).toBeGreaterThan(1);
    expect(paths.slice(-3)).toEqual(['_spindle/config.json', '_spindle/stats.json', '_spindle/answer_key.jsonl']);
    // answer key: the file drop's rows, then the stream's
    const kinds = out.result.answerKey.countsByKind();
    expect(Object.keys(kinds).filter((k) => ['late_row', 'out_of_order', 'replay'].includes(k))).toEqual(['late_row', 'out_of_order', 'replay']);
    expect(treeHash(tree)).toBe(GOLDEN.jsonl);
    expect(treeHash(await buildTree(out, 'csv'))).toBe(GOLDEN.csv);
    expect(treeHash(await buildTree(out, 'parquet'))).toBe(GOLDEN.parquet);
  });

  it('concurrent or not, the first error in phase order is raised once both phases have settled', async () => {
    const config = (concurrent: boolean) => {
      const r = hybridConfig.parse({ ...BASE, concurrent });
      if (!r.ok) throw new Error('bad config');
      return r.value as HybridConfig;
    };
    /** A context whose checkpoints fail in the named phases; records which phases got to their end. */
    const failing = (fail: string[]) => {
      const finished = new Set<string>();
      const ctx = makeContext(5, {
        onProgress: (p) => {
          const phase = p.phase.split(':')[0];
          if (fail.includes(phase)) throw new Error(`${phase} failed`);
          if (p.done === p.total) finished.add(phase);
        },
      }, inputs());
      return { ctx, finished };
    };
    for (const concurrent of [false, true]) {
      const both = failing(['File drop', 'Stream']);
      await expect(runHybrid(config(concurrent), both.ctx)).rejects.toThrow('File drop failed');
      const stream = failing(['Stream']);
      await expect(runHybrid(config(concurrent), stream.ctx)).rejects.toThrow('Stream failed');
      expect(stream.finished.has('File drop')).toBe(true);
      const batch = failing(['File drop']);
      await expect(runHybrid(config(concurrent), batch.ctx)).rejects.toThrow('File drop failed');
      // sequential: a batch error means the stream never runs; concurrent: the stream ran to its end
      expect(batch.finished.has('Stream')).toBe(concurrent);
    }
  });

  it('reports progress per phase in words and stops when cancelled', async () => {
    const phases = new Set<string>();
    await run(BASE, { onProgress: (p: { phase: string }) => void phases.add(p.phase) });
    expect([...phases]).toEqual(expect.arrayContaining(['File drop: Landing files', 'Stream: Scheduling emissions']));
    const abort = new AbortController();
    await expect(run(BASE, { signal: abort.signal, onProgress: () => abort.abort() })).rejects.toThrow(/cancelled/);
  });
});
