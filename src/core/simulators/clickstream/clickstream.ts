import type { RunContext, SimResult } from '../../simulator';
import { US_PER_DAY, US_PER_HOUR } from '../../time';
import { clickstreamCharts, type ClickstreamCharts } from './clickstream.charts';
import type { ClickstreamConfig } from './clickstream.config';
import { generate } from './clickstream.generate';
import { clickstreamAnswerKey, clickstreamStats, pagesOf } from './clickstream.report';
import { sampleSessions } from './clickstream.samples';
import { arrangeBySessionStart } from './clickstream.sort';
import {
  funnelsTable,
  labelDictionary,
  pageViewsTable,
  sessionIdBytes,
  sessionsTable,
  userIdSource,
  type TableInputs,
} from './clickstream.tables';
import { encodeUrls, PagePool } from './clickstream.urls';

export interface ClickstreamOutput extends SimResult {
  readonly charts?: ClickstreamCharts;
}

/**
 * Simulate web sessions, page views and conversion funnels (spec/clickstream.md with every
 * "Require"): diurnal human sessions and uniform crawler sessions, lognormal dwell rounded
 * before time advances, funnels tied to the session's own page views, stable sorts, seeded
 * ids, and bots kept out of the human figures. An empty run gives empty tables with their
 * full schemas (D4).
 */
export async function runClickstream(config: ClickstreamConfig, ctx: RunContext): Promise<ClickstreamOutput> {
  const pool = new PagePool(config.pagePool);
  const drawn = await generate(config, pool, ctx);
  // D10: sessions by (started_at, generation index), views by (timestamp, session position, page index)
  const { gen, viewOrder } = arrangeBySessionStart(drawn);
  await ctx.checkpoint('Ordering sessions and page views', 1, 1);
  const n = gen.userIndex.length;
  const stages = config.funnelEnabled ? config.funnelStages : [];

  // D5: the drawn funnel depth is capped at the session's page count
  const depth = new Int32Array(n);
  for (let g = 0; g < n; g++) depth[g] = Math.min(gen.funnelDrawn[g], pagesOf(gen, g));

  const deviceLabels = labelDictionary(config.deviceTypes, 'bot');
  const referrerLabels = labelDictionary(config.referrerSources, 'direct');
  const deviceCodes = new Int32Array(n);
  const referrerCodes = new Int32Array(n);
  for (let g = 0; g < n; g++) {
    const bot = gen.isBot[g] === 1;
    deviceCodes[g] = bot ? deviceLabels.extraCode : deviceLabels.codeOf[gen.device[g]];
    referrerCodes[g] = bot ? referrerLabels.extraCode : referrerLabels.codeOf[gen.referrer[g]];
  }
  const x: TableInputs = {
    gen,
    sids: sessionIdBytes(gen, ctx.ids('clickstream:sessions')),
    users: userIdSource(gen),
    devices: { dict: deviceLabels.dict, codes: deviceCodes },
    referrers: { dict: referrerLabels.dict, codes: referrerCodes },
  };
  const sessions = sessionsTable(x);
  ctx.publish(sessions);
  await ctx.checkpoint('Building tables', 1, 3);

  const urls = encodeUrls(pool, gen.viewUrl, referrerLabels.dict);
  const sourceCode = new Int32Array(n);
  for (let g = 0; g < n; g++) sourceCode[g] = urls.labelCodes[referrerCodes[g]];
  const viewRows = (done: number, total: number) => ctx.checkpoint('Building tables: page views', done, total);
  const pageViews = await pageViewsTable(x, viewOrder, { dict: urls.dict, codes: urls.codes, sourceCode }, ctx.ids('clickstream:page_views'), viewRows);
  ctx.publish(pageViews);

  const funnels = funnelsTable(x, depth, stages);
  ctx.publish(funnels);
  await ctx.checkpoint('Building tables', 3, 3);

  const result = {
    tables: [sessions, pageViews, funnels],
    stats: clickstreamStats(config, x, depth, stages.length),
    answerKey: clickstreamAnswerKey(x, depth, stages, config.botPagesPerSession),
  };
  if (!ctx.charts) return result;
  const dayOffsetUs = ((gen.startUs % US_PER_DAY) + US_PER_DAY) % US_PER_DAY;
  return {
    ...result,
    charts: {
      ...clickstreamCharts({
        gen,
        durationHours: config.durationHours,
        dayOffsetHours: dayOffsetUs / US_PER_HOUR,
        depth,
        stages,
        devices: x.devices,
        referrers: x.referrers,
      }),
      sessionSamples: sampleSessions(x, depth, stages.length, pool),
    },
  };
}
