import { tableFromIPC } from 'apache-arrow';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { domainTree } from '../core/domains/tree';
import { findDomain, generateDomain } from '../core/domains';
import { writeTable } from '../core/output/formats';
import { zipTree } from '../core/output/tree';
import * as run from '../core/run';
import { columnFromValues, makeTable } from '../core/table/column';
import { collectingHost } from './test-host';
import { safeTableName } from './dataset';
import type { DomainResult, DropResult, PackageResult, RetypeResult, UploadResult, WorkerRequest, WorkerResponse } from './protocol';

// wrap runSimulator to see what the dispatcher passes it (the real one still runs)
vi.mock('../core/run', async (importOriginal) => {
  const real = await importOriginal<typeof import('../core/run')>();
  return { ...real, runSimulator: vi.fn(real.runSimulator) };
});

const enc = (s: string) => new TextEncoder().encode(s);

/** The dispatcher called as the worker entry would, with typed helpers for the data-set requests. */
function host() {
  const { messages, transfers, handle } = collectingHost();
  let id = 0;
  async function ask<T>(body: Record<string, unknown>): Promise<{ ok: true; data: T; transfer: Transferable[] } | { ok: false; error: Extract<WorkerResponse, { type: 'error' }>['error'] }> {
    const rid = ++id;
    await handle({ ...body, id: rid } as WorkerRequest);
    const i = messages.findIndex((m) => m.id === rid && m.type !== 'progress');
    const m = messages[i];
    if (m.type === 'error') return { ok: false, error: m.error };
    return { ok: true, data: (m as unknown as { data: T }).data, transfer: transfers[i] };
  }
  const must = async <T,>(body: Record<string, unknown>): Promise<T> => {
    const r = await ask<T>(body);
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };
  const files = async (tables: string[], format: 'csv' | 'parquet' | 'jsonl') => {
    const pkg = await must<PackageResult>({ type: 'packageData', tables, format });
    const zip = new Uint8Array(await pkg.blob!.arrayBuffer());
    return { pkg, zip, entries: unzipSync(zip) };
  };
  const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));
  return { messages, handle, ask, must, files, json, nextId: () => ++id };
}

const RETAIL = ['customer', 'address', 'product_category', 'product', 'store', 'promotion', 'order', 'order_line', 'return'];

