/**
 * Delivering a stream to a sink, as fast as possible or in real time (×speed). Real time only
 * decides *when* each event is handed over: the events and their bytes are the same either way
 * (spec/stream-emit.md §5 #3). The wall clock and sleeping come in as arguments, so core reads
 * no clock and tests can drive time.
 */
import type { BatchSource, StreamBatch } from './batch';
import { sliceBatch } from './batch';
import type { StreamSink } from './sink';

/** A wall clock: milliseconds from any origin, and a way to wait. */
export interface WallClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface PlayOptions {
  /** Events per batch pulled from the source (bounded memory); default 4,096. */
  readonly batchSize?: number;
  /** Pace delivery: event at simulated time t is handed over at wall time start + (t − startUs) / 1000 / speed. */
  readonly realtime?: { readonly speed: number; readonly startUs: number; readonly clock: WallClock };
  /** Called after each write with the events delivered so far and the last one's simulated time. */
  readonly onProgress?: (delivered: number, atUs: number) => void | Promise<void>;
  /** Checked between writes: pause, resume and stop live in the host (throw to stop). */
  readonly beforeWrite?: () => void | Promise<void>;
}

/**
 * Pull every batch from `source` and write it to `sink`, then close the sink (also on error).
 * In real time, a batch is split at the events that are not due yet, and the player sleeps
 * until they are; due times come from the stream start, so delays never accumulate.
 * Returns the number of events delivered.
 */
export async function playStream(source: BatchSource, sink: StreamSink, options: PlayOptions = {}): Promise<number> {
  const size = options.batchSize ?? 4096;
  const rt = options.realtime;
  const origin = rt ? rt.clock.now() : 0;
  const dueOf = (atUs: number) => (rt ? origin + (atUs - rt.startUs) / 1000 / rt.speed : 0);
  let delivered = 0;
  const deliver = async (b: StreamBatch) => {
    await options.beforeWrite?.();
    await sink.write(b);
    delivered += b.count;
    await options.onProgress?.(delivered, b.at[b.count - 1]);
  };
  try {
    for (let batch = source.nextBatch(size); batch; batch = source.nextBatch(size)) {
      if (!rt) {
        await deliver(batch);
        continue;
      }
      let i = 0;
      while (i < batch.count) {
        const wait = dueOf(batch.at[i]) - rt.clock.now();
        if (wait > 0) await rt.clock.sleep(wait);
        const now = rt.clock.now();
        let j = i + 1;
        while (j < batch.count && dueOf(batch.at[j]) <= now) j++;
        await deliver(sliceBatch(batch, i, j));
        i = j;
      }
    }
  } finally {
    await sink.close();
  }
  return delivered;
}
