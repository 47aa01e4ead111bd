import { AnswerKeyBuilder } from '../../answer-key';
import { ByteSink, utf8 } from '../../output/bytes';
import type { ClickstreamConfig } from './clickstream.config';
import { BOT_USER_AGENTS, type Generated } from './clickstream.generate';
import type { TableInputs } from './clickstream.tables';

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Counts per label as a map ordered by count descending, then label ascending; zero counts left out. */
export function distribution(dict: readonly string[], codes: Int32Array): Record<string, number> {
  const counts = new Array<number>(dict.length).fill(0);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return Object.fromEntries(
    dict
      .map((label, c) => [label, counts[c]] as const)
      .filter(([, c]) => c > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  );
}

/** Page views of session g. */
export const pagesOf = (gen: Generated, g: number) => gen.viewStart[g + 1] - gen.viewStart[g];

/**
 * The run's stats (spec §4 with D7): human figures leave bots out; `bot_page_views` and
 * `unique_bot_users` report them. Keys in a fixed order.
 */
export function clickstreamStats(config: ClickstreamConfig, x: TableInputs, depth: Int32Array, stages: number) {
  const { gen } = x;
  const n = gen.userIndex.length;
  let bounces = 0;
  let eligible = 0;
  let conversions = 0;
  let botViews = 0;
  for (let g = 0; g < n; g++) {
    bounces += gen.bounce[g];
    if (gen.isBot[g]) botViews += pagesOf(gen, g);
    if (depth[g] > 0) {
      eligible++;
      if (depth[g] === stages) conversions++;
    }
  }
  const totalViews = gen.viewCs.length;
  const humanViews = totalViews - botViews;
  // every user index below `users` has at least one session, and every bot session is its own visitor (D2)
  const uniqueUsers = gen.nHuman > 0 ? config.users : 0;
  return {
    total_sessions: n,
    human_sessions: gen.nHuman,
    bot_sessions: gen.nBot,
    bounce_sessions: bounces,
    bounce_rate_actual: round(bounces / Math.max(1, gen.nHuman), 4),
    total_page_views: totalViews,
    avg_pages_per_session: round(humanViews / Math.max(1, gen.nHuman), 2),
    bot_page_views: botViews,
    funnel_eligible_sessions: eligible,
    funnel_conversions: conversions,
    funnel_conversion_rate: round(conversions / Math.max(1, eligible), 4),
    unique_users: uniqueUsers,
    unique_bot_users: gen.nBot,
    device_type_distribution: distribution(x.devices.dict, x.devices.codes),
    referrer_distribution: distribution(x.referrers.dict, x.referrers.codes),
    duration_hours: config.durationHours,
    seed: config.seed,
  };
}

/**
 * When each session reached its last funnel stage (ms from the window's start; 0 for sessions
 * without a funnel), read from its views: what the answer key needs of them, so a streamed run
 * can let its views go before the key is built.
 */
export function lastStageMs(gen: Generated, depth: Int32Array): Float64Array {
  const out = new Float64Array(depth.length);
  for (let g = 0; g < depth.length; g++) if (depth[g] > 0) out[g] = gen.viewTimeMs[gen.viewStart[g] + depth[g] - 1];
  return out;
}

/**
 * The answer key, in session order: every bot session (`bot_session`) and every funnel that
 * stopped before the final stage (`funnel_drop_off`, timed at the last stage reached
 * ({@link lastStageMs}), with whether the session's page count cut it short). Reads the sessions only.
 */
export function clickstreamAnswerKey(x: TableInputs, depth: Int32Array, stages: readonly string[], botPages: number, reachedMs: Float64Array): AnswerKeyBuilder {
  const { gen, users } = x;
  const key = new AnswerKeyBuilder();
  // each fault's key (its session id) and details (JSON from cached parts and digits: the text
  // JSON.stringify gives for the same object) written as bytes into one reused buffer, no string
  // made per fault
  const text = new ByteSink(1024);
  const botTail = BOT_USER_AGENTS.map((agent) => utf8(`,"user_agent":${JSON.stringify(agent)},"pages":${botPages}}`));
  const stageJson = stages.map((st) => utf8(JSON.stringify(st)));
  const putUser = (g: number) => {
    const a = users.offsets[g];
    const b = users.offsets[g + 1];
    text.bytes(USER_ID);
    if (plainJson(users.bytes, a, b)) {
      text.byte(QUOTE);
      text.bytes(users.bytes.subarray(a, b));
      text.byte(QUOTE);
    } else text.bytes(utf8(JSON.stringify(new TextDecoder().decode(users.bytes.subarray(a, b)))));
  };
  const putKey = (g: number) => {
    text.pos = 0;
    text.bytes(x.sids.subarray(g * 36, g * 36 + 36));
    return text.pos;
  };
  let rows = 0;
  for (let g = 0; g < gen.userIndex.length; g++) if (gen.isBot[g] || (depth[g] !== 0 && depth[g] !== stages.length)) rows++;
  key.reserve(rows, 150);
  for (let g = 0; g < gen.userIndex.length; g++) {
    if (gen.isBot[g]) {
      const keyEnd = putKey(g);
      putUser(g);
      text.bytes(botTail[gen.agent[g]]);
      key.addEncoded('bot_session', 'sessions', gen.startUs + gen.startMs[g] * 1000, text.buf, keyEnd, text.pos);
      continue;
    }
    const d = depth[g];
    if (d === 0 || d === stages.length) continue;
    const last = d - 1;
    const keyEnd = putKey(g);
    putUser(g);
    text.bytes(LAST_STAGE);
    text.bytes(stageJson[last]);
    text.bytes(STAGE_ORDER);
    text.int(last);
    text.bytes(DROPPED_BEFORE);
    text.bytes(stageJson[d]);
    text.bytes(gen.funnelDrawn[g] > d ? CAPPED_TRUE : CAPPED_FALSE);
    text.int(pagesOf(gen, g));
    text.byte(CLOSE);
    key.addEncoded('funnel_drop_off', 'funnels', gen.startUs + reachedMs[g] * 1000, text.buf, keyEnd, text.pos);
  }
  return key;
}

const QUOTE = 0x22;
const CLOSE = 0x7d;
const USER_ID = utf8('{"user_id":');
const LAST_STAGE = utf8(',"last_stage":');
const STAGE_ORDER = utf8(',"stage_order":');
const DROPPED_BEFORE = utf8(',"dropped_before":');
const CAPPED_TRUE = utf8(',"capped_by_page_count":true,"page_views":');
const CAPPED_FALSE = utf8(',"capped_by_page_count":false,"page_views":');

/** Whether bytes[a, b) stand in a JSON string as they are (no quote, backslash or control character to escape). */
function plainJson(bytes: Uint8Array, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = bytes[i];
    if (c < 0x20 || c === 0x22 || c === 0x5c) return false;
  }
  return true;
}
