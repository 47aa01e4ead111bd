import { ROWS_PER_STEP, type RowStep } from '../../simulator';
import { idView, type IdStream } from '../../ids';
import { gather } from '../../sort';
import { boolColumn, dictColumn, makeTable, numberColumn, withRowKeys, type Table, type Utf8Column } from '../../table/column';
import { BOT_USER_AGENTS, type Generated } from './clickstream.generate';

/** The id key of a bot session is (k, BOT_KEY): human keys (i, j) have j < 2^32, so they never meet. */
export const BOT_KEY = 2 ** 32;
/** A view's key is (session key 0, session key 1 · PAGE_KEY + page index); sessions have fewer than 2^20 pages. */
export const PAGE_KEY = 2 ** 20;
const UUID_LEN = 36;

/** Labels as a dictionary: the distinct values of `list` (first-seen order) plus `extra` if missing. */
export function labelDictionary(list: readonly string[], extra: string): { dict: string[]; codeOf: Int32Array; extraCode: number } {
  const dict: string[] = [];
  const seen = new Map<string, number>();
  const code = (s: string) => {
    let c = seen.get(s);
    if (c === undefined) {
      c = dict.length;
      seen.set(s, c);
      dict.push(s);
    }
    return c;
  };
  const codeOf = Int32Array.from(list, code);
  return { dict, codeOf, extraCode: code(extra) };
}

/** Session key 1 of session g (its key 0 is userIndex[g]). */
export function sessionKey1(gen: Generated, g: number): number {
  return gen.isBot[g] ? BOT_KEY : gen.ordinal[g];
}

/** Every session's id (D1) as 36 ASCII bytes at g·36. */
export function sessionIdBytes(gen: Generated, ids: IdStream): Uint8Array {
  const n = gen.userIndex.length;
  const bytes = new Uint8Array(n * UUID_LEN);
  const view = idView(bytes);
  for (let g = 0; g < n; g++) ids.uuidInto(bytes, g * UUID_LEN, gen.userIndex[g], sessionKey1(gen, g), view);
  return bytes;
}

/** Write v as decimal digits, zero-padded to `width`, ending at buf[end − 1]. */
function writeDigits(buf: Uint8Array, end: number, v: number, width: number): void {
  for (let o = end - 1; o >= end - width; o--) {
    buf[o] = 48 + (v % 10);
    v = Math.floor(v / 10);
  }
}

const digitsOf = (v: number) => Math.max(6, String(v).length);
const HUMAN = new TextEncoder().encode('user_');
const BOT = new TextEncoder().encode('bot_');

/** user_id of every session: `user_` + 6 digits for humans, `bot_` + k padded to 6 for bots (D2). */
export function userIdSource(gen: Generated): { offsets: Int32Array; bytes: Uint8Array } {
  const n = gen.userIndex.length;
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let g = 0; g < n; g++) {
    total += (gen.isBot[g] ? BOT.length : HUMAN.length) + digitsOf(gen.userIndex[g]);
    offsets[g + 1] = total;
  }
  const bytes = new Uint8Array(total);
  for (let g = 0; g < n; g++) {
    const head = gen.isBot[g] ? BOT : HUMAN;
    bytes.set(head, offsets[g]);
    writeDigits(bytes, offsets[g + 1], gen.userIndex[g], offsets[g + 1] - offsets[g] - head.length);
  }
  return { offsets, bytes };
}

/** A UTF-8 column whose row r is source row rows[r] (its row keys: rows with the same source row hold the same bytes). */
export function gatherUtf8(name: string, src: { offsets: Int32Array; bytes: Uint8Array }, rows: Int32Array): Utf8Column {
  const n = rows.length;
  const offsets = new Int32Array(n + 1);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += src.offsets[rows[r] + 1] - src.offsets[rows[r]];
    offsets[r + 1] = total;
  }
  const bytes = new Uint8Array(total);
  const sb = src.bytes;
  for (let r = 0; r < n; r++) {
    let o = offsets[r];
    const end = src.offsets[rows[r] + 1];
    for (let i = src.offsets[rows[r]]; i < end; i++) bytes[o++] = sb[i];
  }
  return withRowKeys({ name, type: 'string', encoding: 'utf8', offsets, bytes }, rows);
}

