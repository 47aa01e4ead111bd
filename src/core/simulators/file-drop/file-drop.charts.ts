/**
 * Chart and explorer data of a file drop (JSON, small whatever the row count): rows per slot
 * split by how they landed, how late data lands (delay histogram and event slot × landing slot),
 * files and bytes per entity, and the file index for the folder tree and the arrival replay.
 * Slot series have at most MAX_BUCKETS points: longer runs merge neighbouring slots.
 */
import { entityTotals, fileIndex, type EntityTotals, type FileIndex } from '../../landing/charts';
import type { LandedFile } from '../../landing/zone';
import type { EntityPlan } from './file-drop.plan';
import { slotStart, type SlotGrid } from './file-drop.slots';

export const MAX_BUCKETS = 2_000;
export const MAX_MATRIX_BUCKETS = 200;

/** Rows per (bucket of) folder slot, by how they landed there. Arrays are aligned with `startUs`. */
export interface SlotSeries {
  readonly onTime: number[];
  readonly late: number[];
  readonly duplicated: number[];
  readonly backfilled: number[];
  readonly restated: number[];
}

export interface FileDropCharts {
  readonly kind: 'file-drop';
  readonly cadence: string;
  /** Slot length Δ, µs. */
  readonly slotUs: number;
  /** Scheduled slots; later slots are spill-over. */
  readonly scheduledSlots: number;
  /** Slots per point of the series (1 unless the run has more than MAX_BUCKETS slots). */
  readonly bucketSlots: number;
  /** Start of each point's first slot, epoch µs. */
  readonly startUs: number[];
  readonly total: SlotSeries;
  readonly perEntity: Record<string, SlotSeries>;
  /** Late rows by delay in slots: `rows[i]` rows were `delaySlots[i]` slots late. */
  readonly delay: { readonly delaySlots: number[]; readonly rows: number[] };
  /** Late rows by (event bucket, landing bucket), non-zero cells only; buckets of `matrixBucketSlots` slots. */
  readonly lateMatrix: { readonly matrixBucketSlots: number; readonly eventBucket: number[]; readonly landingBucket: number[]; readonly rows: number[] };
  readonly entities: EntityTotals[];
  readonly timeColumns: Record<string, string | null>;
  readonly fileIndex: FileIndex;
}

function emptySeries(n: number): SlotSeries {
  const z = () => new Array<number>(n).fill(0);
  return { onTime: z(), late: z(), duplicated: z(), backfilled: z(), restated: z() };
}

export function fileDropCharts(grid: SlotGrid, plans: readonly EntityPlan[], files: readonly LandedFile[]): FileDropCharts {
  const totalSlots = Math.max(grid.scheduled, ...plans.map((p) => p.totalSlots));
  const bucketSlots = Math.ceil(totalSlots / MAX_BUCKETS);
  const points = Math.ceil(totalSlots / bucketSlots);
  const total = emptySeries(points);
  const perEntity: Record<string, SlotSeries> = {};
  const delays = new Map<number, number>();
  const matrixBucketSlots = Math.ceil(totalSlots / MAX_MATRIX_BUCKETS);
  const cells = new Map<number, number>();
  const side = Math.ceil(totalSlots / matrixBucketSlots);
  for (const p of plans) {
    const mine = emptySeries(points);
    const add = (series: keyof SlotSeries, slot: number, rows: number) => {
      mine[series][Math.floor(slot / bucketSlots)] += rows;
      total[series][Math.floor(slot / bucketSlots)] += rows;
    };
    for (let s = 0; s < grid.scheduled; s++) {
      const n = p.onTimeOffsets[s + 1] - p.onTimeOffsets[s];
      add('onTime', s, n - p.dupCounts[s]);
      add('duplicated', s, p.dupCounts[s]);
    }
    const { targets, offsets, source } = p.late;
    for (let t = 0; t < targets.length; t++) {
      add('late', targets[t], offsets[t + 1] - offsets[t]);
      for (let i = offsets[t]; i < offsets[t + 1]; i++) {
        const d = targets[t] - source[i];
        delays.set(d, (delays.get(d) ?? 0) + 1);
        const cell = Math.floor(source[i] / matrixBucketSlots) * side + Math.floor(targets[t] / matrixBucketSlots);
        cells.set(cell, (cells.get(cell) ?? 0) + 1);
      }
    }
    const b = p.backfillSlot;
    if (b >= 0) add('backfilled', b, p.assignment.offsets[b + 1] - p.assignment.offsets[b]);
    for (const r of p.restatements) add('restated', r.slot, r.rows.length);
    perEntity[p.entity.name] = mine;
  }
  const delayKeys = [...delays.keys()].sort((a, b) => a - b);
  const cellKeys = [...cells.keys()].sort((a, b) => a - b);
  const entities = plans.map((p) => p.entity.name);
  return {
    kind: 'file-drop',
    cadence: grid.cadence,
    slotUs: grid.slotUs,
    scheduledSlots: grid.scheduled,
    bucketSlots,
    startUs: Array.from({ length: points }, (_, i) => slotStart(grid, i * bucketSlots)),
    total,
    perEntity,
    delay: { delaySlots: delayKeys, rows: delayKeys.map((d) => delays.get(d)!) },
    lateMatrix: {
      matrixBucketSlots,
      eventBucket: cellKeys.map((c) => Math.floor(c / side)),
      landingBucket: cellKeys.map((c) => c % side),
      rows: cellKeys.map((c) => cells.get(c)!),
    },
    entities: entityTotals(files, entities),
    timeColumns: Object.fromEntries(plans.map((p) => [p.entity.name, p.entity.timeColumn])),
    fileIndex: fileIndex(files, entities),
  };
}
