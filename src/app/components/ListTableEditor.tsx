import { labelOf, type Field, type Shape } from '../../core/schema/fields';
import { toNumberOrText } from './fields';

export interface ListTableEditorProps {
  readonly name: string;
  readonly field: Field<unknown>;
  readonly shape: Shape;
  readonly rows: readonly Record<string, unknown>[];
  /** Issues by path inside the list: `2.fromState` → message. */
  readonly errors: ReadonlyMap<string, string>;
  /** Choices for string columns (e.g. state names for a transition's from/to). */
  readonly choices?: Readonly<Record<string, readonly string[]>>;
  /** Columns not shown (free-form metadata). */
  readonly hidden?: readonly string[];
  onChange(rows: Record<string, unknown>[]): void;
}

/** An editable table for a list of flat objects (workflow states and transitions, services, …). */
export function ListTableEditor({ name, field, shape, rows, errors, choices = {}, hidden = [], onChange }: ListTableEditorProps) {
  const columns = Object.entries(shape).filter(([key, f]) => !hidden.includes(key) && f.kind !== 'json');
  const label = labelOf(name, field);
  const update = (i: number, key: string, value: unknown) => onChange(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  const remove = (i: number) => onChange(rows.filter((_, j) => j !== i));
  const add = () => {
    const fresh: Record<string, unknown> = {};
    for (const [key, f] of Object.entries(shape)) fresh[key] = f.default ?? (f.kind === 'string' ? (choices[key]?.[0] ?? '') : '');
    onChange([...rows, fresh]);
  };
  return (
    <div className="field">
      <div className="field-label">
        <span>{label}</span>
        <span className="field-hint">{rows.length} rows</span>
      </div>
      <div className="edit-table-wrap">
        <table className="edit-table" aria-label={label}>
          <thead>
            <tr>
              {columns.map(([key, f]) => (
                <th key={key} scope="col" title={f.meta.help}>
                  {labelOf(key, f)}
                  {f.meta.unit ? ` (${f.meta.unit})` : ''}
                </th>
              ))}
              <th>
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const rowErrors = columns.map(([key]) => errors.get(`${i}.${key}`)).filter(Boolean);
              return (
                <tr key={i} className={rowErrors.length ? 'row-error' : undefined} title={rowErrors.join('\n') || undefined}>
                  {columns.map(([key, f]) => {
                    const err = errors.get(`${i}.${key}`);
                    const cellLabel = `${label} row ${i + 1} ${labelOf(key, f)}`;
                    const value = row[key];
                    if (f.kind === 'bool') {
                      return (
                        <td key={key} className="center">
                          <input type="checkbox" aria-label={cellLabel} checked={value === true} onChange={(e) => update(i, key, e.target.checked)} />
                        </td>
                      );
                    }
                    const options = f.kind === 'enum' ? f.values : choices[key];
                    if (options) {
                      const known = options.includes(String(value));
                      return (
                        <td key={key}>
                          <select className="select" aria-label={cellLabel} aria-invalid={err ? true : undefined} value={String(value ?? '')} onChange={(e) => update(i, key, e.target.value)}>
                            {!known && <option value={String(value ?? '')}>{String(value ?? '')} (unknown)</option>}
                            {options.map((o) => (
                              <option key={o} value={o}>
                                {o}
                              </option>
                            ))}
                          </select>
                        </td>
                      );
                    }
                    const inner = f.kind === 'nullable' ? f.inner : f;
                    const numeric = inner?.kind === 'int' || inner?.kind === 'number';
                    const toValue = (text: string) => {
                      if (!numeric) return text;
                      const v = toNumberOrText(text);
                      return f.kind === 'nullable' && v === '' ? null : v;
                    };
                    return (
                      <td key={key}>
                        <input
                          className="input"
                          aria-label={cellLabel}
                          aria-invalid={err ? true : undefined}
                          type="text"
                          inputMode={numeric ? 'decimal' : undefined}
                          spellCheck={false}
                          style={numeric ? { width: 50 } : { width: '100%', minWidth: 80 }}
                          value={value === undefined || value === null ? '' : String(value)}
                          placeholder={f.kind === 'nullable' ? 'none' : undefined}
                          onChange={(e) => update(i, key, toValue(e.target.value))}
                        />
                      </td>
                    );
                  })}
                  <td className="center">
                    <button type="button" className="btn btn-icon" aria-label={`Remove ${label.toLowerCase()} row ${i + 1}`} onClick={() => remove(i)}>
                      ✕
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {[...errors.values()].length > 0 && (
        <ul className="field-error" role="alert" style={{ margin: 0, paddingLeft: 16 }}>
          {[...errors.entries()].map(([path, message]) => {
            const [row, key] = path.split('.');
            const col = key && shape[key] ? `, ${labelOf(key, shape[key])}` : '';
            return (
              <li key={path}>
                Row {Number(row) + 1}
                {col}: {message}
              </li>
            );
          })}
        </ul>
      )}
      <div>
        <button type="button" className="btn btn-small" onClick={add}>
          + Add {label.toLowerCase().replace(/s$/, '')}
        </button>
      </div>
    </div>
  );
}
