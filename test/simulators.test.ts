/**
 * What every registered simulator must do, checked over SIMULATORS so that a new simulator
 * gets these tests by being registered: its config round-trips through _spindle/config.json,
 * `describe` lists every field, two runs give the same tree, every table file reads back with
 * an independent reader in every format, and the CLI's exit codes hold for it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS, type OutputFormat } from '../src/core/output/formats';
import { buildTree, materialise, streamedRunFiles, zipTree, type WrittenFile } from '../src/core/output/tree';
import { tableRows } from '../src/core/table/column';
import { SIMULATORS } from '../src/core/registry';
import { resolveConfig, runSimulator, streamSimulator, type RunOutput } from '../src/core/run';
import type { Field, FieldDescription, Shape } from '../src/core/schema/fields';
import type { SimulatorDef } from '../src/core/simulator';
import { runCli, tmp } from './cli-harness';
import { expectFileHolds, readCsv, readRows } from './readers';
import { treeHash } from './tree-hash';

/**
 * A smaller config where a simulator's defaults take seconds (a month of landing slots, each
 * partition written in every format): a week is enough for what these tests check, and each
 * simulator is run several times here (in process and by the CLI).
 */
const SMALL: Readonly<Record<string, Record<string, unknown>>> = {
  'file-drop': { dateRangeEnd: '2024-01-07' },
  'scd2-file-drop': { numDeltaDays: 7 },
  hybrid: { fileDropConfig: { dateRangeEnd: '2024-01-07' } },
};

const small = (def: SimulatorDef) => ({ ...(SMALL[def.id] ?? {}), seed: 7 });
const setArgs = (def: SimulatorDef) => Object.entries(SMALL[def.id] ?? {}).flatMap(([k, v]) => ['--set', `${k}=${JSON.stringify(v)}`]);

const runs = new Map<string, Promise<RunOutput>>();
/** One small run per simulator, shared by the tests that only read it. */
const runOf = (def: SimulatorDef) => {
  if (!runs.has(def.id)) runs.set(def.id, runSimulator(def, small(def)));
  return runs.get(def.id)!;
};

const fileAt = (files: readonly WrittenFile[], path: string) => {
  const f = files.find((x) => x.path === path);
  if (!f) throw new Error(`no ${path} in the tree (${files.map((x) => x.path).join(', ')})`);
  return f;
};

/** Field names of a shape and of nested object and list-item shapes, against what describe says. */
function expectDescribed(shape: Shape, described: readonly FieldDescription[], at: string): void {
  expect(described.map((d) => d.name), `${at}: describe lists every field, in order`).toEqual(Object.keys(shape));
  for (const d of described) {
    const field: Field<unknown> = shape[d.name];
    expect(d.help, `${at}${d.name}: help`).toMatch(/\S/);
    expect(d.label, `${at}${d.name}: label`).toMatch(/\S/);
    expect(d.type, `${at}${d.name}: type`).toMatch(/\S/);
    expect(d.required === true, `${at}${d.name}: required exactly when it has no default`).toBe(field.default === undefined);
    const inner = field.kind === 'nullable' ? field.inner! : field;
    if (inner.kind === 'object') expectDescribed(inner.shape!, d.fields ?? [], `${at}${d.name}.`);
    if (inner.kind === 'array' && inner.item!.kind === 'object') expectDescribed(inner.item!.shape!, d.items?.fields ?? [], `${at}${d.name}[].`);
  }
}

/** Every file under a folder, as tree paths. */
function listTree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => relative(dir, join(dir, p)).split('\\').join('/'))
    .sort();
}

