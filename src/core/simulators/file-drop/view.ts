/** What the File drop page reads of a run: its stats and chart data, shapes checked when they arrive (view/shape.ts). */
import { fileIndexShape } from '../../landing/view';
import { defineView } from '../../view/result-view';
import { arr, nullable, num, obj, oneOf, rec, str, type Infer, type Shape } from '../../view/shape';
import type { FileDropCharts } from './file-drop.charts';

/** The counts the run and each table report alike. */
const counts = {
  slots: num,
  spill_over_slots: num,
  rows_in: num,
  files: num,
  rows_written: num,
  rows_on_time: num,
  rows_late: num,
  rows_duplicated: num,
  rows_backfilled: num,
  rows_restated: num,
  rows_out_of_range: num,
  late_files: num,
  backfill_files: num,
  restatement_files: num,
  manifests: num,
  done_flags: num,
  bytes: num,
  formats: arr(str),
};

export const fileDropStatsShape = obj({
  entities: num,
  ...counts,
  per_entity: rec(obj({ time_column: nullable(str), ...counts })),
});
export type FileDropStats = Infer<typeof fileDropStatsShape>;

const nums = arr(num);
const series = obj({ onTime: nums, late: nums, duplicated: nums, backfilled: nums, restated: nums });

export const fileDropChartsShape: Shape<FileDropCharts> = obj({
  kind: oneOf('file-drop'),
  cadence: str,
  slotUs: num,
  scheduledSlots: num,
  bucketSlots: num,
  startUs: nums,
  total: series,
  perEntity: rec(series),
  delay: obj({ delaySlots: nums, rows: nums }),
  lateMatrix: obj({ matrixBucketSlots: num, eventBucket: nums, landingBucket: nums, rows: nums }),
  entities: arr(obj({ entity: str, files: num, dataFiles: num, bytes: num, dataBytes: num, rows: num })),
  timeColumns: rec(nullable(str)),
  fileIndex: fileIndexShape,
});

export const fileDropView = defineView(fileDropStatsShape, fileDropChartsShape);
