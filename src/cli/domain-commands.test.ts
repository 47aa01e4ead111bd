import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../core/schema/config';
import { UsageError } from './args';
import { domainCommand, inspectCommand } from './domain-commands';

const tmp = () => mkdtempSync(join(tmpdir(), 'spindle-domain-'));

/** Run a command with stdout and stderr captured. */
async function capture(run: () => Promise<void>): Promise<string> {
  let out = '';
  const so = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const se = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    await run();
  } finally {
    so.mockRestore();
    se.mockRestore();
  }
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('sim domain', () => {
  it('writes one file per table, named after it, plus _spindle/config.json and tables.json', async () => {
    const dir = tmp();
    await capture(() => domainCommand(['iot', '--scale', 'fixture', '--seed', '7', '--set', 'startDate=2024-01-01', '--format', 'csv', '--out', dir]));
    expect(readdirSync(dir).sort()).toEqual(['_spindle', 'alert.csv', 'command.csv', 'device.csv', 'device_type.csv', 'location.csv', 'maintenance_log.csv', 'reading.csv', 'sensor.csv']);
    const config = JSON.parse(readFileSync(join(dir, '_spindle/config.json'), 'utf8'));
    expect(config).toMatchObject({ domain: 'iot', scale: 'fixture', seed: 7, startDate: '2024-01-01', endDate: null, format: 'csv' });
    expect(config.engineVersion).toMatch(/^\d+\.\d+\.\d+$/);
    const meta = JSON.parse(readFileSync(join(dir, '_spindle/tables.json'), 'utf8'));
    expect(meta.find((m: { name: string }) => m.name === 'reading').fks).toEqual([{ column: 'sensor_id', table: 'sensor', parentColumn: 'sensor_id' }]);
    expect(readFileSync(join(dir, 'device.csv'), 'utf8').split('\n')[0]).toBe('device_id,serial_number,device_type_id,location_id,firmware_version,install_date,status,battery_level');
  });

  it('zips to the same bytes twice and prints row counts with --stats', async () => {
    const dir = tmp();
    const a = join(dir, 'a.zip');
    const b = join(dir, 'b.zip');
    const stats = await capture(() => domainCommand(['retail', '--scale=fixture', '--zip', a, '--stats']));
    await capture(() => domainCommand(['retail', '--scale', 'fixture', '--zip', b]));
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    expect(JSON.parse(stats)).toMatchObject({ customer: 50, order: 250, order_line: 625, return: 22 });
  });

  it('reads a domain it wrote back with the types of its tables.json, in every format (money as decimal too)', async () => {
    for (const format of ['csv', 'jsonl', 'parquet'])
      for (const money of ['float', 'decimal']) {
        const dir = tmp();
        await capture(() => domainCommand(['financial', '--scale', 'fixture', '--set', `money=${money}`, '--format', format, '--out', dir]));
        const meta = JSON.parse(readFileSync(join(dir, '_spindle/tables.json'), 'utf8')) as { name: string; columns: { name: string; type: string; precision?: number; scale?: number }[] }[];
        const back = await capture(() => inspectCommand(['--input', dir]));
        const tables = (JSON.parse(back) as { tables: { name: string; columns: { name: string; type: string; precision?: number; scale?: number }[] }[] }).tables;
        for (const m of meta) {
          const t = tables.find((x) => x.name === m.name)!;
          expect(t.columns.map(({ name, type, precision, scale }) => ({ name, type, precision, scale })), `${format} ${money} ${m.name}`).toEqual(
            m.columns.map(({ name, type, precision, scale }) => ({ name, type, precision, scale })),
          );
        }
        if (money === 'decimal') expect(meta.find((m) => m.name === 'statement')!.columns.find((c) => c.name === 'closing_balance')).toMatchObject({ type: 'decimal', precision: 18, scale: 2 });
      }
  });

  it('refuses what cannot be generated up front, naming the scale, the rows and the memory (issue 7)', async () => {
    await expect(domainCommand(['iot', '--scale', 'warehouse', '--out', tmp()])).rejects.toThrow(/scale: iot at scale warehouse would generate 292,500,120 rows: it needs about [\d.]+ GB of memory/);
    await expect(domainCommand(['retail', '--set', 'rows.customer=1e11', '--out', tmp()])).rejects.toThrow(/rows\.customer: .*100,000,000,000 rows/);
  });

  it('refuses unknown domains, bad scales and nothing to write', async () => {
    await expect(domainCommand(['shop', '--out', tmp()])).rejects.toBeInstanceOf(UsageError);
    await expect(domainCommand(['retail', '--scale', 'huge', '--out', tmp()])).rejects.toBeInstanceOf(ConfigError);
    await expect(domainCommand(['retail', '--scale', 'fixture'])).rejects.toThrow(/nothing to write/);
  });
});

describe('sim inspect', () => {
  it('describes a folder of uploads and a DOMAIN:SCALE as JSON', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'orders.csv'), 'id,placed_at,total\n1,2024-01-01T10:00:00+02:00,9.5\n2,2024-01-02T11:00:00Z,12\n');
    writeFileSync(join(dir, 'events.jsonl'), '{"kind":"a","n":1}\n{"kind":"b","n":2}\n');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const out = JSON.parse(await capture(() => inspectCommand(['--input', dir])));
    expect(out.tables).toEqual([
      { name: 'events', rows: 2, columns: [{ name: 'kind', type: 'string' }, { name: 'n', type: 'int' }] },
      { name: 'orders', rows: 2, columns: [{ name: 'id', type: 'int' }, { name: 'placed_at', type: 'timestamp', zone: true }, { name: 'total', type: 'float' }] },
    ]);
    const dom = JSON.parse(await capture(() => inspectCommand(['--input', 'financial:fixture'])));
    expect(dom.tables.map((t: { name: string; rows: number }) => [t.name, t.rows])).toContainEqual(['transaction', 500]);
  });

  it('names the file, line and problem of a bad upload', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.csv'), 'a,b\n1,2\n3\n');
    await expect(inspectCommand(['--input', dir])).rejects.toThrow(/bad\.csv: line 3: this row has 1 field, the header has 2/);
    await expect(inspectCommand(['--input', 'retail:huge'])).rejects.toThrow(/unknown scale "huge"/);
    await expect(inspectCommand([])).rejects.toBeInstanceOf(UsageError);
  });
});