describe.each(SIMULATORS.map((s) => [s.id, s] as const))('every simulator: %s', (id, def) => {
  it('config round trip: the resolved config → _spindle/config.json → parse gives the same config, and the same run', async () => {
    const run = await runOf(def);
    const files = await buildTree(run, 'jsonl');
    const manifest = JSON.parse(new TextDecoder().decode(fileAt(files, '_spindle/config.json').bytes));
    expect(manifest).toMatchObject({ simulator: id, seed: 7, format: 'jsonl' });
    expect(resolveConfig(def, manifest.config)).toEqual(run.config);
    const defaults = def.schema.defaults();
    expect(resolveConfig(def, JSON.parse(JSON.stringify(defaults)))).toEqual(resolveConfig(def, {}));
    const again = await runSimulator(def, manifest.config);
    expect(treeHash(await buildTree(again, 'jsonl'))).toBe(treeHash(files));
  });

  it('describe lists every field, nested ones too, with type, label and help', async () => {
    expectDescribed(def.schema.shape, def.schema.describe(), '');
    const r = await runCli(['describe', id]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ id, title: def.title, summary: def.summary, fields: JSON.parse(JSON.stringify(def.schema.describe())) });
  });

  it('determinism: two runs of the same config and seed give the same tree in every format, and the same zip', async () => {
    const [a, b] = [await runOf(def), await runSimulator(def, small(def))];
    for (const format of OUTPUT_FORMATS) {
      const [ta, tb] = [await buildTree(a, format), await buildTree(b, format)];
      expect(treeHash(tb), format).toBe(treeHash(ta));
      if (format === 'parquet') expect(Buffer.from(await zipTree(tb)).equals(Buffer.from(await zipTree(ta)))).toBe(true);
    }
  });

  it.runIf(def.stream !== undefined)('a streamed run (tables produced as they are written) gives the held run\'s tree in every format, and its stats, charts and answer key', async () => {
    const held = await runOf(def);
    for (const format of OUTPUT_FORMATS) {
      const streamed = await streamSimulator(def, small(def));
      expect(treeHash(await materialise(streamedRunFiles(streamed, format))), format).toBe(treeHash(await buildTree(held, format)));
      const rest = streamed.result.finish();
      expect(rest.stats).toEqual(held.result.stats);
      expect(rest.charts).toEqual(held.result.charts);
      expect(tableRows(rest.answerKey.finish())).toEqual(tableRows(held.result.answerKey.finish()));
    }
  });

  it('progress names every phase in words a user knows: capitalised words, never an internal name', async () => {
    const phases = new Set<string>();
    await runSimulator(def, small(def), { onProgress: (p) => phases.add(p.phase) });
    expect(phases.size).toBeGreaterThan(0);
    for (const phase of phases) expect(phase).toMatch(/^[A-Z][a-z]+:? \S.*[^ ]$/);
  });

  it('a run for a host that draws no charts (the CLI) leaves them out and gives the same tree, stats and answer key', async () => {
    const [a, b] = [await runOf(def), await runSimulator(def, small(def), { charts: false })];
    expect(a.result.charts).toBeDefined();
    expect(b.result.charts).toBeUndefined();
    expect(b.result.stats).toEqual(a.result.stats);
    expect(treeHash(await buildTree(b, 'jsonl'))).toBe(treeHash(await buildTree(a, 'jsonl')));
  });

  it.each(OUTPUT_FORMATS.map((f) => [f] as const))('an independent reader reads every file of a small run written as %s', async (format: OutputFormat) => {
    const run = await runOf(def);
    const files = await buildTree(run, format);
    for (const t of run.result.tables) await expectFileHolds(fileAt(files, `${t.name}.${format}`).bytes, format, t, `${id}/${t.name}.${format}`);
    await expectFileHolds(fileAt(files, `_spindle/answer_key.${format}`).bytes, format, run.result.answerKey.finish(), `${id} answer key`);
    // every other file is valid in the format its name says
    for (const f of files) {
      const text = () => new TextDecoder('utf-8', { fatal: true }).decode(f.bytes);
      if (f.path.endsWith('.json')) expect(() => JSON.parse(text()), f.path).not.toThrow();
      else if (f.path.endsWith('.jsonl') || f.path.endsWith('.ndjson')) await readRows(f.bytes, 'jsonl');
      else if (f.path.endsWith('.csv')) expect(readCsv(text()).length, f.path).toBeGreaterThan(0);
      else if (f.path.endsWith('.parquet')) await readRows(f.bytes, 'parquet');
    }
  });

  it('CLI: --stats prints the stats as one JSON line (exit 0); --out writes the tree; a folder with files is refused unless --force', async () => {
    const run = await runOf(def);
    const stats = await runCli([id, ...setArgs(def), '--seed', '7', '--stats']);
    expect(stats).toMatchObject({ code: 0, stderr: '' });
    expect(stats.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(stats.stdout)).toEqual(JSON.parse(JSON.stringify(run.result.stats)));

    const dir = join(tmp(), 'out');
    const first = await runCli([id, ...setArgs(def), '--seed', '7', '--format', 'csv', '--out', dir]);
    expect(first.code, first.stderr).toBe(0);
    const tree = await buildTree(run, 'csv');
    expect(listTree(dir)).toEqual(tree.map((f) => f.path).sort());
    for (const f of tree) expect(Buffer.from(readFileSync(join(dir, f.path))).equals(Buffer.from(f.bytes)), f.path).toBe(true);

    const again = await runCli([id, ...setArgs(def), '--format', 'csv', '--out', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(new RegExp(`^error: --out ${dir.replace(/[/\\.]/g, '\\$&')}: the folder already holds .*add --force to write into it\\n$`));
    expect((await runCli([id, ...setArgs(def), '--seed', '7', '--format', 'csv', '--out', dir, '--force'])).code).toBe(0);
  });

  it('CLI: every top-level field refuses a value of the wrong kind or out of range with exit 2 and one line naming it', async () => {
    const probes: [string, string][] = [['noSuchField', '1']];
    for (const [name, field] of Object.entries(def.schema.shape)) {
      const inner = field.kind === 'nullable' ? field.inner! : field;
      if (inner.kind === 'int' || inner.kind === 'number') {
        probes.push([name, '"text"']);
        if (inner.max !== undefined) probes.push([name, String(inner.max * 2 + 1)]);
        if (inner.min !== undefined) probes.push([name, String(inner.min - 1)]);
      } else if (inner.kind === 'bool') probes.push([name, '"maybe"']);
      else if (inner.kind === 'enum') probes.push([name, 'no-such-value']);
      else if (inner.kind === 'array') probes.push([name, '{"not":"a list"}']);
      else if (inner.kind === 'object') probes.push([name, '[1]']);
      else if (inner.kind === 'string' || inner.kind === 'instant') probes.push([name, '12']);
    }
    for (const [name, value] of probes) {
      const r = await runCli([id, '--set', `${name}=${value}`, '--stats']);
      expect(r.code, `${name}=${value}: ${r.stderr}`).toBe(2);
      expect(r.stderr, `${name}=${value}`).toMatch(new RegExp(`^error: ${name}: [^\\n]+\\n$`));
      expect(r.stdout).toBe('');
    }
  });
});
