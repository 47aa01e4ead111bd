import { AnswerKeyBuilder } from '../../answer-key';
import { ROWS_PER_STEP, type RunContext, type SimResult, type StreamedResult } from '../../simulator';
import { gather, invertPermutation, lowerBound } from '../../sort';
import { rowGroups } from '../../output/row-groups';
import { getColumn, type NumberColumn } from '../../table/column';
import { formatIso, parseInstant, US_PER_HOUR, US_PER_MINUTE } from '../../time';
import { summarizeOperationalLog, windowId, type OperationalLogCharts } from './operational-log.charts';
import { exploreOperationalLog, type OperationalLogExplore } from './operational-log.explore';
import { resolveServices, type OperationalLogConfig } from './operational-log.config';
import { STATUS_CODES, type ServiceSpec } from './operational-log.constants';
import { estimateOperationalLog } from './operational-log.estimate';
import { LogGenerator, momentMatched } from './operational-log.generate';
import { healthTable, serviceHealth } from './operational-log.health';
import { otlpLogs, otlpLogsOf, otlpTraces, otlpTracesOf, rawLogRecords, rawSpanRecords, rowsByService, type ExportSource } from './operational-log.otlp';
import { FLAG_BURST, FLAG_OUTAGE, FLAG_SPIKE, RawLogs, RawSpans } from './operational-log.raw';
import { argsortByTime } from './operational-log.sort';
import { buildLogsTable, buildTracesTable, type IdStreams } from './operational-log.tables';
import {
  drawBurstWindows,
  drawWindows,
  makeGrid,
  minutesToUs,
  noWindows,
  slotLength,
  slotStart,
  WindowUnion,
  type TimeGrid,
  type Windows,
} from './operational-log.windows';

export interface OperationalLogOutput extends SimResult {
  /** Aggregates for the page's charts, and the log sample and traces for its explorer. */
  readonly charts?: OperationalLogCharts & OperationalLogExplore;
}

/** The run's injected windows; a disabled feature draws none (D2). */
function drawAllWindows(config: OperationalLogConfig, grid: TimeGrid, ctx: RunContext): [Windows, Windows, Windows] {
  const spikes = config.latencySpikeEnabled
    ? drawWindows('latency_spike', grid, config.latencySpikeProbability, minutesToUs(config.latencySpikeDurationMinutes), ctx.rng.fork('windows:latency_spike'))
    : noWindows('latency_spike');
  const outages = config.outageEnabled
    ? drawWindows('outage', grid, config.outageProbability, minutesToUs(config.outageDurationMinutes), ctx.rng.fork('windows:outage'))
    : noWindows('outage');
  const bursts = config.errorBurstEnabled ? drawBurstWindows(grid, config.errorBurstProbability, ctx.rng.fork('windows:error_burst')) : noWindows('error_burst');
  return [spikes, outages, bursts];
}

/** Rows of sorted `ts` in [from, to), by binary search. */
function countBetween(ts: Float64Array, from: number, to: number): number {
  return lowerBound(ts, to) - lowerBound(ts, from);
}

/** One answer-key row per injected window: its id, time range, services hit and events inside. */
function recordWindows(key: AnswerKeyBuilder, windows: readonly Windows[], sortedTs: Float64Array, burstEvents: number[], services: readonly ServiceSpec[]): void {
  const names = services.map((s) => s.name);
  for (const w of windows) {
    for (let i = 0; i < w.start.length; i++) {
      const events = w.kind === 'error_burst' ? burstEvents[i] : countBetween(sortedTs, w.start[i], w.end[i]);
      key.add(w.kind, 'logs', windowId(w.kind, i), w.start[i], {
        start: formatIso(w.start[i]),
        end: formatIso(w.end[i]),
        duration_minutes: Math.round(((w.end[i] - w.start[i]) / US_PER_MINUTE) * 1e4) / 1e4,
        services: names,
        events,
      });
    }
  }
}

