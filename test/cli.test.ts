import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildTree, zipTree } from '../src/core/output/tree';
import { runSimulator } from '../src/core/run';
import { workflowSimulator } from '../src/core/simulators/workflow';
import { ENGINE_VERSION } from '../src/core/version';

/** Runs the CLI exactly as `npm run -s sim -- …` does. */
function sim(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'spindle-cli-'));

describe('CLI contract', () => {
  it('works through npm exactly as documented', () => {
    const r = spawnSync('npm', ['run', '-s', 'sim', '--', 'list'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('workflow');
  });

  it('engine version equals the package version', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).version).toBe(ENGINE_VERSION);
  });

  it('lists simulator ids, one per line', () => {
    const r = sim('list');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toContain('workflow');
  });

  it('describes a schema as JSON: name, type, default, range, help per field', () => {
    const r = sim('describe', 'workflow');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { id: string; fields: Record<string, unknown>[] };
    expect(d.id).toBe('workflow');
    expect(d.fields.find((f) => f.name === 'entityCount')).toMatchObject({ type: 'integer', default: 100, range: { min: 0, max: 5_000_000 } });
    for (const f of d.fields) expect(typeof f.help).toBe('string');
  });

  it('--stats prints one JSON object on stdout and nothing else; --set takes snake_case keys', () => {
    const r = sim('workflow', '--set', 'entity_count=250', '--set', 'anomalyEnabled=false', '--stats');
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    expect(stats.total_entities).toBe(250);
    expect(stats.anomaly_count).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('--zip writes the same bytes as the engine, and --out the same tree; a --config file is merged with --set and --seed', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ preset: 'support_ticket', entity_count: 40 }));
    const r = sim('workflow', '--config', join(dir, 'c.json'), '--set', 'entityCount=60', '--seed', '11', '--format', 'csv', '--out', join(dir, 'out'), '--zip', join(dir, 'x.zip'));
    expect(r.code).toBe(0);
    const run = await runSimulator(workflowSimulator, { preset: 'support_ticket', entityCount: 60, seed: 11 });
    const files = await buildTree(run, 'csv');
    expect(Buffer.from(readFileSync(join(dir, 'x.zip'))).equals(Buffer.from(await zipTree(files)))).toBe(true);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['_spindle', 'entity_summary.csv', 'events.csv']);
    expect(readFileSync(join(dir, 'out', 'events.csv')).equals(Buffer.from(files[0].bytes))).toBe(true);
  });

  it.each([
    [['workflow', '--set', 'entityCount=-5', '--stats'], /^error: entityCount: -5 is out of range; allowed: an integer from 0 to 5,000,000\n$/],
    [['workflow', '--set', 'bogus=1', '--stats'], /^error: bogus: is not a known field/],
    [['workflow', '--format', 'xml', '--stats'], /^error: --format: "xml" is not allowed; allowed: parquet, csv, jsonl\n$/],
    [['workflow', '--seed', 'abc', '--stats'], /^error: --seed: "abc" is not allowed/],
    [['workflow'], /^error: nothing to write/],
    [['nope', '--stats'], /^error: unknown simulator "nope"/],
    [['describe', 'nope'], /^error: describe: unknown simulator/],
    [['workflow', '--config', '/does/not/exist.json', '--stats'], /^error: --config: cannot read/],
    [['workflow', '--input', 'retail:fixture', '--stats'], /^error: --input: workflow takes no input tables/],
  ])('exits 2 with one line naming the problem: %s', (args, message) => {
    const r = sim(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});
