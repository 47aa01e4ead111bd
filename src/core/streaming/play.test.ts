// The player and the batch helpers on a hand-made source: real-time due times, progress,
// stopping, and the sink always closed.
import { describe, expect, it } from 'vitest';
import { EventKind, lineAt, sliceBatch, splitByTopic, type BatchSource, type StreamBatch } from './batch';
import { playStream, type WallClock } from './play';
import { MemoryTarget, TopicFileSink, type StreamSink } from './sink';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A source of `n` one-line events, event i at simulated time 1e6·i µs (one per second), topics alternating. */
function source(n: number): BatchSource {
  let next = 0;
  return {
    nextBatch(max) {
      if (next >= n) return null;
      const count = Math.min(max, n - next);
      const lines = Array.from({ length: count }, (_, i) => `{"n":${next + i}}\n`);
      const ends = new Int32Array(count);
      let o = 0;
      lines.forEach((l, i) => (ends[i] = o += l.length));
      const b: StreamBatch = {
        topics: ['a', 'b'],
        count,
        bytes: encoder.encode(lines.join('')),
        ends,
        seq: Float64Array.from(lines, (_, i) => next + i),
        at: Float64Array.from(lines, (_, i) => (next + i) * 1e6),
        eventTime: Float64Array.from(lines, (_, i) => (next + i) * 1e6),
        topic: Uint16Array.from(lines, (_, i) => (next + i) % 2),
        kind: new Uint8Array(count).fill(EventKind.normal),
      };
      next += count;
      return b;
    },
  };
}

class Recorder implements StreamSink {
  writes: { at: number; lines: string[] }[] = [];
  closed = 0;
  constructor(private readonly clock?: WallClock) {}
  write(b: StreamBatch) {
    this.writes.push({ at: this.clock?.now() ?? 0, lines: Array.from({ length: b.count }, (_, i) => decoder.decode(lineAt(b, i))) });
    return Promise.resolve();
  }
  close() {
    this.closed++;
    return Promise.resolve();
  }
}

describe('batch helpers', () => {
  it('slice and split by topic without losing or reordering a line', () => {
    const b = source(7).nextBatch(7)!;
    const s = sliceBatch(b, 2, 5);
    expect(Array.from({ length: s.count }, (_, i) => decoder.decode(lineAt(s, i)))).toEqual(['{"n":2}\n', '{"n":3}\n', '{"n":4}\n']);
    expect(Array.from(s.seq)).toEqual([2, 3, 4]);
    const parts = splitByTopic(b);
    expect(decoder.decode(parts.get(0))).toBe('{"n":0}\n{"n":2}\n{"n":4}\n{"n":6}\n');
    expect(decoder.decode(parts.get(1))).toBe('{"n":1}\n{"n":3}\n{"n":5}\n');
    expect(sliceBatch(b, 3, 3).count).toBe(0);
  });
});

describe('playStream', () => {
  it('as fast as possible: every event once, in order, then the sink is closed', async () => {
    const sink = new Recorder();
    const seen: number[] = [];
    expect(await playStream(source(10), sink, { batchSize: 3, onProgress: (d) => void seen.push(d) })).toBe(10);
    expect(sink.writes.flatMap((w) => w.lines)).toEqual(Array.from({ length: 10 }, (_, i) => `{"n":${i}}\n`));
    expect(seen).toEqual([3, 6, 9, 10]);
    expect(sink.closed).toBe(1);
  });

  it('in real time at ×2, hands each event over at (t − start) / 2 after the start, on a driven clock', async () => {
    let t = 500;
    const clock: WallClock = { now: () => t, sleep: (ms) => Promise.resolve(void (t += ms)) };
    const sink = new Recorder(clock);
    await playStream(source(6), sink, { batchSize: 4, realtime: { speed: 2, startUs: 0, clock } });
    expect(sink.writes.map((w) => [w.at, w.lines.length])).toEqual([0, 500, 1000, 1500, 2000, 2500].map((ms) => [500 + ms, 1]));
  });

  it('a slow clock gathers the events already due into one write', async () => {
    let t = 0;
    // each sleep overshoots by 2.5 s of wall time: the next events are already due
    const clock: WallClock = { now: () => t, sleep: (ms) => Promise.resolve(void (t += ms + 2500)) };
    const sink = new Recorder(clock);
    await playStream(source(8), sink, { batchSize: 8, realtime: { speed: 1, startUs: 0, clock } });
    expect(sink.writes.map((w) => w.lines.length)).toEqual([1, 3, 3, 1]);
  });

  it('stops when beforeWrite throws, and still closes the sink', async () => {
    const sink = new Recorder();
    let n = 0;
    const stop = () => {
      if (++n === 3) throw new Error('stopped');
    };
    await expect(playStream(source(10), sink, { batchSize: 2, beforeWrite: stop })).rejects.toThrow('stopped');
    expect(sink.writes.length).toBe(2);
    expect(sink.closed).toBe(1);
  });

  it('the file sink appends each topic to its own file', async () => {
    const target = new MemoryTarget();
    await playStream(source(5), new TopicFileSink(target, 'topics', ['a', 'b']), { batchSize: 2 });
    expect(decoder.decode(target.file('topics/a.jsonl'))).toBe('{"n":0}\n{"n":2}\n{"n":4}\n');
    expect(decoder.decode(target.file('topics/b.jsonl'))).toBe('{"n":1}\n{"n":3}\n');
  });
});
