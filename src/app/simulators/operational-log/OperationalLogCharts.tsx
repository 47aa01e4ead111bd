import type { RunMeta } from '../../store';
import { LatencyPercentiles, LevelMix, StatusMix } from './MixCharts';
import type { OplogData } from './shared';
import { ErrorRateOverTime, RequestsOverTime } from './TimeCharts';

/** The page's dashboard: traffic and errors over time with the injected windows shaded, then latency and mixes. */
export function OperationalLogCharts({ run }: { run: RunMeta }) {
  const data = run.charts as OplogData;
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
