import type { Rng } from '../../rng';
import type { RunContext } from '../../simulator';
import { Float64Growable, Int32Growable, Uint8Growable } from '../../table/column';
import { parseInstant, US_PER_DAY, US_PER_HOUR, US_PER_MINUTE } from '../../time';
import { expectedVolume, type ClickstreamConfig } from './clickstream.config';
import type { PagePool } from './clickstream.urls';

/** Users per chunk: each chunk draws from its own named streams, so output never depends on how work is split. */
export const USER_BLOCK = 4_096;
/** Bot sessions per chunk. */
export const BOT_BLOCK = 4_096;

/** Crawler user agents, chosen uniformly per bot session (spec §3 step 4). */
export const BOT_USER_AGENTS = ['Googlebot/2.1', 'Bingbot/2.0', 'Amazonbot/0.1', 'GPTBot/1.0', 'AhrefsBot/7.0'] as const;

/** Human dwell: LogNormal(μ = 2.7, σ = 0.8) seconds clipped to [5, 120] (median ≈ 14.9 s). */
export const DWELL_MU = 2.7;
export const DWELL_SIGMA = 0.8;
export const DWELL_MIN_SECONDS = 5;
export const DWELL_MAX_SECONDS = 120;

/**
 * Human start-time weight by minute of the UTC day: max(0.1, 0.5 + 0.5·sin(π(h − 6)/12)) with
 * h = hour + minute/60 (seconds ignored, as in the reference). Peak 1.0 at 12:00, floor 0.1
 * from about 21:33 to 02:27, lowest at 00:00.
 */
export const MINUTE_WEIGHT = Float64Array.from({ length: 1440 }, (_, m) => Math.max(0.1, 0.5 + 0.5 * Math.sin((Math.PI * (m / 60 - 6)) / 12)));

/**
 * Every session and page view. As drawn, sessions are in generation order g: humans user by
 * user, then bots (g = nHuman + k); after {@link arrangeBySessionStart} they are in session
 * order (the sessions table's). Views are session-major in the same order: session g owns
 * views viewStart[g] .. viewStart[g+1]−1, in page order. Times are whole
 * milliseconds after the window start; dwell is in centiseconds, so a view's timestamp plus
 * its rounded dwell is exactly the next view's timestamp (D9).
 */
export interface Generated {
  readonly startUs: number;
  readonly nHuman: number;
  readonly nBot: number;
  readonly isBot: Uint8Array;
  /** Human: the user index i; bot: the bot index k (its visitor id, D2). */
  readonly userIndex: Int32Array;
  /** Human: the user's j-th session; bot: 0. With userIndex, the session's stable id key. */
  readonly ordinal: Int32Array;
  readonly startMs: Float64Array;
  readonly bounce: Uint8Array;
  /** Index into deviceTypes (humans); −1 for bots. */
  readonly device: Int32Array;
  /** Index into referrerSources (humans); −1 for bots ("direct"). */
  readonly referrer: Int32Array;
  /** Index into BOT_USER_AGENTS (bots); −1 for humans. */
  readonly agent: Int32Array;
  readonly durationCs: Int32Array;
  /** Funnel depth as drawn (stages reached before any cap); 0 when the session is not eligible. */
  readonly funnelDrawn: Int32Array;
  readonly viewStart: Int32Array;
  readonly viewTimeMs: Float64Array;
  /** Dwell in centiseconds: at most 12,000 (a human's 120 s), so 16 bits a view (64 MB less at a million users). */
  readonly viewCs: Uint16Array;
  /**
   * Each view's page: its key in the page pool as drawn, which the run replaces in place by the
   * page's code in the page-URL dictionary when it builds the tables ({@link encodeUrls}).
   */
  readonly viewUrl: Int32Array;
  /** The session of each view. */
  readonly viewSession: Int32Array;
}

/** The draws as generated, before {@link arrangeBySessionStart} adds the view → session column. */
export type Drawn = Omit<Generated, 'viewSession'>;

/** Growable columns of sessions and views while the chunks run. */
class Draft {
  readonly userIndex: Int32Growable;
  readonly isBot: Uint8Growable;
  readonly ordinal: Int32Growable;
  readonly startMs: Float64Growable;
  readonly bounce: Uint8Growable;
  readonly device: Int32Growable;
  readonly referrer: Int32Growable;
  readonly agent: Int32Growable;
  readonly durationCs: Int32Growable;
  readonly funnelDrawn: Int32Growable;
  readonly viewStart: Int32Growable;
  readonly viewTimeMs: Float64Growable;
  readonly viewCs: Int32Growable;
  readonly viewUrl: Int32Growable;

