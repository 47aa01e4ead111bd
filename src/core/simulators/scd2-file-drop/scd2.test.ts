import { describe, expect, it } from 'vitest';
import { treeHash } from '../../../../test/tree-hash';
import { buildTree } from '../../output/tree';
import { runSimulator } from '../../run';
import { ConfigError } from '../../schema/config';
import { AbortError, makeContext } from '../../simulator';
import { columnFromValues, dictColumn, makeTable, tableRows } from '../../table/column';
import { topKeys, versionsHistogram, type Scd2Charts } from './scd2.charts';
import { scd2Config } from './scd2.config';
import { versionedText } from './scd2.mutate';
import { ColumnPool } from './scd2.pool';
import { runScd2FileDrop } from './scd2-file-drop';
import { scd2FileDropSimulator } from './index';

const customers = makeTable('customer', [
  columnFromValues('customer_id', 'int', [10, 11, 12, 13, 14, 15]),
  columnFromValues('name', 'string', ['Ana', 'Bo', 'Cy', null, 'Ed', 'Flo_v2']),
  columnFromValues('tier', 'string', ['Gold', 'Basic', 'Basic', 'Silver', 'Gold', 'Basic']),
  columnFromValues('visits', 'int', [0, 1, 5, 12, null, 3]),
  columnFromValues('balance', 'float', [0, 10.5, -3.25, 99.9, 1e6, 7]),
  columnFromValues('vip', 'bool', [true, false, false, null, true, false]),
  columnFromValues('store_id', 'int', [1, 2, 2, 3, 1, 3]),
  columnFromValues('joined', 'timestamp', [0, 1e12, 2e12, 3e12, 4e12, 5e12]),
]);

const run = (raw: Record<string, unknown>, tables = [customers]) => runSimulator(scd2FileDropSimulator, raw, { inputs: new Map(tables.map((t) => [t.name, t])) });
const issues = async (raw: Record<string, unknown>, tables = [customers]) => {
  try {
    await run(raw, tables);
    return '';
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return e.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
  }
};

describe('SCD2 config and tables', () => {
  it('has a default and help for every field; takes the reference snake_case names', () => {
    for (const f of scd2Config.describe()) {
      expect(f.required, f.name).toBeUndefined();
      expect(f.help.length, f.name).toBeGreaterThan(10);
    }
    const r = scd2Config.parse({ business_key_column: 'customer_id', scd2_columns: ['tier'], num_delta_days: 3, daily_change_rate: 0.5, initial_load_date: '2024-03-01' });
    expect(r.ok && r.value).toMatchObject({ businessKeyColumn: 'customer_id', scd2Columns: ['tier'], numDeltaDays: 3, dailyChangeRate: 0.5, initialLoadDate: '2024-03-01' });
  });

  it.each([
    [{ dailyChangeRate: 1.2 }, 'dailyChangeRate: 1.2 is out of range'],
    [{ dailyNewRate: -1 }, 'dailyNewRate: -1 is out of range'],
    [{ numDeltaDays: -1 }, 'numDeltaDays: -1 is out of range'],
    [{ initialLoadDate: '2024-13-01' }, 'initialLoadDate: "2024-13-01" is not a calendar date'],
    [{ formats: [] }, 'formats: [] is empty'],
    [{ formats: ['xlsx'] }, 'formats.0: "xlsx" is not a known value'],
    [{ endDateColumn: 'valid_from' }, 'endDateColumn: "valid_from" is also effectiveDateColumn'],
    [{ isCurrentColumn: '_delta_type' }, 'isCurrentColumn: "_delta_type" is the delta files\' change-type column'],
    [{ scd2Columns: ['tier', 'tier'] }, 'scd2Columns.1: "tier" is a duplicate of scd2Columns.0'],
    [{ entities: ['client'] }, 'entities.0: "client" is not an input table; tables: customer'],
    [{ businessKeyColumn: 'id' }, 'businessKeyColumn: table "customer" has no column "id"'],
    [{ businessKeyColumn: 'balance' }, 'businessKeyColumn: column "balance" of customer is float; allowed: an int or text column'],
    [{ scd2Columns: ['tier', 'email'] }, 'scd2Columns.1: table "customer" has no column "email"'],
    [{ scd2Columns: ['joined'] }, 'scd2Columns.0: column "joined" of customer is timestamp; allowed: a bool, int, float or text column'],
    [{ scd2Columns: ['customer_id'] }, 'scd2Columns.0: "customer_id" is the business key of customer'],
    [{ numDeltaDays: 3660, dailyChangeRate: 1, dailyNewRate: 10 }, 'numDeltaDays: about'],
  ])('refuses %j before anything lands, naming the field', async (raw, message) => {
    expect(await issues(raw)).toContain(message);
  });

  it('refuses duplicate and null keys, and tables that already hold a history column', async () => {
    const dup = makeTable('customer', [columnFromValues('customer_id', 'int', [1, 2, 2, 3, 3, 3, null]), columnFromValues('tier', 'string', ['a', 'b', 'c', 'd', 'e', 'f', 'g'])]);
    expect(await issues({}, [dup])).toBe(
      'businessKeyColumn: column "customer_id" of customer has 1 null keys; allowed: a key column without nulls\nbusinessKeyColumn: column "customer_id" of customer has duplicate keys (2, 3); allowed: one row per key',
    );
    const hist = makeTable('customer', [columnFromValues('customer_id', 'int', [1]), columnFromValues('is_current', 'bool', [true])]);
    expect(await issues({}, [hist])).toContain('isCurrentColumn: table "customer" already has a column "is_current"');
    const bare = makeTable('ledger', [columnFromValues('ledger_id', 'int', [1]), columnFromValues('at', 'timestamp', [0])]);
    expect(await issues({}, [bare])).toContain('scd2Columns: table "ledger" has no bool, number or text column to track besides its key');
    expect(await issues({ dailyChangeRate: 0 }, [bare])).toBe('');
    const nokey = makeTable('notes', [columnFromValues('text', 'string', ['a'])]);
    expect(await issues({}, [nokey])).toContain('businessKeyColumn: table "notes" has no id, notes_id or …_id column');
  });
});

