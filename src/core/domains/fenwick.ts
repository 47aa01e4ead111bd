/**
 * A Fenwick (binary indexed) tree over non-negative weights: prefix sums, point updates and
 * "find the element where the running sum passes u" in O(log n). Time-consistent FK draws
 * use it to pick a parent ∝ weight among the parents that exist at the child's time.
 */
export class Fenwick {
  private readonly tree: Float64Array;
  private readonly top: number;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    this.tree = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) this.tree[i + 1] = weights[i];
    for (let i = 1; i <= n; i++) {
      const j = i + (i & -i);
      if (j <= n) this.tree[j] += this.tree[i];
    }
    let top = 1;
    while (top * 2 <= n) top *= 2;
    this.top = n ? top : 0;
  }

  get size(): number {
    return this.tree.length - 1;
  }

  /** Sum of weights [0, k). */
  prefix(k: number): number {
    let s = 0;
    for (let i = k; i > 0; i -= i & -i) s += this.tree[i];
    return s;
  }

  /** Add `delta` to weight i. */
  add(i: number, delta: number): void {
    for (let j = i + 1; j < this.tree.length; j += j & -j) this.tree[j] += delta;
  }

  /** The smallest index i with prefix(i + 1) > u (u in [0, total)). */
  find(u: number): number {
    let pos = 0;
    let rem = u;
    const n = this.size;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = pos + step;
      if (next <= n && this.tree[next] <= rem) {
        pos = next;
        rem -= this.tree[next];
      }
    }
    return pos;
  }
}
