import { tableFromIPC } from 'apache-arrow';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runFiles, zipTree } from '../core/output/tree';
import { runSimulator } from '../core/run';
import { workflowSimulator } from '../core/simulators/workflow';
import { findSimulator } from '../core/registry';
import { collectingHost } from './test-host';
import type { PackageResult, RunSummary, WorkerRequest } from './protocol';
import type { DispatcherOptions } from './dispatcher';

/** The dispatcher's responses, with the final (non-progress) one of a request. */
function host(options: Partial<DispatcherOptions> = {}) {
  const h = collectingHost(options);
  const final = (id: number) => h.messages.find((m) => m.id === id && m.type !== 'progress');
  const pkg = (id: number) => (final(id) as { data: PackageResult }).data;
  const zipOf = async (id: number) => new Uint8Array(await pkg(id).blob!.arrayBuffer());
  return { ...h, final, pkg, zipOf };
}

/** An in-memory stand-in for a picked folder (the File System Access API's handles), recording what was committed. */
function fakeFolder(name = 'picked', files = new Map<string, Uint8Array>(), log: string[] = [], prefix = ''): FileSystemDirectoryHandle {
  return {
    kind: 'directory',
    name,
    getDirectoryHandle: async (child: string) => fakeFolder(child, files, log, `${prefix}${child}/`),
    getFileHandle: async (file: string) => ({
      kind: 'file',
      name: file,
      createWritable: async () => {
        const chunks: Uint8Array[] = [];
        return {
          write: async (c: Uint8Array) => void chunks.push(c.slice()),
          close: async () => {
            files.set(prefix + file, Buffer.concat(chunks));
            log.push(`commit ${prefix}${file}`);
          },
          abort: async () => void log.push(`abort ${prefix}${file}`),
        };
      },
    }),
  } as unknown as FileSystemDirectoryHandle;
}

