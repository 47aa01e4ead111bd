/**
 * The CLI's stream sinks (`--sink file|stdout|http --sink-url URL --sink-header 'K: V'`): after
 * the run, a stream simulator's events go to stdout as NDJSON (nothing else is written there,
 * so the stream can be piped) or are POSTed to an HTTP endpoint, as fast as possible or paced
 * to the simulated clock (`realtime`, ×`realtimeSpeed`). Headers live only in memory here:
 * they never enter the config, so never `_spindle/config.json`.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ConfigSchema } from '../core/schema/config';
import { snakeToCamel } from '../core/schema/fields';
import { AbortError } from '../core/simulator';
import type { StreamPlan } from '../core/simulators/stream-emit/stream-emit.plan';
import { StreamCursor } from '../core/simulators/stream-emit/stream-emit.cursor';
import type { StreamBatch } from '../core/streaming/batch';
import { describeFetchError, fetchPost, HttpSink, type HttpFormat } from '../core/streaming/http';
import { playStream, type WallClock } from '../core/streaming/play';
import type { StreamSink } from '../core/streaming/sink';
import { UsageError, type SimArgs } from './args';
import { applySets } from './set-path';
import { writeFileAtomic } from './write-file';

/** Where a simulator keeps its stream settings: the stream emitter at the top, the hybrid under `streamConfig`. */
const SINK_PREFIX: Record<string, string> = { 'stream-emit': '', hybrid: 'streamConfig.' };

const canonical = (key: string) => key.split('.').map(snakeToCamel).join('.');

/** `--sink` and `--sink-url` into the raw config (they are config fields); refused for simulators without a stream. */
export function applySinkArgs(id: string, raw: Record<string, unknown>, args: SimArgs, schema: ConfigSchema<unknown>): void {
  if (args.sink === undefined && args.sinkUrl === undefined && args.sinkHeaders.length === 0) return;
  const prefix = SINK_PREFIX[id];
  if (prefix === undefined) throw new UsageError(`--sink, --sink-url and --sink-header apply to the stream simulators (stream-emit, hybrid); ${id} has no stream`);
  const sets: { key: string; value: unknown }[] = [];
  const given = new Set(args.sets.map((s) => canonical(s.key)));
  const add = (flag: string, key: string, value: unknown) => {
    if (given.has(prefix + key)) throw new UsageError(`${flag} and --set ${prefix}${key} are both given; give one of them`);
    sets.push({ key: prefix + key, value });
  };
  if (args.sink !== undefined) add('--sink', 'sinkType', args.sink);
  if (args.sinkUrl !== undefined) add('--sink-url', 'sinkConnection.url', args.sinkUrl);
  applySets(raw, sets, schema);
}

interface StreamSettings {
  readonly sinkType: string;
  readonly realtime: boolean;
  readonly realtimeSpeed: number;
  readonly sinkConnection: { url: string | null; format: HttpFormat; batchSize: number; maxRetries: number; retryBackoffMs: number; timeoutMs: number };
}

/** The stream settings of a resolved config, or undefined for a simulator without a stream. */
export function streamSettings(id: string, config: Record<string, unknown>): StreamSettings | undefined {
  const prefix = SINK_PREFIX[id];
  if (prefix === undefined) return undefined;
  return (prefix ? config[prefix.slice(0, -1)] : config) as StreamSettings;
}

/** Whether the resolved config sends the stream somewhere besides the tree (stdout, console = stdout here, http). */
export function deliversStream(id: string, config: Record<string, unknown>): boolean {
  const s = streamSettings(id, config);
  return !!s && s.sinkType !== 'file';
}

/** Headers only make sense for the HTTP sink: refuse them otherwise, before anything runs. */
export function checkSinkHeaders(id: string, config: Record<string, unknown>, args: SimArgs): void {
  if (args.sinkHeaders.length && streamSettings(id, config)?.sinkType !== 'http') throw new UsageError('--sink-header applies to --sink http only');
}

/** The reader went away (`… | head`): stop delivering, quietly. */
class PipeClosed extends Error {}

/** NDJSON to a stream (stdout), waiting for it to drain so a slow reader slows the stream. */
class WritableSink implements StreamSink {
  private closed = false;
  constructor(private readonly out: NodeJS.WriteStream) {
    out.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') this.closed = true;
    });
  }

  async write(batch: StreamBatch): Promise<void> {
    if (this.closed) throw new PipeClosed();
    if (this.out.write(Buffer.from(batch.bytes.buffer, batch.bytes.byteOffset, batch.bytes.length))) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.out.off('drain', done);
        this.out.off('close', done);
        this.out.off('error', done);
        resolve();
      };
      this.out.once('drain', done);
      this.out.once('close', done);
      this.out.once('error', done);
    });
  }

  async close(): Promise<void> {}
}

const clock: WallClock = { now: () => performance.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Deliver the run's stream to the configured sink. Returns a line for stderr (HTTP summary);
 * throws when events failed to arrive, after writing `_spindle/delivery.csv` into `--out`.
 */
export async function deliverStream(id: string, config: Record<string, unknown>, plan: StreamPlan | null | undefined, args: SimArgs, signal: AbortSignal): Promise<string | undefined> {
  const s = streamSettings(id, config);
  if (!s || s.sinkType === 'file') return undefined;
  if (!plan) return `${s.sinkType} sink: nothing to send (the stream phase had no tables)`;
  const beforeWrite = () => {
    if (signal.aborted) throw new AbortError();
  };
  const realtime = s.realtime ? { speed: s.realtimeSpeed, startUs: plan.startUs, clock } : undefined;
  if (s.sinkType !== 'http') {
    try {
      await playStream(new StreamCursor(plan), new WritableSink(process.stdout), { batchSize: 4096, realtime, beforeWrite });
    } catch (e) {
      if (!(e instanceof PipeClosed)) throw e;
    }
    return undefined;
  }
  const c = s.sinkConnection;
  const sink = new HttpSink(
    { url: c.url!, format: c.format, batchSize: c.batchSize, maxRetries: c.maxRetries, retryBackoffMs: c.retryBackoffMs, timeoutMs: c.timeoutMs, headers: Object.fromEntries(args.sinkHeaders) },
    { post: fetchPost(fetch), sleep: clock.sleep, describeError: (e) => describeFetchError(e, c.timeoutMs) },
  );
  let stopped: unknown;
  try {
    await playStream(new StreamCursor(plan), sink, { batchSize: c.batchSize, realtime, beforeWrite });
  } catch (e) {
    stopped = e;
  }
  if (args.out) {
    mkdirSync(join(args.out, '_spindle'), { recursive: true });
    writeFileAtomic(join(args.out, '_spindle', 'delivery.csv'), sink.log.toCsv(plan.source.topics));
  }
  if (stopped) throw stopped;
  const sum = sink.log.summary();
  const line = `http sink: ${count(sum.deliveredEvents)} events delivered in ${count(sum.deliveredRequests)} requests to ${c.url} (${count(sum.retries)} retries, ${count(sum.failedEvents)} events failed)`;
  if (sum.failedEvents > 0) throw new Error(`${line}; last failure: ${sum.lastError}${args.out ? `; ${join(args.out, '_spindle', 'delivery.csv')} lists every event and its request` : ''}`);
  return line;
}
