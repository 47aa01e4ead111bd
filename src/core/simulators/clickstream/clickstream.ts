import { ROWS_PER_STEP, type RunContext, type SimResult, type StreamedResult } from '../../simulator';
import type { Table } from '../../table/column';
import { US_PER_DAY, US_PER_HOUR } from '../../time';
import { clickstreamCharts, type ClickstreamCharts } from './clickstream.charts';
import type { ClickstreamConfig } from './clickstream.config';
import { generate } from './clickstream.generate';
import { clickstreamAnswerKey, clickstreamStats, lastStageMs, pagesOf } from './clickstream.report';
import { sampleSessions } from './clickstream.samples';
import { arrangeBySessionStart } from './clickstream.sort';
import {
  funnelRows,
  funnelsTable,
  labelDictionary,
  pageViewRows,
  pageViewsTable,
  sessionIdBytes,
  sessionsTable,
  userIdSource,
  type PageUrls,
  type TableInputs,
} from './clickstream.tables';
import { encodeUrls, PagePool } from './clickstream.urls';
import { estimateClickstream } from './clickstream.estimate';
import { rowGroups } from '../../output/row-groups';

export interface ClickstreamOutput extends SimResult {
  readonly charts?: ClickstreamCharts;
}

/** Everything a run builds before its page views: the draws in order, the sessions table, the page URLs. */
interface Prepared {
  readonly x: TableInputs;
  readonly viewOrder: Int32Array;
  readonly depth: Int32Array;
  readonly stages: readonly string[];
  readonly sessions: Table;
  readonly urls: PageUrls;
}

/** Draw the sessions and views, put them in order (D10), and build the sessions table. */
async function prepare(config: ClickstreamConfig, ctx: RunContext): Promise<Prepared> {
  const pool = new PagePool(config.pagePool);
  const drawn = await generate(config, pool, ctx);
  // D10: sessions by (started_at, generation index), views by (timestamp, session position, page index)
  const { gen, viewOrder } = await arrangeBySessionStart(drawn, ctx.scratchBytes, (phase, done, total) => ctx.checkpoint(phase, done, total));
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
  await ctx.checkpoint(BUILDING, 1, 3);

  // each view's page key becomes its URL's code, in place
  const urls = encodeUrls(pool, gen.viewUrl, referrerLabels.dict, gen.viewUrl);
  const sourceCode = new Int32Array(n);
  for (let g = 0; g < n; g++) sourceCode[g] = urls.labelCodes[referrerCodes[g]];
  return { x, viewOrder, depth, stages, sessions, urls: { dict: urls.dict, codes: urls.codes, sourceCode } };
}

const BUILDING = 'Building tables';
const PAGE_VIEWS = 'Building tables: page views';

/** What the run reports from its views (stats, charts, when each funnel stopped), before the answer key, which reads the sessions only. */
function viewReport(config: ClickstreamConfig, ctx: RunContext, p: Prepared): { stats: SimResult['stats']; charts?: ClickstreamCharts; reachedMs: Float64Array } {
  const { x, depth, stages } = p;
  const { gen } = x;
  const stats = clickstreamStats(config, x, depth, stages.length);
  const reachedMs = lastStageMs(gen, depth);
  if (!ctx.charts) return { stats, reachedMs };
  const dayOffsetUs = ((gen.startUs % US_PER_DAY) + US_PER_DAY) % US_PER_DAY;
  const charts = {
    ...clickstreamCharts({
      gen,
      durationHours: config.durationHours,
      dayOffsetHours: dayOffsetUs / US_PER_HOUR,
      depth,
      stages,
      devices: x.devices,
      referrers: x.referrers,
    }),
    sessionSamples: sampleSessions(x, depth, stages.length, p.urls.dict),
  };
  return { stats, charts, reachedMs };
}

/** The run's stats, answer key and (for a host that draws them) charts. */
function report(config: ClickstreamConfig, ctx: RunContext, p: Prepared): Omit<ClickstreamOutput, 'tables'> {
  const { reachedMs, ...viewed } = viewReport(config, ctx, p);
  return { ...viewed, answerKey: clickstreamAnswerKey(p.x, p.depth, p.stages, config.botPagesPerSession, reachedMs) };
}

