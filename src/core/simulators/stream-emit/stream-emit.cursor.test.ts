// Incremental production and determinism: any batch size gives the same bytes as all at once,
// the topic files and the file sink agree, real time changes when events go, never what they are,
// and ids depend on (run, table, row) alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatChunks } from '../../output/files';
import { fileBytes } from '../../output/tree';
import { makeContext } from '../../simulator';
import { splitByTopic, type StreamBatch } from '../../streaming/batch';
import { playStream, type WallClock } from '../../streaming/play';
import { MemoryTarget, TopicFileSink } from '../../streaming/sink';
import { allAtOnce, StreamCursor } from './stream-emit.cursor';
import { envelopeIds } from './stream-emit.envelope';
import { runStreamEmit } from './stream-emit';
import { streamEmitConfig } from './stream-emit.config';
import { emit, genCase, inputsOf, parseStream } from './stream-emit.test-utils';

const RUNS = { numRuns: 40 };

/** Bytes as text: a fast comparison with a readable diff (toEqual on typed arrays is slow). */
const decoder = new TextDecoder();
const text = (b: Uint8Array | undefined) => (b === undefined ? '' : decoder.decode(b));

function drain(cursor: StreamCursor, size: number): StreamBatch[] {
  const out: StreamBatch[] = [];
  for (let b = cursor.nextBatch(size); b; b = cursor.nextBatch(size)) out.push(b);
  return out;
}

/** A wall clock that only moves when slept on, recording every sleep. */
class FakeClock implements WallClock {
  t = 1_000;
  sleeps: number[] = [];
  now() {
    return this.t;
  }
  sleep(ms: number) {
    this.sleeps.push(ms);
    this.t += ms;
    return Promise.resolve();
  }
}

describe('incremental production', () => {
  it('any batch size gives the same bytes, metadata and stream positions as all at once', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, fc.constantFrom(1, 2, 3, 7, 64), async ({ tables, config }, size) => {
        const { result } = await emit(config, tables);
        const whole = allAtOnce(result.plan);
        const parts = drain(new StreamCursor(result.plan), size);
        expect(parts.every((b) => b.count <= size && b.count > 0)).toBe(true);
        if (!whole) {
          expect(parts).toEqual([]);
          return;
        }
        expect(text(concatChunks(parts.map((b) => b.bytes)))).toBe(text(whole.bytes));
        expect(parts.flatMap((b) => Array.from(b.seq))).toEqual(Array.from({ length: whole.count }, (_, i) => i));
        for (const key of ['at', 'eventTime', 'topic', 'kind'] as const) expect(parts.flatMap((b) => Array.from(b[key]))).toEqual(Array.from(whole[key]));
        const ends = parts.flatMap((b, i) => {
          const base = parts.slice(0, i).reduce((a, p) => a + p.bytes.length, 0);
          return Array.from(b.ends, (e) => e + base);
        });
        expect(ends).toEqual(Array.from(whole.ends));
      }),
      RUNS,
    );
  });

  it('the topic files of the tree and the file sink fed batch by batch hold the same bytes as the stream split by topic', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, fc.constantFrom(1, 5, 100), async ({ tables, config }, size) => {
        const { result } = await emit(config, tables);
        const whole = allAtOnce(result.plan);
        const byTopic = whole ? splitByTopic(whole) : new Map<number, Uint8Array>();
        const files = result.files ?? [];
        expect(files.map((f) => f.path)).toEqual([...byTopic.keys()].sort((a, b) => a - b).map((t) => `topics/${result.plan.source.topicFiles[t]}.jsonl`));
        const target = new MemoryTarget();
        const sink = new TopicFileSink(target, 'topics', result.plan.source.topicFiles);
        await playStream(new StreamCursor(result.plan), sink, { batchSize: size });
        for (const [t, bytes] of byTopic) {
          const f = files.find((x) => x.path === sink.pathOf(t))!;
          expect(text(await fileBytes(f))).toBe(text(bytes));
          expect(text(target.file(sink.pathOf(t)))).toBe(text(bytes));
        }
      }),
      RUNS,
    );
  });
});

