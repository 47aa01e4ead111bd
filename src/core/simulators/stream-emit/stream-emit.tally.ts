/**
 * Counts over a plan, without writing an envelope: per topic, per kind, and where each event
 * sits in the whole stream. Stats, charts and the answer key all read these.
 */
import { lowerBound } from '../../sort';
import type { StreamPlan } from './stream-emit.plan';

export interface Tally {
  /** Primary events per topic (topic order). */
  readonly events: Float64Array;
  readonly replays: Float64Array;
  readonly outOfOrder: Float64Array;
  /** Primary events sent whose row has no event time (their `time` is their `emitted_at`). */
  readonly untimed: number;
  /** Simulated time of the last event sent (the start when there is none). */
  readonly lastAtUs: number;
}

/**
 * Visit every event in emission order: each primary event (send position k, at its
 * `emitted_at`), then the replay burst that follows it (the replayed send positions, at the
 * same time). The cursor walks the same order incrementally. `from`/`to` bound the primaries
 * visited (with their bursts), so long walks can pause between chunks.
 */
export function forEachEvent(plan: StreamPlan, visit: (pos: number, atUs: number, replay: boolean) => void, from = 0, to = plan.rows.length): void {
  const { emittedAt, after, first, count } = plan.schedule;
  let j = lowerBound(after, from);
  for (let k = from; k < to; k++) {
    visit(k, emittedAt[k], false);
    for (; j < after.length && after[j] === k; j++) {
      for (let q = first[j]; q < first[j] + count[j]; q++) visit(q, emittedAt[k], true);
    }
  }
}

/** Primary events per chunk of a long walk: a checkpoint (progress, cancel) between chunks. */
export const WALK_CHUNK = 65_536;

/** {@link forEachEvent} in chunks of primaries, awaiting `tick(done, total)` between them. */
export async function walkEvents(plan: StreamPlan, visit: (pos: number, atUs: number, replay: boolean) => void, tick: (done: number, total: number) => Promise<void>): Promise<void> {
  const n = plan.rows.length;
  for (let from = 0; from < n; from += WALK_CHUNK) {
    forEachEvent(plan, visit, from, Math.min(n, from + WALK_CHUNK));
    await tick(Math.min(n, from + WALK_CHUNK), n);
  }
}

export function tally(plan: StreamPlan): Tally {
  const { source, rows, outOfOrder, schedule } = plan;
  const nt = source.topics.length;
  const events = new Float64Array(nt);
  const replays = new Float64Array(nt);
  const ooo = new Float64Array(nt);
  const topicOfRow = (g: number) => source.tables[source.tableOf[g]].topic;
  let untimed = 0;
  for (let s = 0; s < rows.length; s++) {
    const g = rows[s];
    const t = topicOfRow(g);
    events[t]++;
    if (outOfOrder[s]) ooo[t]++;
    if (source.eventTime[g] !== source.eventTime[g]) untimed++;
  }
  for (let j = 0; j < schedule.after.length; j++) {
    for (let q = schedule.first[j]; q < schedule.first[j] + schedule.count[j]; q++) replays[topicOfRow(rows[q])]++;
  }
  const n = rows.length;
  return { events, replays, outOfOrder: ooo, untimed, lastAtUs: n ? schedule.emittedAt[n - 1] : plan.startUs };
}

/** Position in the whole stream (replays included) of primary send position k: k plus the replays sent before it. */
export function streamPositions(plan: StreamPlan): { primary: (k: number) => number; burstStart: Float64Array } {
  const { after, count } = plan.schedule;
  // burst j starts right after its primary: after[j] + 1 + replays of the bursts before it
  const burstStart = new Float64Array(after.length);
  let before = 0;
  for (let j = 0; j < after.length; j++) {
    burstStart[j] = after[j] + 1 + before;
    before += count[j];
  }
  const primary = (k: number) => {
    // replays of the bursts after primaries < k
    const lo = lowerBound(after, k);
    return k + (lo === 0 ? 0 : burstStart[lo - 1] - after[lo - 1] - 1 + count[lo - 1]);
  };
  return { primary, burstStart };
}
