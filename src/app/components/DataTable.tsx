import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Table as ArrowTable } from 'apache-arrow';
import { useEffect, useMemo, useRef, useState } from 'react';
import { decimalText } from '../../core/table/column';
import { formatTimeOfDay } from '../../core/table/exact';
import { formatIso, formatIsoMicros } from '../../core/time';
import { formatInt } from '../format';
import { ColumnChooser } from './ColumnChooser';
import { columnWidths, ROW_NUM_WIDTH } from './columnWidths';

const features = tableFeatures({});
type Row = { readonly i: number };
const helper = createColumnHelper<typeof features, Row>();

export interface ColumnMeta {
  readonly name: string;
  readonly type: string;
  /** Decimals: total digits and digits after the point. */
  readonly precision?: number;
  readonly scale?: number;
}

/**
 * Text of one cell: ISO instants (with µs when they have them), exact digits for bigints and
 * decimals, `null` shown as such. Values render as text, never HTML.
 */
export function cellText(value: unknown, c: ColumnMeta): string | null {
  if (value === null || value === undefined) return null;
  switch (c.type) {
    case 'timestamp': {
      // Arrow hands µs timestamps back as fractional milliseconds
      const us = Math.round(Number(value) * 1000);
      return us % 1000 === 0 ? formatIso(us) : formatIsoMicros(us);
    }
    case 'date':
      return new Date(Number(value)).toISOString().slice(0, 10);
    case 'decimal':
      return decimalText(BigInt(String(value)), c.scale ?? 0);
    case 'time':
      return formatTimeOfDay(Number(value));
    default:
      return String(value);
  }
}

/** `decimal(10,2)` for decimals, else the type. */
function typeLabel(c: ColumnMeta): string {
  return c.type === 'decimal' ? `decimal(${c.precision},${c.scale})` : c.type;
}

const ROW_HEIGHT = 29;
const isId = (c: ColumnMeta) => c.type === 'string' && /(^|_)id$/.test(c.name);
const numeric = (type: string) => type === 'int' || type === 'float' || type === 'bigint' || type === 'decimal';

/**
 * A virtualised grid over an Arrow preview: only the visible rows are rendered, so tens of
 * thousands of rows scroll smoothly. Rows are indices into the Arrow columns, not objects.
 * Columns are as wide as their content; the header and the first column stay in view while the
 * grid scrolls inside itself (a focusable region, so the arrow keys scroll it); a cue says how
 * many columns lie beyond the right edge, and a chooser shows or hides columns.
 */
export function DataTable({ table, columns, totalRows, label }: { table: ArrowTable; columns: readonly ColumnMeta[]; totalRows: number; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const [view, setView] = useState({ left: 0, width: 0 });
  const shown = useMemo(() => columns.filter((c) => !hidden.has(c.name)), [columns, hidden]);
  const data = useMemo<Row[]>(() => Array.from({ length: table.numRows }, (_, i) => ({ i })), [table]);
  const defs = useMemo(
    () =>
      helper.columns(
        shown.map((c) => {
          const vector = table.getChild(c.name);
          return helper.accessor((row: Row) => cellText(vector?.get(row.i), c), { id: c.name, header: c.name });
        }),
      ),
    [table, shown],
  );
  const t = useTable({ features, columns: defs, data });
  const rows = t.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const allWidths = useMemo(() => columnWidths(table, columns, cellText), [table, columns]);
  const widths = shown.map((c) => allWidths.get(c.name) ?? 120);
  const totalWidth = ROW_NUM_WIDTH + widths.reduce((a, b) => a + b, 0);
  // columns wholly past the right edge of the scroll area: the cue's count
  let edge = ROW_NUM_WIDTH;
  let beyond = 0;
  for (const w of widths) {
    if (edge >= view.left + view.width - 8 && view.width > 0) beyond++;
    edge += w;
  }
  const measure = () => {
    const el = scrollRef.current;
    if (el && (el.scrollLeft !== view.left || el.clientWidth !== view.width)) setView({ left: el.scrollLeft, width: el.clientWidth });
  };
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setView({ left: el.scrollLeft, width: el.clientWidth }));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const stickyLeft = (j: number) => (j === 0 ? { position: 'sticky' as const, left: ROW_NUM_WIDTH, zIndex: 1 } : undefined);

  return (
    <div className="grid-wrap">
      <div className="grid-tools">
        <span className="field-hint" aria-live="polite">
          {shown.length < columns.length ? `${formatInt(shown.length)} of ${formatInt(columns.length)} columns shown` : `${formatInt(columns.length)} columns`}
          {beyond > 0 ? ` · ${formatInt(beyond)} more to the right: scroll sideways` : ''}
        </span>
        <ColumnChooser columns={columns.map((c) => c.name)} hidden={hidden} onChange={setHidden} label={label} />
      </div>
      <div className={`grid-frame${beyond > 0 ? ' has-more' : ''}`}>
        <div
          className="grid-scroll"
          ref={scrollRef}
          tabIndex={0}
          role="region"
          aria-label={`${label}, scrollable`}
          onScroll={measure}
        >
          <div className="grid-table" role="table" aria-label={label} aria-rowcount={totalRows + 1} aria-colcount={shown.length + 1} style={{ width: totalWidth }}>
            <div className="grid-head" role="row">
              <div className="cell row-num" style={{ width: ROW_NUM_WIDTH }} role="columnheader">
                #
              </div>
              {shown.map((c, j) => (
                <div
                  key={c.name}
                  className={`cell${numeric(c.type) ? ' num' : ''}${j === 0 ? ' sticky-col' : ''}`}
                  style={{ width: widths[j], ...stickyLeft(j) }}
                  role="columnheader"
                  title={`${c.name} (${typeLabel(c)})`}
                >
                  {c.name}
                  <span className="col-type">{typeLabel(c)}</span>
                </div>
              ))}
            </div>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                return (
                  <div key={row.id} className="grid-row" role="row" aria-rowindex={item.index + 2} style={{ top: item.start, height: ROW_HEIGHT, width: totalWidth }}>
                    <div className="cell row-num" style={{ width: ROW_NUM_WIDTH }} role="cell">
                      {formatInt(item.index + 1)}
                    </div>
                    {row.getAllCells().map((cell, j) => {
                      const v = cell.getValue() as string | null;
                      const col = shown[j];
                      return (
                        <div
                          key={cell.id}
                          role="cell"
                          className={`cell${numeric(col.type) ? ' num' : ''}${isId(col) ? ' mono' : ''}${j === 0 ? ' sticky-col' : ''}`}
                          style={{ width: widths[j], ...stickyLeft(j) }}
                          title={v ?? 'null'}
                        >
                          {v === null ? <span className="null">null</span> : v}
                        </div>
                      );
                    })}
                  </div>
                );
              })}
            </div>
          </div>
        </div>
      </div>
      <div className="grid-foot">
        {table.numRows < totalRows
          ? `Showing the first ${formatInt(table.numRows)} of ${formatInt(totalRows)} rows. Download for the full table.`
          : `${formatInt(totalRows)} rows`}
      </div>
    </div>
  );
}
