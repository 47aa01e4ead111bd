import { useId, useMemo } from 'react';
import type { TableSelection } from '../../../core/inputs/contract';
import type { Issue } from '../../../core/schema/fields';
import type { SimulatorSpec } from '../../../core/simulator';
import { formatInt } from '../../format';
import { getAt, isWithin, setAt } from './paths';
import { MAPPING_FIELD } from './roleResolution';
import { timeCandidates, useInputTables, type PickerTable } from './pickerTables';
import { dataSetLine, InputsHead } from './InputsHead';
import './inputs.css';

export interface TablePickerProps {
  readonly spec: SimulatorSpec;
  readonly draft: Record<string, unknown>;
  /** The schema's issues on the fields the picker edits (they are not in the form). */
  readonly issues?: readonly Issue[];
  onChange(draft: Record<string, unknown>): void;
}

/**
 * The config fields a page edits outside its generated form, by dotted path: the role mapping
 * of a `roles` simulator, or the tables and event-time columns the picker's selections write.
 */
export function inputFields(spec: SimulatorSpec): string[] {
  if (spec.inputs?.kind === 'roles') return [MAPPING_FIELD];
  return (spec.inputs?.selections ?? []).flatMap((sel) => (sel.timeColumns ? [sel.tables, sel.timeColumns] : [sel.tables]));
}

/** An issue on a picker field in words: which selection, which table, then the schema's message. */
function issueText(selections: readonly TableSelection[], issue: Issue): string {
  for (const sel of selections) {
    if (isWithin(issue.path, sel.tables)) return `${sel.label}, tables: ${issue.message}`;
    if (sel.timeColumns && isWithin(issue.path, sel.timeColumns)) {
      const table = issue.path.slice(sel.timeColumns.length + 1);
      return `${sel.label}, ${table ? `event-time column of ${table}` : 'event-time columns'}: ${issue.message}`;
    }
  }
  return issue.message;
}

const AUTO = '\u0000auto';
const NONE = '\u0000none';

