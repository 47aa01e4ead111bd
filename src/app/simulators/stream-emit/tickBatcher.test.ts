import { afterEach, describe, expect, it, vi } from 'vitest';
import { tickBatcher, UI_MS } from './tickBatcher';

describe('tickBatcher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies the ticks of each UI_MS at once, in order, and what is held on flush', () => {
    vi.useFakeTimers();
    let clock = 0;
    const applied: number[][] = [];
    const b = tickBatcher<number>((items) => applied.push(items), () => clock);
    // the first tick goes out at once (nothing was applied yet), then one batch per UI_MS
    b.push(1);
    vi.advanceTimersByTime(0);
    expect(applied).toEqual([[1]]);
    for (let i = 2; i <= 6; i++) {
      clock += 50;
      b.push(i);
      vi.advanceTimersByTime(50);
    }
    expect(applied).toEqual([[1], [2, 3, 4, 5]]);
    b.push(7);
    b.flush();
    expect(applied).toEqual([[1], [2, 3, 4, 5], [6, 7]]);
    // nothing held: no empty apply, and no timer left behind
    b.flush();
    vi.advanceTimersByTime(UI_MS * 4);
    expect(applied).toHaveLength(3);
  });
});