  constructor(sessions: number, views: number) {
    this.userIndex = new Int32Growable(sessions);
    this.isBot = new Uint8Growable(sessions);
    this.ordinal = new Int32Growable(sessions);
    this.startMs = new Float64Growable(sessions);
    this.bounce = new Uint8Growable(sessions);
    this.device = new Int32Growable(sessions);
    this.referrer = new Int32Growable(sessions);
    this.agent = new Int32Growable(sessions);
    this.durationCs = new Int32Growable(sessions);
    this.funnelDrawn = new Int32Growable(sessions);
    this.viewStart = new Int32Growable(sessions + 1);
    this.viewStart.push(0);
    this.viewTimeMs = new Float64Growable(views);
    this.viewCs = new Int32Growable(views);
    this.viewUrl = new Int32Growable(views);
  }

  get sessions(): number {
    return this.userIndex.length;
  }

  /** Append one session's attributes (its views are appended by the caller right after). */
  session(bot: boolean, user: number, ordinal: number, startMs: number, bounce: boolean, device: number, referrer: number, agent: number, funnel: number): void {
    this.userIndex.push(user);
    this.isBot.push(bot ? 1 : 0);
    this.ordinal.push(ordinal);
    this.startMs.push(startMs);
    this.bounce.push(bounce ? 1 : 0);
    this.device.push(device);
    this.referrer.push(referrer);
    this.agent.push(agent);
    this.funnelDrawn.push(funnel);
  }

  /** Append one page view at `timeMs` (of the session appended last); returns when the next view starts (D9: after the rounded dwell). */
  view(timeMs: number, dwellCs: number, url: number): number {
    this.viewTimeMs.push(timeMs);
    this.viewCs.push(dwellCs);
    this.viewUrl.push(url);
    return timeMs + dwellCs * 10;
  }

  /** Close session g after its views: record its duration and where the next session's views start. */
  endSession(durationCs: number): void {
    this.durationCs.push(durationCs);
    this.viewStart.push(this.viewCs.length);
  }

  /** The draws; views of session g are known by viewStart alone, so there is no per-view session column yet. */
  finish(startUs: number, nHuman: number): Drawn {
    // views of the growables, not copies: the capacity came from the expected volume, so little is wasted
    const v = <A extends Float64Array | Int32Array | Uint8Array>(g: { data: A; length: number }) => g.data.subarray(0, g.length) as A;
    return {
      startUs,
      nHuman,
      nBot: this.sessions - nHuman,
      isBot: v(this.isBot),
      userIndex: v(this.userIndex),
      ordinal: v(this.ordinal),
      startMs: v(this.startMs),
      bounce: v(this.bounce),
      device: v(this.device),
      referrer: v(this.referrer),
      agent: v(this.agent),
      durationCs: v(this.durationCs),
      funnelDrawn: v(this.funnelDrawn),
      viewStart: v(this.viewStart),
      viewTimeMs: v(this.viewTimeMs),
      viewCs: narrow(v(this.viewCs)),
      viewUrl: v(this.viewUrl),
    };
  }
}

/** The dwell column in 16 bits (a native conversion; values are at most 12,000). */
function narrow(cs: Int32Array): Uint16Array {
  const out = new Uint16Array(cs.length);
  out.set(cs);
  return out;
}

/** Bot sessions for `nHuman` human sessions: floor(nHuman·f / (1 − f)), 0 when f = 0 (D3). */
export function botSessionCount(nHuman: number, botFraction: number, enabled: boolean): number {
  return enabled ? Math.floor((nHuman * botFraction) / (1 - botFraction)) : 0;
}

/** Funnel depth: stage 0 is reached; after each non-final stage the session drops with probability `drop`. */
function drawFunnelDepth(rng: Rng, stages: number, drop: number): number {
  let depth = 1;
  while (depth < stages && rng.uniform() >= drop) depth++;
  return depth;
}

/**
 * Draw every session and page view (spec §3 steps 2–4 and 6 with D2, D3, D8, D9): human users
 * in chunks of {@link USER_BLOCK}, each chunk with its own streams for sessions, views and
 * funnel depths (so changing the pages per session never moves a session start), then bots in
 * chunks of {@link BOT_BLOCK}.
 */
