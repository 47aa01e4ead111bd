/**
 * What a run reports: its stats (spec §4 with the Req counts) and its answer key — each burst
 * window, every out-of-order event (its canonical and actual positions) and every replay (of
 * which event, when).
 */
import { AnswerKeyBuilder } from '../../answer-key';
import { lowerBound } from '../../sort';
import { formatIsoMicros, US_PER_SECOND } from '../../time';
import { RateShape } from './stream-emit.clock';
import type { StreamEmitConfig } from './stream-emit.config';
import type { StreamPlan } from './stream-emit.plan';
import { streamPositions, WALK_CHUNK, type Tally } from './stream-emit.tally';

/** The spec's StreamEmitResult (§4, Req: topics that received events only) plus the Req counts, keys in a fixed order. */
export function streamStats(plan: StreamPlan, t: Tally): Record<string, unknown> {
  const { source } = plan;
  const used = source.topics.map((_, i) => i).filter((i) => t.events[i] > 0);
  const perTopic = Object.fromEntries(used.map((i) => [source.topics[i], { events: t.events[i], replays: t.replays[i], out_of_order: t.outOfOrder[i] }]));
  return {
    events_sent: plan.eventsSent,
    replay_events_sent: plan.schedule.replayEvents,
    total_events: plan.totalEvents,
    out_of_order_count: plan.reordered.movedFrom.length,
    replay_bursts: plan.schedule.after.length,
    topics_used: used.map((i) => source.topics[i]),
    schema_versions: Object.fromEntries(used.map((i) => [source.topics[i], plan.settings.schemaVersion])),
    events_per_topic: perTopic,
    rows_available: source.totalRows,
    untimed_events: t.untimed,
    stream_start: formatIsoMicros(plan.startUs),
    stream_end: formatIsoMicros(t.lastAtUs),
    simulated_seconds: (t.lastAtUs - plan.startUs) / US_PER_SECOND,
    correlation_id: plan.settings.correlationId,
  };
}

/**
 * The answer key: burst windows, then out-of-order events in send order, then replays in
 * emission order. A row's `time` is when it was sent (an out-of-order event's `emitted_at`, a
 * replay's `_replay_time`); `details` repeats the times to the microsecond (text formats write `time` to the millisecond). `tick(done, total)` is awaited between chunks (progress, cancel).
 */
export async function streamAnswerKey(plan: StreamPlan, config: StreamEmitConfig, tick: (done: number, total: number) => Promise<void>): Promise<AnswerKeyBuilder> {
  const key = new AnswerKeyBuilder();
  const { source, rows, schedule, reordered } = plan;
  const { emittedAt } = schedule;
  const writer = plan.envelopes;
  const tableOf = (g: number) => source.tables[source.tableOf[g]];
  const shape = new RateShape(config, plan.startUs);
  config.burstWindows.forEach((_, i) => {
    const w = shape.window(i);
    const from = plan.startUs + w.from;
    const to = plan.startUs + w.to;
    key.add('burst_window', '', `burst_window:${i}`, from, {
      start: formatIsoMicros(from),
      end: formatIsoMicros(to),
      multiplier: w.multiplier,
      events: lowerBound(emittedAt, to) - lowerBound(emittedAt, from),
    });
  });
  const positions = streamPositions(plan);
  const total = rows.length + schedule.after.length;
  if (reordered.movedFrom.length) {
    const delayOf = new Int32Array(rows.length);
    reordered.movedFrom.forEach((i, j) => (delayOf[i] = reordered.delays[j]));
    for (let s = 0; s < rows.length; s++) {
      if (s % WALK_CHUNK === WALK_CHUNK - 1) await tick(s + 1, total);
      if (!plan.outOfOrder[s]) continue;
      const g = rows[s];
      const t = tableOf(g);
      const canonical = reordered.order[s];
      key.add('out_of_order', t.table.name, writer.id(g), emittedAt[s], {
        topic: source.topics[t.topic],
        seq: g - t.offset,
        canonical_position: canonical,
        actual_position: s,
        delay_slots: delayOf[canonical],
        stream_position: positions.primary(s),
        emitted_at: formatIsoMicros(emittedAt[s]),
      });
    }
  }
  const bursts = schedule.after.length;
  for (let j = 0; j < bursts; j++) {
    if (j % WALK_CHUNK === WALK_CHUNK - 1) await tick(rows.length + j + 1, total);
    const at = emittedAt[schedule.after[j]];
    for (let r = 0; r < schedule.count[j]; r++) {
      const q = schedule.first[j] + r;
      const g = rows[q];
      const t = tableOf(g);
      key.add('replay', t.table.name, writer.id(g), at, {
        topic: source.topics[t.topic],
        seq: g - t.offset,
        burst: j,
        stream_position: positions.burstStart[j] + r,
        original_stream_position: positions.primary(q),
        original_emitted_at: formatIsoMicros(emittedAt[q]),
        replay_time: formatIsoMicros(at),
      });
    }
  }
  await tick(total, total);
  return key;
}
