/** What the Clickstream page reads of a run: its stats and chart data, shapes checked when they arrive (view/shape.ts). */
import { defineView } from '../../view/result-view';
import { arr, num, nullable, obj, oneOf, rec, str, type Infer, type Shape } from '../../view/shape';
import type { ClickstreamCharts } from './clickstream.charts';

const bin = obj({ lo: num, hi: num, count: num });

export const clickstreamStatsShape = obj({
  total_sessions: num,
  human_sessions: num,
  bot_sessions: num,
  bounce_sessions: num,
  bounce_rate_actual: num,
  total_page_views: num,
  avg_pages_per_session: num,
  bot_page_views: num,
  funnel_eligible_sessions: num,
  funnel_conversions: num,
  funnel_conversion_rate: num,
  unique_users: num,
  unique_bot_users: num,
  device_type_distribution: rec(num),
  referrer_distribution: rec(num),
  duration_hours: num,
  seed: num,
});
export type ClickstreamStats = Infer<typeof clickstreamStatsShape>;

const sessionSample = obj({
  sessionId: str,
  userId: str,
  kind: oneOf('converted', 'engaged', 'bounced', 'bot'),
  startedAtMs: num,
  deviceType: str,
  referrer: str,
  userAgent: nullable(str),
  durationSeconds: num,
  pageViews: num,
  funnelDepth: num,
  views: arr(obj({ url: str, offsetMs: num, dwellSeconds: num })),
});

export const clickstreamChartsShape: Shape<ClickstreamCharts> = obj({
  sessionsOverTime: obj({ bucketHours: num, buckets: arr(obj({ start: str, humans: num, bots: num })) }),
  hourOfDay: arr(obj({ hour: num, humans: num, bots: num })),
  funnel: arr(obj({ stage: str, stageOrder: num, reached: num, stoppedHere: num, cappedByPages: num, dropOffRate: num })),
  pagesPerSession: arr(bin),
  dwellSeconds: arr(bin),
  deviceMix: arr(obj({ label: str, count: num })),
  referrerMix: arr(obj({ label: str, humans: num, bots: num })),
  sessionSamples: arr(sessionSample),
});

export const clickstreamView = defineView(clickstreamStatsShape, clickstreamChartsShape);
