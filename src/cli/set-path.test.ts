import { describe, expect, it } from 'vitest';
import { workflowConfig } from '../core/simulators/workflow/workflow.config';
import { UsageError } from './args';
import { applySets, setPath } from './set-path';

describe('--set paths', () => {
  it("reuses the config file's spelling of a key, so a --set overrides it instead of giving the field twice", () => {
    const raw: Record<string, unknown> = { entity_count: 5, states: [{ is_initial: true, name: 'a' }] };
    setPath(raw, 'entityCount', 9);
    setPath(raw, 'states.0.isInitial', false);
    expect(raw).toEqual({ entity_count: 9, states: [{ is_initial: false, name: 'a' }] });
  });

  it('defines own properties only: __proto__ becomes a key the schema refuses, never a prototype', () => {
    const raw: Record<string, unknown> = {};
    setPath(raw, '__proto__.polluted', 1);
    setPath(raw, 'constructor.prototype.polluted', 1);
    expect(Object.getPrototypeOf(raw)).toBe(Object.prototype);
    expect(Object.keys(raw)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const r = workflowConfig.parse(raw);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['__proto__', 'constructor']);
  });

  it('list indices: an existing item or the next one; a gap, a non-index or a step into a scalar is refused', () => {
    const raw: Record<string, unknown> = { tags: ['a'] };
    setPath(raw, 'tags.1', 'b');
    expect(raw.tags).toEqual(['a', 'b']);
    expect(() => setPath(raw, 'tags.3', 'd')).toThrow(new UsageError('--set tags.3: tags has 2 items, so item 3 would leave a gap; allowed: an index from 0 to 1, or 2 for a new last item'));
    expect(() => setPath(raw, 'tags.first', 'x')).toThrow(/tags is a list; "first" is not an item index/);
    expect(() => setPath(raw, 'tags.0.x', 1)).toThrow(/tags\.0 is "a", not an object or a list, so it has no "x"/);
    expect(() => setPath(raw, 'a..b', 1)).toThrow(/a part of the key is empty/);
  });

  it('a list the config leaves to its preset starts from the resolved list; each --set sees the ones before it', () => {
    const raw: Record<string, unknown> = {};
    applySets(raw, [{ key: 'preset', value: 'employee_onboarding' }, { key: 'transitions.0.dwellHoursMean', value: 3 }], workflowConfig);
    const r = workflowConfig.parse(raw);
    expect(r.ok).toBe(true);
    const preset = workflowConfig.parse({ preset: 'employee_onboarding' });
    if (!r.ok || !preset.ok) return;
    expect(r.value.transitions).toEqual([{ ...preset.value.transitions[0], dwellHoursMean: 3 }, ...preset.value.transitions.slice(1)]);
    // a list given explicitly is kept as given: only a missing or empty list is filled in
    const own: Record<string, unknown> = { transitions: [{ fromState: 'created', toState: 'confirmed' }] };
    applySets(own, [{ key: 'transitions.0.probability', value: 0.5 }], workflowConfig);
    expect(own.transitions).toEqual([{ fromState: 'created', toState: 'confirmed', probability: 0.5 }]);
  });
});
