import { ROWS_PER_STEP, type RowStep } from '../../simulator';
import { idView, type IdStream } from '../../ids';
import { boolColumn, dictColumn, makeTable, numberColumn, withRowKeys, type Table, type Utf8Column } from '../../table/column';
import {
  ENDPOINTS,
  ERROR_MESSAGES,
  LEVELS,
  levelOf,
  METHODS,
  MSG_ERROR_BASE,
  MSG_HANDLED,
  MSG_REJECTED,
  OPERATIONS,
  spanKey,
  SPAN_STATUS,
  STATUS_CODES,
  type ServiceSpec,
} from './operational-log.constants';
import { FLAG_BURST, FLAG_OUTAGE, FLAG_SAMPLED, FLAG_SPIKE, type RawLogs, type RawSpans } from './operational-log.raw';
import { ascii, writeCents, writeUint } from './operational-log.text';
import { gather } from '../../sort';

/** The id streams of a run (D1): seed × `oplog:<kind>`. */
export interface IdStreams {
  readonly log: IdStream;
  readonly trace: IdStream;
  readonly span: IdStream;
}

function fixedWidth(name: string, n: number, width: number, valid?: Uint8Array): Utf8Column & { bytes: Uint8Array } {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) offsets[i] = i * width;
  const bytes = new Uint8Array(n * width);
  return valid ? { name, type: 'string', encoding: 'utf8', offsets, bytes, valid } : { name, type: 'string', encoding: 'utf8', offsets, bytes };
}

function allNull(name: string, n: number): Utf8Column & { bytes: Uint8Array } {
  return { name, type: 'string', encoding: 'utf8', offsets: new Int32Array(n + 1), bytes: new Uint8Array(0), valid: new Uint8Array(n) };
}

const HANDLED = ascii('Handled request in ');
const REJECTED = ascii('Request rejected with ');
const IN = ascii(' in ');
const MS = ascii('ms');
const ERRORS = ERROR_MESSAGES.map(ascii);

/**
 * One row's message (D9) from its message code, status index and latency, written as bytes at
 * buf[o] (at most 96 bytes; most messages embed the latency); returns the new offset.
 */
export function writeMessage(bytes: Uint8Array, o: number, m: number, status: number, latency: number): number {
  if (m >= MSG_ERROR_BASE) {
    const text = ERRORS[m - MSG_ERROR_BASE];
    for (let k = 0; k < text.length; k++) bytes[o++] = text[k];
    return o;
  }
  if (m === MSG_HANDLED) {
    bytes.set(HANDLED, o);
    o += HANDLED.length;
  } else if (m === MSG_REJECTED) {
    bytes.set(REJECTED, o);
    o = writeUint(bytes, o + REJECTED.length, STATUS_CODES[status]);
    bytes.set(IN, o);
    o += IN.length;
  }
  o = writeCents(bytes, o, latency);
  bytes[o] = MS[0];
  bytes[o + 1] = MS[1];
  return o + 2;
}

/** Message column in sorted order, from the rows' message codes, statuses and latencies in that order. */
function messageColumn(message: Uint8Array, status: Uint8Array, latency: Float64Array): Utf8Column {
  const n = message.length;
  const offsets = new Int32Array(n + 1);
  let bytes = new Uint8Array(Math.max(64, n * 32));
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (o + 96 > bytes.length) {
      const next = new Uint8Array(bytes.length * 2);
      next.set(bytes.subarray(0, o));
      bytes = next;
    }
    o = writeMessage(bytes, o, message[i], status[i], latency[i]);
    offsets[i + 1] = o;
  }
  return { name: 'message', type: 'string', encoding: 'utf8', offsets, bytes: bytes.slice(0, o) };
}

/** One row's message, as the logs table has it (message code, status index, latency). */
export function messageOf(message: number, status: number, latency: number): string {
  const c = messageColumn(Uint8Array.of(message), Uint8Array.of(status), Float64Array.of(latency));
  return new TextDecoder().decode(c.bytes);
}

/**
 * The `logs` table in (timestamp, generation) order, ids written straight into column bytes;
 * `sampled[i]` tells whether row i's trace was written to `traces`.
 */
