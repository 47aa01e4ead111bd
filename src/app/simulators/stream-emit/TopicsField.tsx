import { createContext, useContext, useId, useMemo } from 'react';
import { streamEmitSpec } from '../../../core/simulators/stream-emit/spec';
import type { CustomField } from '../../components/ConfigForm';
import { fromDataSet, fromDefaultDomain } from '../../components/inputs/pickerTables';
import { useDataSet } from '../../data/store';

/** The tables a nested stream form streams (the hybrid's stream tables); absent: the stream emitter's own choice. */
export const StreamTablesContext = createContext<readonly string[] | null>(null);

/** The streamed tables of a stream-emitter draft: its `tables`, else every table of the data set (or the default domain). */
function useStreamedTables(draft: Record<string, unknown>): readonly string[] {
  const given = useContext(StreamTablesContext);
  const dataTables = useDataSet((s) => s.tables);
  return useMemo(() => {
    if (given) return given;
    const all = (dataTables.length ? fromDataSet(dataTables) : fromDefaultDomain(streamEmitSpec.inputs?.defaultDomain)).map((t) => t.name);
    const chosen = Array.isArray(draft.tables) ? (draft.tables as string[]).filter((t) => all.includes(t)) : [];
    return chosen.length ? chosen : all;
  }, [given, dataTables, draft.tables]);
}

type Mode = 'table' | 'one' | 'each';

/**
 * Topics as a choice of three: each table its own topic (named after it), one topic for every
 * table, or a topic typed per table (tables left empty keep their name). Written as the
 * config's `[]`, `[topic]` or `{table: topic}`.
 */
export const TopicsField: CustomField = ({ value, draft, setDraft, error, nested }) => {
  const id = useId();
  const tables = useStreamedTables(draft);
  const list = Array.isArray(value) ? (value as string[]) : null;
  const map = !list && typeof value === 'object' && value !== null ? (value as Record<string, string>) : null;
  const mode: Mode = list ? (list.length === 0 ? 'table' : list.length === 1 ? 'one' : 'each') : 'each';
  // a positional list of one topic per table reads as the same map
  const perTable: Record<string, string> = map ?? (list && list.length > 1 ? Object.fromEntries(tables.map((t, i) => [t, list[i] ?? ''])) : {});
  const set = (topics: unknown) => setDraft({ ...draft, topics });
  const setMode = (m: Mode) => set(m === 'table' ? [] : m === 'one' ? [list?.[0] ?? 'events'] : {});
  const setTopic = (table: string, topic: string) => {
    const next = { ...perTable };
    if (topic === '' || topic === table) delete next[table];
    else next[table] = topic;
    set(next);
  };
  const messages = [error, ...nested.values()].filter(Boolean).join('; ');
  return (
    <fieldset className="field stream-topics" aria-describedby={`${id}-note`}>
      <legend className="field-label">Topics</legend>
      <div className="segmented" role="radiogroup" aria-label="Topics">
        {(
          [
            ['table', 'Per table'],
            ['one', 'One topic'],
            ['each', 'Choose'],
          ] as const
        ).map(([m, label]) => (
          <label key={m}>
            <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} />
            {label}
          </label>
        ))}
      </div>
      {mode === 'one' && (
        <input className="input" aria-label="Topic of every table" spellCheck={false} value={list?.[0] ?? ''} onChange={(e) => set([e.target.value])} />
      )}
      {mode === 'each' && (
        <div className="stream-topic-rows">
          {tables.map((t) => (
            <label key={t} className="stream-topic-row">
              <span className="stream-mono">{t}</span>
              <input className="input" aria-label={`Topic of ${t}`} spellCheck={false} placeholder={t} value={perTable[t] ?? ''} onChange={(e) => setTopic(t, e.target.value)} />
            </label>
          ))}
        </div>
      )}
      {messages ? (
        <span className="field-error" id={`${id}-note`} role="alert">
          {messages}
        </span>
      ) : (
        <span className="field-hint" id={`${id}-note`}>
          {mode === 'table'
            ? `Each table goes to a topic named after it (${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''}).`
            : mode === 'one'
              ? 'Every table goes to this topic.'
              : 'A table left empty keeps its own name as topic; tables may share a topic.'}{' '}
          Topic names: letters, digits, ‘.’, ‘_’ or ‘-’. One JSONL file per topic.
        </span>
      )}
    </fieldset>
  );
};
