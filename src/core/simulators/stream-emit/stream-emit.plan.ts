/**
 * A stream's plan: every decision of the run (which rows, in which order, when, which replays)
 * held as typed arrays, without a byte of envelope. Envelopes are written from it on demand,
 * batch by batch ({@link StreamCursor}), as often as a host needs them.
 */
import { runIdOf } from '../../ids';
import type { RunContext } from '../../simulator';
import type { Table } from '../../table/column';
import { parseInstant } from '../../time';
import { ConfigError } from '../../schema/config';
import { ClockOverflowError, schedule, type Schedule } from './stream-emit.clock';
import { identityConfig, type StreamEmitConfig } from './stream-emit.config';
import { EnvelopeWriter, type EnvelopeSettings } from './stream-emit.envelope';
import { canonicalOrder, reorder, type Reordered } from './stream-emit.order';
import { resolveStreamSource, type StreamSource } from './stream-emit.source';

export interface StreamPlan {
  readonly source: StreamSource;
  readonly settings: EnvelopeSettings;
  /** Writes this stream's envelopes; shared by every cursor (writes are synchronous, so cursors can interleave). */
  readonly envelopes: EnvelopeWriter;
  readonly startUs: number;
  /** Global row of the first eventsSent events of the canonical order (index = canonical position). */
  readonly canonical: Int32Array;
  /** Global row of the primary event at each send position. */
  readonly rows: Int32Array;
  /** 1 where the primary event at that send position is one that moved out of order. */
  readonly outOfOrder: Uint8Array;
  readonly reordered: Reordered;
  readonly schedule: Schedule;
  readonly eventsSent: number;
  readonly totalEvents: number;
}

/** How a composing simulator (the hybrid) adjusts a stream. */
export interface StreamOptions {
  /** The run's correlation id instead of the stream's own (the hybrid's id, spec hybrid §5 #2). */
  readonly correlationId?: string;
  /** Error paths are prefixed with this (`streamConfig` under the hybrid). */
  readonly pathPrefix?: string;
}

/** The stream's own correlation id: runId("stream_emit", seed, config minus delivery settings) (spec §5 #1). */
export function streamCorrelationId(config: StreamEmitConfig): string {
  return runIdOf('stream_emit', config.seed, identityConfig(config));
}

/**
 * Decide the whole stream: resolve the tables (errors naming the field before anything runs),
 * the canonical order, the cap, the out-of-order moves and the clock with its replays. Draws
 * come from one stream, in the spec's order: out-of-order positions, their delays (descending
 * positions), then per primary event jitter, replay u and replay start.
 */
export async function planStream(config: StreamEmitConfig, inputs: readonly Table[], ctx: RunContext, options: StreamOptions = {}): Promise<StreamPlan> {
  const prefix = options.pathPrefix ?? '';
  const resolved = resolveStreamSource(config, inputs, prefix);
  if (!resolved.ok) throw new ConfigError(resolved.issues);
  const source = resolved.source;
  await ctx.checkpoint('Ordering events', 0, 2);
  const order = canonicalOrder(source.eventTime);
  const n = config.maxEvents === null ? order.length : Math.min(order.length, config.maxEvents);
  const canonical = order.subarray(0, n);
  await ctx.checkpoint('Ordering events', 1, 2);
  const rng = ctx.rng.fork('stream');
  const reordered = reorder(n, config.outOfOrderProbability, config.outOfOrderMaxDelaySlots, rng);
  const rows = new Int32Array(n);
  const outOfOrder = new Uint8Array(n);
  const sendPos = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    rows[s] = canonical[reordered.order[s]];
    sendPos[reordered.order[s]] = s;
  }
  for (const i of reordered.movedFrom) outOfOrder[sendPos[i]] = 1;
  await ctx.checkpoint('Ordering events', 2, 2);
  let sched: Schedule;
  try {
    sched = await schedule(n, config, rng, (done) => ctx.checkpoint('Scheduling emissions', done, n));
  } catch (e) {
    if (!(e instanceof ClockOverflowError)) throw e;
    throw new ConfigError([{ path: `${prefix ? `${prefix}.` : ''}ratePerSec`, message: `${config.ratePerSec}: ${e.message}; allowed: a higher rate or multipliers` }]);
  }
  await ctx.checkpoint('Scheduling emissions', n, n);
  const correlationId = options.correlationId ?? streamCorrelationId(config);
  const settings = { source: config.envelopeSource, schemaVersion: config.envelopeSchemaVersion, correlationId };
  return {
    source,
    settings,
    envelopes: new EnvelopeWriter(source, settings),
    startUs: parseInstant(config.streamStart),
    canonical,
    rows,
    outOfOrder,
    reordered,
    schedule: sched,
    eventsSent: n,
    totalEvents: n + sched.replayEvents,
  };
}
