import { useState, type ReactNode } from 'react';
import type { DerivedLimit } from '../../core/schema/config';
import type { Field, Issue, Shape } from '../../core/schema/fields';
import { EnumListField, itemShape, ScalarField, StringListField } from './fields';
import { ListTableEditor } from './ListTableEditor';

/** A simulator page's own widget for one field (e.g. the workflow's preset picker). */
export type CustomField = (props: {
  value: unknown;
  draft: Record<string, unknown>;
  setDraft(d: Record<string, unknown>): void;
  error?: string;
  /** Issues inside the field, keyed by the rest of their path (`0.name` for `services.0.name`). */
  nested: ReadonlyMap<string, string>;
}) => ReactNode;

/** A field the page sets elsewhere (Play's real-time speed, a composed child's picker fields): not in the form. */
export const hiddenField: CustomField = () => null;

export interface FormCustomisation {
  readonly fields?: Readonly<Record<string, CustomField>>;
  /** Choices for string columns of list fields, from the current draft. */
  listChoices?(draft: Record<string, unknown>): Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

export interface ConfigFormProps {
  readonly shape: Shape;
  readonly draft: Record<string, unknown>;
  readonly issues: readonly Issue[];
  readonly custom?: FormCustomisation;
  /** Bounds that depend on other fields, by field name (the schema's `limits`). */
  readonly limits?: Readonly<Record<string, DerivedLimit>>;
  onChange(draft: Record<string, unknown>): void;
  /** A form inside another (a composed simulator's child config) renders without its own <form>. */
  readonly nested?: boolean;
}

/** Issues for `name` itself, and those inside it keyed by the rest of their path. */
function issuesFor(issues: readonly Issue[], name: string): { own?: string; nested: Map<string, string> } {
  const nested = new Map<string, string>();
  let own: string | undefined;
  for (const i of issues) {
    if (i.path === name) own = own ? `${own}; ${i.message}` : i.message;
    else if (i.path.startsWith(`${name}.`)) nested.set(i.path.slice(name.length + 1), i.message);
  }
  return { own, nested };
}

/**
 * The config form generated from the simulator's schema: fields grouped by their `group`,
 * lists of objects as editable tables, advanced fields behind a toggle, each issue shown beside
 * its field. Validation is the schema's, never the form's.
 */
export function ConfigForm({ shape, draft, issues, custom, limits = {}, onChange, nested: inner }: ConfigFormProps) {
  const [showAdvanced, setShowAdvanced] = useState(false);
  const entries = Object.entries(shape);
  const groups = [...new Set(entries.map(([, f]) => f.meta.group ?? 'Settings'))];
  const hasAdvanced = entries.some(([, f]) => f.meta.advanced);
  const choices = custom?.listChoices?.(draft) ?? {};
  const known = new Set(entries.map(([k]) => k));
  const orphans = issues.filter((i) => !known.has(i.path.split('.')[0]));
  const set = (name: string, value: unknown) => onChange({ ...draft, [name]: value });

  const renderField = (name: string, field: Field<unknown>) => {
    const { own, nested } = issuesFor(issues, name);
    const Custom = custom?.fields?.[name];
    if (Custom) return <Custom key={name} value={draft[name]} draft={draft} setDraft={onChange} error={own} nested={nested} />;
    const shapeOfItems = itemShape(field);
    if (shapeOfItems) {
      return (
        <div key={name}>
          <ListTableEditor
            name={name}
            field={field}
            shape={shapeOfItems}
            rows={(Array.isArray(draft[name]) ? draft[name] : []) as Record<string, unknown>[]}
            errors={nested}
            choices={choices[name]}
            onChange={(rows) => set(name, rows)}
          />
          {own && (
            <p className="field-error" role="alert">
              {own}
            </p>
          )}
        </div>
      );
    }
    if (field.kind === 'array' && field.item?.kind === 'enum')
      return <EnumListField key={name} name={name} field={field} value={draft[name]} error={own ?? [...nested.values()][0]} onChange={(v) => set(name, v)} />;
    if (field.kind === 'array') return <StringListField key={name} name={name} field={field} value={draft[name]} error={own ?? [...nested.values()][0]} onChange={(v) => set(name, v)} />;
    return <ScalarField key={name} name={name} field={field} value={draft[name]} error={own} limit={limits[name]} onChange={(v) => set(name, v)} />;
  };

  const Root = inner ? 'div' : 'form';
  return (
    <Root
      {...(inner ? {} : { noValidate: true, onSubmit: (e: React.FormEvent) => e.preventDefault(), 'aria-label': 'Simulation settings' })}
    >
      {orphans.length > 0 && (
        <div className="callout callout-error" role="alert" style={{ marginBottom: 16 }}>
          <ul>
            {orphans.map((i) => (
              <li key={i.path + i.message}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
            ))}
          </ul>
        </div>
      )}
      {groups.map((group) => {
        const fields = entries.filter(([, f]) => (f.meta.group ?? 'Settings') === group && (showAdvanced || !f.meta.advanced));
        if (!fields.length) return null;
        return (
          <fieldset key={group} className="form-group">
            <legend>{group}</legend>
            {fields.map(([name, field]) => renderField(name, field))}
          </fieldset>
        );
      })}
      {hasAdvanced && (
        <label className="switch advanced-toggle">
          <input type="checkbox" checked={showAdvanced} onChange={(e) => setShowAdvanced(e.target.checked)} />
          <span>Show advanced settings</span>
        </label>
      )}
    </Root>
  );
}
