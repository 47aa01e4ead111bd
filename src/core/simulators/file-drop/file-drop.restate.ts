/**
 * Restatements (spec §3.5, §5 #9): some scheduled slots are re-dropped after the run with
 * corrected numbers. The rows are exactly the slot's original assignment; the corrected columns
 * are the int and float columns except the first column and names ending `_id`; each value is
 * multiplied by 1 + U(−pct, +pct), integers rounded half to even and kept integer, nulls kept.
 * Corrections are computed in the plan, because the answer key lists old and new values.
 */
import { roundHalfEven } from '../../landing/numeric';
import type { Rng } from '../../rng';
import { boolColumn, makeTable, numberColumn, takeTable, Utf8Builder, type NumberColumn, type Table } from '../../table/column';
import type { Assignment } from './file-drop.assign';
import type { FileDropConfig } from './file-drop.config';

export interface Restatement {
  readonly slot: number;
  /** Input rows (the slot's original assignment). */
  readonly rows: Int32Array;
  /** Indexes of the corrected columns in the table. */
  readonly columns: readonly number[];
  /** Per corrected column, the new value of each row (same order as `rows`). */
  readonly corrected: readonly Float64Array[];
}

/** The columns a restatement corrects (spec §3.5). */
export function correctionColumns(t: Table): number[] {
  const out: number[] = [];
  t.columns.forEach((c, j) => {
    if (j > 0 && (c.type === 'int' || c.type === 'float') && !c.name.endsWith('_id')) out.push(j);
  });
  return out;
}

/** Draw which slots are restated (one uniform per scheduled slot) and their corrected values. */
export function planRestatements(
  config: Pick<FileDropConfig, 'restatementProbability' | 'restatementMaxCorrectionPct'>,
  table: Table,
  a: Assignment,
  rng: Rng,
  S: number,
): Restatement[] {
  const chosen: number[] = [];
  for (let s = 0; s < S; s++) if (rng.uniform() < config.restatementProbability) chosen.push(s);
  const columns = correctionColumns(table);
  const pct = config.restatementMaxCorrectionPct;
  const out: Restatement[] = [];
  for (const s of chosen) {
    const rows = a.rows.subarray(a.offsets[s], a.offsets[s + 1]);
    if (rows.length === 0) continue;
    const r = rng.fork(`slot:${s}`);
    const corrected = columns.map((j) => {
      const c = table.columns[j] as NumberColumn;
      const values = new Float64Array(rows.length);
      for (let k = 0; k < rows.length; k++) {
        const v = c.values[rows[k]] * (1 + r.between(-pct, pct));
        values[k] = c.type === 'int' ? roundHalfEven(v) : v;
      }
      return values;
    });
    out.push({ slot: s, rows, columns, corrected });
  }
  return out;
}

/** The restated file's table: the slot's rows with corrected columns, `_restatement` and `_restated_at` added. */
export function restatedTable(table: Table, r: Restatement, restatedAtIso: string): Table {
  const base = takeTable(table, r.rows);
  const columns = base.columns.map((c, j) => {
    const k = r.columns.indexOf(j);
    if (k < 0) return c;
    const nc = c as NumberColumn;
    // a copy: the table is given away to an encoder thread, the plan keeps its corrections
    return numberColumn(nc.name, nc.type, r.corrected[k].slice(), nc.valid);
  });
  const n = r.rows.length;
  const at = new Utf8Builder(n, restatedAtIso.length);
  for (let i = 0; i < n; i++) at.append(restatedAtIso);
  return makeTable(table.name, [...columns, boolColumn('_restatement', new Uint8Array(n).fill(1)), at.finish('_restated_at')]);
}
