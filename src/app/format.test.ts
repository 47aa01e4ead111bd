import { describe, expect, it } from 'vitest';
import { formatCount } from './format';

describe('formatCount', () => {
  it('says one item, and many items with thousands separated', () => {
    expect(formatCount(1, 'item')).toBe('1 item');
    expect(formatCount(0, 'item')).toBe('0 items');
    expect(formatCount(1234567, 'row')).toBe('1,234,567 rows');
    expect(formatCount(2, 'entry', 'entries')).toBe('2 entries');
    expect(formatCount(1, 'fraud burst')).toBe('1 fraud burst');
  });
});
