import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { FileDropCharts } from '../core/simulators/file-drop/file-drop.charts';
import type { Scd2Charts } from '../core/simulators/scd2-file-drop/scd2.charts';
import type { KeyHistoryResult, LandedFileResult } from './landing-explore';
import type { RunSummary } from './protocol';
import { collectingHost } from './test-host';

const host = () => collectingHost();

describe('landing-zone explorer requests', () => {
  it('reads a landed data file as rows and a manifest as text from a held file-drop run', async () => {
    const h = host();
    await h.handle({ id: 1, type: 'domain', domain: 'retail', config: { scale: 'fixture' }, previewRows: 10 });
    await h.handle({ id: 2, type: 'run', simulator: 'file-drop', config: { dateRangeStart: '2024-01-01', dateRangeEnd: '2024-01-07', formats: ['csv'] }, previewRows: 10, inputs: ['order'] });
    const run = h.ok<RunSummary>(2);
    const index = (run.charts as FileDropCharts).fileIndex;
    const data = index.rows.findIndex((r) => r > 0);
    const path = `${index.folders[index.folder[data]]}/${index.name[data]}`;
    await h.handle({ id: 3, type: 'landedFile', runId: 2, path, previewRows: 1000 });
    const file = h.ok<LandedFileResult>(3);
    expect(file.kind).toBe('table');
    if (file.kind !== 'table') return;
    expect(file.table.rows).toBe(index.rows[data]);
    expect(tableFromIPC(file.table.ipc).numRows).toBe(index.rows[data]);

    const manifest = `${index.folders[index.folder[data]]}/_manifest.json`;
    await h.handle({ id: 4, type: 'landedFile', runId: 2, path: manifest, previewRows: 1000 });
    const text = h.ok<LandedFileResult>(4);
    expect(text.kind).toBe('text');
    if (text.kind === 'text') expect((JSON.parse(text.text) as { files: string[] }).files).toContain(index.name[data]);

    await h.handle({ id: 5, type: 'landedFile', runId: 2, path: 'Files/nowhere.csv', previewRows: 10 });
    expect(h.final(5)).toMatchObject({ type: 'error', error: { message: 'This run landed no file at Files/nowhere.csv.' } });
    await h.handle({ id: 6, type: 'landedFile', runId: 99, path, previewRows: 10 });
    expect(h.final(6)).toMatchObject({ type: 'error', error: { message: expect.stringContaining('no longer held') } });
    await h.handle({ id: 7, type: 'keyHistory', runId: 2, entity: 'order', key: '1' });
    expect(h.final(7)).toMatchObject({ type: 'error', error: { message: 'The file-drop run keeps no key histories.' } });
  });

  it('returns a key history of an SCD2 run (null for an unknown key)', async () => {
    const h = host();
    await h.handle({ id: 1, type: 'domain', domain: 'retail', config: { scale: 'fixture' }, previewRows: 10 });
    await h.handle({ id: 2, type: 'run', simulator: 'scd2-file-drop', config: { numDeltaDays: 5, businessKeyColumn: 'customer_id', dailyChangeRate: 0.3 }, previewRows: 10, inputs: ['customer'] });
    const charts = h.ok<RunSummary>(2).charts as Scd2Charts;
    const top = charts.perEntity.customer.keyHistories[0];
    await h.handle({ id: 3, type: 'keyHistory', runId: 2, entity: 'customer', key: top.key });
    expect(h.ok<KeyHistoryResult>(3).history).toEqual(top);
    await h.handle({ id: 4, type: 'keyHistory', runId: 2, entity: 'customer', key: 'no-such-key' });
    expect(h.ok<KeyHistoryResult>(4).history).toBeNull();
  });
});
