import { useId } from 'react';
import { fitsRole, proposeColumn, proposeTable, type InputRole, type RoleBinding, type RoleColumn, type RoleMapping } from '../../../core/inputs/contract';
import type { Issue } from '../../../core/schema/fields';
import type { SimulatorSpec } from '../../../core/simulator';
import { formatInt } from '../../format';
import { setAt } from './paths';
import type { PickerTable } from './pickerTables';
import { MAPPING_FIELD, type RoleResolutionView } from './roleResolution';
import { dataSetLine, InputsHead } from './InputsHead';
import './inputs.css';
import './roles.css';

export interface RoleMapperProps {
  readonly spec: SimulatorSpec;
  readonly draft: Record<string, unknown>;
  readonly view: RoleResolutionView;
  /** Every issue under `inputs` (the schema's and the resolution's). */
  readonly issues: readonly Issue[];
  onChange(draft: Record<string, unknown>): void;
}

const AUTO = '\u0000auto';
const NONE = '\u0000none';

/** A mapping without empty parts, so share links carry only what was chosen. */
function clean(mapping: Record<string, RoleBinding>): RoleMapping {
  const out: Record<string, RoleBinding> = {};
  for (const [role, b] of Object.entries(mapping)) {
    const columns = b.columns && Object.keys(b.columns).length ? b.columns : undefined;
    if (b.table === undefined && !columns) continue;
    out[role] = { ...(b.table !== undefined ? { table: b.table } : {}), ...(columns ? { columns } : {}) };
  }
  return out;
}

function Problem({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <span id={id} className="field-error" role="alert">
      {text}
    </span>
  );
}

/** One column role: proposed by name and type, or any column of a fitting type. */
function ColumnSelect({ role, rc, table, chosen, error, onPick }: { role: InputRole; rc: RoleColumn; table: PickerTable; chosen: string | undefined; error?: string; onPick(v: string | undefined): void }) {
  const id = useId();
  const proposed = proposeColumn(table, rc);
  const fitting = table.columns.filter((c) => fitsRole(rc.types, c.type));
  const value = chosen ?? AUTO;
  const auto = proposed ? `${proposed} (proposed)` : rc.required ? 'no matching column' : 'none (no matching column)';
  return (
    <div className="role-column">
      <label className="role-column-label" htmlFor={id}>
        {rc.label}
        {rc.required && <span className="role-required"> required</span>}
      </label>
      <select
        id={id}
        className="select role-select"
        value={value}
        aria-label={`${role.label}: ${rc.label} column`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        title={rc.help}
        onChange={(e) => onPick(e.target.value === AUTO ? undefined : e.target.value)}
      >
        <option value={AUTO}>{auto}</option>
        {fitting.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name} ({c.type})
          </option>
        ))}
        {chosen !== undefined && !fitting.some((c) => c.name === chosen) && <option value={chosen}>{chosen} (not usable)</option>}
      </select>
      <Problem id={`${id}-error`} text={error} />
    </div>
  );
}

/** One role: its table (proposed by name; optional roles may be left out) and its columns. */
function RoleCard({ role, tables, binding, issueAt, onBinding }: { role: InputRole; tables: readonly PickerTable[]; binding: RoleBinding; issueAt(path: string): string | undefined; onBinding(b: RoleBinding): void }) {
  const id = useId();
  const proposed = proposeTable(tables, role);
  const tableValue = binding.table === null ? NONE : (binding.table ?? AUTO);
  const name = binding.table === null ? null : (binding.table ?? proposed);
  const table = name === null ? undefined : tables.find((t) => t.name === name);
  const tableError = issueAt(`${MAPPING_FIELD}.${role.role}.table`);
  const auto = proposed ? `${proposed} (proposed)` : role.required ? 'no matching table' : 'none found (left out)';
  return (
    <li className="role-card" aria-labelledby={`${id}-name`}>
      <div className="role-card-head">
        <span id={`${id}-name`} className="role-name">
          {role.label}
        </span>
        <span className="field-hint">{role.required ? 'required' : 'optional'}</span>
      </div>
      <div className="role-column">
        <label className="role-column-label" htmlFor={id}>
          table
        </label>
        <select
          id={id}
          className="select role-select"
          value={tableValue}
          aria-label={`${role.label}: table`}
          title={role.help}
          aria-invalid={tableError ? true : undefined}
          aria-describedby={tableError ? `${id}-error` : undefined}
          // a new table drops the column choices: they named the old table's columns
          onChange={(e) => onBinding({ table: e.target.value === AUTO ? undefined : e.target.value === NONE ? null : e.target.value })}
        >
          <option value={AUTO}>{auto}</option>
          {tables.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name} ({formatInt(t.rows)} rows)
            </option>
          ))}
          {!role.required && <option value={NONE}>none (leave out)</option>}
          {typeof binding.table === 'string' && !tables.some((t) => t.name === binding.table) && <option value={binding.table}>{binding.table} (not in the data set)</option>}
        </select>
        <Problem id={`${id}-error`} text={tableError} />
      </div>
      {table &&
        role.columns.map((rc) => (
          <ColumnSelect
            key={rc.role}
            role={role}
            rc={rc}
            table={table}
            chosen={binding.columns?.[rc.role]}
            error={issueAt(`${MAPPING_FIELD}.${role.role}.columns.${rc.role}`)}
            onPick={(v) => {
              const columns = { ...binding.columns };
              if (v === undefined) delete columns[rc.role];
              else columns[rc.role] = v;
              onBinding({ ...binding, columns });
            }}
          />
        ))}
    </li>
  );
}

