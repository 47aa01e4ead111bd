/**
 * A probe of bad command lines (issue 7 §4), run through the CLI's main() in-process: each
 * must be refused with exit 2 (a bad command line or config, a run too large) or 1 (a place
 * that cannot be written), one line on stderr that says what is wrong in words, nothing on
 * stdout, never a stack or a raw system error, and never a key that reaches a prototype.
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SIMULATORS } from '../src/core/registry';
import { runCli, tmp } from './cli-harness';

const dir = tmp('spindle-probe-');
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const holding = join(dir, 'holding');
mkdirSync(holding);
writeFileSync(join(holding, 'old.csv'), 'a\n1\n');

const ONCE = ['--config', '--seed', '--format', '--out', '--zip', '--input', '--stats', '--force'];
const VALUE: Record<string, string> = { '--config': file('ok.json', '{}'), '--seed': '1', '--format': 'csv', '--out': join(dir, 'o'), '--zip': join(dir, 'z.zip'), '--input': 'retail:fixture' };
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf'];
const CYCLIC = {
  preset: 'custom',
  entityCount: 5_000_000,
  maxTransitionsPerEntity: 1000,
  states: [{ name: 'a', isInitial: true }, { name: 'b' }, { name: 'c', isTerminal: true }],
  transitions: [
    { fromState: 'a', toState: 'b' },
    { fromState: 'b', toState: 'a', probability: 999 },
    { fromState: 'b', toState: 'c' },
  ],
};

/** [argv, expected exit code]: the probe's table, built per simulator and per schema where it can be. */
function probeTable(): [string[], 1 | 2][] {
  const t: [string[], 1 | 2][] = [];
  const two = (...argv: string[]) => t.push([argv, 2]);
  const one = (...argv: string[]) => t.push([argv, 1]);
  // commands
  two('nope');
  two('nope', '--stats');
  two('describe');
  two('describe', 'nope');
  two('describe', 'workflow', 'extra');
  two('list', 'extra');
  two('help', 'me');
  two('domain');
  two('domain', 'nope', '--stats');
  two('domain', 'retail', '--scale', 'small', '--scale', 'fixture', '--stats');
  two('domain', 'retail', '--config', VALUE['--config'], '--stats');
  two('inspect');
  two('inspect', '--input', 'nope:fixture');
  two('inspect', '--input', 'retail:fixture', '--extra');
  for (const sim of SIMULATORS.map((s) => s.id)) {
    // option syntax
    two(sim);
    two(sim, 'stray', '--stats');
    two(sim, '--nope', '--stats');
    two(sim, '-s');
    two(sim, '--stats=1');
    two(sim, '--force', '--stats');
    two(sim, '--force=yes', '--out', join(dir, 'f'));
    for (const flag of ONCE) {
      if (flag === '--stats' || flag === '--force') two(sim, '--out', join(dir, `rep-${flag}`), flag, flag);
      else {
        two(sim, flag, VALUE[flag], flag, VALUE[flag], '--stats');
        two(sim, flag, '--stats');
        two(sim, `${flag}=`, '--stats');
        two(sim, '--stats', flag);
      }
    }
    for (const seed of ['abc', '-1', '1.5', '2147483648', '1e3', ' 1', '0x10', '99999999999999999999']) two(sim, '--seed', seed, '--stats');
    for (const format of ['xml', 'PARQUET', 'json', 'parquet ']) two(sim, '--format', format, '--stats');
    // --set syntax and keys
    for (const kv of ['noequals', '=1', 'a..b=1', '.a=1', 'a.=1', 'nope=1', 'seed=1e309', 'seed=-1e309', 'seed=NaN', 'seed=Infinity', 'seed=[1]']) two(sim, '--set', kv, '--stats');
    two(sim, '--set', 'seed=1', '--set', 'seed=2', '--stats');
    two(sim, '--set', 'seed=1', '--set=seed=2', '--stats');
    for (const key of PROTO_KEYS) {
      two(sim, '--set', `${key}=1`, '--stats');
      two(sim, '--set', `${key}.polluted=1`, '--stats');
      two(sim, '--set', `${key}.constructor.prototype.polluted=1`, '--stats');
    }
    // lists: indices past the end, not indices, holes
    const spec = SIMULATORS.find((s) => s.id === sim)!;
    for (const [name, field] of Object.entries(spec.schema.shape)) {
      if (field.kind !== 'array') continue;
      for (const index of ['4294967295', '100000000000000000000', '-1', '01', '1.5', 'x', '999']) two(sim, '--set', `${name}.${index}=1`, '--stats');
      two(sim, '--set', `${name}=[]`, '--set', `${name}.3=1`, '--stats');
      two(sim, '--set', `${name}.0.__proto__.polluted=1`, '--stats');
      two(sim, '--config', file(`${sim}-${name}-sparse.json`, `{"${name}": [null, null]}`), '--stats');
    }
    // config files
    for (const [name, content] of [
      ['not-json', '{nope'],
      ['array', '[1, 2]'],
      ['null', 'null'],
      ['number', '42'],
      ['empty', ''],
      ['proto', '{"__proto__": {"polluted": 1}}'],
      ['constructor', '{"constructor": {"prototype": {"polluted": 1}}}'],
      ['big', '{"seed": 1e400}'],
      ['bom-bad', '\uFEFF{nope'],
      ['nested-proto', '{"seed": 1, "x": {"__proto__": 1}}'],
    ] as const) {
      two(sim, '--config', file(`${sim}-${name}.json`, content), '--stats');
    }
    two(sim, '--config', file(`${sim}-binary.json`, new Uint8Array([0, 159, 146, 150, 255])), '--stats');
    two(sim, '--config', join(dir, 'missing.json'), '--stats');
    two(sim, '--config', dir, '--stats');
    // targets
    two(sim, '--out', holding);
    one(sim, '--out', '/proc/nope');
    one(sim, '--out', '/proc/nope/deeper');
    one(sim, '--zip', '/proc/nope/x.zip');
    one(sim, '--zip', '/proc/x.zip');
    one(sim, '--out', '/etc/hostname');
    one(sim, '--out', '/etc/hostname/x');
    one(sim, '--zip', '/etc/hostname/x.zip');
    one(sim, '--zip', dir);
  }
  // runs this engine cannot hold, refused with the estimate before anything runs
  two('workflow', '--config', file('cyclic.json', JSON.stringify(CYCLIC)), '--stats');
  two('workflow', '--config', file('cyclic-out.json', JSON.stringify(CYCLIC)), '--out', join(dir, 'never'));
  two('operational-log', '--set', 'eventsPerHour=83000', '--stats');
  // the engine's own checks through the CLI
  two('workflow', '--set', 'transitions.0.fromState=nowhere', '--stats');
  two('workflow', '--set', 'states.0.metadata.__proto__.x=1', '--stats');
  two('workflow', '--input', 'retail:fixture', '--stats');
  return t;
}