describe('determinism', () => {
  it('the same seed and config give the same stream; realtime and the sink settings change neither bytes nor correlation id', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, async ({ tables, config }) => {
        const a = await emit(config, tables);
        const b = await emit({ ...config, realtime: true, realtimeSpeed: 50, sinkType: 'HTTP', sinkConnection: { url: 'https://example.test/in', batchSize: 7 } }, tables);
        expect(b.config.sinkType).toBe('http');
        expect(text(allAtOnce(b.result.plan)?.bytes)).toBe(text(allAtOnce(a.result.plan)?.bytes));
        expect(b.result.stats).toEqual(a.result.stats);
        const c = await emit({ ...config, seed: (config.seed ?? 0) + 1 }, tables);
        if (parseStream(a.result).length) expect(c.result.stats.correlation_id).not.toBe(a.result.stats.correlation_id);
      }),
      RUNS,
    );
  });

  it('played in real time (a driven clock), the sink receives the same bytes, and no event is handed over before its due time', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, fc.constantFrom(0.5, 1, 1000), async ({ tables, config }, speed) => {
        const { result } = await emit(config, tables);
        const fast = new MemoryTarget();
        const paced = new MemoryTarget();
        const files = result.plan.source.topicFiles;
        await playStream(new StreamCursor(result.plan), new TopicFileSink(fast, 't', files), { batchSize: 16 });
        const clock = new FakeClock();
        const origin = clock.now();
        const startUs = result.plan.startUs;
        let late = 0;
        const sink = new TopicFileSink(paced, 't', files);
        const write = sink.write.bind(sink);
        sink.write = async (batch) => {
          for (let i = 0; i < batch.count; i++) {
            const due = origin + (batch.at[i] - startUs) / 1000 / speed;
            expect(clock.now()).toBeGreaterThanOrEqual(due - 1e-6);
            late = Math.max(late, clock.now() - due);
          }
          return write(batch);
        };
        const n = await playStream(new StreamCursor(result.plan), sink, { batchSize: 16, realtime: { speed, startUs, clock } });
        expect(n).toBe(result.plan.totalEvents);
        expect([...paced.chunks.keys()]).toEqual([...fast.chunks.keys()]);
        for (const path of fast.chunks.keys()) expect(text(paced.file(path))).toBe(text(fast.file(path)));
        // a driven clock only moves by sleeps: nothing is handed over late either
        expect(late).toBeLessThan(1e-6);
      }),
      RUNS,
    );
  });

  it('ids are a function of (correlation id, table, row): moved and replayed rows keep them, and a composed run with the same correlation id gives every row the same id', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, async ({ tables, config }) => {
        const run = async (extra: Record<string, unknown>) => {
          const parsed = streamEmitConfig.parse({ ...config, ...extra });
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
          const ctx = makeContext(parsed.value.seed, {}, inputsOf(tables));
          return runStreamEmit(parsed.value, ctx, { correlationId: '00000000-1111-4222-8333-444444444444' });
        };
        const plain = parseStream(await run({ outOfOrderProbability: 0, replayEnabled: false }));
        const shuffled = parseStream(await run({ outOfOrderProbability: 1, replayEnabled: true, replayProbability: 1 }));
        const idOf = new Map(plain.map((e) => [`${e.data._spindle_table}#${e.data._spindle_seq}`, e.id]));
        for (const e of shuffled) {
          expect(e.correlation_id).toBe('00000000-1111-4222-8333-444444444444');
          expect(e.id).toBe(envelopeIds(e.correlation_id, e.data._spindle_table).uuid(e.data._spindle_seq));
          const same = idOf.get(`${e.data._spindle_table}#${e.data._spindle_seq}`);
          if (same !== undefined) expect(e.id).toBe(same);
        }
      }),
      RUNS,
    );
  });
});
