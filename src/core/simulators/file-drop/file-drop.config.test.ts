import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../schema/config';
import { makeContext } from '../../simulator';
import { columnFromValues, makeTable } from '../../table/column';
import { fileDropConfig } from './file-drop.config';
import { runFileDrop } from './file-drop';
import { resolveFileDropTables } from './file-drop.inputs';

const issuesOf = (raw: Record<string, unknown>) => {
  const r = fileDropConfig.parse(raw);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('file drop config', () => {
  it('has a default for every field, and the defaults are valid', () => {
    const d = fileDropConfig.defaults();
    expect(d).toMatchObject({ cadence: 'daily', dateRangeStart: '2024-01-01', dateRangeEnd: '2024-01-31', formats: ['parquet'], latenessEnabled: true, seed: 42 });
    for (const f of fileDropConfig.describe()) {
      expect(f.required, f.name).toBeUndefined();
      expect(f.help.length, f.name).toBeGreaterThan(10);
      expect(f.group, f.name).toBeTruthy();
    }
  });

  it('takes the reference snake_case names as aliases', () => {
    const r = fileDropConfig.parse({ date_range_start: '2024-02-01', date_range_end: '2024-02-03', lateness_probability: 0.5, multi_file_chunks: 3, timestamp_column: { order: 'order_date' } });
    expect(r.ok && r.value).toMatchObject({ dateRangeStart: '2024-02-01', dateRangeEnd: '2024-02-03', latenessProbability: 0.5, multiFileChunks: 3, timestampColumn: { order: 'order_date' } });
  });

  it.each([
    [{ dateRangeStart: '2024-02-01', dateRangeEnd: '2024-01-31' }, 'dateRangeEnd: "2024-01-31" is before dateRangeStart'],
    [{ dateRangeStart: '2024-02-30' }, 'dateRangeStart: "2024-02-30" is not a calendar date'],
    [{ dateRangeEnd: '31/01/2024' }, 'dateRangeEnd: "31/01/2024" is not allowed; allowed: a date YYYY-MM-DD'],
    [{ cadence: 'weekly' }, 'cadence: "weekly" is not a known value; allowed: one of daily, hourly, every_15m'],
    [{ formats: ['parquet', 'avro'] }, 'formats.1: "avro" is not a known value'],
    [{ formats: [] }, 'formats: [] is empty'],
    [{ formats: ['csv', 'csv'] }, 'formats.1: "csv" is listed twice'],
    [{ fileNaming: '{entity}_{dt}.{ext}' }, 'fileNaming: "{entity}_{dt}.{ext}" has no {seq}'],
    [{ fileNaming: '{entity}_{seq}.{ext}' }, 'fileNaming: "{entity}_{seq}.{ext}" has no {dt}'],
    [{ fileNaming: '{dt}_{seq}.data', formats: ['csv', 'jsonl'] }, 'fileNaming: "{dt}_{seq}.data" has no {ext}, so the csv and jsonl copies would collide'],
    [{ fileNaming: '{dt}_{seq}_{hour}.{ext}' }, 'fileNaming: "{dt}_{seq}_{hour}.{ext}" has unknown placeholder {hour}'],
    [{ fileNaming: '{dt}_{seq}}.{ext}' }, 'has an unmatched brace'],
    [{ fileNaming: 'a/{dt}_{seq}.{ext}' }, 'gives a file name that holds a character that is not allowed'],
    [{ partitioning: 'dt=YYYYMMDD' }, 'partitioning: "dt=YYYYMMDD" has no YYYY-MM-DD, so every slot would land in one folder'],
    [{ partitioning: 'dt=YYYY-MM-DD/m=mm' }, 'partitioning: "dt=YYYY-MM-DD/m=mm" has mm (minute) without HH'],
    [{ partitioning: 'dt=YYYY-MM-DD/../x' }, 'partitioning: "dt=YYYY-MM-DD/../x" has a folder name ".." that is not a folder name'],
    [{ basePath: '/abs/landing' }, 'basePath: "/abs/landing" is absolute'],
    [{ basePath: '_spindle/x' }, 'basePath: "_spindle/x" would mix the landing zone with the run metadata'],
    [{ domain: 'a/b' }, 'domain: "a/b" holds a character that is not allowed'],
    [{ latenessProbability: 1.5 }, 'latenessProbability: 1.5 is out of range; allowed: a number from 0 to 1'],
    [{ duplicateProbability: -0.1 }, 'duplicateProbability: -0.1 is out of range'],
    [{ restatementProbability: 2 }, 'restatementProbability: 2 is out of range'],
    [{ restatementMaxCorrectionPct: 1 }, 'restatementMaxCorrectionPct: 1 is out of range; allowed: a number at least 0 and less than 1'],
    [{ maxDaysLate: 0 }, 'maxDaysLate: 0 is out of range; allowed: an integer from 1 to 365'],
    [{ maxDaysBack: -1 }, 'maxDaysBack: -1 is out of range'],
    [{ multiFileChunks: 900 }, 'multiFileChunks: 900 is out of range; allowed: an integer from 2 to 899'],
    [{ multiFileChunks: 1 }, 'multiFileChunks: 1 is out of range'],
    [{ cadence: 'every_15m', dateRangeStart: '2024-01-01', dateRangeEnd: '2025-06-30' }, 'dateRangeEnd: "2025-06-30" gives 52,512 every_15m slots from 2024-01-01; allowed: at most 40,000 slots'],
    [{ timestampColumn: { order: 5 } }, 'timestampColumn.order: 5 is not a column name'],
    [{ entities: ['order', 'order'] }, 'entities.1: "order" is a duplicate of entities.0'],
    [{ latenessEnabled: 'yes' }, 'latenessEnabled: "yes" is not a boolean'],
    [{ unknownField: 1 }, 'unknownField: is not a known field'],
  ])('refuses %j naming the field', (raw, message) => {
    expect(issuesOf(raw).join('\n')).toContain(message);
  });

  it('accepts HH and mm in the partition template and an hourly range', () => {
    expect(issuesOf({ cadence: 'every_15m', partitioning: 'date=YYYY-MM-DD/HHmm', dateRangeEnd: '2024-01-02' })).toEqual([]);
  });
});

describe('file drop tables, checked before anything lands', () => {
  const order = makeTable('order', [columnFromValues('order_id', 'int', [1]), columnFromValues('order_date', 'timestamp', [0]), columnFromValues('total', 'float', [1])]);
  const shapes = [order].map((t) => ({ name: t.name, rows: t.length, columns: t.columns.map((c) => ({ name: c.name, type: c.type })) }));

  it('refuses unknown tables and columns, and columns that hold no time, naming the field', () => {
    const r = resolveFileDropTables({ entities: ['order', 'orders'], timestampColumn: { shipments: 'at', order: 'total' } }, shapes);
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'entities.1: "orders" is not an input table; tables: order',
      'timestampColumn.shipments: "shipments" is not an input table; tables: order',
      'timestampColumn.order: column "total" of order is float; allowed: a timestamp, date or text (ISO 8601) column, or null for round-robin',
    ]);
    expect(resolveFileDropTables({ entities: [], timestampColumn: { order: 'missing' } }, shapes).issues[0].message).toBe('table "order" has no column "missing"; columns: order_id, order_date, total');
  });

  it('detects the event-time column, takes an explicit one, and null means round-robin', () => {
    expect(resolveFileDropTables({ entities: [], timestampColumn: {} }, shapes).entities).toEqual([{ name: 'order', timeColumn: 'order_date', timeColumnSource: 'detected' }]);
    expect(resolveFileDropTables({ entities: [], timestampColumn: { order: null } }, shapes).entities).toEqual([{ name: 'order', timeColumn: null, timeColumnSource: 'config' }]);
  });

  it('a run with a bad table mapping fails before anything lands', async () => {
    const phases: string[] = [];
    const ctx = makeContext(1, { onProgress: (p) => phases.push(p.phase) }, new Map([['order', order]]));
    const config = fileDropConfig.parse({ entities: ['nope'] });
    if (!config.ok) throw new Error('config');
    await expect(runFileDrop(config.value, ctx)).rejects.toBeInstanceOf(ConfigError);
    expect(phases).toEqual([]);
  });
});
