import type { ReactNode } from 'react';
import { ChartTooltip } from './ChartCard';
import './chartEmpty.css';

type Row = { name: string; value: string; color?: string };

/**
 * A recharts `content` for charts whose data rows carry everything the tooltip says: the
 * hovered row's label and lines, from the row itself (not from recharts' per-series payload).
 */
export function rowTooltip<T>(label: (p: T) => ReactNode, rows: (p: T) => Row[]) {
  function RowTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
    const p = payload?.[0]?.payload as T | undefined;
    if (!active || p === undefined) return null;
    return <ChartTooltip active label={label(p)} rows={rows(p)} />;
  }
  return RowTooltip;
}

/** What a chart's body says when there is nothing to draw. */
export function ChartEmpty({ children }: { children: ReactNode }) {
  return <p className="chart-empty">{children}</p>;
}