/** The run's draws before any table: the raw rows, their time orders, the windows and the ids. */
interface Simulated {
  readonly services: readonly ServiceSpec[];
  readonly grid: TimeGrid;
  readonly windows: [Windows, Windows, Windows];
  readonly burstEvents: number[];
  readonly logs: RawLogs;
  readonly spans: RawSpans;
  readonly ids: IdStreams;
  /** Sorted row → generation index, of the logs and of the spans. */
  readonly logPerm: Int32Array;
  readonly spanPerm: Int32Array;
}

/** Draw every request, burst and span (fixed chunks of one slot × one service), then order them by time. */
async function simulate(config: OperationalLogConfig, ctx: RunContext): Promise<Simulated> {
  const services = resolveServices(config);
  const k = services.length;
  const grid = makeGrid(parseInstant(config.startTime), config.durationHours);
  const windows = drawAllWindows(config, grid, ctx);
  const [spikes, outages, bursts] = windows;
  const spikeUnion = new WindowUnion(spikes);
  const outageUnion = new WindowUnion(outages);
  const burstOfSlot = new Int32Array(grid.slots).fill(-1);
  bursts.slot.forEach((h, i) => (burstOfSlot[h] = i));

  const expected = k * config.durationHours * config.eventsPerHour + bursts.start.length * k * config.errorBurstCount;
  const logs = new RawLogs(Math.ceil(expected + 6 * Math.sqrt(expected)));
  const spanShare = config.traceEnabled ? config.traceSampleRate * Math.min(k, config.traceDepthMean + 1) : 0;
  const spans = new RawSpans(Math.ceil(expected * spanShare * 1.05));
  const gen = new LogGenerator(
    {
      nServices: k,
      ...momentMatched(config.latencyMeanMs, config.latencyStdMs),
      spikeMultiplier: config.latencySpikeMultiplier,
      outageErrorRate: config.outageErrorRate,
      traceEnabled: config.traceEnabled,
      traceSampleRate: config.traceSampleRate,
      traceDepthMean: config.traceDepthMean,
    },
    logs,
    spans,
  );

  const burstEvents = new Array<number>(bursts.start.length).fill(0);
  const chunks = grid.slots * k;
  for (let h = 0; h < grid.slots; h++) {
    const from = slotStart(grid, h);
    const length = slotLength(grid, h);
    const spikeIv = spikeUnion.overlapping(from, from + length);
    const outageIv = outageUnion.overlapping(from, from + length);
    const b = burstOfSlot[h];
    for (let s = 0; s < k; s++) {
      const chunk = (h * k + s) * 2;
      const rng = ctx.rng.fork(`requests:${h}:${s}`);
      gen.requests(rng, chunk, s, from, length, rng.poisson((config.eventsPerHour * length) / US_PER_HOUR), spikeIv, outageIv);
      if (b >= 0) {
        gen.burst(ctx.rng.fork(`burst:${h}:${s}`), chunk + 1, s, bursts.start[b], bursts.end[b] - bursts.start[b], config.errorBurstCount, spikeIv, outageIv);
        burstEvents[b] += config.errorBurstCount;
      }
      await ctx.checkpoint('Simulating requests', h * k + s + 1, chunks);
    }
  }

  const ids: IdStreams = { log: ctx.ids('oplog:log'), trace: ctx.ids('oplog:trace'), span: ctx.ids('oplog:span') };
  const logPerm = argsortByTime(logs.ts, logs.length, grid.startUs);
  const spanPerm = argsortByTime(spans.ts, spans.length, grid.startUs);
  await ctx.checkpoint('Ordering the logs by time', 1, 1);
  return { services, grid, windows, burstEvents, logs, spans, ids, logPerm, spanPerm };
}