export async function generate(config: ClickstreamConfig, pool: PagePool, ctx: RunContext): Promise<Drawn> {
  const startUs = parseInstant(config.startTime);
  const windowMs = config.durationHours * (US_PER_HOUR / 1000);
  const dayOffsetUs = ((startUs % US_PER_DAY) + US_PER_DAY) % US_PER_DAY;
  const volume = expectedVolume(config);
  const d = new Draft(Math.ceil((volume.humanSessions + volume.botSessions) * 1.05) + 64, Math.ceil(volume.pageViews * 1.05) + 256);
  const stages = config.funnelEnabled ? config.funnelStages.length : 0;
  const { avgSessionsPerUser: lambda, avgPagesPerSession: mu, bounceRate, funnelDropRate } = config;
  const nDevices = config.deviceTypes.length;
  const nReferrers = config.referrerSources.length;

  // whole milliseconds in [0, window): floor keeps a draw just below the end inside the window
  const offsetMs = (rng: Rng) => Math.floor(rng.uniform() * windowMs);
  const humanStart = (rng: Rng) => {
    for (;;) {
      const off = offsetMs(rng);
      const minute = Math.floor(((dayOffsetUs + off * 1000) % US_PER_DAY) / US_PER_MINUTE);
      if (rng.uniform() < MINUTE_WEIGHT[minute]) return off;
    }
  };

  const users = config.users;
  const userBlocks = Math.ceil(users / USER_BLOCK);
  for (let b = 0; b < userBlocks; b++) {
    const srng = ctx.rng.fork(`clickstream:users:${b}`);
    const vrng = ctx.rng.fork(`clickstream:views:${b}`);
    const frng = ctx.rng.fork(`clickstream:funnels:${b}`);
    const end = Math.min(users, (b + 1) * USER_BLOCK);
    for (let i = b * USER_BLOCK; i < end; i++) {
      const count = Math.max(1, srng.poisson(lambda));
      for (let j = 0; j < count; j++) {
        const start = humanStart(srng);
        const bounce = srng.uniform() < bounceRate;
        const device = srng.index(nDevices);
        const referrer = srng.index(nReferrers);
        const funnel = !bounce && stages > 0 ? drawFunnelDepth(frng, stages, funnelDropRate) : 0;
        d.session(false, i, j, start, bounce, device, referrer, -1, funnel);
        const pages = bounce ? 1 : Math.max(2, vrng.poisson(mu));
        let t = start;
        for (let p = 0; p < pages; p++) {
          let dwell = vrng.lognormal(DWELL_MU, DWELL_SIGMA);
          dwell = dwell < DWELL_MIN_SECONDS ? DWELL_MIN_SECONDS : dwell > DWELL_MAX_SECONDS ? DWELL_MAX_SECONDS : dwell;
          t = d.view(t, Math.round(dwell * 100), pool.draw(vrng));
        }
        d.endSession((t - start) / 10);
      }
    }
    await ctx.checkpoint('Simulating visitors', end, users);
  }

  const nHuman = d.sessions;
  const nBot = botSessionCount(nHuman, config.botFraction, config.botTrafficEnabled);
  const botPages = config.botPagesPerSession;
  const botBlocks = Math.ceil(nBot / BOT_BLOCK);
  for (let b = 0; b < botBlocks; b++) {
    const srng = ctx.rng.fork(`clickstream:bots:${b}`);
    const vrng = ctx.rng.fork(`clickstream:bot-views:${b}`);
    const end = Math.min(nBot, (b + 1) * BOT_BLOCK);
    for (let k = b * BOT_BLOCK; k < end; k++) {
      // D8: crawlers are not diurnal, a plain uniform start
      const start = offsetMs(srng);
      d.session(true, k, 0, start, false, -1, -1, srng.index(BOT_USER_AGENTS.length), 0);
      let t = start;
      for (let p = 0; p < botPages; p++) {
        t = d.view(t, Math.round(vrng.between(0.1, 0.5) * 100), pool.draw(vrng));
      }
      d.endSession((t - start) / 10);
    }
    await ctx.checkpoint('Simulating crawlers', end, nBot);
  }
  return d.finish(startUs, nHuman);
}
