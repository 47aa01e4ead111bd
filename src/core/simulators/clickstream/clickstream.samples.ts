import { BOT_USER_AGENTS } from './clickstream.generate';
import { pagesOf } from './clickstream.report';
import type { TableInputs } from './clickstream.tables';

/** What a sampled session shows: a full funnel, a funnel (or visit) that stopped early, a one-page bounce, a crawl. */
export type SessionKind = 'converted' | 'engaged' | 'bounced' | 'bot';

/** One session with its page views in page order, for the page's session explorer. */
export interface SessionSample {
  readonly sessionId: string;
  readonly userId: string;
  readonly kind: SessionKind;
  /** started_at as epoch milliseconds (UTC). */
  readonly startedAtMs: number;
  readonly deviceType: string;
  readonly referrer: string;
  readonly userAgent: string | null;
  readonly durationSeconds: number;
  /** All page views of the session; `views` holds the first {@link MAX_SAMPLE_VIEWS} of them. */
  readonly pageViews: number;
  /** Funnel stages reached: stage k at the k-th page view (0 for bots, bounces and runs without funnels). */
  readonly funnelDepth: number;
  /** Page views in order: URL, milliseconds after started_at, time on page (s, 2 dp). */
  readonly views: readonly { readonly url: string; readonly offsetMs: number; readonly dwellSeconds: number }[];
}

/** Sessions sampled per kind (bots crawl many pages, so fewer of them). */
export const SAMPLES_PER_KIND: Readonly<Record<SessionKind, number>> = { converted: 50, engaged: 50, bounced: 50, bot: 25 };
/** Page views kept per sampled session; a bot may crawl thousands. */
export const MAX_SAMPLE_VIEWS = 100;

const KINDS: readonly SessionKind[] = ['converted', 'engaged', 'bounced', 'bot'];
const ascii = new TextDecoder('latin1');

/**
 * A small sample of sessions with their page views, so the page can show whole sessions
 * (the table previews hold the first rows of page_views by time, which are pieces of many
 * sessions). Per kind, up to {@link SAMPLES_PER_KIND} sessions evenly spaced over the kind's
 * sessions in session order, so the sample spans the window; returned in session order. No
 * random draws: the sample never shifts the data.
 */
export function sampleSessions(x: TableInputs, depth: Int32Array, stages: number, urls: readonly string[]): SessionSample[] {
  const { gen } = x;
  const n = gen.userIndex.length;
  const kindOf = (g: number): number => (gen.isBot[g] ? 3 : gen.bounce[g] ? 2 : stages > 0 && depth[g] === stages ? 0 : 1);
  const counts = [0, 0, 0, 0];
  for (let g = 0; g < n; g++) counts[kindOf(g)]++;
  const quota = KINDS.map((k, i) => Math.min(SAMPLES_PER_KIND[k], counts[i]));
  const rank = [0, 0, 0, 0];
  const taken = [0, 0, 0, 0];
  const out: SessionSample[] = [];
  for (let g = 0; g < n; g++) {
    const k = kindOf(g);
    const r = rank[k]++;
    // the m-th pick of a kind is its member floor(m · count / quota): evenly spaced, distinct
    if (taken[k] >= quota[k] || r !== Math.floor((taken[k] * counts[k]) / quota[k])) continue;
    taken[k]++;
    out.push(sample(x, g, KINDS[k], depth[g], urls));
  }
  return out;
}

/** `urls`: the page-URL dictionary its views are coded in. */
function sample(x: TableInputs, g: number, kind: SessionKind, funnelDepth: number, urls: readonly string[]): SessionSample {
  const { gen, users } = x;
  const v0 = gen.viewStart[g];
  const pageViews = pagesOf(gen, g);
  const views = [];
  for (let j = v0; j < v0 + Math.min(pageViews, MAX_SAMPLE_VIEWS); j++) {
    views.push({ url: urls[gen.viewUrl[j]], offsetMs: gen.viewTimeMs[j] - gen.startMs[g], dwellSeconds: gen.viewCs[j] / 100 });
  }
  return {
    sessionId: ascii.decode(x.sids.subarray(g * 36, g * 36 + 36)),
    userId: ascii.decode(users.bytes.subarray(users.offsets[g], users.offsets[g + 1])),
    kind,
    startedAtMs: gen.startUs / 1000 + gen.startMs[g],
    deviceType: x.devices.dict[x.devices.codes[g]],
    referrer: x.referrers.dict[x.referrers.codes[g]],
    userAgent: gen.isBot[g] ? BOT_USER_AGENTS[gen.agent[g]] : null,
    durationSeconds: gen.durationCs[g] / 100,
    pageViews,
    funnelDepth,
    views,
  };
}