describe('worker dispatcher', () => {
  it('runs, reports progress, and returns stats, charts and Arrow previews in transfer lists', async () => {
    const h = host();
    await h.handle({ id: 1, type: 'run', simulator: 'workflow', config: { entityCount: 20_000 }, previewRows: 100 });
    const progress = h.messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    // every phase in words, and each to its end: entities, event ids, tables
    const phases = [...new Set(progress.map((p) => (p.type === 'progress' ? p.phase : '')))];
    expect(phases).toEqual(['Simulating entities', 'Writing event ids', 'Building the tables']);
    expect(progress.find((p) => p.type === 'progress' && p.phase === 'Simulating entities' && p.done === 20_000)).toMatchObject({ total: 20_000 });
    expect(progress.at(-1)).toMatchObject({ phase: 'Building the tables', done: 3, total: 3 });
    const done = h.final(1);
    expect(done?.type).toBe('ok');
    const data = (done as { data: RunSummary }).data;
    expect(data.stats.total_entities).toBe(20_000);
    expect(data.tables.map((t) => t.name)).toEqual(['events', 'entity_summary']);
    expect(data).toMatchObject({ held: true });
    expect(data.heldBytes).toBeGreaterThan(1_000_000);
    const events = tableFromIPC(data.tables[0].ipc);
    expect(events.numRows).toBe(100);
    expect(data.tables[0].rows).toBeGreaterThan(40_000);
    expect(events.schema.fields.map((f) => f.name)).toContain('transitioned_at');
    expect(h.transfers.at(-1)).toHaveLength(3);
  });

  it('writes the run as a zip of the same bytes as the CLI and Node engine, with progress per file in words', async () => {
    const h = host();
    await h.handle({ id: 1, type: 'run', simulator: 'workflow', config: { entityCount: 400, seed: 5 }, previewRows: 10 });
    await h.handle({ id: 2, type: 'package', runId: 1, format: 'parquet' });
    const direct = await zipTree(runFiles(await runSimulator(workflowSimulator, { entityCount: 400, seed: 5 }), 'parquet'));
    expect(Buffer.from(await h.zipOf(2)).equals(Buffer.from(direct))).toBe(true);
    expect(h.pkg(2)).toMatchObject({ target: 'blob', bytes: direct.length, regenerated: false });
    expect(h.pkg(2).files.map((f) => f.path)).toContain('_spindle/answer_key.parquet');
    const phases = h.messages.filter((m) => m.id === 2 && m.type === 'progress').map((m) => (m as { phase: string }).phase);
    expect(phases).toContain('Writing events.parquet, 1 of 5 files');
    expect(phases).toContain('Writing _spindle/answer_key.parquet, 5 of 5 files');
  });

  it('a run too large to hold keeps its previews only, and its download simulates it again: the same bytes, said so', async () => {
    // IoT telemetry runs whole (it cannot stream its tables): held or not is decided after the run
    const iot = findSimulator('iot-telemetry')!;
    const config = { fleetSize: 5, durationHours: 2, seed: 4 };
    const h = host({ holdLimitBytes: 1000 });
    await h.handle({ id: 1, type: 'run', simulator: 'iot-telemetry', config, previewRows: 10 });
    expect((h.final(1) as { data: RunSummary }).data).toMatchObject({ held: false });
    await h.handle({ id: 2, type: 'package', runId: 1, format: 'csv' });
    const direct = await zipTree(runFiles(await runSimulator(iot, config), 'csv'));
    expect(Buffer.from(await h.zipOf(2)).equals(Buffer.from(direct))).toBe(true);
    expect(h.pkg(2).regenerated).toBe(true);
    expect(h.messages.some((m) => m.id === 2 && m.type === 'progress' && /^Running the simulation again for the download: [A-Z]/.test(m.phase) && !m.phase.includes('Writing'))).toBe(true);
  });

  it('a run expected to outgrow the hold limit is streamed: previews, stats and charts of the whole run; its download streams it again to the same bytes', async () => {
    const config = { preset: 'support_ticket', entityCount: 70_000, seed: 2 };
    const h = host({ holdLimitBytes: 1000 });
    await h.handle({ id: 1, type: 'run', simulator: 'workflow', config, previewRows: 10 });
    const streamed = (h.final(1) as { data: RunSummary }).data;
    const whole = host();
    await whole.handle({ id: 1, type: 'run', simulator: 'workflow', config, previewRows: 10 });
    const held = (whole.final(1) as { data: RunSummary }).data;
    expect(streamed).toMatchObject({ held: false });
    expect(held).toMatchObject({ held: true });
    // the bytes the run's tables took, chunk by chunk, as the held run counts them
    expect(streamed.heldBytes / held.heldBytes).toBeGreaterThan(0.95);
    expect(streamed.heldBytes / held.heldBytes).toBeLessThan(1.05);
    expect(streamed.stats).toEqual(held.stats);
    expect(streamed.charts).toEqual(held.charts);
    for (const [i, t] of streamed.tables.entries()) {
      expect(t.rows).toBe(held.tables[i].rows);
      expect(tableFromIPC(t.ipc).toArray().map((r) => r.toJSON())).toEqual(tableFromIPC(held.tables[i].ipc).toArray().map((r) => r.toJSON()));
    }
    expect(streamed.answerKey.rows).toBe(held.answerKey.rows);
    expect(Buffer.from(streamed.answerKey.ipc).equals(Buffer.from(held.answerKey.ipc))).toBe(true);
    // progress through the simulation, in entities, to its end
    expect(h.messages.filter((m) => m.id === 1 && m.type === 'progress').at(-1)).toMatchObject({ phase: 'Simulating entities', done: 70_000, total: 70_000 });

    await h.handle({ id: 2, type: 'package', runId: 1, format: 'parquet' });
    const direct = await zipTree(runFiles(await runSimulator(workflowSimulator, config), 'parquet'));
    expect(Buffer.from(await h.zipOf(2)).equals(Buffer.from(direct))).toBe(true);
    expect(h.pkg(2).regenerated).toBe(true);
    const phases = new Set(h.messages.filter((m) => m.id === 2 && m.type === 'progress').map((m) => (m as { phase: string }).phase));
    expect(phases).toContain('Simulating again: Writing events.parquet, 1 of 5 files');
  });

  it('older runs than the two it holds can still be downloaded (simulated again)', async () => {
    const h = host();
    for (let id = 1; id <= 4; id++) await h.handle({ id, type: 'run', simulator: 'workflow', config: { entityCount: 50 * id, seed: id }, previewRows: 10 });
    await h.handle({ id: 5, type: 'package', runId: 1, format: 'jsonl' });
    expect(h.pkg(5).regenerated).toBe(true);
    expect(Buffer.from(await h.zipOf(5)).equals(Buffer.from(await zipTree(runFiles(await runSimulator(workflowSimulator, { entityCount: 50, seed: 1 }), 'jsonl'))))).toBe(true);
    await h.handle({ id: 6, type: 'package', runId: 4, format: 'jsonl' });
    expect(h.pkg(6).regenerated).toBe(false);
  });

  it('saves into a picked folder: every file of the tree, each committed when complete', async () => {
    const h = host();
    const files = new Map<string, Uint8Array>();
    await h.handle({ id: 1, type: 'run', simulator: 'operational-log', config: { eventsPerHour: 20, durationHours: 2, seed: 4 }, previewRows: 10 });
    await h.handle({ id: 2, type: 'package', runId: 1, format: 'csv', target: { kind: 'folder', handle: fakeFolder('lake', files) } });
    expect(h.pkg(2)).toMatchObject({ target: 'folder' });
    const zipped = unzipSync(await zipTree(runFiles(await runSimulator((await import('../core/registry')).findSimulator('operational-log')!, { eventsPerHour: 20, durationHours: 2, seed: 4 }), 'csv')));
    expect([...files.keys()]).toEqual(Object.keys(zipped));
    for (const [path, bytes] of files) expect(Buffer.from(bytes).equals(Buffer.from(zipped[path])), path).toBe(true);
    expect(h.pkg(2).bytes).toBe([...files.values()].reduce((a, b) => a + b.length, 0));
  });

  it('a cancelled save stops, aborts the file being written, commits nothing more and reports no success', async () => {
    const h = host();
    const log: string[] = [];
    await h.handle({ id: 1, type: 'run', simulator: 'workflow', config: { entityCount: 30_000, seed: 1 }, previewRows: 10 });
    const pending = h.handle({ id: 2, type: 'package', runId: 1, format: 'csv', target: { kind: 'folder', handle: fakeFolder('x', new Map(), log) } });
    await new Promise((r) => setTimeout(r, 5));
    await h.handle({ id: 3, type: 'cancel', target: 2 } satisfies WorkerRequest);
    await pending;
    expect(h.final(2)?.type === 'error' && (h.final(2) as { error: { name: string } }).error.name).toBe('AbortError');
    expect(log.at(-1)).toMatch(/^abort /);
    expect(log).not.toContain('commit _spindle/answer_key.csv');
  });

  it('returns config errors as data, naming the field', async () => {
    const h = host();
    await h.handle({ id: 1, type: 'run', simulator: 'workflow', config: { entityCount: -1 }, previewRows: 10 });
    const msg = h.final(1);
    expect(msg?.type).toBe('error');
    if (msg?.type !== 'error') return;
    expect(msg.error.name).toBe('ConfigError');
    expect(msg.error.issues?.[0]).toEqual({ path: 'entityCount', message: '-1 is out of range; allowed: an integer from 0 to 5,000,000' });
  });

  it('cancels a run at its next checkpoint', async () => {
    const h = host();
    const run = h.handle({ id: 1, type: 'run', simulator: 'workflow', config: { entityCount: 2_000_000 }, previewRows: 10 });
    await new Promise((r) => setTimeout(r, 30));
    await h.handle({ id: 2, type: 'cancel', target: 1 } satisfies WorkerRequest);
    await run;
    const msg = h.final(1);
    expect(msg?.type).toBe('error');
    expect(msg?.type === 'error' && msg.error.name).toBe('AbortError');
  });

  it('says so when asked to package a run it never had', async () => {
    const h = host();
    await h.handle({ id: 7, type: 'package', runId: 99, format: 'csv' });
    const msg = h.final(7);
    expect(msg?.type === 'error' && msg.error.message).toMatch(/no longer in memory/);
  });
});