/** The stats, answer key and (for a host that draws them) charts, from the draws; `sortedTs`: the logs' times in table order. */
function report(ctx: RunContext, r: Simulated, sortedTs: Float64Array, health: ReturnType<typeof serviceHealth>): Omit<OperationalLogOutput, 'tables' | 'files'> {
  const { logs, spans, windows, services, grid, logPerm, ids } = r;
  const answerKey = new AnswerKeyBuilder();
  recordWindows(answerKey, windows, sortedTs, r.burstEvents, services);
  const stats = operationalLogStats(logs, spans, windows);
  if (!ctx.charts) return { stats, answerKey };
  return {
    stats,
    answerKey,
    charts: {
      ...summarizeOperationalLog({ raw: logs, grid, services, windows, health }),
      ...exploreOperationalLog({ logs, spans, logPerm, logPos: invertPermutation(logPerm), services, ids }),
    },
  };
}

const rowSteps = (ctx: RunContext, table: string) => (done: number, total: number) => ctx.checkpoint(`Building tables: ${table}`, done, total);
const HEALTH = 'Building tables: service health';

/**
 * Simulate structured HTTP logs for a service estate (spec/operational-log.md with every
 * "Require"): minute-precise spike and outage windows that honour their flags, ceil(D) hour
 * slots with a pro-rata last slot, plain Poisson counts, moment-matched lognormal latency,
 * W3C trace context on every log with sampled, nested traces, error bursts anywhere in the
 * hour, and rows ordered by (timestamp, generation index). Work runs in fixed chunks of one
 * slot × one service, each with its own stream.
 */
export async function runOperationalLog(config: OperationalLogConfig, ctx: RunContext): Promise<OperationalLogOutput> {
  const r = await simulate(config, ctx);
  const { logs, spans, services, ids } = r;
  const { table: logsTable, sampled } = await buildLogsTable(logs, r.logPerm, services, ids, config.traceEnabled, rowSteps(ctx, 'logs'));
  ctx.publish(logsTable);
  const tracesTable = await buildTracesTable(spans, r.spanPerm, logs, services, ids, rowSteps(ctx, 'traces'));
  ctx.publish(tracesTable);
  const health = serviceHealth(logs, services);
  await ctx.checkpoint(HEALTH, 1, 1);

  const files = [];
  if (config.otlpExport) {
    const tiers = services.map((s) => s.tier);
    // produced when the files are written, chunk by chunk: nothing held here
    files.push(otlpLogs(logsTable, tiers, sampled), otlpTraces(tracesTable, tiers));
  }
  const sortedTs = (getColumn(logsTable, 'timestamp') as NumberColumn).values;
  return { tables: [logsTable, tracesTable, healthTable(health)], files, ...report(ctx, r, sortedTs, health) };
}

/** Stretches of `perm` of at most {@link ROWS_PER_STEP} rows (one, empty, when it has none). */
function stretches(perm: Int32Array): Int32Array[] {
  return rowGroups(perm.length, ROWS_PER_STEP).map(([from, to]) => perm.subarray(from, to));
}

/**
 * The same run streamed (SimulatorDef.stream): the raw rows and their time orders are held (a
 * tenth of the tables' bytes), and the logs and traces tables are built a stretch of
 * {@link ROWS_PER_STEP} rows at a time as they are read, each let go once read; the OTLP export
 * is written straight from the raw rows, each service's in table order, with no table between. Read the logs, the
 * traces, the service health, then the files, then `finish`.
 */
