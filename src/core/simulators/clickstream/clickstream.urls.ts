import type { Rng } from '../../rng';

/** `{id}` becomes 1..500 and `{slug}` becomes `post-1`..`post-500` (spec §3 step 6). */
export const PLACEHOLDER_VALUES = 500;
const ID = '{id}';
const SLUG = '{slug}';

/**
 * The page pool as a numbered key space: template t owns keys [base[t], base[t] + size[t]),
 * one per expansion of its placeholders. A page view stores its URL as one integer key, and
 * the page_url and referrer_url columns are dictionary-coded from the keys actually used, so
 * no URL string is built per row (there are ~1,000 distinct URLs for millions of views).
 */
export class PagePool {
  readonly count: number;
  readonly hasId: Uint8Array;
  readonly hasSlug: Uint8Array;
  /** Keys per `{id}` value: 500 when the template also has `{slug}`, else 1. */
  readonly idStride: Int32Array;
  readonly base: Float64Array;
  /** Number of distinct URLs the pool can expand to. */
  readonly keySpace: number;

  constructor(readonly templates: readonly string[]) {
    const n = templates.length;
    this.count = n;
    this.hasId = new Uint8Array(n);
    this.hasSlug = new Uint8Array(n);
    this.idStride = new Int32Array(n);
    this.base = new Float64Array(n + 1);
    for (let t = 0; t < n; t++) {
      // `{id}` is replaced first; digits can neither make nor break a `{slug}`, so both tests read the template
      this.hasId[t] = templates[t].includes(ID) ? 1 : 0;
      this.hasSlug[t] = templates[t].includes(SLUG) ? 1 : 0;
      this.idStride[t] = this.hasSlug[t] ? PLACEHOLDER_VALUES : 1;
      const size = (this.hasId[t] ? PLACEHOLDER_VALUES : 1) * (this.hasSlug[t] ? PLACEHOLDER_VALUES : 1);
      this.base[t + 1] = this.base[t] + size;
    }
    this.keySpace = this.base[n];
  }

  /** One page view's URL key: a uniform template, then `{id}` and `{slug}` values if it has them (the reference's draw order). */
  draw(rng: Rng): number {
    const t = rng.index(this.count);
    let key = this.base[t];
    if (this.hasId[t]) key += rng.index(PLACEHOLDER_VALUES) * this.idStride[t];
    if (this.hasSlug[t]) key += rng.index(PLACEHOLDER_VALUES);
    return key;
  }

  /** The template a key belongs to. */
  templateOf(key: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.base[mid] <= key) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The expanded URL of a key. */
  text(key: number): string {
    const t = this.templateOf(key);
    const r = key - this.base[t];
    let url = this.templates[t];
    if (this.hasId[t]) url = url.split(ID).join(String(Math.floor(r / this.idStride[t]) + 1));
    if (this.hasSlug[t]) url = url.split(SLUG).join(`post-${(r % PLACEHOLDER_VALUES) + 1}`);
    return url;
  }
}

/**
 * Dictionary-code URL keys: the dictionary holds every key in `keys` (ascending, so URLs of
 * one template stay together) followed by the `labels` (referrer sources, which are the first
 * view's referrer_url). Returns the dictionary, the code of each key (in `codes`, which may be
 * `keys` itself: a run's tens of millions of views need not hold both) and of each label.
 */
export function encodeUrls(pool: PagePool, keys: Int32Array, labels: readonly string[], codes: Int32Array = new Int32Array(keys.length)): { dict: string[]; codes: Int32Array; labelCodes: Int32Array } {
  const n = keys.length;
  const dict: string[] = [];
  if (pool.keySpace <= 1 << 22) {
    // dense: a lookup table over the whole key space
    const table = new Int32Array(pool.keySpace);
    for (let i = 0; i < n; i++) table[keys[i]] = 1;
    for (let k = 0; k < pool.keySpace; k++) {
      if (table[k] === 0) continue;
      table[k] = dict.length;
      dict.push(pool.text(k));
    }
    for (let i = 0; i < n; i++) codes[i] = table[keys[i]];
  } else {
    // sparse (templates with both placeholders in a large pool): only the keys that occur
    const used = [...new Set(keys)].sort((a, b) => a - b);
    const map = new Map<number, number>();
    for (const k of used) {
      map.set(k, dict.length);
      dict.push(pool.text(k));
    }
    for (let i = 0; i < n; i++) codes[i] = map.get(keys[i])!;
  }
  const labelCodes = Int32Array.from(labels, (_, i) => dict.length + i);
  dict.push(...labels);
  return { dict, codes, labelCodes };
}
