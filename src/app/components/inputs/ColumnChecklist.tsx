import { useId, type ReactNode } from 'react';
import './inputs.css';
import './checklist.css';

export interface ChecklistItem {
  readonly name: string;
  /** A few words after the name: the column's type, "business key", "not a column of …". */
  readonly note?: string;
  /** What is wrong with this item being chosen (shown under it, the checkbox marked invalid). */
  readonly error?: string;
}

export interface ColumnChecklistProps {
  /** The field's name, the group's accessible name ("Tracked columns"). */
  readonly legend: string;
  /** One line under the legend: how many are chosen, what an empty choice means. */
  readonly hint?: string;
  readonly items: readonly ChecklistItem[];
  readonly checked: ReadonlySet<string>;
  onToggle(name: string, on: boolean): void;
  onAll(): void;
  onNone(): void;
  /** More buttons beside Select all / Select none (e.g. back to the proposal). */
  readonly tools?: ReactNode;
  /** A problem with the choice as a whole, naming the field. */
  readonly error?: string;
  /** Shown instead of the list when there is nothing to choose from. */
  readonly empty?: string;
}

/**
 * A multi-select of column names as a checkbox list with Select all / Select none: a labelled
 * group (fieldset and legend), one tab stop per checkbox, Space toggles; each item's problem is
 * tied to its checkbox (aria-describedby) and the group's to the group.
 */
export function ColumnChecklist({ legend, hint, items, checked, onToggle, onAll, onNone, tools, error, empty }: ColumnChecklistProps) {
  const id = useId();
  const all = items.length > 0 && items.every((i) => checked.has(i.name));
  const none = items.every((i) => !checked.has(i.name));
  return (
    <fieldset className="field checklist" aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <legend className="checklist-legend">{legend}</legend>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {items.length === 0 ? (
        <p className="field-hint checklist-empty">{empty ?? 'No column to choose.'}</p>
      ) : (
        <>
          <div className="btn-row checklist-tools">
            <button type="button" className="btn btn-small" onClick={onAll} disabled={all}>
              Select all
            </button>
            <button type="button" className="btn btn-small" onClick={onNone} disabled={none}>
              Select none
            </button>
            {tools}
          </div>
          <ul className="table-picker-list checklist-list">
            {items.map((item, k) => (
              <li key={item.name} className="checklist-item">
                <label className="checklist-label" htmlFor={`${id}-${k}`}>
                  <input
                    id={`${id}-${k}`}
                    type="checkbox"
                    checked={checked.has(item.name)}
                    aria-invalid={item.error ? true : undefined}
                    aria-describedby={item.error ? `${id}-${k}-error` : undefined}
                    onChange={(e) => onToggle(item.name, e.target.checked)}
                  />
                  <span className="checklist-name">{item.name}</span>
                  {item.note && <span className="checklist-note">{item.note}</span>}
                </label>
                {item.error && (
                  <span id={`${id}-${k}-error`} className="field-error checklist-item-error">
                    {item.error}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </fieldset>
  );
}
