import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runSimulator } from '../run';
import { workflowSimulator } from '../simulators/workflow';
import { ENGINE_VERSION } from '../version';
import { buildTree, zipTree } from './tree';

describe('output tree and zip', () => {
  it('holds the tables, the resolved config, the stats and the answer key, in a fixed order', async () => {
    const run = await runSimulator(workflowSimulator, { entityCount: 50, seed: 9 });
    const files = await buildTree(run, 'csv');
    expect(files.map((f) => f.path)).toEqual(['events.csv', 'entity_summary.csv', '_spindle/config.json', '_spindle/stats.json', '_spindle/answer_key.csv']);
    const config = JSON.parse(new TextDecoder().decode(files[2].bytes));
    expect(config).toMatchObject({ simulator: 'workflow', engineVersion: ENGINE_VERSION, seed: 9, format: 'csv' });
    // every default filled in: feeding it back gives the same config
    expect(config.config).toEqual(run.config);
    expect(Object.keys(config.config)).toEqual(Object.keys(workflowSimulator.schema.shape));
    const again = await runSimulator(workflowSimulator, config.config);
    expect(again.config).toEqual(run.config);
    expect(JSON.parse(new TextDecoder().decode(files[3].bytes))).toEqual(run.result.stats);
    expect(new TextDecoder().decode(files[4].bytes).split('\n')[0]).toBe('kind,table,key,time,details');
  });

  it('zips byte-identically, readable by an independent unzip (fflate), Parquet stored and text deflated', async () => {
    const run = await runSimulator(workflowSimulator, { entityCount: 300, seed: 4 });
    const files = await buildTree(run, 'parquet');
    const a = await zipTree(files);
    const b = await zipTree(await buildTree(await runSimulator(workflowSimulator, { entityCount: 300, seed: 4 }), 'parquet'));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const entries = unzipSync(a);
    expect(Object.keys(entries)).toEqual(files.map((f) => f.path));
    for (const f of files) expect(Buffer.from(entries[f.path]).equals(Buffer.from(f.bytes))).toBe(true);
    // local header compression method at offset 8: 0 = stored (the first entry is events.parquet)
    expect(a[8]).toBe(0);
    expect(String.fromCharCode(...entries['events.parquet'].subarray(0, 4))).toBe('PAR1');
  });

  it('does not depend on the time zone of the machine (fixed UTC entry dates)', async () => {
    const run = await runSimulator(workflowSimulator, { entityCount: 10 });
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    const a = await zipTree(await buildTree(run, 'jsonl'));
    process.env.TZ = 'Asia/Kolkata';
    const b = await zipTree(await buildTree(run, 'jsonl'));
    process.env.TZ = before;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
