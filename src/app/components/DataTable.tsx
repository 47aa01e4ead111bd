import { createColumnHelper, tableFeatures, useTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Table as ArrowTable } from 'apache-arrow';
import { useMemo, useRef } from 'react';
import { decimalText } from '../../core/table/column';
import { formatTimeOfDay } from '../../core/table/exact';
import { formatIso, formatIsoMicros } from '../../core/time';
import { formatInt } from '../format';

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

const WIDTH: Record<string, number> = { string: 180, int: 96, float: 110, bool: 78, timestamp: 208, date: 112, bigint: 190, decimal: 130, time: 120 };

/**
 * Text of one cell: ISO instants (with µs when they have them), exact digits for bigints and
 * decimals, `null` shown as such. Values render as text, never HTML.
 */
function cellText(value: unknown, c: ColumnMeta): string | null {
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

function widthOf(c: ColumnMeta): number {
  if (c.type === 'string' && /(^|_)id$/.test(c.name)) return 290;
  return WIDTH[c.type] ?? 160;
}

const ROW_HEIGHT = 29;

/**
 * A virtualised grid over an Arrow preview: only the visible rows are rendered, so tens of
 * thousands of rows scroll smoothly. Rows are indices into the Arrow columns, not objects.
 */
export function DataTable({ table, columns, totalRows, label }: { table: ArrowTable; columns: readonly ColumnMeta[]; totalRows: number; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const data = useMemo<Row[]>(() => Array.from({ length: table.numRows }, (_, i) => ({ i })), [table]);
  const defs = useMemo(
    () =>
      helper.columns(
        columns.map((c) => {
          const vector = table.getChild(c.name);
          return helper.accessor((row: Row) => cellText(vector?.get(row.i), c), { id: c.name, header: c.name });
        }),
      ),
    [table, columns],
  );
  const t = useTable({ features, columns: defs, data });
  const rows = t.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const widths = columns.map(widthOf);
  const totalWidth = 64 + widths.reduce((a, b) => a + b, 0);
  const numeric = (type: string) => type === 'int' || type === 'float' || type === 'bigint' || type === 'decimal';

  return (
    <div>
      <div className="grid-scroll" ref={scrollRef} role="table" aria-label={label} aria-rowcount={totalRows + 1}>
        <div className="grid-table" style={{ width: totalWidth }}>
          <div className="grid-head" role="row">
            <div className="cell row-num" style={{ width: 64 }} role="columnheader">
              #
            </div>
            {columns.map((c, j) => (
              <div key={c.name} className={`cell${numeric(c.type) ? ' num' : ''}`} style={{ width: widths[j] }} role="columnheader" title={`${c.name} (${typeLabel(c)})`}>
                {c.name}
                <span className="col-type">{typeLabel(c)}</span>
              </div>
            ))}
          </div>
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              return (
                <div key={row.id} className="grid-row" role="row" style={{ top: item.start, height: ROW_HEIGHT, width: totalWidth }}>
                  <div className="cell row-num" style={{ width: 64 }} role="cell">
                    {formatInt(item.index + 1)}
                  </div>
                  {row.getAllCells().map((cell, j) => {
                    const v = cell.getValue() as string | null;
                    const type = columns[j].type;
                    const mono = type === 'string' && /(^|_)id$/.test(columns[j].name);
                    return (
                      <div key={cell.id} role="cell" className={`cell${numeric(type) ? ' num' : ''}${mono ? ' mono' : ''}`} style={{ width: widths[j] }} title={v ?? 'null'}>
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
      <div className="grid-foot">
        {table.numRows < totalRows
          ? `Showing the first ${formatInt(table.numRows)} of ${formatInt(totalRows)} rows. Download for the full table.`
          : `${formatInt(totalRows)} rows`}
      </div>
    </div>
  );
}