export function streamOperationalLog(config: OperationalLogConfig, ctx: RunContext): StreamedResult {
  const [logsEstimate, tracesEstimate, healthEstimate] = estimateOperationalLog(config).tables;
  const services = resolveServices(config);
  const tiers = services.map((s) => s.tier);
  let simulated: Simulated | undefined;
  let health: ReturnType<typeof serviceHealth> | undefined;
  let read = 0;
  const next = (table: number): Simulated => {
    if (read !== table) throw new Error('operational-log stream: tables read out of order (read the logs, the traces, then the service health, each once)');
    read++;
    return simulated!;
  };

  /** Export records of one service: its rows of `perm` (sorted order), written straight from the raw rows. */
  const source = (kind: 'logs' | 'spans'): ExportSource => {
    let byService: Int32Array[] | undefined;
    const rows = () => {
      if (read < 3) throw new Error('operational-log stream: the OTLP export is written after the tables');
      const r = simulated!;
      const perm = kind === 'logs' ? r.logPerm : r.spanPerm;
      const codes = kind === 'logs' ? r.logs.service : r.spans.service;
      // each service's generation indices, in table order
      return (byService ??= rowsByService(gather(codes, perm, new Uint8Array(perm.length)), services.length).map((rs) => gather(perm, rs, new Int32Array(rs.length))));
    };
    return {
      names: services.map((s) => s.name),
      get counts() {
        return rows().map((rs) => rs.length);
      },
      records(s) {
        // straight from the raw rows, in table order: no table is built for the export
        const r = simulated!;
        const write = kind === 'logs' ? rawLogRecords(r.logs, r.ids, config.traceEnabled) : rawSpanRecords(r.spans, r.logs, r.ids);
        return [{ write, rows: rows()[s] }];
      },
    };
  };

  let rest: ReturnType<StreamedResult['finish']> | undefined;
  return {
    tables: [
      {
        name: 'logs',
        rowsHint: logsEstimate.rows,
        async *chunks() {
          next(0);
          const r = (simulated = await simulate(config, ctx));
          const step = rowSteps(ctx, 'logs');
          let done = 0;
          for (const part of stretches(r.logPerm)) {
            yield (await buildLogsTable(r.logs, part, services, r.ids, config.traceEnabled)).table;
            await step((done += part.length), r.logPerm.length);
          }
        },
      },
      {
        name: 'traces',
        rowsHint: tracesEstimate.rows,
        async *chunks() {
          const r = next(1);
          const step = rowSteps(ctx, 'traces');
          let done = 0;
          for (const part of stretches(r.spanPerm)) {
            yield await buildTracesTable(r.spans, part, r.logs, services, r.ids);
            await step((done += part.length), r.spanPerm.length);
          }
        },
      },
      {
        name: 'service_health',
        rowsHint: healthEstimate.rows,
        async *chunks() {
          const r = next(2);
          health = serviceHealth(r.logs, services);
          await ctx.checkpoint(HEALTH, 1, 1);
          yield healthTable(health);
        },
      },
    ],
    files: config.otlpExport ? [otlpLogsOf(source('logs'), tiers, logsEstimate.rows), otlpTracesOf(source('spans'), tiers, tracesEstimate.rows)] : [],
    finish() {
      if (read !== 3) throw new Error('operational-log stream: read every table before the result');
      const r = simulated!;
      return (rest ??= report(ctx, r, gather(r.logs.ts, r.logPerm, new Float64Array(r.logPerm.length)), health!));
    },
  };
}


/** The spec's stats (§4) plus burst events and window counts, keys in a fixed order. */
function operationalLogStats(logs: RawLogs, spans: RawSpans, windows: readonly Windows[]): Record<string, unknown> {
  let errors = 0;
  let spike = 0;
  let outage = 0;
  let burst = 0;
  for (let g = 0; g < logs.length; g++) {
    if (STATUS_CODES[logs.status[g]] >= 500) errors++;
    const f = logs.flags[g];
    if (f & FLAG_SPIKE) spike++;
    if (f & FLAG_OUTAGE) outage++;
    if (f & FLAG_BURST) burst++;
  }
  let roots = 0;
  for (let j = 0; j < spans.length; j++) if (spans.depth[j] === 0) roots++;
  return {
    total_events: logs.length,
    total_errors: errors,
    error_rate: Math.round((errors / Math.max(logs.length, 1)) * 1e4) / 1e4,
    spike_events: spike,
    outage_events: outage,
    error_burst_events: burst,
    total_traces: roots,
    total_spans: spans.length,
    windows: Object.fromEntries(windows.map((w) => [w.kind, w.start.length])),
  };
}
