import { describe, expect, it, vi } from 'vitest';
import { TurnQueue } from './drawQueue';

describe('TurnQueue (charts draw one at a time)', () => {
  it('gives the turn to one waiter at a time, in order, each after the one before is done', async () => {
    vi.useFakeTimers();
    try {
      const q = new TurnQueue();
      const started: number[] = [];
      const turns = [0, 1, 2].map((i) => q.take(() => started.push(i)));
      expect(started).toEqual([]); // not in the task that queued it: what mounted it paints first
      await vi.runAllTimersAsync();
      expect(started).toEqual([0]);
      turns[0].done();
      expect(started).toEqual([0]); // not in the same task: the browser paints first
      await vi.runAllTimersAsync();
      expect(started).toEqual([0, 1]);
      turns[1].done();
      turns[1].done(); // twice is once
      await vi.runAllTimersAsync();
      expect(started).toEqual([0, 1, 2]);
      turns[2].done();
      await vi.runAllTimersAsync();
      const late: number[] = [];
      q.take(() => late.push(3));
      await vi.runAllTimersAsync();
      expect(late).toEqual([3]); // nobody held it: its turn came on the next frame
    } finally {
      vi.useRealTimers();
    }
  });

  it('a waiter that leaves before its turn is skipped, and a holder that leaves hands the turn on', async () => {
    vi.useFakeTimers();
    try {
      const q = new TurnQueue();
      const started: string[] = [];
      const a = q.take(() => started.push('a'));
      const b = q.take(() => started.push('b'));
      q.take(() => started.push('c'));
      await vi.runAllTimersAsync();
      b.done();
      a.done();
      await vi.runAllTimersAsync();
      expect(started).toEqual(['a', 'c']);
    } finally {
      vi.useRealTimers();
    }
  });
});
