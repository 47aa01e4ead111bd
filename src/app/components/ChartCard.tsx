import type { ReactNode } from 'react';

/** A titled chart with a subtitle that states what is counted and in which unit. */
export function ChartCard({ title, subtitle, wide, children, height = 280 }: { title: string; subtitle?: string; wide?: boolean; children: ReactNode; height?: number }) {
  return (
    <section className={`chart-card${wide ? ' wide' : ''}`} aria-label={title}>
      <h3>{title}</h3>
      {subtitle && <p className="chart-sub">{subtitle}</p>}
      <div className="chart-body" style={{ height }}>
        {children}
      </div>
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
