/**
 * A batch of stream events as a host receives them (ARCHITECTURE.md, "Streaming simulators"):
 * the envelopes as UTF-8 JSON lines in emission order, plus a few typed arrays per event for
 * pacing, routing and charts. No per-event objects, so a host can hold one batch, pace it,
 * hand it to a sink and drop it, whatever the length of the stream.
 */

/** What an event is, for charts and the console: a primary event in its place, one delivered late, or a redelivery. */
export const EventKind = { normal: 0, outOfOrder: 1, replay: 2 } as const;
export type EventKindCode = (typeof EventKind)[keyof typeof EventKind];
export const EVENT_KIND_NAMES = ['normal', 'out_of_order', 'replay'] as const;

export interface StreamBatch {
  /** Topic names; {@link topic} indexes into this list (the same list in every batch of a stream). */
  readonly topics: readonly string[];
  readonly count: number;
  /** The envelopes, one JSON object per line, LF-terminated, in emission order. */
  readonly bytes: Uint8Array;
  /** Exclusive end offset in {@link bytes} of each event's line (its LF included). */
  readonly ends: Int32Array;
  /** Position of each event in the whole stream (every topic, replays included), from 0. */
  readonly seq: Float64Array;
  /** Simulated send time, µs since the epoch: `emitted_at` of a primary, `_replay_time` of a replay. */
  readonly at: Float64Array;
  /** The envelope's event `time`, µs since the epoch. */
  readonly eventTime: Float64Array;
  readonly topic: Uint16Array;
  /** {@link EventKind} of each event. */
  readonly kind: Uint8Array;
}

/** Anything that yields a stream's batches in emission order (the stream emitter's cursor). */
export interface BatchSource {
  /** The next batch of at most `max` events, or null at the end of the stream. */
  nextBatch(max: number): StreamBatch | null;
}

/** Byte offset where event i's line starts. */
export function lineStart(b: StreamBatch, i: number): number {
  return i === 0 ? 0 : b.ends[i - 1];
}

/** Event i's envelope line (with its LF), as a view into the batch. */
export function lineAt(b: StreamBatch, i: number): Uint8Array {
  return b.bytes.subarray(lineStart(b, i), b.ends[i]);
}

/** Events [from, to) of a batch, as views (no copy). */
export function sliceBatch(b: StreamBatch, from: number, to: number): StreamBatch {
  const start = lineStart(b, from);
  const ends = new Int32Array(to - from);
  for (let i = from; i < to; i++) ends[i - from] = b.ends[i] - start;
  return {
    topics: b.topics,
    count: to - from,
    bytes: b.bytes.subarray(start, from < to ? b.ends[to - 1] : start),
    ends,
    seq: b.seq.subarray(from, to),
    at: b.at.subarray(from, to),
    eventTime: b.eventTime.subarray(from, to),
    topic: b.topic.subarray(from, to),
    kind: b.kind.subarray(from, to),
  };
}

/** A batch's lines grouped by topic (emission order within each), for sinks that write per topic. */
export function splitByTopic(b: StreamBatch): Map<number, Uint8Array> {
  const sizes = new Map<number, number>();
  for (let i = 0; i < b.count; i++) sizes.set(b.topic[i], (sizes.get(b.topic[i]) ?? 0) + b.ends[i] - lineStart(b, i));
  if (sizes.size === 1) return new Map([[b.topic[0], b.bytes]]);
  const out = new Map<number, Uint8Array>();
  const fill = new Map<number, number>();
  for (const [t, n] of sizes) {
    out.set(t, new Uint8Array(n));
    fill.set(t, 0);
  }
  for (let i = 0; i < b.count; i++) {
    const t = b.topic[i];
    const line = lineAt(b, i);
    const at = fill.get(t)!;
    out.get(t)!.set(line, at);
    fill.set(t, at + line.length);
  }
  return out;
}
