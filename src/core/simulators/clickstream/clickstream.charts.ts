import type { Bin } from '../../histogram';
import { formatIso, US_PER_HOUR } from '../../time';
import { DWELL_MAX_SECONDS, type Generated } from './clickstream.generate';
import { pagesOf } from './clickstream.report';
import type { SessionSample } from './clickstream.samples';

/** Chart data for the Clickstream page, aggregated next to the data so the UI stays light. */
export interface ClickstreamCharts extends ClickstreamAggregates {
  /** A few whole sessions with their page views, for the session explorer ({@link sampleSessions}). */
  readonly sessionSamples: readonly SessionSample[];
}

/** The charts' aggregates over every session and page view. */
export interface ClickstreamAggregates {
  /** Session starts per bucket of the window (real clock buckets from startTime), humans and bots apart. */
  readonly sessionsOverTime: { bucketHours: number; buckets: { start: string; humans: number; bots: number }[] };
  /** Session starts by UTC hour of day over the whole window: the diurnal curve. */
  readonly hourOfDay: { hour: number; humans: number; bots: number }[];
  /** Sessions reaching each stage, those whose funnel ended there, and the share lost before the next stage. */
  readonly funnel: { stage: string; stageOrder: number; reached: number; stoppedHere: number; cappedByPages: number; dropOffRate: number }[];
  /** Page views per human session: one bin per count up to 30, then an overflow bin. */
  readonly pagesPerSession: Bin[];
  /** Human dwell time in seconds, 5 s bins; the clip at 120 s is its own bin. */
  readonly dwellSeconds: Bin[];
  readonly deviceMix: { label: string; count: number }[];
  readonly referrerMix: { label: string; humans: number; bots: number }[];
}

/** At most this many time buckets; longer windows get wider buckets. */
const MAX_BUCKETS = 744;
const MAX_PAGE_BIN = 30;
const DWELL_STEP_CS = 500;
const DWELL_CLIP_CS = DWELL_MAX_SECONDS * 100;

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const byCount = <T extends { label: string }>(count: (t: T) => number) => (a: T, b: T) =>
  count(b) - count(a) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/** Build every chart's aggregates from the draws. */
export function clickstreamCharts(input: {
  gen: Generated;
  durationHours: number;
  dayOffsetHours: number;
  depth: Int32Array;
  stages: readonly string[];
  devices: { dict: string[]; codes: Int32Array };
  referrers: { dict: string[]; codes: Int32Array };
}): ClickstreamAggregates {
  const { gen, depth, stages } = input;
  const n = gen.userIndex.length;
  const hours = Math.max(1, Math.ceil(input.durationHours));
  const bucketHours = Math.ceil(hours / MAX_BUCKETS);
  const nBuckets = Math.ceil(hours / bucketHours);
  const bucketMs = bucketHours * (US_PER_HOUR / 1000);
  const overTime = Array.from({ length: nBuckets }, (_, b) => ({ start: formatIso(gen.startUs + b * bucketHours * US_PER_HOUR), humans: 0, bots: 0 }));
  const hourOfDay = Array.from({ length: 24 }, (_, hour) => ({ hour, humans: 0, bots: 0 }));
  const reached = new Array<number>(stages.length).fill(0);
  const stopped = new Array<number>(stages.length).fill(0);
  const capped = new Array<number>(stages.length).fill(0);
  const pageCounts = new Array<number>(MAX_PAGE_BIN + 1).fill(0);
  const deviceCounts = new Array<number>(input.devices.dict.length).fill(0);
  const refHumans = new Array<number>(input.referrers.dict.length).fill(0);
  const refBots = new Array<number>(input.referrers.dict.length).fill(0);
  for (let g = 0; g < n; g++) {
    const bot = gen.isBot[g] === 1;
    const slot = overTime[Math.min(nBuckets - 1, Math.floor(gen.startMs[g] / bucketMs))];
    const hour = hourOfDay[Math.floor(input.dayOffsetHours + gen.startMs[g] / 3_600_000) % 24];
    if (bot) {
      slot.bots++;
      hour.bots++;
      refBots[input.referrers.codes[g]]++;
    } else {
      slot.humans++;
      hour.humans++;
      refHumans[input.referrers.codes[g]]++;
      pageCounts[Math.min(MAX_PAGE_BIN + 1, pagesOf(gen, g)) - 1]++;
    }
    deviceCounts[input.devices.codes[g]]++;
    const d = depth[g];
    for (let k = 0; k < d; k++) reached[k]++;
    if (d > 0 && d < stages.length) {
      stopped[d - 1]++;
      if (gen.funnelDrawn[g] > d) capped[d - 1]++;
    }
  }
  const dwellCounts = new Array<number>(DWELL_CLIP_CS / DWELL_STEP_CS + 1).fill(0);
  for (let j = 0; j < gen.viewCs.length; j++) if (!gen.isBot[gen.viewSession[j]]) dwellCounts[Math.floor(gen.viewCs[j] / DWELL_STEP_CS)]++;

  return {
    sessionsOverTime: { bucketHours, buckets: overTime },
    hourOfDay,
    funnel: stages.map((stage, k) => ({
      stage,
      stageOrder: k,
      reached: reached[k],
      stoppedHere: stopped[k],
      cappedByPages: capped[k],
      dropOffRate: k + 1 < stages.length && reached[k] > 0 ? round4(1 - reached[k + 1] / reached[k]) : 0,
    })),
    pagesPerSession: pageCounts.map((count, i) => ({ lo: i + 1, hi: i < MAX_PAGE_BIN ? i + 2 : Infinity, count })),
    // bins start at 5 s: dwell never falls below the clip
    dwellSeconds: dwellCounts.slice(1).map((count, i) => ({
      lo: (i + 1) * (DWELL_STEP_CS / 100),
      hi: i + 2 < dwellCounts.length ? (i + 2) * (DWELL_STEP_CS / 100) : Infinity,
      count,
    })),
    deviceMix: input.devices.dict
      .map((label, c) => ({ label, count: deviceCounts[c] }))
      .filter((x) => x.count > 0)
      .sort(byCount((x) => x.count)),
    referrerMix: input.referrers.dict
      .map((label, c) => ({ label, humans: refHumans[c], bots: refBots[c] }))
      .filter((x) => x.humans + x.bots > 0)
      .sort(byCount((x) => x.humans + x.bots)),
  };
}
