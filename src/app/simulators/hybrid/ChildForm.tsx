import { useMemo } from 'react';
import type { Issue, Shape } from '../../../core/schema/fields';
import { ConfigForm, type CustomField, type FormCustomisation } from '../../components/ConfigForm';
import { fromDataSet, fromDefaultDomain } from '../../components/inputs/pickerTables';
import { useDataSet } from '../../data/store';
import { hybridSpec } from '../../../core/simulators/hybrid/spec';
import { StreamTablesContext } from '../stream-emit/TopicsField';

/** The hybrid's stream tables: its `streamTables` (those in the data set), else every table; then the child's own `tables` filter. */
function useStreamTables(draft: Record<string, unknown>): string[] {
  const dataTables = useDataSet((s) => s.tables);
  return useMemo(() => {
    const all = (dataTables.length ? fromDataSet(dataTables) : fromDefaultDomain(hybridSpec.inputs?.defaultDomain)).map((t) => t.name);
    const routed = Array.isArray(draft.streamTables) && draft.streamTables.length ? (draft.streamTables as string[]).filter((t) => all.includes(t)) : all;
    const child = (draft.streamConfig as { tables?: string[] } | undefined)?.tables ?? [];
    const kept = child.length ? child.filter((t) => routed.includes(t)) : routed;
    return kept;
  }, [dataTables, draft.streamTables, draft.streamConfig]);
}

/**
 * One child config of the hybrid as a form of its own (inside the hybrid's form), with the
 * child simulator's widgets; its issues come from the hybrid's schema with the child's prefix.
 */
export function childForm(key: 'streamConfig' | 'fileDropConfig', shape: Shape, title: string, summary: string, custom?: FormCustomisation): CustomField {
  return function ChildConfig({ value, draft, setDraft, nested }) {
    const issues: Issue[] = [...nested].map(([path, message]) => ({ path, message }));
    const child = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
    const streamTables = useStreamTables(draft);
    const form = <ConfigForm nested shape={shape} draft={child} issues={issues} custom={custom} onChange={(d) => setDraft({ ...draft, [key]: d })} />;
    return (
      <details className="hybrid-child" open>
        <summary>
          <span className="hybrid-child-title">{title}</span>
          <span className="field-hint">{issues.length ? `${issues.length} to fix` : summary}</span>
        </summary>
        {key === 'streamConfig' ? <StreamTablesContext.Provider value={streamTables}>{form}</StreamTablesContext.Provider> : form}
      </details>
    );
  };
}
