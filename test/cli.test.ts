import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GLIBC_TUNABLES } from '../bin/allocator.mjs';
import { buildTree, zipTree } from '../src/core/output/tree';
import { runSimulator } from '../src/core/run';
import { workflowSimulator } from '../src/core/simulators/workflow';
import { getPresetWorkflow } from '../src/core/simulators/workflow/workflow.presets';
import { ENGINE_VERSION } from '../src/core/version';
import { cliLimits } from '../src/cli/main';
import { freshBundle, removeFreshBundle, runCli, spawnCli, tmp } from './cli-harness';

afterAll(removeFreshBundle);

describe('CLI contract', () => {
  it('works through npm exactly as documented', () => {
    const r = spawnSync('npm', ['run', '-s', 'sim', '--', 'list'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('file-drop');
  });

  it('package.json: the version is the engine version, and the spindle bin runs the bundle that prepare builds', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(pkg.version).toBe(ENGINE_VERSION);
    expect(pkg.bin).toEqual({ spindle: 'bin/spindle.mjs' });
    expect(pkg.scripts.prepare).toBe('node scripts/build-cli.mjs');
    expect(readFileSync('bin/spindle.mjs', 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n[\s\S]*'\.\.\/build\/cli\/spindle\.mjs'/);
  });

  const glibc = process.platform === 'linux' && Boolean((process.report.getReport() as { header?: { glibcVersionRuntime?: string } }).header?.glibcVersionRuntime);

  it.runIf(glibc && existsSync('build/cli/spindle.mjs'))(
    'on glibc the bin runs a generating command again with the allocator settings, same bytes, exit codes and signals passed through',
    async () => {
      const dir = tmp();
      const bin = (argv: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, ['bin/spindle.mjs', ...argv], { encoding: 'utf8', env: { ...process.env, GLIBC_TUNABLES: undefined, ...env } });
      const small = ['workflow', '--set', 'entityCount=300', '--seed', '5'];
      expect(bin([...small, '--zip', join(dir, 'tuned.zip')]).status).toBe(0);
      expect(bin([...small, '--zip', join(dir, 'plain.zip')], { SPINDLE_ALLOCATOR: 'default' }).status).toBe(0);
      expect(readFileSync(join(dir, 'tuned.zip')).equals(readFileSync(join(dir, 'plain.zip')))).toBe(true);
      const refused = bin(['workflow', '--set', 'entityCount=-1']);
      expect([refused.status, refused.stderr]).toEqual([2, 'error: entityCount: -1 is out of range; allowed: an integer from 0 to 5,000,000\n']);
      // a long run: its restarted process carries the settings, and SIGTERM to the bin reaches it
      const parent = spawn(process.execPath, ['bin/spindle.mjs', 'workflow', '--set', 'entityCount=5000000', '--out', join(dir, 'long')], {
        stdio: 'ignore',
        env: { ...process.env, GLIBC_TUNABLES: undefined },
      });
      const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => parent.on('exit', (code, signal) => resolve([code, signal])));
      let child = '';
      for (let tries = 0; tries < 200 && !child; tries++) {
        await new Promise((r) => setTimeout(r, 25));
        child = readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim();
      }
      expect(child).toMatch(/^\d+$/);
      // read once the child has run exec (between fork and exec it shows the parent's
      // environment); glibc then parses the variable in place, so /proc may show it whole or
      // cut at the first ':'
      const tunables = () => readFileSync(`/proc/${child}/environ`, 'utf8').split('\0').filter((e) => e.startsWith('GLIBC_TUNABLES='));
      for (let tries = 0; tries < 200 && tunables().length === 0; tries++) await new Promise((r) => setTimeout(r, 25));
      const seen = tunables();
      expect(seen).toHaveLength(1);
      expect([`GLIBC_TUNABLES=${GLIBC_TUNABLES}`, `GLIBC_TUNABLES=${GLIBC_TUNABLES.split(':')[0]}`]).toContain(seen[0]);
      parent.kill('SIGTERM');
      // the child stops: killed by the signal while it still starts, else cancelled cleanly (143)
      expect([[null, 'SIGTERM'], [143, null]]).toContainEqual(await exited);
      expect(existsSync(`/proc/${child}`)).toBe(false);
      expect(existsSync(join(dir, 'long'))).toBe(false);
    },
    60_000,
  );

  it('Ctrl-C and SIGTERM mid-landing cancel cleanly: "cancelled", 128 + the signal, no file or folder left', { timeout: 120_000 }, async () => {
    const files = (d: string): string[] => (existsSync(d) ? readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : []);
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const out = join(tmp(), 'landing');
      // hourly over a quarter: tens of thousands of files, landed while the run goes on
      const argv = ['file-drop', '--input', 'retail:small', '--set', 'cadence=hourly', '--set', 'dateRangeEnd=2024-03-31', '--seed', '1', '--out', out];
      const proc = spawn(process.execPath, [freshBundle(), ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => proc.on('exit', (c, s) => resolve([c, s])));
      for (let tries = 0; tries < 1200 && files(out).length < 200; tries++) await new Promise((r) => setTimeout(r, 25));
      expect(files(out).length, signal).toBeGreaterThanOrEqual(200);
      proc.kill(signal);
      expect(await exited, signal).toEqual([code, null]);
      expect(stderr, signal).toBe('cancelled\n');
      expect(existsSync(out), signal).toBe(false);
    }
  });

  it('the bundled bin lists, describes and runs as one process', () => {
    expect(spawnCli(['list'])).toEqual({ code: 0, stdout: 'file-drop\nscd2-file-drop\nstream-emit\nhybrid\nworkflow\nclickstream\noperational-log\nfinancial-stream\niot-telemetry\n', stderr: '' });
    const d = spawnCli(['describe', 'workflow']);
    expect(JSON.parse(d.stdout).fields.find((f: { name: string }) => f.name === 'entityCount')).toMatchObject({ type: 'integer', default: 100, range: { min: 0, max: 5_000_000 } });
    const dir = tmp();
    const r = spawnCli(['workflow', '--set', 'entityCount=50', '--out', join(dir, 'o'), '--stats']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).total_entities).toBe(50);
    expect(r.stderr).toMatch(/^workflow: 5 files \([\d.]+ KB\) written to .*\/o\/ in [\d.]+ s\n$/);
    expect(readdirSync(join(dir, 'o')).sort()).toEqual(['_spindle', 'entity_summary.parquet', 'events.parquet']);
  });

  it('--stats prints one JSON object on stdout and nothing else; --set takes snake_case keys', async () => {
    const r = await runCli(['workflow', '--set', 'entity_count=250', '--set', 'anomalyEnabled=false', '--stats']);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout);
    expect(stats.total_entities).toBe(250);
    expect(stats.anomaly_count).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('--zip writes the same bytes as the engine, and --out the same tree; a --config file is merged with --set and --seed', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ preset: 'support_ticket', entity_count: 40 }));
    const r = await runCli(['workflow', '--config', join(dir, 'c.json'), '--set', 'entityCount=60', '--seed', '11', '--format', 'csv', '--out', join(dir, 'out'), '--zip', join(dir, 'x.zip')]);
    expect(r.code, r.stderr).toBe(0);
    const run = await runSimulator(workflowSimulator, { preset: 'support_ticket', entityCount: 60, seed: 11 });
    const files = await buildTree(run, 'csv');
    expect(Buffer.from(readFileSync(join(dir, 'x.zip'))).equals(Buffer.from(await zipTree(files)))).toBe(true);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['_spindle', 'entity_summary.csv', 'events.csv']);
    expect(readFileSync(join(dir, 'out', 'events.csv')).equals(Buffer.from(files[0].bytes))).toBe(true);
  });

  it('a run above the stream limit is streamed into its files: the same zip, tree and --stats as held', async () => {
    const dir = tmp();
    const args = ['workflow', '--set', 'entityCount=70000', '--seed', '3', '--format', 'parquet', '--stats'];
    const stream = vi.spyOn(workflowSimulator, 'stream');
    const held = await runCli([...args, '--zip', join(dir, 'held.zip')]);
    expect(stream).not.toHaveBeenCalled();
    const limit = cliLimits.streamAboveBytes;
    cliLimits.streamAboveBytes = 0;
    try {
      const streamed = await runCli([...args, '--zip', join(dir, 'streamed.zip'), '--out', join(dir, 'out')]);
      expect(streamed.code, streamed.stderr).toBe(0);
      expect(stream).toHaveBeenCalledOnce();
      expect(streamed.stdout).toBe(held.stdout);
      expect(JSON.parse(streamed.stdout)).toMatchObject({ total_entities: 70_000 });
    } finally {
      cliLimits.streamAboveBytes = limit;
      stream.mockRestore();
    }
    expect(readFileSync(join(dir, 'streamed.zip')).equals(readFileSync(join(dir, 'held.zip')))).toBe(true);
    const files = await buildTree(await runSimulator(workflowSimulator, { entityCount: 70_000, seed: 3 }), 'parquet');
    expect(readFileSync(join(dir, 'out', 'events.parquet')).equals(Buffer.from(files[0].bytes))).toBe(true);
  });

  it("the README's example works: --set transitions.0.probability edits the preset's first transition, the others stay", async () => {
    const dir = tmp();
    const r = await runCli(['workflow', '--set', 'transitions.0.probability=0.5', '--format', 'jsonl', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const { config } = JSON.parse(readFileSync(join(dir, '_spindle/config.json'), 'utf8'));
    const preset = getPresetWorkflow('order_fulfillment');
    expect(config.transitions).toEqual([{ ...preset.transitions[0], probability: 0.5 }, ...preset.transitions.slice(1)]);
    expect(config.states).toEqual(preset.states);
    // after --set preset=…, a list index edits that preset's list; the next index appends, past it is a gap
    const dir2 = tmp();
    const s = await runCli(['workflow', '--set', 'preset=support_ticket', '--set', 'transitions.1.probability=0.25', '--set', 'states.7.name=archived', '--format', 'jsonl', '--out', dir2]);
    expect(s.code, s.stderr).toBe(0);
    const support = getPresetWorkflow('support_ticket');
    const second = JSON.parse(readFileSync(join(dir2, '_spindle/config.json'), 'utf8')).config;
    expect(second.transitions[1]).toEqual({ ...support.transitions[1], probability: 0.25 });
    expect(second.states.map((x: { name: string }) => x.name)).toEqual([...support.states.map((x) => x.name), 'archived']);
    const gap = await runCli(['workflow', '--set', 'preset=support_ticket', '--set', 'states.9.name=archived', '--stats']);
    expect(gap).toEqual({ code: 2, stdout: '', stderr: 'error: --set states.9.name: states has 7 items, so item 9 would leave a gap; allowed: an index from 0 to 6, or 7 for a new last item\n' });
  });

  it('a config file may start with a UTF-8 byte-order mark, as input files may', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'bom.json'), `\uFEFF${JSON.stringify({ entityCount: 30 })}`);
    const r = await runCli(['workflow', '--config', join(dir, 'bom.json'), '--stats']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).total_entities).toBe(30);
  });

  it('no key reaches a prototype: __proto__, constructor and toString are unknown fields, from --set and from config files', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'p.json'), '{"__proto__": {"polluted": true}, "entityCount": 5}');
    for (const argv of [
      ['--set', '__proto__.polluted=1'],
      ['--set', '__proto__=1'],
      ['--set', 'constructor.prototype.polluted=1'],
      ['--set', 'toString=1'],
      ['--config', join(dir, 'p.json')],
    ]) {
      const r = await runCli(['workflow', ...argv, '--stats']);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: (__proto__|constructor|toString): is not a known field; known fields: preset, /);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [['workflow', '--set', 'entityCount=-5', '--stats'], /^error: entityCount: -5 is out of range; allowed: an integer from 0 to 5,000,000\n$/],
    [['workflow', '--set', 'bogus=1', '--stats'], /^error: bogus: is not a known field/],
    [['workflow', '--set', 'entityCount=1e309', '--stats'], /^error: --set entityCount=1e309: 1e309 is beyond the largest number a config can hold/],
    [['workflow', '--seed', '1', '--seed', '2', '--stats'], /^error: --seed is given twice; allowed: each option once \(only --set repeats\)\n$/],
    [['workflow', '--set', 'entityCount=1', '--set', 'entity_count=2', '--stats'], /^error: --set entity_count is given twice \(also as --set entityCount\)/],
    [['clickstream', '--set', 'funnelStages.7=z', '--stats'], /^error: --set funnelStages\.7: funnelStages has 5 items, so item 7 would leave a gap/],
    [['operational-log', '--set', 'services.63.name=a', '--stats'], /^error: --set services\.63\.name: services has 0 items, so item 63 would leave a gap; allowed: index 0 \(a first item\)\n$/],
    [['workflow', '--format', 'xml', '--stats'], /^error: --format: "xml" is not allowed; allowed: parquet, csv, jsonl\n$/],
    [['workflow'], /^error: nothing to write/],
    [[], /^error: give a command: list, describe <simulator>/],
    [['nope', '--stats'], /^error: unknown simulator "nope"/],
    [['describe', 'nope'], /^error: describe: unknown simulator/],
    [['workflow', '--config', '/does/not/exist.json', '--stats'], /^error: --config: cannot read "\/does\/not\/exist\.json": it does not exist \(ENOENT\)\n$/],
    [['workflow', '--input', 'retail:fixture', '--stats'], /^error: --input: workflow takes no input tables/],
  ])('exits 2 with one line naming the problem: %s', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('CLI writes, as real processes', () => {
  it('--out /proc/nope and --zip /proc/nope/x.zip exit 1 at once with one line (they used to hang)', () => {
    for (const target of [['--out', '/proc/nope'], ['--zip', '/proc/nope/x.zip']]) {
      const r = spawnCli(['workflow', ...target], { timeout: 60_000 });
      expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: could not create the folder /proc/nope: this place does not allow new folders (ENOENT)\n' });
    }
  });

  it('--zip /dev/full exits 1 saying the disk is full, and leaves the device a device', () => {
    const r = spawnCli(['workflow', '--zip', '/dev/full']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: could not write /dev/full: the disk is full (ENOSPC)\n' });
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('a write that fails part way (file size limit: a full disk in miniature) keeps the earlier zip whole and leaves no partial files', async () => {
    const dir = tmp();
    const zip = join(dir, 'run.zip');
    expect((await runCli(['workflow', '--zip', zip])).code).toBe(0);
    const good = readFileSync(zip);
    // 256 KB per file: the small run above fits, 20,000 entities do not
    const limited = (argv: string[]) => spawnSync('bash', ['-c', 'ulimit -f 256 && exec "$@"', 'bash', process.execPath, ...argv], { encoding: 'utf8' });
    const bundle = freshBundle();
    const r = limited([bundle, 'workflow', '--set', 'entityCount=20000', '--zip', zip]);
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 1, stderr: `error: could not write ${zip}: the file would be larger than this system allows (EFBIG)\n` });
    expect(readFileSync(zip).equals(good)).toBe(true);
    expect(readdirSync(dir)).toEqual(['run.zip']);

    const out = join(dir, 'out');
    const o = limited([bundle, 'workflow', '--set', 'entityCount=20000', '--format', 'csv', '--out', out]);
    expect(o.status).toBe(1);
    expect(o.stderr).toBe(`error: could not write ${join(out, 'events.csv')}: the file would be larger than this system allows (EFBIG)\n`);
    // events.csv, the first file, failed: nothing partial is left, and the folder this run created is gone again
    expect(existsSync(out)).toBe(false);
  });
});