describe('SCD2 building blocks', () => {
  it('versions text: strips the newest _v suffix and appends the new one, never giving the old text back', () => {
    expect(versionedText('Ana', 2)).toBe('Ana_v2');
    expect(versionedText('Ana_v2', 3)).toBe('Ana_v3');
    expect(versionedText('Ana_v2_v1', 3)).toBe('Ana_v2_v3');
    expect(versionedText('Flo_v2', 2)).toBe('Flo_v2_v2');
  });

  it('pools gather base and appended values of every type', () => {
    const s = new ColumnPool(dictColumn('s', ['a', 'b'], Int32Array.from([1, 0]), Uint8Array.from([1, 0])));
    const a = s.append('zé');
    expect(tableRows(makeTable('t', [s.gather(Int32Array.from([a, 0, 1, a]))]))).toEqual([{ s: 'zé' }, { s: 'b' }, { s: null }, { s: 'zé' }]);
    const n = new ColumnPool(columnFromValues('n', 'int', [5, null]));
    const b = n.appendCopy(0);
    const c = n.append(null);
    expect(tableRows(makeTable('t', [n.gather(Int32Array.from([c, b, 1, 0]))]))).toEqual([{ n: null }, { n: 5 }, { n: null }, { n: 5 }]);
  });

  it('picks the keys with most versions and counts keys per version', () => {
    const v = Int32Array.from([1, 3, 2, 3, 1, 5]);
    expect(topKeys(v, 6, 3)).toEqual([5, 1, 3]);
    expect(versionsHistogram(v, 6)).toEqual({ versions: [1, 2, 3, 5], keys: [2, 1, 2, 1] });
  });
});

