import { gather, identity, radixSortBy } from '../../sort';
import type { Drawn, Generated } from './clickstream.generate';

/**
 * Put sessions in session order, by (started_at, generation index) (D10), and their views
 * session-major in that order. Rows that are close in time are then close in memory, so
 * building the time-sorted page_views table reads a sliding window instead of the whole heap.
 * Returns the arranged draws and the page_views row order, by (timestamp, session position,
 * page index).
 */
export function arrangeBySessionStart(gen: Drawn): { gen: Generated; viewOrder: Int32Array } {
  const n = gen.userIndex.length;
  const order = radixSortBy(identity(n), gen.startMs, true);
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
  const arranged: Generated = {
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
    viewStart,
    viewTimeMs: gather(gen.viewTimeMs, viewRows, new Float64Array(views)),
    viewCs: gather(gen.viewCs, viewRows, new Int32Array(views)),
    viewUrl: gather(gen.viewUrl, viewRows, new Int32Array(views)),
    viewSession,
  };
  const viewOrder = radixSortBy(identity(views), arranged.viewTimeMs, true);
  return { gen: arranged, viewOrder };
}
