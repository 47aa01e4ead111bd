/**
 * The SCD2 page's own settings widgets: the table, its business key and the tracked columns,
 * chosen from the tables a run would read (the Data sources page's data set, or the default
 * domain). Choices go to the config fields (`entities`, `businessKeyColumn`, `scd2Columns`), so
 * share links and `_spindle/config.json` reproduce them; the engine's shape checks run here on
 * the same tables, so a problem is named beside its field before Run.
 */
import { useId, useMemo } from 'react';
import type { Issue } from '../../../core/schema/fields';
import { scd2Config } from '../../../core/simulators/scd2-file-drop/scd2.config';
import { proposeKey, resolveScd2Shapes } from '../../../core/simulators/scd2-file-drop/scd2.inputs';
import { scd2FileDropSpec } from '../../../core/simulators/scd2-file-drop/spec';
import type { CustomField } from '../../components/ConfigForm';
import { FieldShell } from '../../components/fields';
import { ColumnChecklist, type ChecklistItem } from '../../components/inputs/ColumnChecklist';
import { useInputTables, type PickerColumn, type PickerTable } from '../../components/inputs/pickerTables';
import { formatInt } from '../../format';
import {
  chosenNames,
  chosenTables,
  effectiveKey,
  historyColumns,
  keyCandidates,
  likelyKey,
  toggleTracked,
  trackedCandidates,
  trackedState,
  withTables,
} from './scd2Choices';

const SEVERAL = '\u0000several';

/** The tables, the chosen ones, and the engine's shape issues for this draft (none while the schema has some). */
function useScd2Tables(draft: Record<string, unknown>) {
  const { tables, usingDataSet } = useInputTables(scd2FileDropSpec.inputs?.defaultDomain);
  const chosen = useMemo(() => chosenTables(tables, draft), [tables, draft]);
  const shapeIssues = useMemo(() => {
    const parsed = scd2Config.parse(draft);
    return parsed.ok && tables.length ? resolveScd2Shapes(parsed.value, tables).issues : [];
  }, [draft, tables]);
  return { tables, usingDataSet, chosen, shapeIssues };
}

const at = (issues: readonly Issue[], test: (path: string) => boolean) => issues.filter((i) => test(i.path)).map((i) => i.message);
const join = (messages: readonly (string | undefined)[]) => [...new Set(messages.filter(Boolean))].join('; ') || undefined;
const tableList = (ts: readonly PickerTable[]) => (ts.length === 1 ? ts[0].name : `the ${formatInt(ts.length)} tables`);

/** The table (or every table) the drop tracks: `entities`. */
export const TableField: CustomField = function Scd2TableField({ draft, setDraft, error, nested }) {
  const id = useId();
  const { tables, usingDataSet, shapeIssues } = useScd2Tables(draft);
  const names = chosenNames(draft);
  const single = names.length === 1 && tables.some((t) => t.name === names[0]);
  const value = names.length === 0 ? '' : single ? names[0] : SEVERAL;
  const missing = names.filter((n) => !tables.some((t) => t.name === n));
  const problem = join([error, ...nested.values(), ...at(shapeIssues, (p) => p === 'entities' || p.startsWith('entities.')).map((m) => `Table: ${m}`)]);
  return (
    <FieldShell
      id={id}
      label="Table"
      hint={usingDataSet ? 'from the data set' : 'of the default domain'}
      error={problem}
      help="The dimension table that lands a snapshot, then a delta per day. Every table: each with its own proposed key and tracked columns."
    >
      <select
        id={id}
        className="select"
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : `${id}-help`}
        onChange={(e) => e.target.value !== SEVERAL && setDraft(withTables(draft, e.target.value ? [e.target.value] : [], tables))}
      >
        <option value="">Every table ({formatInt(tables.length)})</option>
        {tables.map((t) => (
          <option key={t.name} value={t.name}>
            {t.name} · {formatInt(t.rows)} rows
          </option>
        ))}
        {value === SEVERAL && (
          <option value={SEVERAL}>
            {names.join(', ')}
            {missing.length ? ` (${missing.join(', ')} not in the data set)` : ''}
          </option>
        )}
      </select>
    </FieldShell>
  );
};

function keyOption(c: PickerColumn, single: boolean): string {
  const unique = single && c.unique !== undefined ? (c.unique ? ', unique' : ', not unique') : '';
  return `${c.name} (${c.type}${unique})`;
}

