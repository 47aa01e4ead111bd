/**
 * Landing: turns an entity's plan into files, one (entity, slot) folder at a time. Each data file
 * is built from index arrays (`takeTable`) and written once per format with the shared writers;
 * any folder can be landed on its own from the plan. Landing times follow spec §5: an on-time
 * drop and a late file land when their folder's slot closes, the backfill at F (the close of the
 * entity's last slot) and restatements at F + Δ.
 */
import { takeTable, type Table } from '../../table/column';
import { formatIso } from '../../time';
import type { LandedFile, LandingKind, LandingZone, RowSelection } from '../../landing/zone';
import type { PartEncoder } from '../../output/parts';
import type { FileDropConfig } from './file-drop.config';
import { slotRows, type EntityPlan } from './file-drop.plan';
import { restatedTable } from './file-drop.restate';
import { fileNameOf, folderOf, SEQ_BACKFILL, SEQ_LATE, SEQ_RESTATEMENT, slotClose, slotStart } from './file-drop.slots';

/** One data file before its format copies: what it holds and when it lands. */
export interface DropFile {
  readonly kind: Exclude<LandingKind, 'manifest' | 'done' | 'initial' | 'delta'>;
  readonly seq: number;
  readonly rows: number;
  readonly landedAtUs: number;
  /** Event slots of a late file's rows, ascending. */
  readonly sourceSlots?: readonly number[];
  /** Builds the file's table (again whenever called). */
  readonly table: () => Table;
  /** The same rows as indices into the input table (files that are a subset of it, not restatements). */
  readonly selection?: RowSelection;
}

/** A drop file's table built from `rows` of `table`, or written from them in place. */
function rowsOf(table: Table, rows: Int32Array): Pick<DropFile, 'table' | 'selection'> {
  return { table: () => takeTable(table, rows), selection: { table, rows } };
}

/** F: when the entity's last slot (scheduled or spill-over) closes; backfills land then. */
export function finalClose(plan: EntityPlan): number {
  return slotClose(plan.grid, plan.totalSlots - 1);
}

/** Contiguous parts of n rows (spec §3.3c): the first n mod k have ⌈n/k⌉ rows, the rest ⌊n/k⌋. */
export function partBounds(n: number, k: number): number[] {
  const out = [0];
  const small = Math.floor(n / k);
  const extra = n % k;
  for (let j = 0; j < k; j++) out.push(out[j] + small + (j < extra ? 1 : 0));
  return out;
}

/** The data files of an entity's folder slot f, in seq order. */
export function dropFilesOf(config: FileDropConfig, plan: EntityPlan, f: number): DropFile[] {
  const { table, grid } = plan;
  const out: DropFile[] = [];
  const close = slotClose(grid, f);
  if (f < grid.scheduled) {
    const rows = plan.onTimeRows.subarray(plan.onTimeOffsets[f], plan.onTimeOffsets[f + 1]);
    const n = rows.length;
    if (n > 0) {
      const k = config.multiFileEnabled && n > config.multiFileChunks ? config.multiFileChunks : 1;
      const bounds = partBounds(n, k);
      for (let j = 0; j < k; j++) {
        const part = rows.subarray(bounds[j], bounds[j + 1]);
        out.push({ kind: 'on_time', seq: j + 1, rows: part.length, landedAtUs: close, ...rowsOf(table, part) });
      }
    }
  }
  const t = f < plan.late.targetIndex.length ? plan.late.targetIndex[f] : -1;
  if (t >= 0) {
    const a = plan.late.offsets[t];
    const b = plan.late.offsets[t + 1];
    const rows = plan.late.rows.subarray(a, b);
    const sources = [...new Set(plan.late.source.subarray(a, b))];
    out.push({ kind: 'late', seq: SEQ_LATE, rows: rows.length, landedAtUs: close, sourceSlots: sources, ...rowsOf(table, rows) });
  }
  const F = finalClose(plan);
  const restated = plan.restatements.find((r) => r.slot === f);
  if (restated) {
    const at = F + grid.slotUs;
    out.push({ kind: 'restatement', seq: SEQ_RESTATEMENT, rows: restated.rows.length, landedAtUs: at, table: () => restatedTable(table, restated, formatIso(at)) });
  }
  if (plan.backfillSlot === f) {
    const rows = slotRows(plan, f);
    if (rows.length > 0) out.push({ kind: 'backfill', seq: SEQ_BACKFILL, rows: rows.length, landedAtUs: F, ...rowsOf(table, rows) });
  }
  return out;
}

/** Folder slots that get a folder: every scheduled slot, and the spill-over slots late rows reach. */
export function folderSlots(plan: EntityPlan): number[] {
  const out = Array.from({ length: plan.grid.scheduled }, (_, s) => s);
  for (const t of plan.late.targets) if (t >= plan.grid.scheduled) out.push(t);
  return out;
}

/**
 * Land the data files of folder slot f (its `drops`, from {@link dropFilesOf}) in every format, encoded by `encoder` (other threads when
 * it has them); resolves to them with their drop description, in seq order.
 */
export async function landFolder(
  config: FileDropConfig,
  plan: EntityPlan,
  f: number,
  drops: readonly DropFile[],
  zone: LandingZone,
  encoder?: PartEncoder,
): Promise<{ drop: DropFile; files: LandedFile[] }[]> {
  const folder = folderOf(config, plan.grid, plan.entity.name, f);
  const checksum = config.multiFileEnabled && config.multiFileChecksum;
  const E = plan.entity.name;
  const landed = drops.map((drop) =>
    zone.landDrop(
      { folder, entity: E, kind: drop.kind, slotUs: slotStart(plan.grid, f), landedAtUs: drop.landedAtUs, rows: drop.rows },
      (format) => fileNameOf(config, plan.grid, E, f, drop.seq, format),
      config.formats,
      drop.table,
      checksum,
      encoder,
      drop.selection,
    ),
  );
  return (await Promise.all(landed)).map((files, i) => ({ drop: drops[i], files }));
}
