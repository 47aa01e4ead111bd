/** What the SCD2 file drop page reads of a run: its stats and chart data, shapes checked when they arrive (view/shape.ts). */
import { fileIndexShape } from '../../landing/view';
import { defineView } from '../../view/result-view';
import { arr, cell, num, obj, oneOf, rec, str, type Infer, type Shape } from '../../view/shape';
import type { Scd2Charts } from './scd2.charts';

export const scd2StatsShape = obj({
  initial_rows: num,
  total_deltas: num,
  total_new: num,
  total_updates: num,
  days_simulated: num,
  entities: num,
  files: num,
  manifests: num,
  bytes: num,
  formats: arr(str),
  per_entity: rec(
    obj({ business_key: str, tracked_columns: arr(str), initial_rows: num, final_keys: num, total_deltas: num, total_new: num, total_updates: num, delta_days: num }),
  ),
});
export type Scd2Stats = Infer<typeof scd2StatsShape>;

const nums = arr(num);
const keyHistory = obj({ key: str, rows: arr(obj({ landedAt: str, drop: oneOf('initial', 'delta'), values: rec(cell) })) });

export const scd2ChartsShape: Shape<Scd2Charts> = obj({
  kind: oneOf('scd2-file-drop'),
  days: arr(str),
  snapshotAt: str,
  totals: obj({ updates: nums, inserts: nums }),
  perEntity: rec(obj({ businessKey: str, tracked: arr(str), updates: nums, inserts: nums, versionsHistogram: obj({ versions: nums, keys: nums }), keyHistories: arr(keyHistory) })),
  entities: arr(obj({ entity: str, files: num, dataFiles: num, bytes: num, dataBytes: num, rows: num })),
  fileIndex: fileIndexShape,
});

export const scd2View = defineView(scd2StatsShape, scd2ChartsShape);
