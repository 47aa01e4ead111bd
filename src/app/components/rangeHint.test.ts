import { describe, expect, it } from 'vitest';
import { f } from '../../core/schema/fields';
import { rangeHint } from './fields';

describe('range hints say what validation applies, for people', () => {
  it('inclusive, exclusive and open bounds in words, with separators', () => {
    expect(rangeHint(f.int({ help: '', min: 0, max: 1_000_000 }))).toBe('0 – 1,000,000');
    expect(rangeHint(f.number({ help: '', min: 0, minExclusive: true, max: 8784 }))).toBe('over 0, up to 8,784');
    expect(rangeHint(f.probability({ help: '', default: 0.1, maxExclusive: true }))).toBe('0 to under 1');
    expect(rangeHint(f.number({ help: '', min: 1 }))).toBe('≥ 1');
  });

  it('a tighter bound from other fields replaces the static one and says why', () => {
    const users = f.int({ help: '', min: 0, max: 1_000_000 });
    expect(rangeHint(users, { max: 466_450, because: 'with these settings' })).toBe('0 – 466,450 with these settings');
    expect(rangeHint(users, { max: 2_000_000, because: 'with these settings' })).toBe('0 – 1,000,000');
  });
});
