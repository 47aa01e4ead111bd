import { US_PER_MS } from '../../time';
import { ENDPOINTS, LEVELS, levelOf, METHODS, OPERATIONS, spanKey, STATUS_CODES, type ServiceSpec } from './operational-log.constants';
import { FLAG_SAMPLED, type RawLogs, type RawSpans } from './operational-log.raw';
import { messageOf, type IdStreams } from './operational-log.tables';

/**
 * Drill-down data for the Operational logs page: a log sample that stays useful when filtered
 * by service and level (the 5,000-row preview holds only the first minutes of a big run), and a
 * set of whole traces for the waterfall. Kept to a few hundred KB of JSON whatever the run size.
 */

/** Log rows in the sample; strata (service × level) share it by water-filling. */
export const LOG_SAMPLE_ROWS = 2_400;
/** Spans of the traces linked from sampled log rows; rows past the budget keep no link. */
export const LINKED_SPAN_BUDGET = 4_000;
/** Length of each picked trace list. */
export const TRACE_LIST_LENGTH = 15;

export interface ExploreSpan {
  readonly spanId: string;
  /** Index of the parent in the trace's `spans`, −1 for the root. */
  readonly parent: number;
  readonly depth: number;
  /** Index into `services`. */
  readonly service: number;
  readonly operation: string;
  /** Start relative to the root span, ms. */
  readonly offsetMs: number;
  readonly durationMs: number;
  readonly error: boolean;
}

export interface ExploreTrace {
  readonly traceId: string;
  /** Root start, epoch ms. */
  readonly startMs: number;
  readonly durationMs: number;
  /** Root service (index into `services`) and operation. */
  readonly service: number;
  readonly operation: string;
  /** Spans with status ERROR. */
  readonly errors: number;
  /** Spans in the order of the traces table's generation: root first, then by depth. */
  readonly spans: ExploreSpan[];
}

/** Sampled log rows, column by column, in (timestamp, generation) order like the logs table. */
export interface LogSample {
  /** Rows of the whole logs table. */
  readonly total: number;
  /** Per service × level: rows in the table and rows in the sample. */
  readonly strata: { service: number; level: number; total: number; shown: number }[];
  /** Row number in the logs table (0-based). */
  readonly row: number[];
  readonly timeMs: number[];
  readonly service: number[];
  /** Index into LEVELS. */
  readonly level: number[];
  readonly method: number[];
  readonly endpoint: number[];
  readonly status: number[];
  readonly latencyMs: number[];
  readonly message: string[];
  /** Bits: 1 spike, 2 outage, 4 error burst, 8 trace sampled (in the traces table). */
  readonly flags: number[];
  /** Index into `traces`, or −1 when the trace is unsampled or past the span budget. */
  readonly trace: number[];
}

export interface OperationalLogExplore {
  readonly services: { name: string; tier: string }[];
  readonly levelNames: readonly string[];
  readonly methodNames: readonly string[];
  readonly endpointNames: readonly string[];
  readonly logSample: LogSample;
  readonly traces: ExploreTrace[];
  /** Picked traces, indices into `traces`: longest roots, traces with an ERROR span (spread over time), most spans. */
  readonly traceLists: { slowest: number[]; errors: number[]; deepest: number[] };
}

/** Quotas for strata of sizes `counts` sharing `budget`: small strata keep every row, large ones split the rest evenly. */
export function waterFill(counts: readonly number[], budget: number): number[] {
  const order = counts.map((_, i) => i).sort((a, b) => counts[a] - counts[b] || a - b);
  const quota = new Array<number>(counts.length).fill(0);
  let left = budget;
  order.forEach((s, k) => {
    const q = Math.min(counts[s], Math.floor(left / (order.length - k)));
    quota[s] = q;
    left -= q;
  });
  return quota;
}

