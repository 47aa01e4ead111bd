/**
 * The hybrid's correlation view (small for any run): the run's ids as the outputs carry them,
 * and batch files and stream events on one simulated time axis — files and rows landed per
 * bucket, events sent per bucket, and a bounded set of file marks — so the page can show a
 * correlation id's batch files and stream events together. Each phase's own charts sit beside it.
 */
import { bucketSecondsFor, type StreamEmitCharts } from '../stream-emit/stream-emit.charts';
import type { FileDropCharts } from '../file-drop/file-drop.charts';
import type { StreamPlan } from '../stream-emit/stream-emit.plan';
import { forEachEvent } from '../stream-emit/stream-emit.tally';
import { US_PER_SECOND } from '../../time';

/** File marks on the timeline, spread evenly over the landing order. */
export const MAX_FILE_MARKS = 400;

export interface CorrelationTimeline {
  /** The id stamped into every manifest, envelope and `_correlation_id` cell; null under natural_keys. */
  readonly correlationId: string | null;
  /** The `correlation_id` of the batch phase's manifests (null: no batch phase or no manifests). */
  readonly manifestId: string | null;
  /** The `correlation_id` of the stream phase's envelopes (null: no stream phase). */
  readonly envelopeId: string | null;
  readonly startUs: number;
  readonly bucketSeconds: number;
  /** Data files landed in each bucket (every format), rows landed (one format), events sent (replays included). */
  readonly files: number[];
  readonly rows: number[];
  readonly events: number[];
  /** Data files: path, table, kind, landing time (µs) and rows; at most MAX_FILE_MARKS. */
  readonly fileMarks: { path: string; entity: string; kind: string; landedAtUs: number; rows: number }[];
  /** Files with marks out of all data files. */
  readonly dataFiles: number;
}

export interface HybridCharts {
  readonly kind: 'hybrid';
  readonly linkStrategy: string;
  readonly batch: FileDropCharts | null;
  readonly stream: StreamEmitCharts | null;
  readonly correlation: CorrelationTimeline;
}

interface Ids {
  readonly correlationId: string | null;
  readonly manifestId: string | null;
}

/** The data files of a file index, in landing order, as (index) positions. */
function dataFiles(fc: FileDropCharts | null): number[] {
  if (!fc) return [];
  const ix = fc.fileIndex;
  const out: number[] = [];
  for (let i = 0; i < ix.name.length; i++) if (ix.rows[i] >= 0) out.push(i);
  return out;
}

export function correlationTimeline(batch: FileDropCharts | null, plan: StreamPlan | null, ids: Ids, firstFormat: string | null): CorrelationTimeline {
  const files = dataFiles(batch);
  const ix = batch?.fileIndex;
  let start = Infinity;
  let end = -Infinity;
  if (batch && batch.startUs.length) start = batch.startUs[0];
  for (const i of files) end = Math.max(end, ix!.landedAtUs[i]);
  if (plan) {
    start = Math.min(start, plan.startUs);
    const { emittedAt } = plan.schedule;
    end = Math.max(end, emittedAt.length ? emittedAt[emittedAt.length - 1] : plan.startUs);
  }
  if (!Number.isFinite(start)) start = 0;
  if (!Number.isFinite(end)) end = start;
  const bucketSeconds = bucketSecondsFor((end - start) / US_PER_SECOND);
  const width = bucketSeconds * US_PER_SECOND;
  const nb = Math.max(1, Math.ceil((end - start + 1) / width));
  const bucket = (us: number) => Math.max(0, Math.min(nb - 1, Math.floor((us - start) / width)));
  const fileCounts = new Array<number>(nb).fill(0);
  const rowCounts = new Array<number>(nb).fill(0);
  const events = new Array<number>(nb).fill(0);
  for (const i of files) {
    const b = bucket(ix!.landedAtUs[i]);
    fileCounts[b]++;
    if (ix!.formats[ix!.format[i]] === firstFormat) rowCounts[b] += ix!.rows[i];
  }
  if (plan) forEachEvent(plan, (_pos, atUs) => void events[bucket(atUs)]++);
  const step = files.length <= MAX_FILE_MARKS ? 1 : files.length / MAX_FILE_MARKS;
  const fileMarks: CorrelationTimeline['fileMarks'] = [];
  for (let k = 0; k < files.length && fileMarks.length < MAX_FILE_MARKS; k++) {
    if (Math.floor(k / step) !== fileMarks.length) continue;
    const i = files[k];
    fileMarks.push({ path: `${ix!.folders[ix!.folder[i]]}/${ix!.name[i]}`, entity: ix!.entities[ix!.entity[i]], kind: ix!.kinds[ix!.kind[i]], landedAtUs: ix!.landedAtUs[i], rows: ix!.rows[i] });
  }
  return {
    correlationId: ids.correlationId,
    manifestId: ids.manifestId,
    envelopeId: plan ? plan.settings.correlationId : null,
    startUs: start,
    bucketSeconds,
    files: fileCounts,
    rows: rowCounts,
    events,
    fileMarks,
    dataFiles: files.length,
  };
}
