import { describe, expect, it } from 'vitest';
import { WorkerPool, type PoolPort, type PoolRequest, type PoolResponse } from './pool';

/** A thread the test drives by hand: it keeps what it was posted and answers when told. */
class FakeThread implements PoolPort<number, number> {
  readonly posted: PoolRequest<number>[] = [];
  private onMessage: (m: PoolResponse<number>) => void = () => {};
  private onCrash: (e: Error) => void = () => {};
  terminated = false;

  post(message: PoolRequest<number>): void {
    this.posted.push(message);
  }
  listen(onMessage: (m: PoolResponse<number>) => void, onCrash: (e: Error) => void): void {
    this.onMessage = onMessage;
    this.onCrash = onCrash;
  }
  terminate(): void {
    this.terminated = true;
  }
  /** Answer the oldest task not yet answered with twice its input. */
  finish(): void {
    const req = this.posted.shift()!;
    this.onMessage({ id: req.id, ok: true, result: req.task * 2 });
  }
  crash(): void {
    this.onCrash(new Error('the thread crashed'));
  }
  /** Inputs of the tasks it holds. */
  get tasks(): number[] {
    return this.posted.map((p) => p.task);
  }
}

/** A pool of fake threads; a task's input is its cost. */
function pool(size: number) {
  const threads: FakeThread[] = [];
  const p = new WorkerPool<number, number>({
    size,
    createPort: () => {
      const t = new FakeThread();
      threads.push(t);
      return t;
    },
    runHere: (x) => x * 2,
    costOf: (x) => x,
  });
  return { p, threads };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('WorkerPool', () => {
  it('runs in this thread when it has one thread', async () => {
    const { p, threads } = pool(1);
    expect(await p.run(21)).toBe(42);
    expect(threads).toHaveLength(0);
  });

  it('gives a task to an idle thread first, then to the one with the least work outstanding', async () => {
    const { p, threads } = pool(2);
    const results = [p.run(100), p.run(1), p.run(100), p.run(5)];
    await settle();
    const [a, b] = threads;
    // 100 → a (new), 1 → b (new), 100 → b (outstanding 1 < 100), 5 → a (b holds two already)
    expect(a.tasks).toEqual([100, 5]);
    expect(b.tasks).toEqual([1, 100]);
    a.finish();
    a.finish();
    b.finish();
    b.finish();
    expect(await Promise.all(results)).toEqual([200, 2, 200, 10]);
  });

  it('does not queue a large task behind another large one while a thread holds only small work', async () => {
    const { p, threads } = pool(2);
    const big = p.run(1000);
    const small = p.run(3);
    await settle();
    const next = p.run(1000);
    await settle();
    const [a, b] = threads;
    expect(a.tasks).toEqual([1000]);
    expect(b.tasks).toEqual([3, 1000]);
    b.finish();
    b.finish();
    a.finish();
    expect(await Promise.all([big, small, next])).toEqual([2000, 6, 2000]);
  });

  it('fails the tasks of a thread that crashes and carries on with the others', async () => {
    const { p, threads } = pool(2);
    const first = p.run(1);
    const second = p.run(2);
    await settle();
    const [a, b] = threads;
    a.crash();
    await expect(first).rejects.toThrow('the thread crashed');
    expect(a.terminated).toBe(true);
    const third = p.run(3);
    await settle();
    b.finish();
    // the crashed thread is replaced when work arrives
    const c = threads[2];
    expect(c.tasks).toEqual([3]);
    c.finish();
    expect(await Promise.all([second, third])).toEqual([4, 6]);
  });

  it('refuses work once closed, and fails what was waiting', async () => {
    const { p, threads } = pool(2);
    const held = [p.run(1), p.run(2), p.run(3), p.run(4), p.run(5)];
    for (const h of held) h.catch(() => {});
    await settle();
    expect(threads.reduce((n, t) => n + t.tasks.length, 0)).toBe(4);
    p.close();
    await expect(held[4]).rejects.toThrow('the worker pool is closed');
    await expect(p.run(6)).rejects.toThrow('the worker pool is closed');
  });
});