/** A column of 36-byte ids whose row r is id rows[r] of `ids`, copied as nine 32-bit words. */
export function gatherUuids(name: string, ids: Uint8Array, rows: Int32Array, offsets = fixedOffsets(rows.length, UUID_LEN)): Utf8Column {
  const n = rows.length;
  const bytes = new Uint8Array(n * UUID_LEN);
  const src = new Uint32Array(ids.buffer, ids.byteOffset, ids.length >> 2);
  const dst = new Uint32Array(bytes.buffer);
  for (let r = 0; r < n; r++) {
    const s = rows[r] * 9;
    const d = r * 9;
    for (let w = 0; w < 9; w++) dst[d + w] = src[s + w];
  }
  return withRowKeys({ name, type: 'string', encoding: 'utf8', offsets, bytes }, rows);
}

function fixedOffsets(n: number, width: number): Int32Array {
  const offsets = new Int32Array(n + 1);
  for (let r = 1; r <= n; r++) offsets[r] = r * width;
  return offsets;
}

/** What the table builders share: the draws in session order (D10), their ids and the encoded labels. */
export interface TableInputs {
  readonly gen: Generated;
  readonly sids: Uint8Array;
  readonly users: { offsets: Int32Array; bytes: Uint8Array };
  readonly devices: { dict: string[]; codes: Int32Array };
  readonly referrers: { dict: string[]; codes: Int32Array };
}

/** The sessions table in session order (§4). */
export function sessionsTable(x: TableInputs): Table {
  const { gen } = x;
  const n = gen.userIndex.length;
  const startedAt = new Float64Array(n);
  const agent = new Int32Array(n);
  const agentValid = new Uint8Array(n);
  const duration = new Float64Array(n);
  for (let g = 0; g < n; g++) {
    startedAt[g] = gen.startUs + gen.startMs[g] * 1000;
    if (gen.isBot[g]) {
      agent[g] = gen.agent[g];
      agentValid[g] = 1;
    }
    duration[g] = gen.durationCs[g] / 100;
  }
  return makeTable('sessions', [
    { name: 'session_id', type: 'string', encoding: 'utf8', offsets: fixedOffsets(n, UUID_LEN), bytes: x.sids },
    { name: 'user_id', type: 'string', encoding: 'utf8', offsets: x.users.offsets, bytes: x.users.bytes },
    numberColumn('started_at', 'timestamp', startedAt),
    dictColumn('device_type', x.devices.dict, x.devices.codes),
    dictColumn('referrer', x.referrers.dict, x.referrers.codes),
    boolColumn('is_bot', gen.isBot),
    boolColumn('is_bounce', gen.bounce),
    dictColumn('user_agent', BOT_USER_AGENTS, agent, agentValid),
    numberColumn('duration_seconds', 'float', duration),
  ]);
}

/**
 * The page_views table in (timestamp, session position, page index) order (D10). page_url and
 * referrer_url share one dictionary of URLs and source labels; a first view's referrer is the
 * session's source label, a later view's is the previous view's URL. `step` is awaited after
 * each stretch of rows with the rows done: the run reports progress and takes a cancel there.
 */
export async function pageViewsTable(x: TableInputs, viewOrder: Int32Array, urls: PageUrls, viewIds: IdStream, step: RowStep = async () => {}): Promise<Table> {
  return pageViewRows(x, viewOrder, urls, viewIds, 0, viewOrder.length, step);
}

/** The pages' URL codes (view order) and each session's entry referrer code. */
export interface PageUrls {
  readonly dict: string[];
  readonly codes: Int32Array;
  readonly sourceCode: Int32Array;
}

/**
 * Rows [from, to) of the page views table (rows in `viewOrder` order): the held run builds them
 * all at once, a streamed run a stretch at a time; a row's values depend only on its view, so
 * the stretches put together are the whole table. `step` follows every {@link ROWS_PER_STEP} rows.
 */
