import type { operationalLogView } from '../../../core/simulators/operational-log/view';
import type { RunOf } from '../types';
import { LatencyPercentiles, LevelMix, StatusMix } from './MixCharts';
import { ErrorRateOverTime, RequestsOverTime } from './TimeCharts';

/** The page's dashboard: traffic and errors over time with the injected windows shaded, then latency and mixes. */
export function OperationalLogCharts({ run }: { run: RunOf<typeof operationalLogView> }) {
  const data = run.charts;
  if (!data.logSample.total) {
    return (
      <div className="callout" role="status">
        This run has no log lines: the events per hour are 0 and no error burst was injected, so there is nothing to chart.
      </div>
    );
  }
  return (
    <div className="chart-grid" aria-label="Charts">
      <RequestsOverTime data={data} />
      <ErrorRateOverTime data={data} />
      <LatencyPercentiles data={data} />
      <StatusMix data={data} />
      <LevelMix data={data} />
    </div>
  );
}