function listAt(draft: Record<string, unknown>, path: string): string[] {
  const v = getAt(draft, path);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function mapAt(draft: Record<string, unknown>, path: string | undefined): Record<string, unknown> {
  const v = path ? getAt(draft, path) : undefined;
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** One selection's controls for one table: whether it takes part, and its event-time column. */
function SelectionControls({ sel, table, all, draft, onChange }: { sel: TableSelection; table: PickerTable; all: readonly string[]; draft: Record<string, unknown>; onChange(d: Record<string, unknown>): void }) {
  const id = useId();
  const list = listAt(draft, sel.tables);
  const chosen = list.length ? list.filter((n) => all.includes(n)) : all;
  const on = chosen.includes(table.name);
  const only = on && chosen.length === 1;
  const toggle = () => {
    const next = on ? chosen.filter((n) => n !== table.name) : all.filter((n) => chosen.includes(n) || n === table.name);
    // every table chosen is the empty list ("all"), so new tables of the data set join too
    onChange(setAt(draft, sel.tables, next.length === all.length ? [] : next));
  };
  const map = mapAt(draft, sel.timeColumns);
  const value = !Object.hasOwn(map, table.name) ? AUTO : map[table.name] === null ? NONE : String(map[table.name]);
  const setTime = (v: string) => {
    if (!sel.timeColumns) return;
    const next = { ...map };
    if (v === AUTO) delete next[table.name];
    else next[table.name] = v === NONE ? null : v;
    onChange(setAt(draft, sel.timeColumns, next));
  };
  const candidates = timeCandidates(table);
  return (
    <div className="table-picker-sel">
      <label className="table-picker-check" title={only ? 'At least one table takes part' : undefined}>
        <input type="checkbox" checked={on} disabled={only} onChange={toggle} aria-label={`${sel.label}: ${table.name}`} />
        <span>{sel.label}</span>
      </label>
      {sel.timeColumns && (
        <>
          <label className="sr-only" htmlFor={id}>{`${sel.label} event-time column of ${table.name}`}</label>
          <select id={id} className="select table-picker-time" value={value} disabled={!on} onChange={(e) => setTime(e.target.value)}>
            <option value={AUTO}>{table.detected ? `time: ${table.detected} (detected)` : sel.allowNoTime ? 'no time column: round-robin (detected)' : 'no time column (detected)'}</option>
            {candidates.map((c) => (
              <option key={c} value={c}>
                time: {c}
              </option>
            ))}
            {sel.allowNoTime && <option value={NONE}>no time: round-robin</option>}
            {value !== AUTO && value !== NONE && !candidates.includes(value) && <option value={value}>time: {value} (not a column)</option>}
          </select>
        </>
      )}
    </div>
  );
}

/**
 * The input tables of a simulator that reads tables (`inputs.kind === 'tables'`): the data set of
 * the Data sources page with row counts and each table's event-time column, or — when the set is
 * empty — the default domain the run will generate. With `inputs.selections` each table gets
 * the simulator's choices (stream it, land it, its time column), written into the draft.
 */
export function TablePicker({ spec, draft, issues = [], onChange }: TablePickerProps) {
  const dflt = spec.inputs?.defaultDomain;
  const { tables, usingDataSet } = useInputTables(dflt);
  const all = useMemo(() => tables.map((t) => t.name), [tables]);
  const selections = spec.inputs?.selections ?? [];
  const rows = tables.reduce((a, t) => a + t.rows, 0);
  const unknown = selections.flatMap((sel) => [...listAt(draft, sel.tables), ...Object.keys(mapAt(draft, sel.timeColumns))].filter((n) => !all.includes(n)).map((n) => ({ sel, n })));
  const clearUnknown = () => {
    let next = draft;
    for (const sel of selections) {
      const kept = listAt(next, sel.tables).filter((n) => all.includes(n));
      next = setAt(next, sel.tables, kept);
      if (sel.timeColumns) next = setAt(next, sel.timeColumns, Object.fromEntries(Object.entries(mapAt(next, sel.timeColumns)).filter(([k]) => all.includes(k))));
    }
    onChange(next);
  };

  return (
    <section className="table-picker" aria-label="Input tables">
      <InputsHead />
      {usingDataSet ? (
        <p className="field-hint">
          {dataSetLine(tables)}
        </p>
      ) : (
        <p className="table-picker-note" role="note">
          The data set is empty, so this runs on the <strong>{dflt?.domain ?? 'default'}</strong> domain at scale <strong>{dflt?.scale ?? '—'}</strong> (about {formatInt(rows)} rows, generated with the run’s seed). Generate
          or upload tables on the Data sources page to use your own.
        </p>
      )}
      <ul className="table-picker-list">
        {tables.map((t) => (
          <li key={t.name} className="table-picker-item">
            <div className="table-picker-name">
              <span className="table-picker-mono">{t.name}</span>
              <span className="field-hint">{formatInt(t.rows)} rows</span>
            </div>
            {selections.map((sel) => (
              <SelectionControls key={sel.tables} sel={sel} table={t} all={all} draft={draft} onChange={onChange} />
            ))}
          </li>
        ))}
      </ul>
      {unknown.length > 0 && (
        <div className="callout table-picker-unknown" role="status">
          <span>
            Not in the data set: {unknown.map((u) => `${u.n} (${u.sel.label.toLowerCase()})`).join(', ')}. The run reports or refuses these names.
          </span>
          <button type="button" className="btn btn-small" onClick={clearUnknown}>
            Remove them
          </button>
        </div>
      )}
      {issues.length > 0 && (
        <ul className="field-error table-picker-issues" role="alert">
          {issues.map((i) => (
            <li key={`${i.path} ${i.message}`}>{issueText(selections, i)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