export async function buildLogsTable(
  raw: RawLogs,
  perm: Int32Array,
  services: readonly ServiceSpec[],
  ids: IdStreams,
  traced: boolean,
  step: RowStep = async () => {},
): Promise<{ table: Table; sampled: Uint8Array }> {
  const n = perm.length;
  // gathered a field at a time: one scattered stream per pass stays in cache, twelve at once do not
  const ts = gather(raw.ts, perm, new Float64Array(n));
  const latency = gather(raw.latency, perm, new Float64Array(n));
  const statusIndex = gather(raw.status, perm, new Uint8Array(n));
  const flags = gather(raw.flags, perm, new Uint8Array(n));
  const k0 = gather(raw.k0, perm, new Int32Array(n));
  const k1 = gather(raw.k1, perm, new Int32Array(n));
  const service = Int32Array.from(gather(raw.service, perm, new Uint8Array(n)));
  const method = Int32Array.from(gather(raw.method, perm, new Uint8Array(n)));
  const endpoint = Int32Array.from(gather(raw.endpoint, perm, new Uint8Array(n)));
  const message = messageColumn(gather(raw.message, perm, new Uint8Array(n)), statusIndex, latency);
  const statusCode = new Float64Array(n);
  const tier = new Int32Array(n);
  const level = new Int32Array(n);
  const spike = new Uint8Array(n);
  const outage = new Uint8Array(n);
  const burst = new Uint8Array(n);
  const sampled = new Uint8Array(n);
  const tiers = [...new Set(services.map((s) => s.tier))];
  const tierOf = services.map((s) => tiers.indexOf(s.tier));
  const logId = fixedWidth('log_id', n, 36);
  // tracing off (D6): every id is null, so the columns hold no bytes and an all-zero validity mask
  const traceId = traced ? fixedWidth('trace_id', n, 32) : allNull('trace_id', n);
  const spanId = traced ? fixedWidth('span_id', n, 16) : allNull('span_id', n);
  const logView = idView(logId.bytes);
  const traceView = idView(traceId.bytes);
  const spanView = idView(spanId.bytes);
  for (let from = 0; from < n; from += ROWS_PER_STEP) {
    const to = Math.min(n, from + ROWS_PER_STEP);
    for (let i = from; i < to; i++) {
      const code = STATUS_CODES[statusIndex[i]];
      const f = flags[i];
      statusCode[i] = code;
      tier[i] = tierOf[service[i]];
      level[i] = levelOf(code);
      spike[i] = f & FLAG_SPIKE ? 1 : 0;
      outage[i] = f & FLAG_OUTAGE ? 1 : 0;
      burst[i] = f & FLAG_BURST ? 1 : 0;
      sampled[i] = f & FLAG_SAMPLED ? 1 : 0;
      ids.log.uuidInto(logId.bytes, i * 36, k0[i], k1[i], logView);
      if (traced) {
        ids.trace.hex128Into(traceView, i * 32, k0[i], k1[i]);
        ids.span.hex64Into(spanView, i * 16, k0[i], spanKey(k1[i], 0));
      }
    }
    await step(to, n);
  }
  const table = makeTable('logs', [
    logId,
    numberColumn('timestamp', 'timestamp', ts),
    dictColumn('service', services.map((s) => s.name), service),
    dictColumn('tier', tiers, tier),
    dictColumn('level', LEVELS, level),
    dictColumn('method', METHODS, method),
    dictColumn('endpoint', ENDPOINTS, endpoint),
    numberColumn('status_code', 'int', statusCode),
    numberColumn('latency_ms', 'float', latency),
    message,
    traceId,
    spanId,
    boolColumn('is_spike', spike),
    boolColumn('is_outage', outage),
    boolColumn('is_error_burst', burst),
  ]);
  return { table, sampled };
}

/** Slots of the traces' cache of recent chains (a power of two). */
const RECENT = 1 << 14;

/** 32-bit words over an id column's bytes (its ids are whole words: 16 or 32 bytes each). */
function words(b: Uint8Array): Uint32Array {
  return new Uint32Array(b.buffer, b.byteOffset, b.byteLength >> 2);
}

/** Copy `count` words from `from[src]` to `to[dst]` (ids: a few words, too short for a native copy). */
function copyWords(from: Uint32Array, src: number, dst: number, count: number, to = from): void {
  for (let w = 0; w < count; w++) to[dst + w] = from[src + w];
}

