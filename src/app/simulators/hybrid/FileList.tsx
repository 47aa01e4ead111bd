import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState } from 'react';
import type { FileIndex } from '../../../core/landing/charts';
import { formatBytes, formatInt } from '../../format';
import { formatMicros } from '../stream-emit/timeAxis';

const ROW = 30;

/** The landing zone as it landed: every file (data and control) in landing order, filterable by table and kind. */
export function FileList({ index }: { index: FileIndex }) {
  const [entity, setEntity] = useState(-1);
  const [kind, setKind] = useState(-1);
  const ids = { entity: useId(), kind: useId() };
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => {
    const out: number[] = [];
    for (let i = 0; i < index.name.length; i++) if ((entity < 0 || index.entity[i] === entity) && (kind < 0 || index.kind[i] === kind)) out.push(i);
    return out;
  }, [index, entity, kind]);
  const kinds = [...new Set(index.kind)].sort((a, b) => a - b);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 12 });
  return (
    <div className="hybrid-files">
      <div className="hybrid-files-tools">
        <label htmlFor={ids.entity} className="field-hint">
          Table
        </label>
        <select id={ids.entity} className="select hybrid-entity" value={entity} onChange={(e) => setEntity(Number(e.target.value))}>
          <option value={-1}>All</option>
          {index.entities.map((e, i) => (
            <option key={e} value={i}>
              {e}
            </option>
          ))}
        </select>
        <label htmlFor={ids.kind} className="field-hint">
          Kind
        </label>
        <select id={ids.kind} className="select hybrid-entity" value={kind} onChange={(e) => setKind(Number(e.target.value))}>
          <option value={-1}>All</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {index.kinds[k].replace('_', ' ')}
            </option>
          ))}
        </select>
        <span className="field-hint">{formatInt(rows.length)} files</span>
      </div>
      <div ref={scrollRef} className="hybrid-files-scroll" role="list" aria-label="Landing zone files" tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const i = rows[v.index];
            return (
              <div key={i} role="listitem" className="hybrid-file-row" style={{ transform: `translateY(${v.start}px)`, height: ROW }}>
                <span className="stream-mono hybrid-file-time">{formatMicros(index.landedAtUs[i]).slice(5, 16)}</span>
                <span className="stream-mono hybrid-path" title={`${index.folders[index.folder[i]]}/${index.name[i]}`}>
                  {index.folders[index.folder[i]].split('/').slice(-2).join('/')}/{index.name[i]}
                </span>
                <span className="hybrid-file-kind">{index.kinds[index.kind[i]].replace('_', ' ')}</span>
                <span className="hybrid-file-size">{index.rows[i] >= 0 ? `${formatInt(index.rows[i])} rows` : formatBytes(index.bytes[i])}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
