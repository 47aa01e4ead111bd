/**
 * Incremental production (issue 9 §1): a cursor walks the plan in emission order — each
 * primary event, then the replay burst that follows it — and writes the envelopes of the next
 * `max` events as one batch. Every batch size gives the same byte sequence, and memory stays
 * at one batch whatever the length of the stream.
 */
import { ByteSink } from '../../output/bytes';
import { EventKind, type BatchSource, type StreamBatch } from '../../streaming/batch';
import type { EnvelopeWriter } from './stream-emit.envelope';
import type { StreamPlan } from './stream-emit.plan';

export interface CursorOptions {
  /** Only this topic's events (a topic file); the others are walked past, not written. */
  readonly topic?: number;
}

export class StreamCursor implements BatchSource {
  private readonly writer: EnvelopeWriter;
  /** Next primary send position. */
  private k = 0;
  /** Next burst, and the next event within it. */
  private burst = 0;
  private inBurst = 0;
  /** Position in the whole stream of the next event walked. */
  private seq = 0;
  /** Bytes per event of the last batch: the next batch's buffer is sized from it, not grown by doubling copies. */
  private bytesPerEvent = 512;

  constructor(
    private readonly plan: StreamPlan,
    private readonly options: CursorOptions = {},
  ) {
    this.writer = plan.envelopes;
  }

  /** Events of the whole stream walked so far (every topic). */
  get position(): number {
    return this.seq;
  }

  get done(): boolean {
    return this.seq >= this.plan.totalEvents;
  }

  /** The next batch of at most `max` events (of the cursor's topic, if it has one), or null at the end. */
  nextBatch(max: number): StreamBatch | null {
    if (this.done || max < 1) return null;
    const { plan } = this;
    const { source, rows, schedule, outOfOrder } = plan;
    const { after, first, count, emittedAt } = schedule;
    const only = this.options.topic;
    const cap = Math.min(max, plan.totalEvents - this.seq);
    const out = new ByteSink(Math.ceil(cap * this.bytesPerEvent * 1.05) + 4096);
    const ends = new Int32Array(cap);
    const seqs = new Float64Array(cap);
    const at = new Float64Array(cap);
    const eventTime = new Float64Array(cap);
    const topic = new Uint16Array(cap);
    const kind = new Uint8Array(cap);
    let n = 0;
    while (n < cap && this.seq < plan.totalEvents) {
      // the burst that follows primary k − 1 comes before primary k
      const replaying = this.burst < after.length && after[this.burst] === this.k - 1;
      const pos = replaying ? first[this.burst] + this.inBurst : this.k;
      const g = rows[pos];
      const t = source.tables[source.tableOf[g]].topic;
      const when = replaying ? emittedAt[after[this.burst]] : emittedAt[pos];
      if (only === undefined || t === only) {
        if (replaying) this.writer.write(out, g, emittedAt[pos], when);
        else this.writer.write(out, g, when);
        ends[n] = out.pos;
        seqs[n] = this.seq;
        at[n] = when;
        const time = source.eventTime[g];
        eventTime[n] = time === time ? time : emittedAt[pos];
        topic[n] = t;
        kind[n] = replaying ? EventKind.replay : outOfOrder[pos] ? EventKind.outOfOrder : EventKind.normal;
        n++;
      }
      this.seq++;
      if (!replaying) this.k++;
      else if (++this.inBurst === count[this.burst]) {
        this.burst++;
        this.inBurst = 0;
      }
    }
    if (n === 0) return null;
    this.bytesPerEvent = out.pos / n;
    return {
      topics: source.topics,
      count: n,
      bytes: out.buf.subarray(0, out.pos),
      ends: ends.subarray(0, n),
      seq: seqs.subarray(0, n),
      at: at.subarray(0, n),
      eventTime: eventTime.subarray(0, n),
      topic: topic.subarray(0, n),
      kind: kind.subarray(0, n),
    };
  }
}

/** Every event of the plan as one batch (small streams, tests): the same bytes as any batching. */
export function allAtOnce(plan: StreamPlan, options: CursorOptions = {}): StreamBatch | null {
  return new StreamCursor(plan, options).nextBatch(Math.max(1, plan.totalEvents));
}
