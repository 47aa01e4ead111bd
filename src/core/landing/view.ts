/** The shape of a landing zone's file index as the page reads it (the file-drop and SCD2 charts carry one). */
import { arr, num, obj, oneOf, str, type Shape } from '../view/shape';
import type { FileIndex } from './charts';

const nums = arr(num);

export const fileIndexShape: Shape<FileIndex> = obj({
  folders: arr(str),
  entities: arr(str),
  kinds: arr(oneOf('on_time', 'late', 'backfill', 'restatement', 'initial', 'delta', 'manifest', 'done')),
  formats: arr(oneOf('parquet', 'csv', 'jsonl')),
  name: arr(str),
  folder: nums,
  entity: nums,
  kind: nums,
  format: nums,
  slotUs: nums,
  landedAtUs: nums,
  rows: nums,
  bytes: nums,
});
