import { useId } from 'react';

/**
 * Show or hide a grid's columns: a disclosure with one checkbox per column (at least one stays).
 * A native <details>, so it opens with Enter or Space and closes with the same.
 */
export function ColumnChooser({ columns, hidden, onChange, label }: { columns: readonly string[]; hidden: ReadonlySet<string>; onChange(next: ReadonlySet<string>): void; label: string }) {
  const id = useId();
  const shown = columns.length - hidden.size;
  const toggle = (name: string, on: boolean) => {
    const next = new Set(hidden);
    if (on) next.delete(name);
    else if (shown > 1) next.add(name);
    onChange(next);
  };
  return (
    <details className="column-chooser">
      <summary className="btn btn-small">
        Columns <span className="sr-only">of {label}</span>
      </summary>
      <div className="column-chooser-menu" role="group" aria-label={`Columns of ${label}`}>
        <div className="btn-row">
          <button type="button" className="btn btn-small" onClick={() => onChange(new Set())} disabled={hidden.size === 0}>
            Show all
          </button>
        </div>
        <ul>
          {columns.map((c, i) => (
            <li key={c}>
              <label htmlFor={`${id}-${i}`}>
                <input id={`${id}-${i}`} type="checkbox" checked={!hidden.has(c)} disabled={!hidden.has(c) && shown === 1} onChange={(e) => toggle(c, e.target.checked)} />
                {c}
              </label>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
