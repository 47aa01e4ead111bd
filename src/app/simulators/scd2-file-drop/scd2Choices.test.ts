import { describe, expect, it } from 'vitest';
import type { PickerTable } from '../../components/inputs/pickerTables';
import { chosenTables, commonColumns, keyCandidates, likelyKey, proposedTracked, toggleTracked, trackedCandidates, trackedState, withTables } from './scd2Choices';

const customer: PickerTable = {
  name: 'customer',
  rows: 5,
  detected: null,
  columns: [
    { name: 'customer_id', type: 'int', unique: true },
    { name: 'name', type: 'string' },
    { name: 'tier', type: 'string', unique: false },
    { name: 'score', type: 'float' },
    { name: 'active', type: 'bool' },
    { name: 'store_id', type: 'int' },
    { name: 'joined_at', type: 'timestamp' },
  ],
};
const store: PickerTable = {
  name: 'store',
  rows: 3,
  detected: null,
  columns: [
    { name: 'id', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'active', type: 'bool' },
  ],
};
const tables = [customer, store];

describe('SCD2 pickers', () => {
  it('chooses every table when none is named, else the named ones that exist', () => {
    expect(chosenTables(tables, {}).map((t) => t.name)).toEqual(['customer', 'store']);
    expect(chosenTables(tables, { entities: ['store', 'nope'] }).map((t) => t.name)).toEqual(['store']);
  });

  it('offers as keys only int or text columns every chosen table has', () => {
    expect(commonColumns(tables).map((c) => c.name)).toEqual(['name', 'active']);
    expect(keyCandidates(tables).map((c) => c.name)).toEqual(['name']);
    expect(keyCandidates([customer]).map((c) => c.name)).toEqual(['customer_id', 'name', 'tier', 'store_id']);
  });

  it('proposes <table>_id, then id, never a column known to repeat, and nothing without a key-like or unique column', () => {
    expect(likelyKey(customer)).toBe('customer_id');
    expect(likelyKey(store)).toBe('id');
    const noKey: PickerTable = { ...store, columns: [{ name: 'id', type: 'int', unique: false }, { name: 'code', type: 'string', unique: true }, { name: 'n', type: 'float' }] };
    expect(likelyKey(noKey)).toBe('code');
    expect(likelyKey({ ...noKey, columns: [{ name: 'label', type: 'string' }] })).toBeNull();
  });

  it('never offers the key, a time column or a history column as tracked; the proposal leaves out …_id columns', () => {
    const draft = { entities: ['customer'], businessKeyColumn: '', effectiveDateColumn: 'valid_from', endDateColumn: 'valid_to', isCurrentColumn: 'is_current' };
    const cands = trackedCandidates([customer], draft);
    expect(cands.map((c) => c.name)).toEqual(['name', 'tier', 'score', 'active', 'store_id']);
    expect(proposedTracked(cands)).toEqual(['name', 'tier', 'score', 'active']);
    // a chosen key leaves the list; a table column named like a history column too
    expect(trackedCandidates([customer], { ...draft, businessKeyColumn: 'name', isCurrentColumn: 'active' }).map((c) => c.name)).toEqual(['customer_id', 'tier', 'score', 'store_id']);
  });

  it('tells the proposal, an explicit choice and "nothing chosen" apart, and toggles in column order', () => {
    const cands = trackedCandidates([customer], { entities: ['customer'] });
    expect(trackedState({ scd2Columns: [] }, cands)).toEqual({ mode: 'proposed', checked: ['name', 'tier', 'score', 'active'] });
    expect(trackedState({ scd2Columns: null }, cands)).toEqual({ mode: 'none', checked: [] });
    expect(trackedState({ scd2Columns: ['score'] }, cands)).toEqual({ mode: 'chosen', checked: ['score'] });
    expect(toggleTracked(['score'], 'name', true, cands)).toEqual(['name', 'score']);
    expect(toggleTracked(['score', 'gone'], 'tier', true, cands)).toEqual(['tier', 'score', 'gone']);
    expect(toggleTracked(['score'], 'score', false, cands)).toBeNull();
  });

  it('keeps the key and tracked columns a new table also has, and resets the rest', () => {
    const draft = { entities: ['customer'], businessKeyColumn: 'name', scd2Columns: ['active', 'score'] };
    expect(withTables(draft, ['store'], tables)).toMatchObject({ entities: ['store'], businessKeyColumn: 'name', scd2Columns: ['active'] });
    expect(withTables({ ...draft, businessKeyColumn: 'customer_id' }, ['store'], tables)).toMatchObject({ businessKeyColumn: '' });
    expect(withTables({ ...draft, scd2Columns: null }, [], tables)).toMatchObject({ entities: [], scd2Columns: [] });
  });
});