/** `p` without its views (three quarters of what a run holds), for what comes after the tables: the answer key reads the sessions only. */
function withoutViews(p: Prepared): Prepared {
  const none = new Int32Array(0);
  const gen = { ...p.x.gen, viewTimeMs: new Float64Array(0), viewCs: new Uint16Array(0), viewUrl: none, viewSession: none };
  return { ...p, x: { ...p.x, gen }, viewOrder: none, urls: { ...p.urls, codes: none } };
}

/** Sessions a stretch of a streamed funnels table covers (about five rows each at most). */
const FUNNEL_SESSIONS = 1 << 16;

/**
 * Simulate web sessions, page views and conversion funnels (spec/clickstream.md with every
 * "Require"): diurnal human sessions and uniform crawler sessions, lognormal dwell rounded
 * before time advances, funnels tied to the session's own page views, stable sorts, seeded
 * ids, and bots kept out of the human figures. An empty run gives empty tables with their
 * full schemas (D4).
 */
export async function runClickstream(config: ClickstreamConfig, ctx: RunContext): Promise<ClickstreamOutput> {
  const p = await prepare(config, ctx);
  const viewRows = (done: number, total: number) => ctx.checkpoint(PAGE_VIEWS, done, total);
  const pageViews = await pageViewsTable(p.x, p.viewOrder, p.urls, ctx.ids('clickstream:page_views'), viewRows);
  ctx.publish(pageViews);

  const funnels = funnelsTable(p.x, p.depth, p.stages);
  ctx.publish(funnels);
  await ctx.checkpoint(BUILDING, 3, 3);
  return { tables: [p.sessions, pageViews, funnels], ...report(config, ctx, p) };
}

/**
 * The same run streamed (SimulatorDef.stream): the draws, the sessions and funnels are held as
 * in {@link runClickstream}, but the page views (two thirds of the run's bytes) are built a
 * stretch of {@link ROWS_PER_STEP} rows at a time as the table is read, each let go once read.
 * Read the sessions, the page views, the funnels, then `finish`.
 */
export function streamClickstream(config: ClickstreamConfig, ctx: RunContext): StreamedResult {
  const estimate = estimateClickstream(config).tables;
  let prepared: Prepared | undefined;
  let read = 0;
  const next = (table: number) => {
    if (read !== table) throw new Error('clickstream stream: tables read out of order (read the sessions, the page views, then the funnels, each once)');
    read++;
    return prepared!;
  };
  let rest: ReturnType<StreamedResult['finish']> | undefined;
  return {
    tables: [
      {
        name: 'sessions',
        rowsHint: estimate[0].rows,
        async *chunks() {
          next(0);
          prepared = await prepare(config, ctx);
          yield prepared.sessions;
        },
      },
      {
        name: 'page_views',
        rowsHint: estimate[1].rows,
        async *chunks() {
          const { x, viewOrder, urls } = next(1);
          const ids = ctx.ids('clickstream:page_views');
          const n = viewOrder.length;
          // at least one stretch: an empty table carries the columns
          for (const [from, to] of rowGroups(n, ROWS_PER_STEP)) {
            yield await pageViewRows(x, viewOrder, urls, ids, from, to);
            await ctx.checkpoint(PAGE_VIEWS, to, n);
          }
        },
      },
      {
        name: 'funnels',
        rowsHint: estimate[2].rows,
        async *chunks() {
          const { x, depth, stages } = next(2);
          // at least one stretch: an empty table carries the columns
          for (const [from, to] of rowGroups(depth.length, FUNNEL_SESSIONS)) yield funnelRows(x, depth, stages, from, to);
        },
      },
    ],
    finish() {
      if (read !== 3) throw new Error('clickstream stream: read every table before the result');
      if (!rest) {
        const { reachedMs, ...viewed } = viewReport(config, ctx, prepared!);
        // the tables are written: the views go before the answer key is built
        prepared = withoutViews(prepared!);
        rest = { ...viewed, answerKey: clickstreamAnswerKey(prepared.x, prepared.depth, prepared.stages, config.botPagesPerSession, reachedMs) };
      }
      return rest;
    },
  };
}