/** Indices of the `k` best items by `better` (a strict order), best first; O(n·k) with k small. */
function topK(n: number, k: number, include: (i: number) => boolean, better: (a: number, b: number) => boolean): number[] {
  const top: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!include(i)) continue;
    if (top.length === k && !better(i, top[k - 1])) continue;
    let at = Math.min(top.length, k - 1);
    while (at > 0 && better(i, top[at - 1])) at--;
    top.splice(at, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}

export interface ExploreInput {
  readonly logs: RawLogs;
  readonly spans: RawSpans;
  /** Sorted row → generation index, and its inverse. */
  readonly logPerm: Int32Array;
  readonly logPos: Int32Array;
  readonly services: readonly ServiceSpec[];
  /** The run's id streams: ids are computed from the rows' keys (the tables need not be held). */
  readonly ids: IdStreams;
}

/** Builds the log sample and the trace set from the run's raw rows (the tables' rows, by generation index). */
export function exploreOperationalLog(input: ExploreInput): OperationalLogExplore {
  const { logs, spans, logPerm, logPos, services, ids } = input;
  // a span's ids, as the traces table has them (buildTracesTable)
  const spanIdOf = (j: number) => ids.span.hex(8, logs.k0[spans.log[j]], spanKey(logs.k1[spans.log[j]], spans.depth[j]));
  const traceIdOf = (j: number) => ids.trace.hex(16, logs.k0[spans.log[j]], logs.k1[spans.log[j]]);

  // a trace is the run of raw spans from one root to the next (each chain is generated in one go)
  let nRoots = 0;
  for (let j = 0; j < spans.length; j++) if (spans.depth[j] === 0) nRoots++;
  const roots = new Int32Array(nRoots + 1);
  const erroringAt: number[] = [];
  for (let j = 0, r = -1; j < spans.length; j++) {
    if (spans.depth[j] === 0) roots[++r] = j;
    // a trace with an ERROR span, by its log's row in the logs table (pushed once per trace)
    if (spans.status[j] === 1 && erroringAt[erroringAt.length - 1] !== r) erroringAt.push(r);
  }
  roots[nRoots] = spans.length;
  const endOf = (r: number) => roots[r + 1];
  const rootOfLog = (g: number): number => {
    let a = 0;
    let b = nRoots;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (spans.log[roots[m]] < g) a = m + 1;
      else b = m;
    }
    return a < nRoots && spans.log[roots[a]] === g ? a : -1;
  };

  const traces: ExploreTrace[] = [];
  const traceOfRoot = new Map<number, number>();
  const addTrace = (r: number): number => {
    const known = traceOfRoot.get(r);
    if (known !== undefined) return known;
    const j0 = roots[r];
    const out: ExploreSpan[] = [];
    for (let j = j0; j < endOf(r); j++) {
      out.push({
        spanId: spanIdOf(j),
        parent: spans.depth[j] === 0 ? -1 : out.length - 1,
        depth: spans.depth[j],
        service: spans.service[j],
        operation: OPERATIONS[spans.operation[j]],
        offsetMs: (spans.ts[j] - spans.ts[j0]) / US_PER_MS,
        durationMs: spans.duration[j],
        error: spans.status[j] === 1,
      });
    }
    traces.push({
      traceId: traceIdOf(j0),
      startMs: spans.ts[j0] / US_PER_MS,
      durationMs: spans.duration[j0],
      service: spans.service[j0],
      operation: out[0].operation,
      errors: out.reduce((a, s) => a + (s.error ? 1 : 0), 0),
      spans: out,
    });
    traceOfRoot.set(r, traces.length - 1);
    return traces.length - 1;
  };

  // ties go to the earlier trace in the logs table, so the lists do not depend on generation order
  const when = (r: number) => logPos[spans.log[roots[r]]];
  const slowest = topK(nRoots, TRACE_LIST_LENGTH, () => true, (a, b) => {
    const da = spans.duration[roots[a]];
    const db = spans.duration[roots[b]];
    return da > db || (da === db && when(a) < when(b));
  });
  const size = (r: number) => endOf(r) - roots[r];
  const deepest = topK(nRoots, TRACE_LIST_LENGTH, () => true, (a, b) => size(a) > size(b) || (size(a) === size(b) && when(a) < when(b)));
  const erroring = Int32Array.from(erroringAt, when).sort();
  const picks = Math.min(TRACE_LIST_LENGTH, erroring.length);
  const spread = Array.from({ length: picks }, (_, k) => rootOfLog(logPerm[erroring[Math.floor(((k + 0.5) * erroring.length) / picks)]]));
  const traceLists = { slowest: slowest.map(addTrace), errors: spread.map(addTrace), deepest: deepest.map(addTrace) };

  const logSample = sampleLogs(logs, logPerm, services.length, (g, spent) => {
    const r = rootOfLog(g);
    if (r < 0 || (!traceOfRoot.has(r) && spent + size(r) > LINKED_SPAN_BUDGET)) return { trace: -1, spans: 0 };
    const fresh = !traceOfRoot.has(r);
    return { trace: addTrace(r), spans: fresh ? size(r) : 0 };
  });

  return {
    services: services.map((s) => ({ name: s.name, tier: s.tier })),
    levelNames: LEVELS,
    methodNames: METHODS,
    endpointNames: ENDPOINTS,
    logSample,
    traces,
    traceLists,
  };
}