afterAll(() => {
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.prototype).not.toHaveProperty('x');
});

const ONE_LINE = /^error: [^\n]+\n$/;
/** A raw system error (`EISDIR: illegal operation …`), a stack frame, or a JS type error leaking through. */
const RAW = /\bE[A-Z]{2,}: |\n\s+at |Cannot read properties|is not a function|undefined|\[object Object\]/;

describe('CLI probe: bad command lines', () => {
  const table = probeTable();

  it(`has a large table (${table.length} command lines)`, () => {
    expect(table.length).toBeGreaterThan(400);
  });

  it.each(table.map(([argv, code]) => [argv.join(' '), argv, code] as const))('%s', async (_, argv, code) => {
    const r = await runCli([...argv]);
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code, stdout: '' });
    expect(r.stderr).toMatch(ONE_LINE);
    expect(r.stderr).not.toMatch(RAW);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('never writes to a place it refused: the probe left no files outside its own folder', async () => {
    for (const p of ['/proc/nope', join(dir, 'never')]) await expect(import('node:fs').then((fs) => fs.existsSync(p))).resolves.toBe(false);
  });
});

describe('CLI probe: generated command lines (property)', () => {
  const TOKENS = [
    'workflow', 'clickstream', 'list', 'describe', '--set', '--seed', '--format', '--stats', '--force', '--config', '--out',
    'entityCount=30', 'entity_count=40', 'users=5', 'transitions.0.probability=0.5', 'transitions.9.probability=1', '__proto__.x=1',
    'constructor=1', 'funnelStages.7=z', 'seed=1e309', '1', '-1', '7', 'csv', 'jsonl', 'xml', '', '=', '--', '-', 'OUT', 'CONFIG',
  ];
  it('any mix of tokens exits 0 or 2, and a refusal is one line that says what is wrong', async () => {
    const config = file('gen.json', '{"entityCount": 20}');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...TOKENS), { maxLength: 8 }), async (tokens) => {
        const argv = tokens.map((x) => (x === 'OUT' ? join(tmp('spindle-gen-'), 'o') : x === 'CONFIG' ? config : x));
        if (argv[0] === 'clickstream') argv.push('--set', 'users=5'); // keep generated runs small
        const r = await runCli(argv);
        expect([0, 2]).toContain(r.code);
        if (r.code !== 0) {
          expect(r.stderr).toMatch(ONE_LINE);
          expect(r.stderr).not.toMatch(RAW);
        }
        expect(Object.prototype).not.toHaveProperty('x');
      }),
      { numRuns: 150 },
    );
  });
});