describe('data set requests', () => {
  it('generates a domain with progress, metadata, summaries and Arrow previews in the transfer list', async () => {
    const h = host();
    const r = await h.ask<DomainResult>({ type: 'domain', domain: 'retail', config: { scale: 'fixture', seed: 7 }, previewRows: 100 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.data.tables.map((t) => t.name)).toEqual(RETAIL);
    expect(r.transfer).toHaveLength(RETAIL.length);
    expect(h.messages.some((m) => m.type === 'progress' && m.phase === 'summarise')).toBe(true);
    const order = r.data.tables.find((t) => t.name === 'order')!;
    expect(order).toMatchObject({ rows: 250, pk: 'order_id', origin: { kind: 'domain', domain: 'retail', scale: 'fixture', seed: 7 } });
    expect(order.fks).toContainEqual({ column: 'customer_id', table: 'customer', parentColumn: 'customer_id' });
    expect(tableFromIPC(order.ipc).numRows).toBe(100);
    const id = order.summaries.find((s) => s.name === 'order_id')!;
    expect(id).toMatchObject({ rows: 250, nulls: 0, distinct: 250, min: 1, max: 250 });
    expect(r.data.config).toMatchObject({ scale: 'fixture', seed: 7, startDate: null, endDate: null });
  });

  it('packages a whole generated domain into the same zip bytes as the CLI domain command', async () => {
    const h = host();
    await h.must({ type: 'domain', domain: 'iot', config: { scale: 'fixture', seed: 3, startDate: '2024-01-01', endDate: '2024-06-30' }, previewRows: 10 });
    const def = findDomain('iot')!;
    const direct = await generateDomain(def, { scale: 'fixture', startDate: '2024-01-01', endDate: '2024-06-30' }, { seed: 3 });
    for (const format of ['csv', 'parquet'] as const) {
      const { zip } = await h.files(
        direct.tables.map((t) => t.name),
        format,
      );
      expect(Buffer.from(zip).equals(Buffer.from(await zipTree(domainTree(direct, format))))).toBe(true);
    }
  });

  it('cancels a generation at its next checkpoint and keeps the data set as it was', async () => {
    const h = host();
    await h.must({ type: 'domain', domain: 'iot', config: { scale: 'fixture' }, previewRows: 10 });
    const id = h.nextId();
    const pending = h.handle({ id, type: 'domain', domain: 'retail', config: { scale: 'medium' }, previewRows: 10 });
    await new Promise((r) => setTimeout(r, 50));
    await h.handle({ id: h.nextId(), type: 'cancel', target: id });
    await pending;
    const msg = h.messages.find((m) => m.id === id && m.type !== 'progress');
    expect(msg?.type === 'error' && msg.error.name).toBe('AbortError');
    const { entries } = await h.files(['device'], 'csv');
    expect(h.json(entries['_spindle/config.json']).domain).toBe('iot');
  });

  it('an unreadable upload is an error naming the file, line and problem, and nothing is kept', async () => {
    const h = host();
    const r = await h.ask({ type: 'upload', file: 'ragged.csv', bytes: enc('a,b\n1,2\n3\n'), previewRows: 10 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.name).toBe('ReadError');
    expect(r.error.message).toBe('ragged.csv: line 3: this row has 1 field, the header has 2');
    expect(r.error.read).toEqual({ file: 'ragged.csv', line: 3, message: 'this row has 1 field, the header has 2' });
    const pkg = await h.ask({ type: 'packageData', tables: ['ragged'], format: 'csv' });
    expect(!pkg.ok && pkg.error.message).toBe('Not in the data set: ragged');
  });

  it('uploads CSV and Parquet with inferred types; a re-upload replaces, a generated name gets a suffix', async () => {
    const h = host();
    const csv = await h.must<UploadResult>({ type: 'upload', file: 'people.csv', bytes: enc('id,name,joined,at\n1,Ann,2024-01-02,2024-01-02T10:00:00Z\n2,<b>Bo</b>,,2024-01-03T00:00:00+02:00\n'), previewRows: 10 });
    expect(csv.table.columns).toEqual([
      { name: 'id', type: 'int' },
      { name: 'name', type: 'string' },
      { name: 'joined', type: 'date' },
      { name: 'at', type: 'timestamp', zone: true },
    ]);
    expect(csv.table).toMatchObject({ name: 'people', rows: 2, pk: null, fks: [], origin: { kind: 'upload', file: 'people.csv' } });
    expect([csv.replaced, csv.wanted]).toEqual([false, null]);
    expect(csv.table.summaries[1].top).toEqual([
      { value: '<b>Bo</b>', count: 1 },
      { value: 'Ann', count: 1 },
    ]);
    const parquet = writeTable(makeTable('x', [columnFromValues('v', 'float', [1.5, null]), columnFromValues('ok', 'bool', [true, false])]), 'parquet');
    const pq = await h.must<UploadResult>({ type: 'upload', file: 'dir/sensor readings.parquet', bytes: parquet, previewRows: 10 });
    expect(pq.table.name).toBe('sensor readings');
    expect(pq.table.columns.map((c) => c.type)).toEqual(['float', 'bool']);
    const again = await h.must<UploadResult>({ type: 'upload', file: 'people.csv', bytes: enc('id\n9\n'), previewRows: 10 });
    expect([again.replaced, again.table.name, again.table.rows]).toEqual([true, 'people', 1]);

    await h.must({ type: 'domain', domain: 'retail', config: { scale: 'fixture' }, previewRows: 1 });
    const clash = await h.must<UploadResult>({ type: 'upload', file: 'customer.csv', bytes: enc('x\n1\n'), previewRows: 10 });
    expect([clash.table.name, clash.wanted, clash.replaced]).toEqual(['customer_2', 'customer', false]);
    expect(safeTableName('a/b:c*?.."')).toBe('a_b_c__.._');
    expect(safeTableName('..')).toBe('table');
  });

  it('uploads give way when a domain generated later takes their name', async () => {
    const h = host();
    await h.must({ type: 'upload', file: 'order.csv', bytes: enc('x\n1\n'), previewRows: 1 });
    const d = await h.must<DomainResult>({ type: 'domain', domain: 'retail', config: { scale: 'fixture' }, previewRows: 1 });
    expect(d.renamed).toEqual([{ from: 'order', to: 'order_2' }]);
    const again = await h.must<DomainResult>({ type: 'domain', domain: 'iot', config: { scale: 'fixture' }, previewRows: 1 });
    expect(again.removed).toEqual(RETAIL);
    const { entries } = await h.files(['order_2', 'device'], 'jsonl');
    expect(Object.keys(entries)).toEqual(['device.jsonl', 'order_2.jsonl', '_spindle/config.json', '_spindle/tables.json']);
  });

  it('retypes an uploaded column, names the rows that do not convert, and refuses generated tables', async () => {
    const h = host();
    await h.must({ type: 'upload', file: 'codes.csv', bytes: enc('code,label\n1,a\n2,b\n'), previewRows: 10 });
    const r = await h.must<RetypeResult>({ type: 'retype', table: 'codes', column: 'code', to: 'string', previewRows: 10 });
    expect(r.table.columns[0]).toEqual({ name: 'code', type: 'string' });
    expect(tableFromIPC(r.table.ipc).getChild('code')!.get(0)).toBe('1');
    const bad = await h.ask({ type: 'retype', table: 'codes', column: 'label', to: 'int', previewRows: 10 });
    expect(!bad.ok && bad.error.message).toBe('codes.label: row 1 ("a"), row 2 ("b") cannot be read as an integer');
    await h.must({ type: 'domain', domain: 'iot', config: { scale: 'fixture' }, previewRows: 1 });
    const gen = await h.ask({ type: 'retype', table: 'device', column: 'device_id', to: 'string', previewRows: 1 });
    expect(!gen.ok && gen.error.message).toMatch(/generated table/);
  });

  it('packages uploads with their metadata, drops tables, and runs simulators on named inputs', async () => {
    const h = host();
    await h.must({ type: 'domain', domain: 'retail', config: { scale: 'fixture', seed: 9 }, previewRows: 1 });
    await h.must({ type: 'upload', file: 'events.jsonl', bytes: enc('{"at":"2024-01-01T00:00:00Z","n":1}\n'), previewRows: 1 });
    const { entries } = await h.files(['store', 'events'], 'csv');
    expect(Object.keys(entries)).toEqual(['store.csv', 'events.csv', '_spindle/config.json', '_spindle/tables.json']);
    expect(h.json(entries['_spindle/config.json'])).toMatchObject({ domain: 'retail', scale: 'fixture', seed: 9, format: 'csv', uploads: [{ table: 'events', file: 'events.jsonl' }] });
    const meta = h.json(entries['_spindle/tables.json']);
    expect(meta[0]).toMatchObject({ name: 'store', pk: 'store_id' });
    expect(meta[1]).toEqual({
      name: 'events',
      rows: 1,
      pk: null,
      fks: [],
      eventTimeColumn: null,
      sortedByTime: false,
      eventTimeVia: null,
      enums: {},
      columns: [
        { name: 'at', type: 'timestamp', nullable: false, zone: true },
        { name: 'n', type: 'int', nullable: false },
      ],
      upload: { file: 'events.jsonl' },
    });

    const bad = await h.ask({ type: 'run', simulator: 'workflow', config: { entityCount: 10 }, previewRows: 1, inputs: ['nope'] });
    expect(!bad.ok && bad.error.message).toMatch(/"nope" is not a table of the data set; allowed: customer, address/);
    await h.must({ type: 'run', simulator: 'workflow', config: { entityCount: 10 }, previewRows: 1, inputs: ['events', 'order'] });
    const hooks = vi.mocked(run.runSimulator).mock.calls.at(-1)![2]!;
    expect([...hooks.inputs!.keys()]).toEqual(['events', 'order']);
    expect(hooks.inputs!.get('order')!.length).toBe(250);

    const dropped = await h.must<DropResult>({ type: 'drop', tables: ['events', 'ghost'] });
    expect(dropped.dropped).toEqual(['events']);
    const empty = await h.ask({ type: 'packageData', tables: [], format: 'csv' });
    expect(!empty.ok && empty.error.message).toMatch(/at least one table/);
  });
});

describe('generating a second domain: replace or add beside (the user decides)', () => {
  it('replace drops the first domain; add keeps it and renames a taken name with its foreign keys', async () => {
    const h = host();
    const first = await h.must<DomainResult>({ type: 'domain', domain: 'retail', config: { scale: 'fixture' }, previewRows: 10 });
    const retail = first.tables.map((t) => t.name);
    const replaced = await h.must<DomainResult>({ type: 'domain', domain: 'iot', config: { scale: 'fixture' }, previewRows: 10 });
    expect([...replaced.removed].sort()).toEqual([...retail].sort());
    const again = await h.must<DomainResult>({ type: 'domain', domain: 'iot', config: { scale: 'fixture', seed: 2 }, previewRows: 10, mode: 'add' });
    expect(again.removed).toEqual([]);
    // every iot table name was taken by the first iot set: each of those is now name_2
    expect(again.renamed.map((r) => r.to).sort()).toEqual(replaced.tables.map((t) => `${t.name}_2`).sort());
    const pkg = await h.must<PackageResult>({ type: 'packageData', tables: replaced.tables.map((t) => `${t.name}_2`), format: 'csv' });
    const meta = JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(await pkg.blob!.arrayBuffer()))['_spindle/tables.json'])) as Record<string, { fks?: { table: string }[] }> | { name: string; fks: { table: string }[] }[];
    const fkTargets = (Array.isArray(meta) ? meta : Object.values(meta)).flatMap((m) => (m.fks ?? []).map((fk) => fk.table));
    expect(fkTargets.length).toBeGreaterThan(0);
    for (const t of fkTargets) expect(t.endsWith('_2')).toBe(true);
  });
});