/**
 * Rows of the logs table spread evenly over time within each service × level stratum; the
 * quotas come from water-filling, so rare ERROR lines are all kept when they are few.
 */
function sampleLogs(logs: RawLogs, perm: Int32Array, nServices: number, link: (generation: number, spansSpent: number) => { trace: number; spans: number }): LogSample {
  const n = perm.length;
  const nLevels = LEVELS.length;
  // a row's level, as the logs table has it (from its status code)
  const levelAt = (g: number) => levelOf(STATUS_CODES[logs.status[g]]);
  const counts = new Array<number>(nServices * nLevels).fill(0);
  for (let i = 0; i < n; i++) {
    const g = perm[i];
    counts[logs.service[g] * nLevels + levelAt(g)]++;
  }
  const quota = waterFill(counts, LOG_SAMPLE_ROWS);
  const seen = new Float64Array(counts.length);
  const out: { -readonly [K in keyof LogSample]: LogSample[K] } = {
    total: n,
    strata: counts.map((total, s) => ({ service: Math.floor(s / nLevels), level: s % nLevels, total, shown: quota[s] })),
    row: [],
    timeMs: [],
    service: [],
    level: [],
    method: [],
    endpoint: [],
    status: [],
    latencyMs: [],
    message: [],
    flags: [],
    trace: [],
  };
  let spent = 0;
  for (let i = 0; i < n; i++) {
    const g = perm[i];
    const level = levelAt(g);
    const s = logs.service[g] * nLevels + level;
    const j = seen[s]++;
    const q = quota[s];
    // the k-th pick sits at the middle of the k-th of q equal parts of the stratum
    if (Math.floor(((j + 1) * q) / counts[s] + 0.5) === Math.floor((j * q) / counts[s] + 0.5)) continue;
    let trace = -1;
    if (logs.flags[g] & FLAG_SAMPLED) {
      const linked = link(g, spent);
      trace = linked.trace;
      spent += linked.spans;
    }
    out.row.push(i);
    out.timeMs.push(logs.ts[g] / US_PER_MS);
    out.service.push(logs.service[g]);
    out.level.push(level);
    out.method.push(logs.method[g]);
    out.endpoint.push(logs.endpoint[g]);
    out.status.push(STATUS_CODES[logs.status[g]]);
    out.latencyMs.push(logs.latency[g]);
    out.message.push(messageOf(logs.message[g], logs.status[g], logs.latency[g]));
    out.flags.push(logs.flags[g]);
    out.trace.push(trace);
  }
  return out;
}
