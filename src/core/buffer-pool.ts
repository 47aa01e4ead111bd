/**
 * Buffers handed out again instead of allocated afresh. Row groups cross to encoder threads as
 * copies, and the threads hand the buffers back when they are done with them: memory written
 * for the first time costs far more than memory written again (page faults; on the project's VM
 * 1–3 ms per MB, against tens of GB/s for warm memory), and a large run copies hundreds of MB.
 *
 * A buffer taken is at least the size asked for (sizes are rounded up to a 64 KiB step, so the
 * varying string bytes of successive row groups fit the buffers of earlier ones); the pool keeps
 * at most `maxBytes` of free buffers and lets the oldest go beyond that. Buffers under 256 KiB
 * are neither pooled nor rounded (detached ones, of length 0, among them).
 */
import type { Alloc } from './table/column';

/** Sizes are rounded up to this step. */
const STEP = 1 << 16;
/** Smaller buffers are plain new ones of their own size: cheap to make, and many (a landing zone's small files). */
const SMALLEST = 1 << 18;
/** A free buffer is reused for a request down to this share of its size (no 64 MB buffer for a 1 KB column). */
const MIN_FILL = 0.5;

export class BufferPool {
  private readonly free: ArrayBuffer[] = [];
  private freeBytes = 0;
  private readonly mine = new WeakSet<ArrayBuffer>();
  /** Buffers made and handed out again (pooled sizes only). */
  made = 0;
  reused = 0;

  constructor(private readonly maxBytes: number) {}

  /** A buffer of at least `bytes`: the smallest free one that fits, else a new one. */
  readonly take: Alloc = (bytes) => {
    if (bytes < SMALLEST) return new ArrayBuffer(bytes);
    let best = -1;
    for (let i = 0; i < this.free.length; i++) {
      const size = this.free[i].byteLength;
      if (size >= bytes && size * MIN_FILL <= bytes + STEP && (best < 0 || size < this.free[best].byteLength)) best = i;
    }
    if (best >= 0) {
      const [b] = this.free.splice(best, 1);
      this.freeBytes -= b.byteLength;
      this.reused++;
      return b;
    }
    const b = new ArrayBuffer(Math.ceil(bytes / STEP) * STEP);
    this.mine.add(b);
    this.made++;
    return b;
  };

  /** Whether the pool made or was given `b` (views on it belong to whoever took it, whatever their extent). */
  owns(b: ArrayBufferLike): boolean {
    return this.mine.has(b as ArrayBuffer);
  }

  /** Buffers nobody uses any more (detached ones are passed over), for later `take`s. */
  give(buffers: readonly ArrayBuffer[]): void {
    for (const b of buffers) {
      if (b.byteLength < SMALLEST || this.free.includes(b)) continue;
      this.mine.add(b);
      this.free.push(b);
      this.freeBytes += b.byteLength;
    }
    while (this.freeBytes > this.maxBytes) this.freeBytes -= this.free.shift()!.byteLength;
  }

  /** Bytes held free. */
  get held(): number {
    return this.freeBytes;
  }
}
