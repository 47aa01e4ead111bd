// The answer key, the stats and the charts, checked against the stream as a consumer reads it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableRows } from '../../table/column';
import { MAX_BUCKETS, MAX_POINTS } from './stream-emit.charts';
import { emit, genCase, micros, parseStream, type Envelope } from './stream-emit.test-utils';

type KeyRow = { kind: string; table: string; key: string; time: number | null; details: string };

const RUNS = { numRuns: 40 };

describe('answer key', () => {
  it('lists every out-of-order event with its canonical and actual positions, every replay (which id, when) and each burst window', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, async ({ tables, config }) => {
        const { result, config: c } = await emit(config, tables);
        const events = parseStream(result);
        const rows = tableRows(result.answerKey.finish()) as unknown as KeyRow[];
        const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => ({ ...r, d: JSON.parse(r.details) as Record<string, unknown> }));
        expect(new Set(rows.map((r) => r.kind)).size).toBeLessThanOrEqual(3);

        const windows = of('burst_window');
        expect(windows.length).toBe(c.burstWindows.length);
        const startUs = Date.parse(c.streamStart) * 1000;
        windows.forEach((w, i) => {
          const b = c.burstWindows[i];
          expect(w.time).toBe(startUs + Math.round(b.startOffsetSeconds * 1e6));
          const from = w.time!;
          const to = startUs + Math.round((b.startOffsetSeconds + b.durationSeconds) * 1e6);
          expect(w.d.events).toBe(events.filter((e) => !e._replay && micros(e.emitted_at) >= from && micros(e.emitted_at) < to).length);
        });

        const primaries = events.filter((e) => !e._replay);
        const ooo = of('out_of_order');
        expect(ooo.length).toBe(result.stats.out_of_order_count);
        for (const r of ooo) {
          const actual = r.d.actual_position as number;
          const e = primaries[actual];
          expect(e.id).toBe(r.key);
          expect(e.data._spindle_table).toBe(r.table);
          expect(events[r.d.stream_position as number]).toBe(e);
          expect(micros(e.emitted_at)).toBe(r.time);
          expect(r.d.emitted_at).toBe(e.emitted_at);
          expect(actual - (r.d.canonical_position as number)).toBeLessThanOrEqual(c.outOfOrderMaxDelaySlots);
          expect(r.d.delay_slots as number).toBeGreaterThanOrEqual(1);
        }

        const replays = of('replay');
        expect(replays.length).toBe(result.stats.replay_events_sent);
        const sent: Envelope[] = events.filter((e) => e._replay);
        replays.forEach((r, i) => {
          const e = events[r.d.stream_position as number];
          expect(e).toBe(sent[i]);
          expect(e.id).toBe(r.key);
          expect(micros(e._replay_time!)).toBe(r.time);
          expect(r.d.replay_time).toBe(e._replay_time);
          expect(r.d.original_emitted_at).toBe(e.emitted_at);
          expect(events[r.d.original_stream_position as number].id).toBe(r.key);
          expect(events[r.d.original_stream_position as number]._replay).toBeUndefined();
        });
      }),
      RUNS,
    );
  });
});

describe('stats and charts', () => {
  it('count events per topic and kind as the stream holds them; chart data stays bounded and sums to the stream', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, async ({ tables, config }) => {
        const { result } = await emit(config, tables);
        const events = parseStream(result);
        const perTopic = result.stats.events_per_topic as Record<string, { events: number; replays: number; out_of_order: number }>;
        const charts = result.charts!;
        for (const [topic, n] of Object.entries(perTopic)) {
          expect(n.events).toBe(events.filter((e) => e.topic === topic && !e._replay).length);
          expect(n.replays).toBe(events.filter((e) => e.topic === topic && e._replay).length);
          expect(charts.topics.find((t) => t.topic === topic)).toEqual({ topic, events: n.events, replays: n.replays, outOfOrder: n.out_of_order });
        }
        expect(charts.bucketStarts.length).toBeLessThanOrEqual(MAX_BUCKETS);
        const sum = (xs: number[]) => xs.reduce((a, x) => a + x * charts.bucketSeconds, 0);
        expect(sum(charts.rate.normal) + sum(charts.rate.outOfOrder)).toBeCloseTo(result.stats.events_sent as number, 6);
        expect(sum(charts.rate.outOfOrder)).toBeCloseTo(result.stats.out_of_order_count as number, 6);
        expect(sum(charts.rate.replay)).toBeCloseTo(result.stats.replay_events_sent as number, 6);
        const kinds = (k: string) => charts.timeline.filter((p) => p.kind === k).length;
        expect(kinds('normal')).toBe(Math.min(MAX_POINTS.normal, (result.stats.events_sent as number) - (result.stats.out_of_order_count as number)));
        expect(kinds('out_of_order')).toBe(Math.min(MAX_POINTS.outOfOrder, result.stats.out_of_order_count as number));
        expect(kinds('replay')).toBe(Math.min(MAX_POINTS.replay, result.stats.replay_events_sent as number));
        const emittedMs = new Set(events.map((e) => micros(e._replay ? e._replay_time! : e.emitted_at) / 1000));
        for (const p of charts.timeline) expect(emittedMs.has(p.emittedMs)).toBe(true);
        const untimed = events.filter((e) => !e._replay && tables.find((t) => t.table.name === e.data._spindle_table)!.times[e.data._spindle_seq] === null);
        expect(result.stats.untimed_events).toBe(untimed.length);
      }),
      RUNS,
    );
  });

  it('a large stream keeps its chart data small', async () => {
    const { result } = await emit({ ratePerSec: 1000, outOfOrderProbability: 0.3, replayEnabled: true, replayProbability: 0.5, maxEvents: 5000 }, []);
    expect(result.stats.events_sent).toBe(1447);
    expect(JSON.stringify(result.charts).length).toBeLessThan(150_000);
    expect(result.charts!.timeline.length).toBe(MAX_POINTS.normal + MAX_POINTS.outOfOrder + MAX_POINTS.replay);
  });
});
