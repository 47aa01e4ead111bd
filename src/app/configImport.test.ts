import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../core/catalog';
import { readConfigFile, readLinkConfig, validateConfig } from './configImport';
import { encodeConfig } from './share';

/** JSON that tries to break a page: nulls, wrong types, prototype keys, deep nesting, huge numbers. */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'states', 'services', 'config', 'simulator', 'preset', 'seed', 'users', 'name');
const hostile = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileKey, fc.string()), tie('value'), { maxKeys: 5 }),
  ),
})).value;

function deep(depth: number): unknown {
  let v: unknown = null;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { states: v };
  return v;
}

describe('configs from links and files: validated, never thrown', () => {
  for (const spec of CATALOG) {
    const read = (raw: unknown) => validateConfig(spec.schema, spec.id, raw);

    it(`${spec.id}: any JSON gives a valid config or a named problem`, () => {
      fc.assert(
        fc.property(hostile, (raw) => {
          const r = read(raw);
          if (r.ok) expect(spec.schema.parse(r.value).ok).toBe(true);
          else expect(r.problem.length).toBeGreaterThan(0);
          // the same through a link and through a file
          const viaLink = readLinkConfig(spec.schema, spec.id, encodeConfig(raw));
          const viaFile = readConfigFile(spec.schema, spec.id, JSON.stringify(raw));
          expect(viaLink.ok).toBe(r.ok);
          expect(viaFile.ok).toBe(r.ok);
        }),
      );
    });

    it(`${spec.id}: prototype keys and deep nesting are refused by name`, () => {
      const proto = readConfigFile(spec.schema, spec.id, '{"__proto__": {"seed": 1}, "constructor": 1}');
      expect(proto).toMatchObject({ ok: false });
      expect(({} as Record<string, unknown>).seed).toBeUndefined();
      expect(read(deep(5000))).toMatchObject({ ok: false });
      expect(read(null)).toMatchObject({ ok: false });
      expect(read([])).toMatchObject({ ok: false });
    });

    it(`${spec.id}: a cut or changed link names the problem`, () => {
      const link = encodeConfig({ seed: 7 });
      expect(readLinkConfig(spec.schema, spec.id, link)).toMatchObject({ ok: true });
      expect(readLinkConfig(spec.schema, spec.id, link.slice(0, -3))).toMatchObject({ ok: false });
      expect(readLinkConfig(spec.schema, spec.id, '%%%')).toMatchObject({ ok: false, problem: expect.stringContaining('not readable') });
    });

    it(`${spec.id}: a download's _spindle/config.json imports as is`, () => {
      const config = spec.schema.defaults() as Record<string, unknown>;
      const manifest = { simulator: spec.id, engineVersion: '0.1.0', seed: 99, format: 'parquet', config: { ...config, seed: 99 } };
      const r = readConfigFile(spec.schema, spec.id, JSON.stringify(manifest));
      expect(r).toMatchObject({ ok: true, value: { seed: 99 } });
      const other = readConfigFile(spec.schema, spec.id, JSON.stringify({ ...manifest, simulator: 'another-one' }));
      expect(other).toMatchObject({ ok: false, problem: expect.stringContaining('another-one') });
    });
  }

  it('the crafted configs of the issue are refused, not merged', () => {
    const workflow = CATALOG.find((s) => s.id === 'workflow')!;
    for (const raw of [{ states: [null] }, { preset: 'x' }, { states: [{ name: { toString: 1 } }] }]) expect(validateConfig(workflow.schema, 'workflow', raw).ok).toBe(false);
    const logs = CATALOG.find((s) => s.id === 'operational-log')!;
    expect(validateConfig(logs.schema, 'operational-log', { services: [null] }).ok).toBe(false);
  });
});
