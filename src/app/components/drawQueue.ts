import { useEffect, useRef, useState } from 'react';

/**
 * Charts (and table previews) are drawn one at a time, a frame apart: a page of results mounts
 * six or eight charts at once, and drawing them all in one task froze the page for over half a
 * second (workflow, 1 M entities). Each drawing waits for its turn, draws, and hands the turn on
 * after the browser has painted, so no single task holds more than one drawing.
 */
export interface Turn {
  /** Give the turn back (or the place in the line, if the turn has not come): the next one goes. */
  done(): void;
}

/** A line of waiters, one holding the turn at a time. */
export class TurnQueue {
  private readonly waiting: (() => void)[] = [];
  private busy = false;

  /** Queue `go`, called when its turn comes: never in the caller's task, so what mounted it paints first. */
  take(go: () => void): Turn {
    let state: 'waiting' | 'holding' | 'done' = 'waiting';
    const start = () => {
      state = 'holding';
      go();
    };
    this.waiting.push(start);
    if (!this.busy) {
      this.busy = true;
      this.release();
    }
    return {
      done: () => {
        if (state === 'done') return;
        if (state === 'waiting') this.waiting.splice(this.waiting.indexOf(start), 1);
        else this.release();
        state = 'done';
      },
    };
  }

  private next(): void {
    const start = this.waiting.shift();
    this.busy = start !== undefined;
    start?.();
  }

  /** The next waiter starts after the browser has had a frame to paint (the holder is done, or the line was empty). */
  private release(): void {
    const later = () => setTimeout(() => this.next(), 0);
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(later);
    else later();
  }
}

const drawings = new TurnQueue();

/** False until it is this drawing's turn, then true for good; the turn is handed on once it has drawn (or unmounted). */
export function useDrawTurn(): boolean {
  const [ready, setReady] = useState(false);
  const turn = useRef<Turn | null>(null);
  useEffect(() => {
    const t = drawings.take(() => setReady(true));
    turn.current = t;
    return () => t.done();
  }, []);
  useEffect(() => {
    // drawn (this effect runs after the commit that drew it): hand the turn on
    if (ready) turn.current?.done();
  }, [ready]);
  return ready;
}
