import { useId } from 'react';
import { DEFAULT_SERVICES } from '../../../core/simulators/operational-log/operational-log.constants';
import type { CustomField } from '../../components/ConfigForm';
import { FieldNote, toNumberOrText } from '../../components/fields';

interface ServiceRow {
  name?: unknown;
  port?: unknown;
  tier?: unknown;
}

const rowsOf = (draft: Record<string, unknown>) => (Array.isArray(draft.services) ? (draft.services as ServiceRow[]) : []);
const TIERS = [...new Set([...DEFAULT_SERVICES.map((s) => s.tier), 'unknown'])];

/** How many default services: disabled, with the reason, while an explicit list replaces them. */
export const ServiceCountField: CustomField = ({ value, draft, setDraft, error }) => {
  const id = useId();
  const list = rowsOf(draft);
  const count = typeof value === 'number' ? value : 0;
  const hint = list.length
    ? `Not used: the service list below (${list.length} ${list.length === 1 ? 'service' : 'services'}) replaces the defaults. Clear the list to use this.`
    : `Uses ${DEFAULT_SERVICES.slice(0, Math.max(0, Math.min(count, DEFAULT_SERVICES.length)))
        .map((s) => s.name)
        .join(', ')}.`;
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={id}>Services</label>
        <span className="field-hint">1 – {DEFAULT_SERVICES.length} defaults</span>
      </div>
      <input
        id={id}
        name="serviceCount"
        className="input"
        type="number"
        inputMode="numeric"
        min={1}
        max={DEFAULT_SERVICES.length}
        step={1}
        disabled={list.length > 0}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-help`}
        value={value === undefined || value === null ? '' : String(value)}
        onChange={(e) => setDraft({ ...draft, serviceCount: toNumberOrText(e.target.value) })}
      />
      <FieldNote id={id} error={error} help={hint} />
    </div>
  );
};

/**
 * The explicit service estate as an editable table (name, port, tier). Empty means "the first N
 * defaults"; one click copies those defaults in to edit. Row problems come from the schema.
 */
export const ServiceListField: CustomField = ({ draft, setDraft, error, nested }) => {
  const tiersId = useId();
  const rows = rowsOf(draft);
  const issues = [...nested].map(([path, message]) => ({ path: `services.${path}`, message }));
  const errorAt = (i: number, key: string) => nested.get(`${i}.${key}`);
  const set = (next: ServiceRow[]) => setDraft({ ...draft, services: next });
  const update = (i: number, patch: ServiceRow) => set(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const count = typeof draft.serviceCount === 'number' ? Math.min(Math.max(1, draft.serviceCount), DEFAULT_SERVICES.length) : 5;
  const copyDefaults = () => set(DEFAULT_SERVICES.slice(0, count).map((s) => ({ ...s })));
  const add = () => {
    const taken = new Set(rows.map((r) => String(r.name ?? '')));
    let n = rows.length + 1;
    while (taken.has(`service-${n}`)) n++;
    set([...rows, { name: `service-${n}`, port: null, tier: 'unknown' }]);
  };
  const cell = (i: number, key: string, label: string) => ({ 'aria-label': `Service ${i + 1} ${label}`, 'aria-invalid': errorAt(i, key) ? true : undefined });
  return (
    <div className="field">
      <div className="field-label">
        <span>Service list</span>
        <span className="field-hint">{rows.length ? `${rows.length} services` : 'empty: defaults used'}</span>
      </div>
      {rows.length === 0 ? (
        <div className="oplog-empty-list">
          <span>The first {count} default services are simulated. Add your own to replace them.</span>
          <div className="btn-row">
            <button type="button" className="btn btn-small" onClick={copyDefaults}>
              Edit the {count} defaults
            </button>
            <button type="button" className="btn btn-small" onClick={add}>
              + Add service
            </button>
          </div>
        </div>
      ) : (
        <>
          <div className="edit-table-wrap">
            <table className="edit-table" aria-label="Service list">
              <thead>
                <tr>
                  <th scope="col" title="The service column and the OTLP service.name">Name</th>
                  <th scope="col" title="Kept for documentation; optional">Port</th>
                  <th scope="col" title="The tier column and the OTLP service.tier attribute">Tier</th>
                  <th>
                    <span className="sr-only">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r, i) => {
                  const rowErrors = ['name', 'port', 'tier'].map((k) => errorAt(i, k)).filter(Boolean);
                  return (
                    <tr key={i} className={rowErrors.length ? 'row-error' : undefined}>
                      <td>
                        <input className="input" type="text" spellCheck={false} {...cell(i, 'name', 'name')} value={String(r.name ?? '')} onChange={(e) => update(i, { name: e.target.value })} />
                      </td>
                      <td>
                        <input
                          className="input oplog-port"
                          type="text"
                          inputMode="numeric"
                          placeholder="none"
                          {...cell(i, 'port', 'port')}
                          value={r.port === null || r.port === undefined ? '' : String(r.port)}
                          onChange={(e) => update(i, { port: e.target.value.trim() === '' ? null : toNumberOrText(e.target.value) })}
                        />
                      </td>
                      <td>
                        <input className="input" type="text" list={tiersId} spellCheck={false} {...cell(i, 'tier', 'tier')} value={String(r.tier ?? '')} onChange={(e) => update(i, { tier: e.target.value })} />
                      </td>
                      <td className="center">
                        <button type="button" className="btn btn-icon" aria-label={`Remove service ${i + 1}`} onClick={() => set(rows.filter((_, j) => j !== i))}>
                          ✕
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <datalist id={tiersId}>
              {TIERS.map((t) => (
                <option key={t} value={t} />
              ))}
            </datalist>
          </div>
          {issues.length > 0 && (
            <ul className="field-error oplog-issues" role="alert">
              {issues.map((x) => {
                const [, row, key] = x.path.split('.');
                return (
                  <li key={x.path}>
                    Service {Number(row) + 1}
                    {key ? `, ${key}` : ''}: {x.message}
                  </li>
                );
              })}
            </ul>
          )}
          <div className="btn-row">
            <button type="button" className="btn btn-small" onClick={add}>
              + Add service
            </button>
            <button type="button" className="btn btn-small" onClick={() => set([])}>
              Clear (use defaults)
            </button>
          </div>
        </>
      )}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : (
        <span className="field-hint">Each trace is a chain of distinct services, so a trace has at most as many spans as there are services.</span>
      )}
    </div>
  );
};
