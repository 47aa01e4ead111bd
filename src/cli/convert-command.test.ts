import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { writeParquetBytes } from '../core/output/parquet';
import { materialise } from '../core/output/tree';
import { bigintColumn, columnFromValues, makeTable } from '../core/table/column';
import { DataSet } from '../worker/dataset';
import { UsageError } from './args';
import { convertCommand } from './convert-command';

const tmp = () => mkdtempSync(join(tmpdir(), 'spindle-convert-'));

/** A folder holding one file of each format, with values that need the exact kinds. */
function inputFolder(): string {
  const dir = tmp();
  writeFileSync(join(dir, 'orders.csv'), 'order_id,amount,note,placed_at\n1234567890123456789,19.99,"=HYPERLINK(""x"")",2024-01-01T10:00:00.123456789Z\n2,5.00,plain,2024-01-02\n');
  writeFileSync(join(dir, 'events.jsonl'), '{"id": 9007199254740993, "v": 1e400, "at": "12:30:00"}\n{"id": 1, "v": 2, "at": "00:00:01.5"}\n');
  writeFileSync(join(dir, 'ids.parquet'), writeParquetBytes(makeTable('ids', [bigintColumn('id', BigInt64Array.from([1n, 2n ** 62n])), columnFromValues('label', 'string', ['a', '-b'])])));
  return dir;
}

async function quiet(run: () => Promise<void>): Promise<string> {
  let err = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    err += String(chunk);
    return true;
  });
  await run();
  return err;
}

afterEach(() => vi.restoreAllMocks());

describe('sim convert', () => {
  for (const format of ['parquet', 'csv', 'jsonl'] as const)
    it(`writes exactly what the Data sources page downloads for the same uploads and type changes (${format})`, async () => {
      const dir = inputFolder();
      const out = join(dir, 'out');
      const err = await quiet(() => convertCommand(['--input', dir, '--format', format, '--out', out, '--set', 'orders.amount=decimal', '--csv-safe']));
      expect(err).toMatch(/note: events\.v: .*1e400/);
      expect(err).toMatch(/note: orders\.placed_at: .*floored/);
      const page = new DataSet();
      for (const f of ['events.jsonl', 'ids.parquet', 'orders.csv']) page.upload(f, new Uint8Array(readFileSync(join(dir, f))));
      page.retype('orders', 'amount', 'decimal');
      const files = await materialise(page.tree(['events', 'ids', 'orders'], format, { spreadsheetSafe: true }));
      expect(readdirSync(out).sort()).toEqual(['_spindle', `events.${format}`, `ids.${format}`, `orders.${format}`]);
      for (const f of files) expect(Buffer.from(readFileSync(join(out, f.path))).equals(Buffer.from(f.bytes)), f.path).toBe(true);
      const tables = JSON.parse(readFileSync(join(out, '_spindle/tables.json'), 'utf8')) as { name: string; columns: { name: string; type: string; precision?: number; scale?: number }[] }[];
      const orders = tables.find((t) => t.name === 'orders')!;
      expect(orders.columns.map((c) => c.type)).toEqual(['bigint', 'decimal', 'string', 'timestamp']);
      expect(orders.columns[1]).toMatchObject({ precision: 4, scale: 2 });
    });

  it('reads its own output back with the same types (tables.json beside the files)', async () => {
    const dir = inputFolder();
    const csv = join(dir, 'csv');
    await quiet(() => convertCommand(['--input', dir, '--format', 'csv', '--out', csv, '--set', 'orders.amount=decimal(18,2)']));
    const again = join(dir, 'again');
    await quiet(() => convertCommand(['--input', csv, '--format', 'csv', '--out', again]));
    for (const f of ['orders.csv', 'events.csv', 'ids.csv']) expect(readFileSync(join(again, f), 'utf8'), f).toBe(readFileSync(join(csv, f), 'utf8'));
    const types = (d: string) =>
      (JSON.parse(readFileSync(join(d, '_spindle/tables.json'), 'utf8')) as { columns: { name: string; type: string; precision?: number; scale?: number }[] }[]).map((t) =>
        t.columns.map(({ name, type, precision, scale }) => ({ name, type, precision, scale })),
      );
    expect(types(again)).toEqual(types(csv));
    expect(types(csv)[2][1]).toEqual({ name: 'amount', type: 'decimal', precision: 18, scale: 2 });
    expect(readFileSync(join(again, 'orders.csv'), 'utf8')).toContain('5.00');
  });

  it('refuses bad overrides and arguments with one line naming what is wrong', async () => {
    const dir = inputFolder();
    const run = (...argv: string[]) => quiet(() => convertCommand(argv));
    await expect(run('--input', dir, '--format', 'csv')).rejects.toThrow(UsageError);
    await expect(run('--input', dir, '--out', join(dir, 'o'), '--set', 'orders.nope=int')).rejects.toThrow(/no column "nope"; columns: order_id, amount/);
    await expect(run('--input', dir, '--out', join(dir, 'o'), '--set', 'nope.x=int')).rejects.toThrow(/no table of that name; tables: events, ids, orders/);
    await expect(run('--input', dir, '--out', join(dir, 'o'), '--set', 'orders.amount=money')).rejects.toThrow(/"money" is not a column type/);
    await expect(run('--input', dir, '--out', join(dir, 'o'), '--set', 'orders.note=int')).rejects.toThrow(/row 1 .* cannot be read as an integer/);
    await expect(run('--input', dir, '--out', join(dir, 'o'), '--set', 'orders.amount=decimal(3,2)')).rejects.toThrow(/19\.99.*decimal\(3,2\) exactly/);
  });

  it('runs through npm as documented, with exit code 2 for a bad override', () => {
    const dir = inputFolder();
    mkdirSync(join(dir, 'o'));
    const ok = spawnSync('npm', ['run', '-s', 'sim', '--', 'convert', '--input', dir, '--format', 'parquet', '--out', join(dir, 'o')], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(readdirSync(join(dir, 'o')).sort()).toEqual(['_spindle', 'events.parquet', 'ids.parquet', 'orders.parquet']);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'convert', '--input', dir, '--format', 'csv', '--out', join(dir, 'p'), '--set', 'orders.amount=money'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
