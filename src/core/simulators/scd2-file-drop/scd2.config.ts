import { dayField, entitiesField, folderPathField, formatsField, segmentField } from '../../landing/fields';
import { seedField } from '../../schema/common';
import { defineConfig } from '../../schema/config';
import { f, type InferShape, type Issue } from '../../schema/fields';

/** The delta files' change-type column (spec §4). */
export const DELTA_TYPE_COLUMN = '_delta_type';

const columnName = (meta: { default: string; label: string; help: string }) => f.string({ ...meta, minLength: 1, maxLength: 200, group: 'History columns' });

const trackedColumns = f.array(f.string({ minLength: 1, maxLength: 200, help: 'A column name.' }), {
  default: [],
  maxItems: 1000,
  label: 'Tracked columns',
  help: 'Columns whose changes make a new version (bool, number or text). Empty: every bool, number and text column except the key and names ending in _id.',
  group: 'Keys and columns',
});

const shape = {
  domain: segmentField({ default: 'default', label: 'Domain', help: 'Folder under the base path for this source system, e.g. crm.', group: 'Landing zone' }),
  basePath: folderPathField({ default: 'Files/landing', label: 'Base path', help: 'Root folder of the landing zone (a lakehouse Files/landing).', group: 'Landing zone' }),
  formats: formatsField({ label: 'Formats', help: 'File formats; the snapshot and every delta land once per format.', group: 'Landing zone' }),
  manifestEnabled: f.bool({ default: true, label: 'Manifests', help: 'Write _manifest.json (files and row, insert and update counts) in every drop folder.', group: 'Landing zone' }),
  entities: entitiesField({ label: 'Tables', help: 'Dimension tables to track, in this order; empty tracks every input table.', group: 'Keys and columns' }),
  businessKeyColumn: f.string({
    default: '',
    maxLength: 200,
    label: 'Business key',
    help: 'The column that identifies an entity (int or text, unique, no nulls) in every table. Empty: per table, `id`, else `<table>_id`, else the first column ending in _id.',
    group: 'Keys and columns',
  }),
  scd2Columns: trackedColumns,
  effectiveDateColumn: columnName({ default: 'valid_from', label: 'Valid from', help: 'Column holding when a version starts (UTC timestamp).' }),
  endDateColumn: columnName({ default: 'valid_to', label: 'Valid to', help: 'Column holding when a version ends (null while it is current); intervals are half-open.' }),
  isCurrentColumn: columnName({ default: 'is_current', label: 'Is current', help: 'Column flagging the current version of each key.' }),
  initialLoadDate: dayField({ default: '2024-01-01', label: 'Snapshot date', help: 'The full snapshot lands at 00:00 UTC of this day; delta day d is d days later.', group: 'Schedule' }),
  numDeltaDays: f.int({ default: 30, min: 0, max: 3660, unit: 'days', label: 'Delta days', help: 'Daily delta files after the snapshot.', group: 'Schedule' }),
  dailyChangeRate: f.probability({ default: 0.05, label: 'Daily change rate', help: 'Share of the current keys updated each day (at least one when above 0).', group: 'Changes' }),
  dailyNewRate: f.number({
    default: 0.02,
    min: 0,
    max: 10,
    step: 0.01,
    label: 'Daily new rate',
    help: 'New keys per day as a share of the initial key count (at least one when above 0).',
    group: 'Changes',
  }),
  seed: seedField(),
};

export type Scd2Config = InferShape<typeof shape>;

function validate(c: Scd2Config): Issue[] {
  const issues: Issue[] = [];
  const names: [keyof Scd2Config, string][] = [
    ['effectiveDateColumn', c.effectiveDateColumn],
    ['endDateColumn', c.endDateColumn],
    ['isCurrentColumn', c.isCurrentColumn],
  ];
  names.forEach(([field, name], i) => {
    const other = names.slice(0, i).find(([, n]) => n === name);
    if (other) issues.push({ path: field, message: `"${name}" is also ${other[0]}; allowed: three different column names` });
    else if (name === DELTA_TYPE_COLUMN) issues.push({ path: field, message: `"${name}" is the delta files' change-type column; allowed: another name` });
  });
  const seen = new Map<string, number>();
  c.scd2Columns.forEach((name, i) => {
    const j = seen.get(name);
    if (j !== undefined) issues.push({ path: `scd2Columns.${i}`, message: `"${name}" is a duplicate of scd2Columns.${j}; allowed: each column at most once` });
    seen.set(name, i);
    if (name === c.businessKeyColumn) issues.push({ path: `scd2Columns.${i}`, message: `"${name}" is the business key; allowed: columns other than the key` });
  });
  return issues;
}

export const scd2Config = defineConfig(shape, validate);
