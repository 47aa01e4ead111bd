import type { ReactNode } from 'react';

/**
 * A chart card like the shared ChartCard, with room for controls beside the title (a scale
 * switch) and a footer under the plot (legends that are buttons), which ChartCard's fixed-height
 * body cannot hold.
 */
export function Card(props: { title: string; subtitle: string; wide?: boolean; height?: number; actions?: ReactNode; footer?: ReactNode; children: ReactNode }) {
  const { title, subtitle, wide, height = 280, actions, footer, children } = props;
  return (
    <section className={`chart-card${wide ? ' wide' : ''}`} aria-label={title}>
      <div className="oplog-card-head">
        <div>
          <h3>{title}</h3>
          <p className="chart-sub">{subtitle}</p>
        </div>
        {actions}
      </div>
      <div className="chart-body" style={{ height, minHeight: height }}>
        {children}
      </div>
      {footer}
    </section>
  );
}
