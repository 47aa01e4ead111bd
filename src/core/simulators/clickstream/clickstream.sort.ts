import { TAB_SCRATCH_BYTES } from '../../simulator';
import { gather, identity, radixSortBy, radixSortByLean } from '../../sort';
import type { Drawn, Generated } from './clickstream.generate';

/** A stretch of the arrangement done, in a phase of its own: `done` of `total` (views placed, then the sort's one step). */
export type ArrangeStep = (phase: string, done: number, total: number) => Promise<void>;

/** The arrangement's phases, in the user's words. */
export const ORDERING = 'Ordering sessions and page views';
export const SORTING = 'Sorting page views by time';

/** Views placed between two {@link ArrangeStep}s while the views are permuted by cycles. */
const PERMUTE_STEP = 1 << 21;

/**
 * Put sessions in session order, by (started_at, generation index) (D10), and their views
 * session-major in that order. Rows that are close in time are then close in memory, so
 * building the time-sorted page_views table reads a sliding window instead of the whole heap.
 * Returns the arranged draws and the page_views row order, by (timestamp, session position,
 * page index).
 *
 * Consumes `gen`: each of its view columns is emptied once arranged, so a large run holds at most
 * one column twice (a million users draw 32 M views: 14 bytes each as drawn). `step` follows
 * every stretch of the work: about 2 M views placed ({@link ORDERING}), then the sort by time
 * ({@link SORTING}).
 */
export async function arrangeBySessionStart(gen: Drawn, scratchBytes = TAB_SCRATCH_BYTES, step: ArrangeStep = async () => {}): Promise<{ gen: Generated; viewOrder: Int32Array }> {
  const n = gen.userIndex.length;
  const views = gen.viewCs.length;
  await step(ORDERING, 0, views);
  const order = radixSortBy(identity(n), gen.startMs, true);
  const arranged = await arrangeViews(gen, order, scratchBytes, (done) => step(ORDERING, done, views));
  const { free, ...placed } = arranged;
  const sessions: Generated = {
    startUs: gen.startUs,
    nHuman: gen.nHuman,
    nBot: gen.nBot,
    isBot: gather(gen.isBot, order, new Uint8Array(n)),
    userIndex: gather(gen.userIndex, order, new Int32Array(n)),
    ordinal: gather(gen.ordinal, order, new Int32Array(n)),
    startMs: gather(gen.startMs, order, new Float64Array(n)),
    bounce: gather(gen.bounce, order, new Uint8Array(n)),
    device: gather(gen.device, order, new Int32Array(n)),
    referrer: gather(gen.referrer, order, new Int32Array(n)),
    agent: gather(gen.agent, order, new Int32Array(n)),
    durationCs: gather(gen.durationCs, order, new Int32Array(n)),
    funnelDrawn: gather(gen.funnelDrawn, order, new Int32Array(n)),
    ...placed,
  };
  await step(SORTING, 0, 1);
  // the permutation's rows are spent: they become the rows to sort (at a million users, 128 MB
  // a tab would otherwise hold twice until its next collection, at the run's peak); a host with
  // little working memory sorts with one more column instead of three (a tab at a million users:
  // 128 MB at the run's peak instead of 384 MB, for a few seconds more)
  const rows = identity(views, free);
  const viewOrder = views * 12 <= scratchBytes ? radixSortBy(rows, sessions.viewTimeMs, true) : radixSortByLean(rows, sessions.viewTimeMs);
  await step(SORTING, 1, 1);
  return { gen: sessions, viewOrder };
}

/**
 * The views of sessions in `order`, session-major; each of `gen`'s view columns is emptied once
 * gathered. `free` is the permutation's memory, spent (a view count of Int32 to reuse).
 */
