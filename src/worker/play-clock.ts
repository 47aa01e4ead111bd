/**
 * The clock a played stream runs on: simulated milliseconds that advance at `speed` × wall time
 * and stand still while paused. The player computes due times once from its start, so pausing
 * or changing the speed re-bases this clock instead of the due times, and nothing drifts.
 */
import type { WallClock } from '../core/streaming/play';

export class PlayClock implements WallClock {
  /** Play time accumulated before `base` (ms of simulated time). */
  private acc = 0;
  private base: number;
  private paused = false;
  private stopped = false;
  private wakers = new Set<() => void>();

  constructor(
    private speedValue: number,
    private readonly wall: WallClock,
  ) {
    this.base = wall.now();
  }

  get speed(): number {
    return this.speedValue;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  now(): number {
    return this.paused ? this.acc : this.acc + (this.wall.now() - this.base) * this.speedValue;
  }

  /**
   * Sleep until `ms` of play time have passed: through pauses and speed changes (the remaining
   * wait is recomputed at each), or until {@link stop}.
   */
  async sleep(ms: number): Promise<void> {
    const target = this.now() + ms;
    while (!this.stopped) {
      const left = target - this.now();
      if (left <= 0) return;
      await (this.paused ? this.untilWoken() : Promise.race([this.wall.sleep(left / this.speedValue), this.untilWoken()]));
    }
  }

  /** End every sleep now (the player stops at its next write). */
  stop(): void {
    this.stopped = true;
    this.wake();
  }

  setSpeed(speed: number): void {
    this.acc = this.now();
    this.base = this.wall.now();
    this.speedValue = speed;
    this.wake();
  }

  pause(): void {
    if (this.paused) return;
    this.acc = this.now();
    this.paused = true;
  }

  resume(): void {
    if (!this.paused) return;
    this.base = this.wall.now();
    this.paused = false;
    this.wake();
  }

  /** Resolves the next time the clock is resumed or re-based. */
  untilWoken(): Promise<void> {
    return new Promise((resolve) => this.wakers.add(resolve));
  }

  private wake(): void {
    const list = [...this.wakers];
    this.wakers.clear();
    for (const w of list) w();
  }
}
