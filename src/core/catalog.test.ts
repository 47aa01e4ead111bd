import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalog';
import { SIMULATORS } from './registry';

describe('catalog and registry', () => {
  it('list the same simulators in the same order, each engine paired with its own spec', () => {
    expect(SIMULATORS.map((s) => s.id)).toEqual(CATALOG.map((s) => s.id));
    SIMULATORS.forEach((def, i) => {
      expect(def.schema).toBe(CATALOG[i].schema);
      expect(def.title).toBe(CATALOG[i].title);
      expect(def.inputs).toBe(CATALOG[i].inputs);
    });
  });
});
