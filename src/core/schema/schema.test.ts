import { describe, expect, it } from 'vitest';
import { defineConfig, formatIssue } from './config';
import { f } from './fields';

const schema = defineConfig(
  {
    entityCount: f.int({ default: 100, min: 0, max: 1000, help: 'n' }),
    rate: f.probability({ default: 0.5, help: 'p' }),
    mode: f.enumOf(['a', 'b'], { default: 'a', help: 'm' }),
    start: f.instant({ default: '2024-01-01T00:00:00Z', help: 's' }),
    items: f.array(f.object({ name: f.string({ minLength: 1, help: 'x' }), weight: f.number({ default: 1, min: 0, minExclusive: true, help: 'w' }) }, { help: 'i' }), {
      default: [],
      help: 'l',
    }),
    seed: f.int({ default: 42, min: 0, help: 'seed' }),
  },
  (c) => (c.rate > 0.9 && c.mode === 'b' ? [{ path: 'rate', message: 'is too high for mode b' }] : []),
);

const messages = (raw: unknown) => {
  const r = schema.parse(raw);
  return r.ok ? [] : r.issues.map(formatIssue);
};

describe('config schemas', () => {
  it('fills every default', () => {
    expect(schema.defaults()).toEqual({ entityCount: 100, rate: 0.5, mode: 'a', start: '2024-01-01T00:00:00Z', items: [], seed: 42 });
  });

  it('accepts snake_case aliases at every depth', () => {
    const r = schema.parse({ entity_count: 5, items: [{ name: 'x', weight: 2 }] });
    expect(r.ok && r.value.entityCount).toBe(5);
  });

  it('names the field, the value and what is allowed', () => {
    expect(messages({ entityCount: -5 })).toEqual(['entityCount: -5 is out of range; allowed: an integer from 0 to 1,000']);
    expect(messages({ entityCount: 2.5 })).toEqual(['entityCount: 2.5 is not an integer; allowed: an integer from 0 to 1,000']);
    expect(messages({ rate: 1.5 })).toEqual(['rate: 1.5 is out of range; allowed: a number from 0 to 1']);
    expect(messages({ mode: 'c' })).toEqual(['mode: "c" is not a known value; allowed: one of a, b']);
    expect(messages({ start: 'soon' })[0]).toMatch(/^start: "soon" is not a valid date-time; allowed: an ISO 8601/);
    expect(messages({ items: [{ name: '', weight: 0 }] })).toEqual([
      'items.0.name: "" is empty; allowed: a non-empty string of at most 10,000 characters',
      'items.0.weight: 0 is out of range; allowed: a number > 0',
    ]);
  });

  it('refuses unknown fields and fields given twice', () => {
    expect(messages({ bogus: 1 })[0]).toMatch(/^bogus: is not a known field; known fields: entityCount, rate/);
    expect(messages({ entityCount: 1, entity_count: 2 })[0]).toMatch(/entityCount: is given twice/);
    expect(messages({ items: [{ weight: 1 }] })[0]).toMatch(/^items.0.name: is required/);
  });

  it('runs cross-field checks only on otherwise valid configs', () => {
    expect(messages({ rate: 0.95, mode: 'b' })).toEqual(['rate: is too high for mode b']);
    expect(messages({ rate: 2, mode: 'b' })).toEqual(['rate: 2 is out of range; allowed: a number from 0 to 1']);
  });

  it('refuses a config that is not an object', () => {
    expect(messages([1, 2])[0]).toMatch(/is not an object/);
  });

  it('describes each field with name, alias, type, default, range and help', () => {
    const d = schema.describe();
    expect(d[0]).toMatchObject({ name: 'entityCount', alias: 'entity_count', type: 'integer', default: 100, range: { min: 0, max: 1000 }, help: 'n' });
    expect(d.find((x) => x.name === 'items')?.items?.fields?.map((x) => x.name)).toEqual(['name', 'weight']);
  });

  it('sees holes in a list (a sparse array from a form or a --set past the end), and shows non-finite numbers as they are', () => {
    const sparse: unknown[] = [{ name: 'a' }];
    sparse[2] = { name: 'c' };
    expect(messages({ items: sparse })).toEqual(['items.1: is missing (the list has a gap); allowed: a list of at most 100,000 items, each an object with fields name, weight']);
    expect(messages({ entityCount: Infinity, rate: NaN })).toEqual([
      'entityCount: Infinity is not an integer; allowed: an integer from 0 to 1,000',
      'rate: NaN is not a number; allowed: a number from 0 to 1',
    ]);
  });

  it('free-form JSON refuses a __proto__ key at any depth (the next spread would drop it or make it a prototype)', () => {
    const meta = defineConfig({ meta: f.jsonObject({ default: {}, help: 'm' }) });
    const r = meta.parse(JSON.parse('{"meta": {"ok": {"__proto__": {"x": 1}}}}'));
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual(['meta.ok.__proto__: "__proto__" is not allowed as a key; allowed: any other key']);
    expect(meta.parse({ meta: { constructor: 1, toString: 'kept as data' } }).ok).toBe(true);
  });
});
