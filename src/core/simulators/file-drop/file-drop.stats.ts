/**
 * Stats of a file drop (spec §5 #15): per entity and summed. Row counts count rows once,
 * whatever the number of formats; file counts count every format copy on disk.
 */
import type { LandedFile } from '../../landing/zone';
import type { FileDropConfig } from './file-drop.config';
import type { EntityPlan } from './file-drop.plan';

export interface EntityStats {
  time_column: string | null;
  slots: number;
  spill_over_slots: number;
  rows_in: number;
  files: number;
  rows_written: number;
  formats: string[];
  rows_on_time: number;
  rows_late: number;
  rows_duplicated: number;
  rows_backfilled: number;
  rows_restated: number;
  rows_out_of_range: number;
  late_files: number;
  backfill_files: number;
  restatement_files: number;
  manifests: number;
  done_flags: number;
  bytes: number;
}

const COUNTS = [
  'rows_in',
  'files',
  'rows_written',
  'rows_on_time',
  'rows_late',
  'rows_duplicated',
  'rows_backfilled',
  'rows_restated',
  'rows_out_of_range',
  'late_files',
  'backfill_files',
  'restatement_files',
  'manifests',
  'done_flags',
  'bytes',
] as const;

export function entityStats(config: FileDropConfig, plan: EntityPlan, files: readonly LandedFile[]): EntityStats {
  const S = plan.grid.scheduled;
  const dups = plan.dupCounts.reduce((a, b) => a + b, 0);
  const rowsWritten = plan.onTimeOffsets[S];
  const count = (kind: LandedFile['kind']) => files.filter((f) => f.kind === kind).length;
  const rowsOf = (kind: LandedFile['kind']) => files.filter((f) => f.kind === kind && f.format === config.formats[0]).reduce((a, f) => a + (f.rows ?? 0), 0);
  const data = files.filter((f) => f.rows !== null);
  return {
    time_column: plan.entity.timeColumn,
    slots: S,
    spill_over_slots: plan.late.targets.filter((t) => t >= S).length,
    rows_in: plan.table.length,
    files: data.length,
    rows_written: rowsWritten,
    formats: [...config.formats],
    rows_on_time: rowsWritten - dups,
    rows_late: plan.late.rows.length,
    rows_duplicated: dups,
    rows_backfilled: rowsOf('backfill'),
    rows_restated: rowsOf('restatement'),
    rows_out_of_range: plan.assignment.outOfRange,
    late_files: count('late'),
    backfill_files: count('backfill'),
    restatement_files: count('restatement'),
    manifests: count('manifest'),
    done_flags: count('done'),
    bytes: data.reduce((a, f) => a + f.bytes, 0),
  };
}

/** Totals over entities first (the page's stat cards), then `per_entity`. */
export function fileDropStats(config: FileDropConfig, perEntity: Record<string, EntityStats>, scheduled: number): Record<string, unknown> {
  const totals: Record<string, number> = {};
  for (const k of COUNTS) totals[k] = Object.values(perEntity).reduce((a, e) => a + e[k], 0);
  return {
    entities: Object.keys(perEntity).length,
    slots: scheduled,
    spill_over_slots: Math.max(0, ...Object.values(perEntity).map((e) => e.spill_over_slots)),
    ...totals,
    formats: [...config.formats],
    per_entity: perEntity,
  };
}
