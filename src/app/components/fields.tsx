import { useId } from 'react';
import type { DerivedLimit } from '../../core/schema/config';
import type { Field, Shape } from '../../core/schema/fields';
import { labelOf } from '../../core/schema/fields';
import { formatCount, formatNumber } from '../format';

export interface FieldProps {
  readonly name: string;
  readonly field: Field<unknown>;
  readonly value: unknown;
  readonly error?: string;
  /** A bound that depends on other fields (from the schema's `limits`). */
  readonly limit?: DerivedLimit;
  onChange(value: unknown): void;
}

/** A number input keeps what was typed when it is not a number, so the schema can name the problem. */
export function toNumberOrText(text: string): unknown {
  if (text.trim() === '') return '';
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/**
 * The range the schema applies, for people: "0 – 1,000,000", "over 0, up to 8,784", "0 to under 1";
 * a bound that depends on other fields replaces the static one when it is tighter.
 */
export function rangeHint(field: Field<unknown>, derived?: DerivedLimit): string | undefined {
  const n = (v: number) => formatNumber(v, 4);
  const min = derived?.min !== undefined && (field.min === undefined || derived.min > field.min) ? derived.min : field.min;
  const tighter = derived?.max !== undefined && (field.max === undefined || derived.max < field.max);
  const max = tighter ? derived!.max : field.max;
  const minEx = min === field.min && field.minExclusive;
  const maxEx = !tighter && field.maxExclusive;
  const because = tighter ? ` ${derived!.because}` : '';
  if (min !== undefined && max !== undefined) {
    if (!minEx && !maxEx) return `${n(min)} – ${n(max)}${because}`;
    return `${minEx ? `over ${n(min)}` : n(min)}${minEx ? ',' : ''} ${maxEx ? 'to under' : 'up to'} ${n(max)}${because}`;
  }
  if (min !== undefined) return minEx ? `over ${n(min)}` : `≥ ${n(min)}`;
  if (max !== undefined) return `${maxEx ? '<' : '≤'} ${n(max)}${because}`;
  return undefined;
}

/** A labelled field: label and side hint, the control, then its error (an alert) or its help, tied by `${id}-error` / `${id}-help`. */
export function FieldShell(props: { id: string; label: string; hint?: string; help: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={props.id}>{props.label}</label>
        {props.hint && <span className="field-hint">{props.hint}</span>}
      </div>
      {props.children}
      <FieldNote id={props.id} error={props.error} help={props.help} />
    </div>
  );
}

/** Under a field: its error (an alert, `${id}-error`), else its help (`${id}-help`). */
export function FieldNote({ id, error, help }: { id: string; error?: string; help: string }) {
  return error ? (
    <span className="field-error" id={`${id}-error`} role="alert">
      {error}
    </span>
  ) : (
    <span className="field-hint" id={`${id}-help`}>
      {help}
    </span>
  );
}

/** One form control for a scalar field, chosen by the field's kind. */
export function ScalarField({ name, field, value, error, limit, onChange }: FieldProps) {
  const id = useId();
  const label = labelOf(name, field);
  const described = error ? `${id}-error` : `${id}-help`;
  const common = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': described } as const;

  if (field.kind === 'bool') {
    return (
      <div className="field">
        <label className="switch" htmlFor={id}>
          <input {...common} type="checkbox" role="switch" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          <span>{label}</span>
        </label>
        {error ? <span className="field-error">{error}</span> : <span className="field-hint">{field.meta.help}</span>}
      </div>
    );
  }
  if (field.kind === 'enum') {
    return (
      <FieldShell id={id} label={label} help={field.meta.help} error={error}>
        <select {...common} className="select" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
          {field.values?.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      </FieldShell>
    );
  }
  const numeric = field.kind === 'int' || field.kind === 'number' || (field.kind === 'nullable' && field.inner && field.inner.kind !== 'string');
  if (numeric) {
    const bounds = field.kind === 'nullable' ? field.inner! : field;
    return (
      <FieldShell id={id} label={label} hint={rangeHint(bounds, limit)} help={field.meta.help} error={error}>
        <div className="input-unit">
          <input
            {...common}
            className="input"
            type="number"
            inputMode="decimal"
            step={field.meta.step ?? (bounds.kind === 'int' ? 1 : 'any')}
            value={value === null || value === undefined ? '' : String(value)}
            placeholder={field.kind === 'nullable' ? 'none' : undefined}
            onChange={(e) => {
              const v = toNumberOrText(e.target.value);
              onChange(field.kind === 'nullable' && v === '' ? null : v);
            }}
          />
          {field.meta.unit && <span>{field.meta.unit}</span>}
        </div>
      </FieldShell>
    );
  }
  return (
    <FieldShell id={id} label={label} help={field.meta.help} error={error}>
      <input
        {...common}
        className="input"
        type="text"
        spellCheck={false}
        value={typeof value === 'string' ? value : value === null || value === undefined ? '' : JSON.stringify(value)}
        placeholder={field.kind === 'nullable' ? 'none' : undefined}
        onChange={(e) => onChange(field.kind === 'nullable' && e.target.value === '' ? null : e.target.value)}
      />
    </FieldShell>
  );
}

/** A list of strings edited one per line (page pools, referrers, …). */
export function StringListField({ name, field, value, error, onChange }: FieldProps) {
  const id = useId();
  const lines = Array.isArray(value) ? (value as unknown[]).map(String) : [];
  return (
    <FieldShell id={id} label={labelOf(name, field)} hint={formatCount(lines.length, 'item')} help={`${field.meta.help} One per line.`} error={error}>
      <textarea
        id={id}
        name={name}
        className="input"
        rows={Math.min(8, Math.max(3, lines.length))}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        value={lines.join('\n')}
        onChange={(e) => onChange(e.target.value === '' ? [] : e.target.value.split('\n'))}
      />
    </FieldShell>
  );
}

/**
 * A list of choices from a fixed set (file formats, …): a checkbox per value, kept in the order
 * the user chose them (a new one joins at the end). The schema says when the list is not allowed
 * (none chosen, say), as for any field.
 */
export function EnumListField({ name, field, value, error, onChange }: FieldProps) {
  const id = useId();
  const values = field.item?.values ?? [];
  const chosen = Array.isArray(value) ? (value as unknown[]).map(String) : [];
  const toggle = (v: string) => onChange(chosen.includes(v) ? chosen.filter((x) => x !== v) : [...chosen, v]);
  return (
    <fieldset className="field field-choices" aria-describedby={error ? `${id}-error` : `${id}-help`}>
      <legend className="field-label">
        <span>{labelOf(name, field)}</span>
        <span className="field-hint">{`${chosen.length} of ${values.length}`}</span>
      </legend>
      <div className="choice-row">
        {values.map((v) => (
          <label key={v} className="choice">
            <input type="checkbox" name={name} value={v} checked={chosen.includes(v)} onChange={() => toggle(v)} />
            <span>{v}</span>
          </label>
        ))}
      </div>
      <FieldNote id={id} error={error} help={field.meta.help} />
    </fieldset>
  );
}

export function itemShape(field: Field<unknown>): Shape | undefined {
  return field.kind === 'array' && field.item?.kind === 'object' ? field.item.shape : undefined;
}
