import { useId, useMemo, useState, type ReactNode } from 'react';
import { clickstreamConfig } from '../../../core/simulators/clickstream/clickstream.config';
import { labelOf } from '../../../core/schema/fields';
import type { CustomField } from '../../components/ConfigForm';
import { formatCount } from '../../format';

type ListName = 'pagePool' | 'referrerSources' | 'deviceTypes' | 'funnelStages';

/** The text's items, one per line; a last empty line is the one being started, not an item yet. */
function itemsOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  return lines[lines.length - 1] === '' ? lines.slice(0, -1) : lines;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A string list edited one item per line, with the schema's errors named by line ("Line 3:
 * …") and a preview of what the list means. Pressing Enter at the end starts a new line
 * without an "empty item" error in between.
 */
function ListEditor({ name, value, draft, setDraft, error, preview }: Parameters<CustomField>[0] & { name: ListName; preview?: (items: readonly string[]) => ReactNode }) {
  const id = useId();
  const field = clickstreamConfig.shape[name];
  const items = useMemo(() => (Array.isArray(value) ? (value as unknown[]).map(String) : []), [value]);
  const [text, setText] = useState(() => items.join('\n'));
  const [shown, setShown] = useState(items);
  if (shown !== items) {
    // the list changed outside this box (Reset, an imported config, a shared link): show it
    setShown(items);
    if (!same(itemsOf(text), items)) setText(items.join('\n'));
  }
  // item errors sit at `name.<index>`; the form passes only the list's own, so ask the schema for the rest
  const lineErrors = useMemo(() => {
    const parsed = clickstreamConfig.parse(draft);
    if (parsed.ok) return [];
    return parsed.issues.filter((i) => i.path.startsWith(`${name}.`)).map((i) => `Line ${Number(i.path.slice(name.length + 1)) + 1}: ${i.message}`);
  }, [draft, name]);
  const message = [error, ...lineErrors].filter(Boolean).join('; ');
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={id}>{labelOf(name, field)}</label>
        <span className="field-hint">
          {formatCount(items.length, 'item')}
        </span>
      </div>
      <textarea
        id={id}
        name={name}
        className="input clickstream-list-input"
        rows={Math.min(8, Math.max(3, items.length + 1))}
        spellCheck={false}
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-note`}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setDraft({ ...draft, [name]: itemsOf(e.target.value) });
        }}
      />
      {message ? (
        <span className="field-error" id={`${id}-note`} role="alert">
          {message}
        </span>
      ) : (
        <span className="field-hint" id={`${id}-note`}>
          {field.meta.help} One per line.
        </span>
      )}
      {!message && preview?.(items)}
    </div>
  );
}

/** What the placeholders become, with an expansion of a few templates, e.g. /products/{id} → /products/137. */
function pagePoolPreview(items: readonly string[]): ReactNode {
  const examples = items.filter((t) => t.includes('{id}') || t.includes('{slug}')).slice(0, 2);
  return (
    <div className="clickstream-preview" aria-label="Template examples">
      <span>
        <code>{'{id}'}</code> becomes 1–500 and <code>{'{slug}'}</code> post-1 … post-500{examples.length ? ', e.g.' : '.'}
      </span>
      {examples.map((t) => (
        <span key={t} className="clickstream-mono">
          {t} → {t.split('{id}').join('137').split('{slug}').join('post-42')}
        </span>
      ))}
    </div>
  );
}

function stagesPreview(items: readonly string[]): ReactNode {
  if (!items.length) return <div className="clickstream-preview">No stages: the funnels table will be empty.</div>;
  return (
    <ol className="clickstream-preview clickstream-stage-preview" aria-label="Funnel order">
      {items.map((s, k) => (
        <li key={`${k}:${s}`}>{s}</li>
      ))}
    </ol>
  );
}

const editor =
  (name: ListName, preview?: (items: readonly string[]) => ReactNode): CustomField =>
  (props) => <ListEditor {...props} name={name} preview={preview} />;

/** The Clickstream form's list fields. */
export const listFields: Readonly<Record<ListName, CustomField>> = {
  pagePool: editor('pagePool', pagePoolPreview),
  referrerSources: editor('referrerSources'),
  deviceTypes: editor('deviceTypes'),
  funnelStages: editor('funnelStages', stagesPreview),
};