/** The business key: `businessKeyColumn`, empty for the engine's proposal per table. */
export const KeyField: CustomField = function Scd2KeyField({ draft, setDraft, error }) {
  const id = useId();
  const { chosen, shapeIssues } = useScd2Tables(draft);
  const key = typeof draft.businessKeyColumn === 'string' ? draft.businessKeyColumn : '';
  const single = chosen.length === 1 ? chosen[0] : null;
  const candidates = keyCandidates(chosen);
  const auto = single ? proposeKey(single) : null;
  const autoLabel = single ? (auto ? `Proposed: ${auto}` : 'No id column found: choose one') : 'Proposed per table';
  const listed = key === '' || candidates.some((c) => c.name === key);
  // what the run will refuse: a key column with repeated or empty values, where the data set can tell
  const repeated = chosen.filter((t) => {
    const k = effectiveKey(t, draft);
    return k !== null && t.columns.find((c) => c.name === k)?.unique === false;
  });
  const effective = single ? effectiveKey(single, draft) : null;
  const likely = single ? likelyKey(single) : null;
  const effectiveCol = single?.columns.find((c) => c.name === effective);
  const suggest = single && likely && likely !== effective && (!effectiveCol || effectiveCol.unique === false || !listed) ? likely : null;
  const tracked = Array.isArray(draft.scd2Columns) ? (draft.scd2Columns as unknown[]) : [];
  const problem = join([
    error,
    key && tracked.includes(key) ? `Business key: "${key}" is also a tracked column; uncheck it there or choose another key` : undefined,
    ...at(shapeIssues, (p) => p === 'businessKeyColumn').map((m) => `Business key: ${m}`),
    ...repeated.map((t) => `Business key: "${effectiveKey(t, draft)}" of ${t.name} has repeated or empty values; the run refuses duplicate keys`),
  ]);
  const help = !single
    ? `One column name for ${tableList(chosen)}; empty: each table’s own id, <table>_id or first …_id column.`
    : effectiveCol?.unique === true
      ? `“${effective}” is unique in all ${formatInt(single.rows)} rows of ${single.name}.`
      : `An int or text column, unique and never empty; the run checks the values of ${single.name} before anything lands.`;
  return (
    <FieldShell id={id} label="Business key" hint={single ? `column of ${single.name}` : 'common to the tables'} error={problem} help={help}>
      <select
        id={id}
        className="select"
        value={key}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-error` : `${id}-help`}
        onChange={(e) => setDraft({ ...draft, businessKeyColumn: e.target.value })}
      >
        <option value="">{autoLabel}</option>
        {candidates.map((c) => (
          <option key={c.name} value={c.name}>
            {keyOption(c, !!single)}
          </option>
        ))}
        {!listed && <option value={key}>{key} (not an int or text column of {tableList(chosen)})</option>}
      </select>
      {suggest && (
        <div className="btn-row">
          <button type="button" className="btn btn-small" onClick={() => setDraft({ ...draft, businessKeyColumn: suggest })}>
            Use {suggest}
          </button>
          <span className="field-hint">{single?.columns.find((c) => c.name === suggest)?.unique ? 'unique values, named like a key' : 'named like a key'}</span>
        </div>
      )}
    </FieldShell>
  );
};

/** Why a listed name cannot be tracked (it came from a link or another table). */
function notTrackable(name: string, chosen: readonly PickerTable[], draft: Record<string, unknown>): string {
  if (chosen.some((t) => effectiveKey(t, draft) === name)) return 'the business key';
  if (historyColumns(draft).includes(name)) return 'a history column';
  const col = chosen[0]?.columns.find((c) => c.name === name);
  return col ? `${col.type}: not trackable` : `not a column of ${tableList(chosen)}`;
}

/** The tracked columns: `scd2Columns` — empty for the proposal, null while nothing is chosen. */
export const TrackedField: CustomField = function Scd2TrackedField({ draft, setDraft, error, nested }) {
  const { chosen, shapeIssues } = useScd2Tables(draft);
  const candidates = useMemo(() => trackedCandidates(chosen, draft), [chosen, draft]);
  const { mode, checked } = trackedState(draft, candidates);
  const list = Array.isArray(draft.scd2Columns) ? (draft.scd2Columns as unknown[]) : [];
  // issues inside the list (`scd2Columns.2`) belong to its item, named by the list's entry
  const itemErrors = new Map<string, string[]>();
  const addItemError = (rest: string, message: string) => {
    const name = list[Number(rest)];
    if (typeof name === 'string') itemErrors.set(name, [...(itemErrors.get(name) ?? []), message]);
  };
  for (const [rest, message] of nested) addItemError(rest, message);
  for (const i of shapeIssues) if (i.path.startsWith('scd2Columns.')) addItemError(i.path.slice('scd2Columns.'.length), i.message);
  const items: ChecklistItem[] = [
    ...candidates.map((c) => ({ name: c.name, note: c.name.endsWith('_id') ? `${c.type} · reference` : c.type })),
    ...checked.filter((n) => !candidates.some((c) => c.name === n)).map((n) => ({ name: n, note: notTrackable(n, chosen, draft) })),
  ].map((it) => ({ ...it, error: join(itemErrors.get(it.name) ?? []) }));
  const problem =
    mode === 'none'
      ? 'Tracked columns: choose at least one column, or use the proposal.'
      : join([error, ...at(shapeIssues, (p) => p === 'scd2Columns').map((m) => `Tracked columns: ${m}`)]);
  const count = `${formatInt(checked.filter((n) => candidates.some((c) => c.name === n)).length)} of ${formatInt(candidates.length)} columns`;
  const hint = !candidates.length
    ? undefined
    : mode === 'proposed'
      ? `${count}: the proposal, every bool, number and text column except the key and …_id columns.`
      : `${count}. A change to any of them makes a new version; the others never change.`;
  return (
    <ColumnChecklist
      legend="Tracked columns"
      hint={hint}
      items={items}
      checked={new Set(checked)}
      onToggle={(name, on) => setDraft({ ...draft, scd2Columns: toggleTracked(checked, name, on, candidates) })}
      onAll={() => setDraft({ ...draft, scd2Columns: candidates.map((c) => c.name) })}
      onNone={() => setDraft({ ...draft, scd2Columns: null })}
      tools={
        <button type="button" className="btn btn-small" onClick={() => setDraft({ ...draft, scd2Columns: [] })} disabled={mode === 'proposed'}>
          Use the proposal
        </button>
      }
      error={problem}
      empty={
        chosen.length > 1
          ? 'Each table tracks its own proposal: every bool, number and text column except its key and …_id columns. Choose one table to pick columns.'
          : 'This table has no bool, number or text column besides its key and history columns.'
      }
    />
  );
};
