/**
 * The answer key of a file drop: one row per late row (event slot, landing slot, delay), per
 * duplicate copy, per backfill drop and per restated row (old and new value of each corrected
 * column), so a pipeline test can assert it caught exactly what was injected. Keys are the
 * value of the table's first column (its id in the built-in domains); details name the input
 * row and the file (in the first format) that holds the fault. Sizes: one row per faulty row,
 * about 150 bytes each — a 2 M-row drop with 10 % late rows and 2 % duplicates gives ~240 k rows.
 */
import type { AnswerKeyBuilder } from '../../answer-key';
import { cellAt, type Table } from '../../table/column';
import { formatIso } from '../../time';
import type { FileDropConfig } from './file-drop.config';
import { finalClose, partBounds } from './file-drop.land';
import type { EntityPlan } from './file-drop.plan';
import { fileNameOf, folderOf, SEQ_BACKFILL, SEQ_LATE, SEQ_RESTATEMENT, slotStart } from './file-drop.slots';

/** The answer key's `key` of a row: its first column as text (ISO for times). */
export function rowKey(t: Table, row: number): string {
  const c = t.columns[0];
  if (!c) return String(row);
  const v = cellAt(c, row);
  if (v === null) return '';
  if (c.type === 'timestamp') return formatIso(v as number);
  return String(v);
}

/** Record every fault injected into one entity's drop. */
export function recordFaults(config: FileDropConfig, plan: EntityPlan, key: AnswerKeyBuilder): void {
  const { grid, table, entity } = plan;
  const E = entity.name;
  const ext = config.formats[0];
  // paths and slot times repeat across many rows: each is built, and quoted as JSON, once; the
  // details of the two per-row kinds are then joined from those parts (the text JSON.stringify
  // gives for the same object, at a fraction of its cost on ~10^5 rows)
  const paths = new Map<number, string>();
  const path = (s: number, seq: number) => {
    const k = s * 1000 + seq;
    let p = paths.get(k);
    if (p === undefined) {
      p = `${folderOf(config, grid, E, s)}/${fileNameOf(config, grid, E, s, seq, ext)}`;
      paths.set(k, p);
    }
    return p;
  };
  const quoted = new Map<number, string>();
  const pathQ = (s: number, seq: number) => {
    const k = s * 1000 + seq;
    let q = quoted.get(k);
    if (q === undefined) quoted.set(k, (q = JSON.stringify(path(s, seq))));
    return q;
  };
  const isos: string[] = [];
  const iso = (s: number) => (isos[s] ??= formatIso(slotStart(grid, s)));
  const isoJson: string[] = [];
  const isoQ = (s: number) => (isoJson[s] ??= JSON.stringify(iso(s)));
  const eventTime = (row: number, s: number) => {
    const t = plan.assignment.eventUs?.[row];
    return t === undefined || Number.isNaN(t) ? slotStart(grid, s) : t;
  };

  const { targets, offsets, rows, source } = plan.late;
  // one record per late row and per duplicate, each about a path and two instants long
  let duplicates = 0;
  for (let s = 0; s < grid.scheduled; s++) duplicates += plan.dupCounts[s];
  key.reserve(rows.length + duplicates, 96 + path(0, SEQ_LATE).length);
  for (let t = 0; t < targets.length; t++) {
    const target = targets[t];
    const file = pathQ(target, SEQ_LATE);
    const landing = isoQ(target);
    for (let i = offsets[t]; i < offsets[t + 1]; i++) {
      const s = source[i];
      const row = rows[i];
      const details = `{"event_slot":${isoQ(s)},"landing_slot":${landing},"delay_slots":${target - s},"row":${row},"file":${file}}`;
      key.addJson('late_row', E, rowKey(table, row), eventTime(row, s), details);
    }
  }

  for (let s = 0; s < grid.scheduled; s++) {
    const d = plan.dupCounts[s];
    if (d === 0) continue;
    const a = plan.onTimeOffsets[s];
    const n = plan.onTimeOffsets[s + 1] - a;
    const k = config.multiFileEnabled && n > config.multiFileChunks ? config.multiFileChunks : 1;
    const bounds = partBounds(n, k);
    let part = 0;
    for (let p = n - d; p < n; p++) {
      while (p >= bounds[part + 1]) part++;
      const row = plan.onTimeRows[a + p];
      key.addJson('duplicate', E, rowKey(table, row), eventTime(row, s), `{"slot":${isoQ(s)},"row":${row},"file":${pathQ(s, part + 1)}}`);
    }
  }

  const F = finalClose(plan);
  const b = plan.backfillSlot;
  if (b >= 0 && plan.assignment.offsets[b + 1] > plan.assignment.offsets[b]) {
    key.add('backfill', E, `${E}@${iso(b)}`, F, { slot: iso(b), rows: plan.assignment.offsets[b + 1] - plan.assignment.offsets[b], file: path(b, SEQ_BACKFILL), landed_at: formatIso(F) });
  }

  for (const r of plan.restatements) {
    const file = path(r.slot, SEQ_RESTATEMENT);
    const cols = r.columns.map((j) => table.columns[j]);
    for (let k = 0; k < r.rows.length; k++) {
      const row = r.rows[k];
      const changes: Record<string, { old: number; new: number }> = {};
      cols.forEach((c, m) => {
        const old = cellAt(c, row);
        if (old !== null) changes[c.name] = { old: old as number, new: r.corrected[m][k] };
      });
      key.add('restatement', E, rowKey(table, row), eventTime(row, r.slot), { slot: iso(r.slot), row, file, landed_at: formatIso(F + grid.slotUs), changes });
    }
  }
}
