/**
 * The plan of one entity's drop: which input rows land in which file, as index arrays only
 * (no rows are copied here). Every slot draws from its own stream, derived from (seed, entity,
 * slot), so a slot can be planned alone and adding or removing another table changes nothing
 * here (spec §5 #14). Draw order within a slot follows spec §3.3: late uniforms, delays, then
 * duplicate uniforms.
 */
import { Int32Growable, type Table } from '../../table/column';
import type { Rng } from '../../rng';
import { assignSlots, type Assignment } from './file-drop.assign';
import type { FileDropConfig } from './file-drop.config';
import type { LandedEntity } from './file-drop.inputs';
import { planRestatements, type Restatement } from './file-drop.restate';
import type { SlotGrid } from './file-drop.slots';

export interface LatePlan {
  /** Distinct target slots, ascending (some may be spill-over slots ≥ S). */
  readonly targets: Int32Array;
  /** targets.length + 1 offsets into `rows`/`source`. */
  readonly offsets: Int32Array;
  /** Input rows of each target's late file: by source slot, then input order. */
  readonly rows: Int32Array;
  /** Each late row's event (source) slot. */
  readonly source: Int32Array;
  /** Per slot up to the last target, its index in `targets`, or −1 when no late rows land there. */
  readonly targetIndex: Int32Array;
}

export interface EntityPlan {
  readonly entity: LandedEntity;
  readonly table: Table;
  readonly grid: SlotGrid;
  readonly assignment: Assignment;
  /** Per scheduled slot, the rows of its on-time file(s): the rows that stayed, then duplicate copies. */
  readonly onTimeOffsets: Int32Array;
  readonly onTimeRows: Int32Array;
  /** Duplicate copies at the end of each scheduled slot's on-time rows. */
  readonly dupCounts: Int32Array;
  readonly late: LatePlan;
  /** Scheduled plus spill-over slots: the last slot any file of this entity lands in, plus one. */
  readonly totalSlots: number;
  /** The backfilled slot, or −1. */
  readonly backfillSlot: number;
  readonly restatements: readonly Restatement[];
}

/** Group late rows (pushed by source slot, then input order) by target slot, keeping that order. */
function groupLate(rows: Int32Array, source: Int32Array, target: Int32Array): LatePlan {
  const n = rows.length;
  let maxT = -1;
  for (let i = 0; i < n; i++) if (target[i] > maxT) maxT = target[i];
  const counts = new Int32Array(maxT + 2);
  for (let i = 0; i < n; i++) counts[target[i] + 1]++;
  for (let t = 0; t <= maxT; t++) counts[t + 1] += counts[t];
  const byRows = new Int32Array(n);
  const bySource = new Int32Array(n);
  const fill = counts.slice(0, maxT + 1);
  for (let i = 0; i < n; i++) {
    const at = fill[target[i]]++;
    byRows[at] = rows[i];
    bySource[at] = source[i];
  }
  const targets: number[] = [];
  const offsets: number[] = [0];
  const targetIndex = new Int32Array(maxT + 1).fill(-1);
  for (let t = 0; t <= maxT; t++) {
    if (counts[t + 1] > counts[t]) {
      targetIndex[t] = targets.length;
      targets.push(t);
      offsets.push(counts[t + 1]);
    }
  }
  return { targets: Int32Array.from(targets), offsets: Int32Array.from(offsets), rows: byRows, source: bySource, targetIndex };
}

/** Plan one entity: slot assignment, late rows, duplicates, backfill and restatements. */
export function planEntity(config: FileDropConfig, grid: SlotGrid, entity: LandedEntity, table: Table, rng: Rng): EntityPlan {
  const S = grid.scheduled;
  const assignment = assignSlots(table, entity.timeColumn, grid);
  const { offsets, rows } = assignment;
  const maxDelay = config.maxDaysLate * grid.perDay;
  const lateOn = config.latenessEnabled && config.latenessProbability > 0;
  const dupOn = config.duplicatesEnabled && config.duplicateProbability > 0;

  const lateRows = new Int32Growable(lateOn ? Math.ceil(rows.length * config.latenessProbability * 1.2) + 16 : 16);
  const lateSource = new Int32Growable(lateRows.data.length);
  const lateTarget = new Int32Growable(lateRows.data.length);
  const onTimeRows = new Int32Growable(rows.length + 16);
  const onTimeOffsets = new Int32Array(S + 1);
  const dupCounts = new Int32Array(S);
  let isLate = new Uint8Array(0);

  for (let s = 0; s < S; s++) {
    const a = offsets[s];
    const b = offsets[s + 1];
    const n = b - a;
    if (n > 0) {
      const r = rng.fork(`slot:${s}`);
      if (isLate.length < n) isLate = new Uint8Array(n * 2);
      isLate.fill(0, 0, n);
      let lateCount = 0;
      if (lateOn) {
        const p = config.latenessProbability;
        for (let j = 0; j < n; j++) {
          if (r.uniform() < p) {
            isLate[j] = 1;
            lateCount++;
          }
        }
        // delays drawn after every row's uniform, in row order (spec §3.3a)
        for (let j = 0; j < n; j++) {
          if (!isLate[j]) continue;
          lateRows.push(rows[a + j]);
          lateSource.push(s);
          lateTarget.push(s + r.int(1, maxDelay));
        }
      }
      const start = onTimeRows.length;
      for (let j = 0; j < n; j++) if (!isLate[j]) onTimeRows.push(rows[a + j]);
      if (dupOn && lateCount < n) {
        const p = config.duplicateProbability;
        const end = onTimeRows.length;
        for (let k = start; k < end; k++) {
          if (r.uniform() < p) {
            onTimeRows.push(onTimeRows.data[k]);
            dupCounts[s]++;
          }
        }
      }
    }
    onTimeOffsets[s + 1] = onTimeRows.length;
  }

  const late = groupLate(lateRows.finish(), lateSource.finish(), lateTarget.finish());
  const lastTarget = late.targets.length ? late.targets[late.targets.length - 1] : -1;
  let backfillSlot = -1;
  if (config.backfillEnabled && config.maxDaysBack > 0) {
    const k = Math.min(config.maxDaysBack * grid.perDay, S);
    backfillSlot = S - k + rng.fork('backfill').index(k);
  }
  const restatements = config.restatementEnabled ? planRestatements(config, table, assignment, rng.fork('restatement'), S) : [];
  return {
    entity,
    table,
    grid,
    assignment,
    onTimeOffsets,
    onTimeRows: onTimeRows.finish(),
    dupCounts,
    late,
    totalSlots: Math.max(S, lastTarget + 1),
    backfillSlot,
    restatements,
  };
}

/** The rows of slot s's original assignment (on-time and late-out rows, no copies). */
export function slotRows(plan: EntityPlan, s: number): Int32Array {
  return plan.assignment.rows.subarray(plan.assignment.offsets[s], plan.assignment.offsets[s + 1]);
}