export async function pageViewRows(x: TableInputs, viewOrder: Int32Array, urls: PageUrls, viewIds: IdStream, from: number, to: number, step: RowStep = async () => {}): Promise<Table> {
  const { viewSession, viewStart, userIndex, isBot, ordinal, viewTimeMs, viewCs, startUs } = x.gen;
  const { codes, sourceCode } = urls;
  const order = viewOrder.subarray(from, to);
  const n = order.length;
  const idBytes = new Uint8Array(n * UUID_LEN);
  const idBytesView = idView(idBytes);
  // the view fields gathered one at a time (a scattered stream per pass), then the rest in row order
  const sessionRow = gather(viewSession, order, new Int32Array(n));
  const page = gather(codes, order, new Int32Array(n));
  const time = gather(viewTimeMs, order, new Float64Array(n));
  const cs = gather(viewCs, order, new Uint16Array(n));
  const ref = new Int32Array(n);
  const dwell = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    time[r] = startUs + time[r] * 1000;
    dwell[r] = cs[r] / 100;
  }
  for (let start = 0; start < n; start += ROWS_PER_STEP) {
    const end = Math.min(n, start + ROWS_PER_STEP);
    for (let r = start; r < end; r++) {
      const j = order[r];
      const g = sessionRow[r];
      const k = j - viewStart[g];
      viewIds.uuidInto(idBytes, r * UUID_LEN, userIndex[g], (isBot[g] ? BOT_KEY : ordinal[g]) * PAGE_KEY + k, idBytesView);
      ref[r] = k === 0 ? sourceCode[g] : codes[j - 1];
    }
    await step(from + end, viewOrder.length);
  }
  const idOffsets = fixedOffsets(n, UUID_LEN); // shared by both id columns: offsets are never written
  return makeTable('page_views', [
    { name: 'view_id', type: 'string', encoding: 'utf8', offsets: idOffsets, bytes: idBytes },
    gatherUuids('session_id', x.sids, sessionRow, idOffsets),
    gatherUtf8('user_id', x.users, sessionRow),
    dictColumn('page_url', urls.dict, page),
    numberColumn('timestamp', 'timestamp', time),
    numberColumn('time_on_page_seconds', 'float', dwell),
    dictColumn('referrer_url', urls.dict, ref),
  ]);
}

/**
 * The funnels table in (session position, stage_order) order. Stage k is reached at the
 * session's k-th page view (D5); `converted` is true on every row of a session that reached
 * the final stage (D6).
 */
export function funnelsTable(x: TableInputs, depth: Int32Array, stages: readonly string[]): Table {
  return funnelRows(x, depth, stages, 0, depth.length);
}

/** The funnels table's rows of sessions [from, to) (session positions): the stretches put together are the whole table. */
export function funnelRows(x: TableInputs, depth: Int32Array, stages: readonly string[], from: number, to: number): Table {
  const { gen } = x;
  let rows = 0;
  for (let g = from; g < to; g++) rows += depth[g];
  const sessionRow = new Int32Array(rows);
  const stage = new Int32Array(rows);
  const stageOrder = new Float64Array(rows);
  const reached = new Float64Array(rows);
  const converted = new Uint8Array(rows);
  let r = 0;
  for (let g = from; g < to; g++) {
    const dg = depth[g];
    const v0 = gen.viewStart[g];
    for (let k = 0; k < dg; k++, r++) {
      sessionRow[r] = g;
      stage[r] = k;
      stageOrder[r] = k;
      reached[r] = gen.startUs + gen.viewTimeMs[v0 + k] * 1000;
      converted[r] = dg === stages.length ? 1 : 0;
    }
  }
  return makeTable('funnels', [
    gatherUuids('session_id', x.sids, sessionRow),
    gatherUtf8('user_id', x.users, sessionRow),
    dictColumn('stage', stages, stage),
    numberColumn('stage_order', 'int', stageOrder),
    numberColumn('reached_at', 'timestamp', reached),
    boolColumn('converted', converted),
  ]);
}