async function arrangeViews(
  gen: Drawn,
  order: Int32Array,
  scratchBytes: number,
  step: (done: number) => Promise<void>,
): Promise<Pick<Generated, 'viewStart' | 'viewTimeMs' | 'viewCs' | 'viewUrl' | 'viewSession'> & { free: Int32Array }> {
  const n = order.length;
  const views = gen.viewCs.length;
  const viewStart = new Int32Array(n + 1);
  const viewRows = new Int32Array(views);
  const viewSession = new Int32Array(views);
  let v = 0;
  for (let p = 0; p < n; p++) {
    const g = order[p];
    for (let j = gen.viewStart[g]; j < gen.viewStart[g + 1]; j++) {
      viewSession[v] = p;
      viewRows[v++] = j;
    }
    viewStart[p + 1] = v;
  }
  // the view columns are reordered where they are (a tab frees dropped arrays only at its next
  // collection, so gathering into new ones held both: half a GB more at a million users)
  const { viewTimeMs, viewCs, viewUrl } = gen;
  const steps = permuteViewSteps(viewRows, viewTimeMs, viewCs, viewUrl, Math.floor(scratchBytes / 8));
  for (let r = steps.next(); !r.done; r = steps.next()) await step(r.value);
  const drawn = gen as { -readonly [K in keyof Drawn]: Drawn[K] };
  drawn.viewTimeMs = new Float64Array(0);
  drawn.viewCs = new Uint16Array(0);
  drawn.viewUrl = new Int32Array(0);
  return { viewStart, viewTimeMs, viewCs, viewUrl, viewSession, free: viewRows };
}

/**
 * Up to `scratchMax` views, {@link permuteViews} gathers each column into one scratch column and
 * copies it back (8 bytes a view): reads in runs of a session's views, about 40 ms for 100,000
 * users' 3.5 M views. Above it, it follows the permutation's cycles instead, with no scratch: 5×
 * slower (each step waits on the load before it). The run's host sets the limit
 * (RunContext.scratchBytes): a tab's 64 MB (about 240,000 users) keeps its large runs' margin (a
 * million users' 35 M views would need 280 MB more, and their tab peaks 100 MB under its 2 GB);
 * the CLI's room makes a million users 35 s instead of 46 s.
 */
export const PERMUTE_SCRATCH_MAX_VIEWS = TAB_SCRATCH_BYTES / 8;

/**
 * Reorder the three view columns in place so that row `to` gets what row `rows[to]` held (the
 * same as gathering each by the permutation `rows`).
 */
export function permuteViews(rows: Int32Array, time: Float64Array, cs: Uint16Array, url: Int32Array, scratchMax = PERMUTE_SCRATCH_MAX_VIEWS): void {
  const steps = permuteViewSteps(rows, time, cs, url, scratchMax);
  while (!steps.next().done);
}

/**
 * {@link permuteViews} a stretch at a time: by cycles, it yields the views placed so far after
 * about every `every` of them (a million users' 32 M views take seconds this way in
 * a tab, which must show progress and take a cancel meanwhile).
 */
export function* permuteViewSteps(rows: Int32Array, time: Float64Array, cs: Uint16Array, url: Int32Array, scratchMax: number, every = PERMUTE_STEP): Generator<number, void, void> {
  const n = rows.length;
  if (n <= scratchMax) {
    const scratch = new Float64Array(n);
    time.set(gather(time, rows, scratch));
    cs.set(gather(cs, rows, new Uint16Array(scratch.buffer, 0, n)));
    url.set(gather(url, rows, new Int32Array(scratch.buffer, 0, n)));
    return;
  }
  const done = new Uint8Array((n + 7) >> 3);
  let placed = 0;
  let next = every;
  for (let start = 0; start < n; start++) {
    if (done[start >> 3] & (1 << (start & 7)) || rows[start] === start) continue;
    const t0 = time[start];
    const c0 = cs[start];
    const u0 = url[start];
    let to = start;
    for (;;) {
      done[to >> 3] |= 1 << (to & 7);
      placed++;
      const from = rows[to];
      if (from === start) {
        time[to] = t0;
        cs[to] = c0;
        url[to] = u0;
        break;
      }
      time[to] = time[from];
      cs[to] = cs[from];
      url[to] = url[from];
      to = from;
      // a pause within a cycle is safe: nothing else touches the columns meanwhile
      if (placed >= next) {
        next += every;
        yield placed;
      }
    }
  }
}
