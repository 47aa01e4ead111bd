import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useDrawTurn } from './drawQueue';
import { ScrollRegion } from './ScrollRegion';

/** A chart's data as a table: the "view as table" alternative, and the source of its summary. */
export interface ChartTable {
  /** Column headings; the first column names each row (a state, an hour, a service). */
  readonly columns: readonly string[];
  /** Cells as shown (format numbers for people before they get here). */
  readonly rows: readonly (readonly (string | number)[])[];
}

export interface ChartCardProps {
  readonly title: string;
  /** What is counted and in which unit. */
  readonly subtitle?: string;
  readonly wide?: boolean;
  readonly height?: number;
  /** The chart's data: offered as a table and read to screen readers instead of the drawing. */
  readonly table?: ChartTable;
  /** One or two sentences with the chart's message for screen readers (default: from the table). */
  readonly summary?: string;
  /** Controls beside the title (a scale switch). */
  readonly actions?: ReactNode;
  /** Under the plot (a legend of buttons). */
  readonly footer?: ReactNode;
  readonly children: ReactNode;
}

/** "12 rows: from opened (1,234) to closed (56)." — what a table says when no summary is given. */
function defaultSummary(table: ChartTable): string {
  const n = table.rows.length;
  if (!n) return 'No data.';
  const first = table.rows[0];
  const last = table.rows[n - 1];
  const value = (r: readonly (string | number)[]) => (r.length > 1 ? ` (${r.slice(1).join(', ')})` : '');
  return n === 1 ? `One row: ${first[0]}${value(first)}.` : `${n} rows, from ${first[0]}${value(first)} to ${last[0]}${value(last)}. The data is in the table view.`;
}

/**
 * The drawing of a chart library is pointer-only decoration for assistive technology: its SVG is
 * hidden from the accessibility tree and taken out of the tab order (recharts makes it a tab
 * stop named by its tick text). The card's title, subtitle, summary and table speak for it.
 */
function useQuietDrawing(body: React.RefObject<HTMLDivElement | null>, drawn: boolean) {
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const quiet = () => {
      for (const svg of el.querySelectorAll('svg')) {
        if (svg.getAttribute('aria-hidden') !== 'true') svg.setAttribute('aria-hidden', 'true');
        if (svg.hasAttribute('tabindex')) svg.removeAttribute('tabindex');
        if (svg.hasAttribute('role')) svg.removeAttribute('role');
      }
      for (const f of el.querySelectorAll('.recharts-wrapper[tabindex], .recharts-surface [tabindex]')) f.removeAttribute('tabindex');
    };
    quiet();
    const observer = new MutationObserver(quiet);
    observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['tabindex', 'role', 'aria-hidden'] });
    return () => observer.disconnect();
  }, [body, drawn]);
}

/**
 * A titled chart with a subtitle that states what is counted and in which unit, an accessible
 * name and summary, and a "View as table" switch that shows its data as a table. Every chart of
 * every page goes through here, so each inherits the same accessibility.
 */
export function ChartCard({ title, subtitle, wide, children, height = 280, table, summary, actions, footer }: ChartCardProps) {
  const id = useId();
  const body = useRef<HTMLDivElement>(null);
  const [asTable, setAsTable] = useState(false);
  const drawn = useDrawTurn();
  useQuietDrawing(body, drawn);
  const said = summary ?? (table ? defaultSummary(table) : undefined);
  const described = [subtitle && `${id}-sub`, said && `${id}-sum`].filter(Boolean).join(' ') || undefined;
  return (
    <section className={`chart-card${wide ? ' wide' : ''}`} aria-labelledby={`${id}-title`} aria-describedby={described}>
      <div className="chart-card-head">
        <div className="chart-card-titles">
          <h3 id={`${id}-title`}>{title}</h3>
          {subtitle && (
            <p className="chart-sub" id={`${id}-sub`}>
              {subtitle}
            </p>
          )}
        </div>
        <div className="chart-card-actions">
          {!asTable && actions}
          {table && (
            <button type="button" className="btn btn-small chart-table-toggle" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
              {asTable ? 'View as chart' : 'View as table'}
            </button>
          )}
        </div>
      </div>
      {said && (
        <p className="sr-only" id={`${id}-sum`}>
          {said}
        </p>
      )}
      {asTable && table ? (
        <ScrollRegion className="chart-data-scroll" label="Chart data as a table, scrollable" style={{ maxHeight: Math.max(height, 200) }}>
          <table className="chart-data">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {table.columns.map((c, j) => (
                  <th key={c} scope="col" className={j ? 'num' : undefined}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((cell, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {cell}
                      </th>
                    ) : (
                      <td key={j} className="num">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : (
        <>
          {drawn ? (
            <div className="chart-body" ref={body} style={{ height, minHeight: height }}>
              {children}
            </div>
          ) : (
            // the card keeps its height while it waits for its turn to draw: nothing below moves
            <div className="chart-body chart-pending" aria-busy="true" style={{ height, minHeight: height }}>
              <span className="sr-only">Drawing the chart…</span>
            </div>
          )}
          {footer}
        </>
      )}
    </section>
  );
}

/** Shared tooltip look for recharts. */
export function ChartTooltip({ active, label, rows }: { active?: boolean; label?: ReactNode; rows: { name: string; value: string; color?: string }[] }) {
  if (!active) return null;
  return (
    <div className="chart-tooltip">
      {label !== undefined && <strong>{label}</strong>}
      {rows.map((r) => (
        <div key={r.name}>
          {r.color && <span className="swatch" style={{ background: r.color }} />}
          {r.name}: {r.value}
        </div>
      ))}
    </div>
  );
}

export const CHART_COLORS = ['var(--chart-1)', 'var(--chart-2)', 'var(--chart-3)', 'var(--chart-4)', 'var(--chart-5)', 'var(--chart-6)'];
export const AXIS_PROPS = {
  axisLine: { stroke: 'var(--border-strong)' },
  tickLine: false,
  tick: { fill: 'var(--text-2)', fontSize: 11 },
} as const;

/**
 * The look of band `index` (0 at the bottom) of a stacked area chart. Only the bottom band has an
 * outline: a band's outline also runs along the band below wherever the band is zero, so a run
 * with no fraud (or no battery alerts, or no replays) drew that kind's line along the whole top
 * and looked like it was all fraud. The bands above are filled more strongly instead.
 */
export function stackedBand(index: number, color: string) {
  return index ? { stroke: 'none', fill: color, fillOpacity: 0.8 } : { stroke: color, fill: color, fillOpacity: 0.35 };
}
