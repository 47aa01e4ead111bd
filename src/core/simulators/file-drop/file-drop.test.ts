import { describe, expect, it } from 'vitest';
import { parquetColumnTypes, readParquetRows } from '../../../../test/readers';
import { treeHash } from '../../../../test/tree-hash';
import { buildTree } from '../../output/tree';
import { runSimulator } from '../../run';
import { AbortError, makeContext } from '../../simulator';
import { loopback } from '../../output/output.test-utils';
import { pooledEncoder } from '../../output/pool-encoder';
import { columnFromValues, dictColumn, makeTable, tableRows, tableSchema } from '../../table/column';
import { ByteSink } from '../../output/bytes';
import { rowKey, writeRowKey } from './file-drop.answer';
import { fileDropConfig } from './file-drop.config';
import { runFileDrop } from './file-drop';
import { dtOf, fileNameOf, partitionOf, slotGrid } from './file-drop.slots';
import { land, manifests } from './file-drop.test-utils';
import { fileDropSimulator } from './index';

const H = 3_600_000_000;
const D = 24 * H;
const T0 = Date.UTC(2024, 0, 1) * 1000;

/** 12 orders over three days (one null time, one after the range), and a 5-row dimension without a time. */
const orders = makeTable('orders', [
  columnFromValues('order_id', 'int', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  columnFromValues('placed_at', 'timestamp', [T0 + H, T0 + 2 * H, T0 + 5 * H, T0 + 9 * H, T0 + D, T0 + D + 3 * H, T0 + D + 7 * H, T0 + 2 * D, T0 + 2 * D + H, T0 + 2 * D + 23 * H, null, T0 + 9 * D]),
  columnFromValues('amount', 'float', [10.5, 20, 31.25, 4, 5.5, 60, 7, 80, 9.75, 100, 11, 12]),
  columnFromValues('qty', 'int', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
  columnFromValues('store_id', 'int', [7, 7, 8, 8, 9, 9, 7, 8, 9, 7, 8, 9]),
  columnFromValues('status', 'string', ['new', 'paid', 'new, "rush"', 'paid', 'new', 'paid', 'new', 'paid', 'new', 'paid', 'new', 'paid']),
]);
const stores = makeTable('stores', [columnFromValues('store_id', 'int', [7, 8, 9, 10, 11]), columnFromValues('city', 'string', ['Lyon', 'Köln', 'Porto', 'Gent', 'Bern'])]);

const EVERYTHING = {
  domain: 'shop',
  dateRangeStart: '2024-01-01',
  dateRangeEnd: '2024-01-03',
  formats: ['csv', 'jsonl', 'parquet'],
  latenessProbability: 0.3,
  duplicatesEnabled: true,
  duplicateProbability: 0.3,
  backfillEnabled: true,
  maxDaysBack: 2,
  restatementEnabled: true,
  restatementProbability: 0.5,
  multiFileEnabled: true,
  multiFileChunks: 2,
  seed: 7,
};

describe('file drop paths (spec §3 "Paths", §5 #5, #11)', () => {
  const grid = (cadence: 'daily' | 'hourly' | 'every_15m') => slotGrid({ cadence, dateRangeStart: '2024-01-01', dateRangeEnd: '2024-01-02' });

  it('schedules every slot of every day, the end date included', () => {
    expect(grid('daily').scheduled).toBe(2);
    expect(grid('hourly').scheduled).toBe(48);
    expect(grid('every_15m').scheduled).toBe(192);
  });

  it('names partitions and files from the templates', () => {
    expect(partitionOf(grid('daily'), 'dt=YYYY-MM-DD', 1)).toBe('dt=2024-01-02');
    expect(partitionOf(grid('hourly'), 'dt=YYYY-MM-DD', 29)).toBe('dt=2024-01-02/hr=05');
    expect(partitionOf(grid('every_15m'), 'dt=YYYY-MM-DD', 23)).toBe('dt=2024-01-01/hr=05/m=45');
    expect(partitionOf(grid('every_15m'), 'date=YYYY-MM-DD/hour=HH', 23)).toBe('date=2024-01-01/hour=05/m=45');
    expect(partitionOf(grid('every_15m'), 'YYYY-MM-DD/HHmm', 23)).toBe('2024-01-01/0545');
    expect(partitionOf(grid('daily'), 'dt=YYYY-MM-DD/hour=HH', 1)).toBe('dt=2024-01-02/hour=00');
    expect(dtOf(grid('daily'), 1)).toBe('2024-01-02');
    expect(dtOf(grid('every_15m'), 23)).toBe('2024-01-01T0545');
    const c = { fileNaming: '{domain}_{entity}_{dt}_{seq}.{ext}', domain: 'retail' };
    expect(fileNameOf(c, grid('every_15m'), 'order', 23, 900, 'csv')).toBe('retail_order_2024-01-01T0545_00900.csv');
    expect(fileNameOf({ ...c, domain: '{seq}' }, grid('daily'), 'a{dt}', 0, 1, 'csv')).toBe('{seq}_a{dt}_2024-01-01_00001.csv');
  });
});

describe('file drop', () => {
  it('lands an empty drop as a manifest with file_count 0, never a zero-row file; spill-over slots get folders and control files', async () => {
    const l = await land({ domain: 'shop', dateRangeStart: '2024-01-01', dateRangeEnd: '2024-01-01', formats: ['csv'], latenessProbability: 1, maxDaysLate: 2 }, [orders]);
    const ms = manifests(l);
    const day1 = ms.get('Files/landing/shop/orders/dt=2024-01-01')!;
    expect(day1).toMatchObject({ file_count: 0, files: [], created_utc: '2024-01-02T00:00:00.000Z', entries: [] });
    const spill = [...ms.keys()].filter((k) => k > 'Files/landing/shop/orders/dt=2024-01-01');
    expect(spill.length).toBeGreaterThan(0);
    for (const k of spill) {
      expect(ms.get(k)!.entries.every((e) => e.kind === 'late')).toBe(true);
      expect(l.files.has(`${k}/_done`)).toBe(true);
    }
    expect(l.run.result.stats).toMatchObject({ rows_on_time: 0, rows_late: 4, rows_out_of_range: 8, files: spill.length, spill_over_slots: spill.length });
  });

  it('writes Parquet with TIMESTAMP(µs, UTC) and the input values; manifests record kinds, times, rows and checksums', async () => {
    const l = await land({ ...EVERYTHING, formats: ['parquet'] }, [orders, stores]);
    const path = [...l.files.keys()].find((p) => p.includes('/orders/') && p.endsWith('_00001.parquet'))!;
    const types = await parquetColumnTypes(l.files.get(path)!);
    expect(types.find((t) => t.name === 'placed_at')).toMatchObject({ type: 'INT64', logical: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' } });
    expect(types.find((t) => t.name === 'order_id')).toMatchObject({ type: 'INT64' });
    const rows = await readParquetRows(l.files.get(path)!, tableSchema(orders));
    const input = tableRows(orders);
    for (const r of rows) expect(r).toEqual(input[(r.order_id as number) - 1]);
    const kinds = new Set([...manifests(l).values()].flatMap((m) => m.entries.map((e) => e.kind)));
    expect(kinds).toEqual(new Set(['on_time', 'late', 'backfill', 'restatement']));
  });

  it('gives the explorer any landed file’s rows as a table, equal to the file', async () => {
    const run = await runSimulator(fileDropSimulator, { ...EVERYTHING, formats: ['csv'] }, { inputs: new Map([['orders', orders]]) });
    const explore = (run.result as import('./file-drop').FileDropOutput).explore;
    const { fileBytes } = await import('../../output/tree');
    const { readCsvRows } = await import('../../../../test/readers');
    let checked = 0;
    for (const f of run.result.files!) {
      const t = explore.fileTable(f.path);
      if (!t) {
        expect(f.path).toMatch(/\/(_manifest\.json|_done)$/);
        continue;
      }
      expect(readCsvRows(await fileBytes(f), tableSchema(t))).toEqual(tableRows(t));
      checked++;
    }
    expect(checked).toBe((run.result.stats as Record<string, number>).files);
  });

  it('lists every late row, duplicate, backfill and restatement (old and new values) in the answer key', async () => {
    const run = await runSimulator(fileDropSimulator, EVERYTHING, { inputs: new Map([['orders', orders]]) });
    const key = tableRows(run.result.answerKey.finish());
    const stats = run.result.stats as Record<string, number>;
    expect(key.filter((k) => k.kind === 'late_row')).toHaveLength(stats.rows_late);
    const restated = key.filter((k) => k.kind === 'restatement');
    expect(restated).toHaveLength(stats.rows_restated);
    for (const r of restated) {
      const d = JSON.parse(r.details as string) as { row: number; changes: Record<string, { old: number; new: number }> };
      expect(Object.keys(d.changes).sort()).toEqual(['amount', 'qty']);
      expect(d.changes.amount.old).toBe(tableRows(orders)[d.row].amount);
      expect(r.key).toBe(String(d.row + 1));
    }
  });

  it('reports progress per (entity, slot) folder and stops when cancelled', async () => {
    const config = fileDropConfig.parse({ dateRangeStart: '2024-01-01', dateRangeEnd: '2024-01-03', formats: ['csv'] });
    if (!config.ok) throw new Error('config');
    const seen: string[] = [];
    const ok = makeContext(1, { onProgress: (p) => seen.push(`${p.phase} ${p.done}/${p.total}`) }, new Map([['orders', orders], ['stores', stores]]));
    await runFileDrop(config.value, ok);
    expect(seen).toContain('Planning the drops 2/2');
    // counted in folders: 3 scheduled slots of each table, plus any spill-over folders, up to the last
    const steps = seen.filter((s) => s.startsWith('Landing files')).map((s) => s.slice('Landing files '.length).split('/').map(Number));
    const total = steps[0][1];
    expect(total).toBeGreaterThanOrEqual(6);
    expect(steps.map(([d]) => d)).toEqual([...new Set(steps.map(([d]) => d))].sort((a, b) => a - b));
    expect(steps.at(-1)).toEqual([total, total]);
    const abort = new AbortController();
    let landed = 0;
    const ctx = makeContext(1, { signal: abort.signal, onProgress: (p) => p.phase === 'Landing files' && ++landed === 2 && abort.abort() }, new Map([['orders', orders]]));
    await expect(runFileDrop(config.value, ctx)).rejects.toBeInstanceOf(AbortError);
    expect(landed).toBe(2);
  });

  it('gives charts whose totals agree with the stats, in plain JSON', async () => {
    const run = await runSimulator(fileDropSimulator, EVERYTHING, { inputs: new Map([['orders', orders], ['stores', stores]]) });
    const charts = run.result.charts as import('./file-drop.charts').FileDropCharts;
    const stats = run.result.stats as Record<string, number>;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(JSON.parse(JSON.stringify(charts))).toEqual(charts);
    expect(sum(charts.total.onTime)).toBe(stats.rows_on_time);
    expect(sum(charts.total.late)).toBe(stats.rows_late);
    expect(sum(charts.total.duplicated)).toBe(stats.rows_duplicated);
    expect(sum(charts.total.backfilled)).toBe(stats.rows_backfilled);
    expect(sum(charts.total.restated)).toBe(stats.rows_restated);
    expect(sum(charts.delay.rows)).toBe(stats.rows_late);
    expect(sum(charts.lateMatrix.rows)).toBe(stats.rows_late);
    expect(charts.fileIndex.name).toHaveLength(run.result.files!.length);
    expect(sum(charts.entities.map((e) => e.dataBytes))).toBe(stats.bytes);
    expect(charts.timeColumns).toEqual({ orders: 'placed_at', stores: null });
  });

  it('runs on first open: the default retail domain and defaults', async () => {
    const run = await runSimulator(fileDropSimulator, { formats: ['csv'] });
    const stats = run.result.stats as { per_entity: Record<string, { rows_on_time: number; time_column: string | null }> };
    expect(stats.per_entity.order.time_column).toBe('order_date');
    expect(stats.per_entity.order.rows_on_time).toBeGreaterThan(31);
    expect(stats.per_entity.order_line.time_column).toBeNull();
    expect(run.result.files!.some((f) => f.path === 'Files/landing/default/order/dt=2024-01-31/_manifest.json')).toBe(true);
  });
});

/** Recorded hashes of a small landing zone with every feature on. They change only when the output changes on purpose. */
const GOLDEN: Record<string, string> = {
  csv: '71796c8eb28a8a7d7c1e4eb0a826cc8dde0f657ab3141e92e600b30031b12fc7',
  parquet: '66740ca32c0955dbcfe08e0e11d2138739c06009de243e6b55c012b7b9cf2279',
};

describe('file drop on encoder threads (tables handed over, large dictionaries cut)', () => {
  it('gives the bytes of the in-thread run for one format, and the tree written again from the plan', async () => {
    const n = 3000;
    const cities = Array.from({ length: 300 }, (_, k) => `city-${k}`);
    const big = makeTable('orders', [
      columnFromValues('order_id', 'int', Array.from({ length: n }, (_, i) => i + 1)),
      columnFromValues('placed_at', 'timestamp', Array.from({ length: n }, (_, i) => T0 + Math.floor((i * 3 * D) / n))),
      columnFromValues('amount', 'float', Array.from({ length: n }, (_, i) => ((i * 37) % 1000) / 4)),
      dictColumn('city', cities, Int32Array.from({ length: n }, (_, i) => (i * 7919) % cities.length), Uint8Array.from({ length: n }, (_, i) => (i % 17 ? 1 : 0))),
    ]);
    for (const format of ['parquet', 'csv'] as const) {
      const config = { ...EVERYTHING, formats: [format], multiFileChunks: 4 };
      const inThread = await runSimulator(fileDropSimulator, config, { inputs: new Map([['orders', big]]) });
      const encoder = pooledEncoder(2, loopback);
      try {
        const threaded = await runSimulator(fileDropSimulator, config, { inputs: new Map([['orders', big]]), encoder });
        const once = treeHash(await buildTree(threaded, format));
        expect(once, format).toBe(treeHash(await buildTree(inThread, format)));
        expect(treeHash(await buildTree(threaded, format)), `${format}: again from the plan`).toBe(once);
      } finally {
        encoder.close();
      }
    }
  });
});

describe('file drop determinism', () => {
  it.each(['csv', 'parquet'] as const)('the whole %s output tree matches its golden hash', async (format) => {
    const run = () => runSimulator(fileDropSimulator, EVERYTHING, { inputs: new Map([['orders', orders], ['stores', stores]]) });
    const a = await buildTree(await run(), format);
    const b = await buildTree(await run(), format);
    expect(treeHash(a)).toBe(treeHash(b));
    expect(a.map((f) => f.path).slice(0, 4)).toEqual([
      `landing_files.${format}`,
      'Files/landing/shop/orders/dt=2024-01-01/shop_orders_2024-01-01_00001.csv',
      'Files/landing/shop/orders/dt=2024-01-01/shop_orders_2024-01-01_00001.jsonl',
      'Files/landing/shop/orders/dt=2024-01-01/shop_orders_2024-01-01_00001.parquet',
    ]);
    expect(treeHash(a)).toBe(GOLDEN[format]);
  });
});

describe('file drop answer key', () => {
  it('writes a row key as bytes with the text rowKey gives (ids as digits; other values, nulls, -0, NaN, times as text)', () => {
    const ints = [0, -0, 7, -42, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, 0.5, -1.25, Number.NaN, Infinity, null];
    const tables = [
      makeTable('t', [columnFromValues('id', 'int', ints)]),
      makeTable('t', [columnFromValues('id', 'float', ints)]),
      makeTable('t', [columnFromValues('id', 'string', ['a', 'é,"x"', '', null, '12'])]),
      makeTable('t', [dictColumn('id', ['x', 'ÿ'], Int32Array.from([1, 0, 1]))]),
      makeTable('t', [columnFromValues('at', 'timestamp', [0, 1_704_067_200_123_456, null])]),
      makeTable('t', [columnFromValues('ok', 'bool', [true, false, null])]),
    ];
    const out = new ByteSink(8);
    for (const t of tables) {
      for (let row = 0; row < t.length; row++) {
        out.pos = 0;
        writeRowKey(out, t, row);
        expect(new TextDecoder().decode(out.buf.subarray(0, out.pos)), `${t.columns[0].type} row ${row}`).toBe(rowKey(t, row));
      }
    }
  });
});
