import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { buildTree, zipTree } from '../core/output/tree';
import { runSimulator } from '../core/run';
import { workflowSimulator } from '../core/simulators/workflow';
import { collectingHost } from './test-host';
import type { PackageResult, RunSummary, WorkerRequest } from './protocol';

/** The dispatcher's responses, with the final (non-progress) one of a request. */
function host() {
  const h = collectingHost();
  return { ...h, final: (id: number) => h.messages.find((m) => m.id === id && m.type !== 'progress') };
}

describe('worker dispatcher', () => {
  it('runs, reports progress, and returns stats, charts and Arrow previews in transfer lists', async () => {
    const h = host();
    await h.handle({ id: 1, type: 'run', simulator: 'workflow', config: { entityCount: 20_000 }, previewRows: 100 });
    const progress = h.messages.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toMatchObject({ phase: 'simulate', done: 20_000, total: 20_000 });
    const done = h.final(1);
    expect(done?.type).toBe('ok');
    const data = (done as { data: RunSummary }).data;
    expect(data.stats.total_entities).toBe(20_000);
    expect(data.tables.map((t) => t.name)).toEqual(['events', 'entity_summary']);
    const events = tableFromIPC(data.tables[0].ipc);
    expect(events.numRows).toBe(100);
    expect(data.tables[0].rows).toBeGreaterThan(40_000);
    expect(events.schema.fields.map((f) => f.name)).toContain('transitioned_at');
    expect(h.transfers.at(-1)).toHaveLength(3);
  });

  it('packages the run into the same zip bytes as the CLI and Node engine', async () => {
    const h = host();
    await h.handle({ id: 1, type: 'run', simulator: 'workflow', config: { entityCount: 400, seed: 5 }, previewRows: 10 });
    await h.handle({ id: 2, type: 'package', runId: 1, format: 'parquet' });
    const pkg = (h.final(2) as { data: PackageResult }).data;
    const direct = await zipTree(await buildTree(await runSimulator(workflowSimulator, { entityCount: 400, seed: 5 }), 'parquet'));
    expect(Buffer.from(pkg.zip).equals(Buffer.from(direct))).toBe(true);
    expect(pkg.files.map((f) => f.path)).toContain('_spindle/answer_key.parquet');
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

  it('says so when asked to package a run it no longer holds', async () => {
    const h = host();
    await h.handle({ id: 7, type: 'package', runId: 99, format: 'csv' });
    const msg = h.final(7);
    expect(msg?.type === 'error' && msg.error.message).toMatch(/no longer in memory/);
  });
});