describe('SCD2 file drop', () => {
  it('lands the snapshot and deltas with typed files and key histories for the page', async () => {
    const out = await run({ numDeltaDays: 4, dailyChangeRate: 0.5, dailyNewRate: 0.2, formats: ['csv'], seed: 3 });
    const charts = out.result.charts as Scd2Charts;
    const stats = out.result.stats as Record<string, number>;
    expect(JSON.parse(JSON.stringify(charts))).toEqual(charts);
    const c = charts.perEntity.customer;
    expect(c.businessKey).toBe('customer_id');
    expect(c.tracked).toEqual(['name', 'tier', 'visits', 'balance', 'vip']);
    expect(c.updates.reduce((a, b) => a + b, 0)).toBe(stats.total_updates);
    expect(c.inserts).toEqual([1, 1, 1, 1]);
    expect(c.versionsHistogram.keys.reduce((a, b) => a + b, 0)).toBe(10);
    const { key, rows } = c.keyHistories[0];
    const versions = c.versionsHistogram.versions.at(-1)!;
    // snapshot row, then an expire row and a new version per update
    expect(rows).toHaveLength(1 + 2 * (versions - 1));
    expect(rows.filter((r) => r.values.is_current === true && r.values.valid_to === null)).toHaveLength(versions);
    expect(rows.at(-1)!.values.customer_id).toBe(Number(key));
    expect(charts.fileIndex.name.filter((n) => n.endsWith('.csv'))).toHaveLength(1 + 4);
    // the worker can ask for any key's history: the same rows as the chart's for the top key
    const explore = (out.result as import('./scd2-file-drop').Scd2Output).explore;
    expect(explore.keyHistory('customer', key)).toEqual(c.keyHistories[0]);
    expect(explore.keyHistory('customer', '13')!.rows[0].values).toMatchObject({ customer_id: 13, name: null, tier: 'Silver' });
    expect(explore.keyHistory('customer', '999')).toBeNull();
    expect(explore.keyHistory('nobody', '10')).toBeNull();
    expect(tableRows(explore.fileTable('Files/landing/default/customer/initial/customer_initial.csv')!)).toHaveLength(6);
  });

  it('writes Parquet history columns as TIMESTAMP(µs, UTC) and BOOLEAN, null for open versions', async () => {
    const out = await run({ numDeltaDays: 1, dailyChangeRate: 0.5, formats: ['parquet'] });
    const { fileBytes } = await import('../../output/tree');
    const { parquetColumnTypes, readParquetRows } = await import('../../../../test/readers');
    const delta = out.result.files!.find((f) => f.path.endsWith('customer_delta.parquet'))!;
    const bytes = await fileBytes(delta);
    const types = await parquetColumnTypes(bytes);
    for (const name of ['valid_from', 'valid_to', 'joined']) expect(types.find((t) => t.name === name)).toMatchObject({ type: 'INT64', logical: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' } });
    expect(types.find((t) => t.name === 'is_current')).toMatchObject({ type: 'BOOLEAN' });
    const rows = await readParquetRows(bytes, [{ name: 'valid_from', type: 'timestamp' }, { name: 'valid_to', type: 'timestamp' }, { name: 'is_current', type: 'bool' }, { name: '_delta_type', type: 'string' }]);
    const day = Date.UTC(2024, 0, 2) * 1000;
    expect(rows.slice(0, 2)).toEqual([
      { valid_from: Date.UTC(2024, 0, 1) * 1000, valid_to: day, is_current: false, _delta_type: 'update' },
      { valid_from: day, valid_to: null, is_current: true, _delta_type: 'update' },
    ]);
  });

  it('works on first open with the default retail domain', async () => {
    const out = await runSimulator(scd2FileDropSimulator, { entities: ['customer', 'product'], numDeltaDays: 5, formats: ['csv'] });
    const stats = out.result.stats as { per_entity: Record<string, { business_key: string; total_updates: number }> };
    expect(stats.per_entity.customer.business_key).toBe('customer_id');
    // 500 products, 10 new a day: ⌊500 × 0.05⌋, ⌊510 × 0.05⌋, …
    expect(stats.per_entity.product.total_updates).toBe(25 + 25 + 26 + 26 + 27);
  });

  it('reports progress per drop and stops when cancelled', async () => {
    const config = scd2Config.parse({ numDeltaDays: 5, formats: ['csv'] });
    if (!config.ok) throw new Error('config');
    const abort = new AbortController();
    const seen: string[] = [];
    const ctx = makeContext(1, { signal: abort.signal, onProgress: (p) => (seen.push(`${p.phase} ${p.done}/${p.total}`), p.done === 3 && abort.abort()) }, new Map([['customer', customers]]));
    await expect(runScd2FileDrop(config.value, ctx)).rejects.toBeInstanceOf(AbortError);
    expect(seen).toEqual(['Landing files 1/6', 'Landing files 2/6', 'Landing files 3/6']);
  });
});

/** Recorded hashes of a small SCD2 landing zone. They change only when the output changes on purpose. */
const GOLDEN: Record<string, string> = {
  csv: 'e0abd77c7cb801506c2595e99ca7c184e27f21df5d84c22c92f24c10480493b8',
  parquet: 'f6a787f6442c662dd032e44f1f99b2c934aaf085905bb1679b16d0a93d0b9a3f',
};

describe('SCD2 file drop determinism', () => {
  it.each(['csv', 'parquet'] as const)('the whole %s output tree matches its golden hash', async (format) => {
    const raw = { numDeltaDays: 3, dailyChangeRate: 0.4, dailyNewRate: 0.2, formats: ['csv', 'jsonl', 'parquet'], seed: 11 };
    const a = await buildTree(await run(raw), format);
    const b = await buildTree(await run(raw), format);
    expect(treeHash(a)).toBe(treeHash(b));
    expect(a.map((f) => f.path).slice(0, 5)).toEqual([
      `landing_files.${format}`,
      'Files/landing/default/customer/initial/customer_initial.csv',
      'Files/landing/default/customer/initial/customer_initial.jsonl',
      'Files/landing/default/customer/initial/customer_initial.parquet',
      'Files/landing/default/customer/initial/_manifest.json',
    ]);
    expect(treeHash(a)).toBe(GOLDEN[format]);
  });
});
