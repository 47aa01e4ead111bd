/**
 * Chart and explorer data of an SCD2 drop (JSON, small whatever the table sizes): inserts and
 * updates per day, how many keys have how many versions, the file index for the explorer and
 * replay, and the landed rows of the keys with the most versions for a key-history view. The
 * page asks the worker for other keys' rows (it keeps the run's state; see README).
 */
import { entityTotals, fileIndex, type EntityTotals, type FileIndex } from '../../landing/charts';
import type { LandedFile } from '../../landing/zone';
import type { KeyHistory } from './scd2.history';

export interface Scd2EntityChart {
  readonly businessKey: string;
  readonly tracked: readonly string[];
  /** Per delta day (aligned with `days`). */
  readonly updates: number[];
  readonly inserts: number[];
  /** `keys[i]` keys have `versions[i]` versions at the end of the run. */
  readonly versionsHistogram: { readonly versions: number[]; readonly keys: number[] };
  /** The landed rows of up to TOP_KEYS keys, most versions first (an array: numeric keys would reorder an object). */
  readonly keyHistories: KeyHistory[];
}

export interface Scd2Charts {
  readonly kind: 'scd2-file-drop';
  /** Delta days as ISO instants (00:00 UTC). */
  readonly days: string[];
  readonly snapshotAt: string;
  readonly totals: { readonly updates: number[]; readonly inserts: number[] };
  readonly perEntity: Record<string, Scd2EntityChart>;
  readonly entities: EntityTotals[];
  readonly fileIndex: FileIndex;
}

export const TOP_KEYS = 10;

/** Key indexes with the most versions (ties: earlier keys first). */
export function topKeys(versions: Int32Array, count: number, n = TOP_KEYS): number[] {
  // one pass keeping the best n in order: no sort of millions of keys
  const top: number[] = [];
  for (let k = 0; k < count; k++) {
    if (top.length === n && versions[k] <= versions[top[n - 1]]) continue;
    let at = top.length;
    while (at > 0 && versions[top[at - 1]] < versions[k]) at--;
    top.splice(at, 0, k);
    if (top.length > n) top.pop();
  }
  return top;
}

export function versionsHistogram(versions: Int32Array, count: number): { versions: number[]; keys: number[] } {
  const counts = new Map<number, number>();
  for (let k = 0; k < count; k++) counts.set(versions[k], (counts.get(versions[k]) ?? 0) + 1);
  const v = [...counts.keys()].sort((a, b) => a - b);
  return { versions: v, keys: v.map((x) => counts.get(x)!) };
}

export function scd2Charts(days: string[], snapshotAt: string, perEntity: Record<string, Scd2EntityChart>, files: readonly LandedFile[]): Scd2Charts {
  const names = Object.keys(perEntity);
  const sum = (pick: (e: Scd2EntityChart) => number[]) => days.map((_, d) => names.reduce((a, n) => a + pick(perEntity[n])[d], 0));
  return {
    kind: 'scd2-file-drop',
    days,
    snapshotAt,
    totals: { updates: sum((e) => e.updates), inserts: sum((e) => e.inserts) },
    perEntity,
    entities: entityTotals(files, names),
    fileIndex: fileIndex(files, names),
  };
}
