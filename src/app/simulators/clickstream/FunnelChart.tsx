import type { ClickstreamCharts } from '../../../core/simulators/clickstream/clickstream.charts';
import { ChartCard } from '../../components/ChartCard';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatInt, formatPercent } from '../../format';

/**
 * The conversion funnel as bars, widths relative to the first stage, with the drop-off
 * between consecutive stages written between their bars. Plain HTML rather than a chart
 * library: the text between the bars is the point, and it stays readable at any stage count.
 */
export function FunnelChart({ data, funnelEnabled }: { data: ClickstreamCharts; funnelEnabled: boolean }) {
  const stages = data.funnel;
  const first = stages[0]?.reached ?? 0;
  const last = stages[stages.length - 1];
  const subtitle = 'Human sessions that did not bounce, counted at every stage they reached (stage k at their k-th page view); between stages, the share that dropped off.';
  if (!stages.length) {
    return (
      <ChartCard wide title="Conversion funnel" subtitle={subtitle} height={120}>
        <div className="clickstream-note">{funnelEnabled ? 'No funnel stages are set, so the funnels table is empty.' : 'Funnels are off for this run, so the funnels table is empty.'}</div>
      </ChartCard>
    );
  }
  return (
    <ChartCard
      wide
      title="Conversion funnel"
      subtitle={subtitle}
      height={Math.min(520, 40 + stages.length * 50)}
      summary={`${formatPercent(first ? last.reached / first : 0)} of ${formatInt(first)} funnel sessions reached ${last.stage}.`}
    >
      <ScrollRegion className="clickstream-funnel-scroll" label="Funnel stages, scrollable">
        <ol className="clickstream-funnel" aria-label="Funnel stages">
          {stages.map((s, k) => {
            const share = first ? s.reached / first : 0;
            const final = k === stages.length - 1;
            return (
              <li key={s.stageOrder}>
                <div className="clickstream-funnel-row" title={`${s.stage}: ${formatInt(s.reached)} sessions (${formatPercent(share)} of the first stage)`}>
                  <span className="clickstream-funnel-stage">
                    <span className="clickstream-funnel-order">{k + 1}</span>
                    {s.stage}
                  </span>
                  <span className="clickstream-funnel-track">
                    <span className={`clickstream-funnel-bar${final ? ' final' : ''}`} style={{ width: `${Math.max(share > 0 ? 0.6 : 0, share * 100)}%` }} />
                  </span>
                  <span className="clickstream-funnel-count">
                    {formatInt(s.reached)}
                    <small>{formatPercent(share)}</small>
                  </span>
                </div>
                {!final && (
                  <div className="clickstream-funnel-drop">
                    <span aria-hidden="true">↓</span> {formatPercent(s.dropOffRate)} dropped off
                    <span className="clickstream-funnel-drop-detail">
                      {' '}
                      ({formatInt(s.stoppedHere)} sessions
                      {s.cappedByPages > 0 ? `, ${formatInt(s.cappedByPages)} of them out of page views` : ''})
                    </span>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      </ScrollRegion>
      <p className="clickstream-funnel-summary">
        <strong>{formatPercent(first ? last.reached / first : 0)}</strong> of {formatInt(first)} funnel sessions reached <strong>{last.stage}</strong>.
      </p>
    </ChartCard>
  );
}