/**
 * The `traces` table in (timestamp, generation) order, for the spans `perm` lists (all of them,
 * or a stretch when the run is streamed): every id is a function of its span's log key, so any
 * stretch is built on its own. A span's trace id is its log's; the span at depth d of a log's
 * chain has the span id keyed (log, d), the root's (depth 0) being the log's own span id (the log
 * *is* the root request, D6), and a span's parent is the span at depth d − 1 of the same chain.
 */
export async function buildTracesTable(raw: RawSpans, perm: Int32Array, logs: RawLogs, services: readonly ServiceSpec[], ids: IdStreams, step: RowStep = async () => {}): Promise<Table> {
  const n = perm.length;
  // gathered a field at a time (see buildLogsTable)
  const log = gather(raw.log, perm, new Int32Array(n));
  const depthOf = gather(raw.depth, perm, new Uint8Array(n));
  const ts = gather(raw.ts, perm, new Float64Array(n));
  const duration = gather(raw.duration, perm, new Float64Array(n));
  const depth = Float64Array.from(depthOf);
  const service = Int32Array.from(gather(raw.service, perm, new Uint8Array(n)));
  const operation = Int32Array.from(gather(raw.operation, perm, new Uint8Array(n)));
  const status = Int32Array.from(gather(raw.status, perm, new Uint8Array(n)));
  const traceId = fixedWidth('trace_id', n, 32);
  const spanId = fixedWidth('span_id', n, 16);
  const hasParent = new Uint8Array(n);
  let parents = 0;
  for (let i = 0; i < n; i++) if (depthOf[i] > 0) parents++;
  const parentId = fixedWidth('parent_span_id', n, 16, hasParent);
  const parentBytes = new Uint8Array(parents * 16);
  const [traceView, spanView, parentView] = [traceId.bytes, spanId.bytes, parentBytes].map(idView);
  const [traceWords, spanWords, parentWords] = [traceId.bytes, spanId.bytes, parentBytes].map(words);
  // the last row seen of recent logs' chains (direct-mapped by log, so a collision only costs a
  // hash): a chain's spans follow each other closely in time, so most spans copy their trace id
  // from an earlier span of the chain, and their parent id from the span id of the depth above
  const recentLog = new Int32Array(RECENT).fill(-1);
  const recentRow = new Int32Array(RECENT);
  // the trace ids' row keys: the first row seen of each chain (see rowKeysOf), near each row in
  // memory, so the Parquet dictionary's look-ups stay in cache
  const traceKey = new Int32Array(n);
  const pOff = parentId.offsets;
  let o = 0;
  for (let from = 0; from < n; from += ROWS_PER_STEP) {
    const to = Math.min(n, from + ROWS_PER_STEP);
    for (let i = from; i < to; i++) {
      const l = log[i];
      const d = depthOf[i];
      const k0 = logs.k0[l];
      const k1 = logs.k1[l];
      const slot = l & (RECENT - 1);
      const seen = recentLog[slot] === l ? recentRow[slot] : -1;
      if (seen >= 0) {
        copyWords(traceWords, 8 * seen, 8 * i, 8);
        traceKey[i] = traceKey[seen];
      } else {
        ids.trace.hex128Into(traceView, i * 32, k0, k1);
        traceKey[i] = i;
      }
      ids.span.hex64Into(spanView, i * 16, k0, spanKey(k1, d));
      if (d > 0) {
        if (seen >= 0 && depthOf[seen] === d - 1) copyWords(spanWords, 4 * seen, o >> 2, 4, parentWords);
        else ids.span.hex64Into(parentView, o, k0, spanKey(k1, d - 1));
        o += 16;
        hasParent[i] = 1;
      }
      pOff[i + 1] = o;
      recentLog[slot] = l;
      recentRow[slot] = i;
    }
    await step(to, n);
  }
  return makeTable('traces', [
    withRowKeys(traceId, traceKey),
    spanId,
    { ...parentId, bytes: parentBytes },
    dictColumn('service', services.map((s) => s.name), service),
    dictColumn('operation', OPERATIONS, operation),
    numberColumn('timestamp', 'timestamp', ts),
    numberColumn('duration_ms', 'float', duration),
    dictColumn('status', SPAN_STATUS, status),
    numberColumn('depth', 'int', depth),
  ]);
}