/**
 * The inputs of a simulator that reads tables in named roles (`inputs.kind === 'roles'`): per
 * role a table of the Data sources page's data set (or of the default domain when the set is
 * empty), and per role column a column of it, proposed by name and type. Choices are written to
 * the draft's `inputs` field, so share links and `_spindle/config.json` reproduce them; a missing
 * required column is shown here, naming role and column, and blocks Run.
 */
export function RoleMapper({ spec, draft, view, issues, onChange }: RoleMapperProps) {
  const roles = spec.inputs?.roles ?? [];
  const dflt = spec.inputs?.defaultDomain;
  const { tables, usingDataSet, given } = view;
  const rows = tables.reduce((a, t) => a + t.rows, 0);
  const byPath = new Map<string, string>();
  for (const i of issues) byPath.set(i.path, byPath.has(i.path) ? `${byPath.get(i.path)}; ${i.message}` : i.message);
  const placed = new Set(roles.flatMap((r) => [`${MAPPING_FIELD}.${r.role}.table`, ...r.columns.map((c) => `${MAPPING_FIELD}.${r.role}.columns.${c.role}`)]));
  const shown = (path: string) => (tables.length ? placed.has(path) && byPath.get(path) : undefined);
  const loose = issues.filter((i) => !shown(i.path));
  const setBinding = (role: string, b: RoleBinding) => onChange(setAt(draft, MAPPING_FIELD, clean({ ...given, [role]: b })));
  const dates = dflt?.config?.startDate ? ` with dates ${String(dflt.config.startDate)} to ${String(dflt.config.endDate ?? dflt.config.startDate)}` : '';

  return (
    <section className="table-picker role-mapper" aria-label="Input tables">
      <InputsHead />
      {usingDataSet ? (
        <p className="field-hint">
          {dataSetLine(tables)} Each role takes one table; columns are proposed by name and type.
        </p>
      ) : dflt ? (
        <p className="table-picker-note" role="note">
          The data set is empty, so this runs on the <strong>{dflt.domain}</strong> domain at scale <strong>{dflt.scale}</strong>
          {dates} (about {formatInt(rows)} rows, generated with the run’s seed). Generate or upload tables on the Data sources page to use your own.
        </p>
      ) : (
        <p className="table-picker-note" role="note">
          The data set is empty, so the run <strong>generates</strong> its tables from the settings below. Generate or upload tables on the Data sources page to use your own ({roles.map((r) => r.label.toLowerCase()).join(', ')}).
        </p>
      )}
      {tables.length > 0 && (
        <ul className="role-list">
          {roles.map((role) => (
            <RoleCard key={role.role} role={role} tables={tables} binding={given[role.role] ?? {}} issueAt={(p) => shown(p) || undefined} onBinding={(b) => setBinding(role.role, b)} />
          ))}
        </ul>
      )}
      {loose.length > 0 && (
        <div className="callout callout-error" role="alert">
          <ul>
            {loose.map((i) => (
              <li key={i.path + i.message}>
                {i.path}: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
