/** The expected size of a clickstream run, from the expected sessions and page views of its config. */
import type { RunEstimate } from '../../estimate';
import { expectedVolume, type ClickstreamConfig } from './clickstream.config';

/** E[depth] of a funnel that goes one stage deeper with probability 1 − drop, up to `stages`. */
function meanFunnelDepth(stages: number, drop: number): number {
  if (stages === 0) return 0;
  return drop === 0 ? stages : (1 - (1 - drop) ** stages) / drop;
}

export function estimateClickstream(c: ClickstreamConfig): RunEstimate {
  const { humanSessions, botSessions, pageViews } = expectedVolume(c);
  const funnels = c.funnelEnabled ? humanSessions * (1 - c.bounceRate) * meanFunnelDepth(c.funnelStages.length, c.funnelDropRate) : 0;
  // bytes per row measured on the default config (ids of 36 characters dominate)
  return {
    tables: [
      { name: 'sessions', rows: humanSessions + botSessions, memoryBytesPerRow: 86, textBytesPerRow: 36, fileBytesPerRow: { parquet: 54, csv: 108, jsonl: 238 } },
      // a streamed run builds these a stretch at a time (the sessions are held whole)
      { name: 'page_views', rows: pageViews, memoryBytesPerRow: 118, textBytesPerRow: 36, fileBytesPerRow: { parquet: 55, csv: 132, jsonl: 240 }, streamed: true },
      { name: 'funnels', rows: funnels, memoryBytesPerRow: 76, textBytesPerRow: 36, fileBytesPerRow: { parquet: 31, csv: 90, jsonl: 170 }, streamed: true },
    ],
    drivers: ['users', 'avgSessionsPerUser', 'avgPagesPerSession'],
  };
}
