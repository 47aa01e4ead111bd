/**
 * The answer key of a file drop: one row per late row (event slot, landing slot, delay), per
 * duplicate copy, per backfill drop and per restated row (old and new value of each corrected
 * column), so a pipeline test can assert it caught exactly what was injected. Keys are the
 * value of the table's first column (its id in the built-in domains); details name the input
 * row and the file (in the first format) that holds the fault. Sizes: one row per faulty row,
 * about 150 bytes each — a 2 M-row drop with 10 % late rows and 2 % duplicates gives ~240 k rows.
 */
import type { AnswerKeyBuilder } from '../../answer-key';
import { ByteSink, utf8 } from '../../output/bytes';
import { cellAt, isNull, type Table } from '../../table/column';
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


/** {@link rowKey} as UTF-8 into `out`: integer ids (the built-in domains' keys) as digits, the same text `String` gives. */
export function writeRowKey(out: ByteSink, t: Table, row: number): void {
  const c = t.columns[0];
  if (c && (c.type === 'int' || c.type === 'float') && !isNull(c, row) && Number.isSafeInteger(c.values[row])) out.int(c.values[row]);
  else out.bytes(utf8(rowKey(t, row)));
}

// the fixed parts of the two per-row kinds' details, in JSON.stringify's key order
const LATE_EVENT = utf8('{"event_slot":');
const LATE_LANDING = utf8(',"landing_slot":');
const LATE_DELAY = utf8(',"delay_slots":');
const DUP_SLOT = utf8('{"slot":');
const ROW = utf8(',"row":');
const FILE = utf8(',"file":');
const CLOSE = utf8('}');

/** Record every fault injected into one entity's drop. */
export function recordFaults(config: FileDropConfig, plan: EntityPlan, key: AnswerKeyBuilder): void {
  const { grid, table, entity } = plan;
  const E = entity.name;
  const ext = config.formats[0];
  // paths and slot times repeat across many rows: each is built, and quoted as JSON in UTF-8,
  // once; the key and details of the two per-row kinds are then written as bytes from those
  // parts and digits (the text JSON.stringify gives for the same object, with no string made
  // per row: ~170,000 rows on retail medium)
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
  const quoted = new Map<number, Uint8Array>();
  const pathQ = (s: number, seq: number) => {
    const k = s * 1000 + seq;
    let q = quoted.get(k);
    if (q === undefined) quoted.set(k, (q = utf8(JSON.stringify(path(s, seq)))));
    return q;
  };
  const isos: string[] = [];
  const iso = (s: number) => (isos[s] ??= formatIso(slotStart(grid, s)));
  const isoJson: Uint8Array[] = [];
  const isoQ = (s: number) => (isoJson[s] ??= utf8(JSON.stringify(iso(s))));
  // a per-row fault is written into `text`: the row's key, then its details, which open with
  // the kind's own members and end with `,"row":…,"file":…}`
  const text = new ByteSink(1024);
  const keyOf = (row: number) => {
    text.pos = 0;
    writeRowKey(text, table, row);
    return text.pos;
  };
  const addRow = (kind: string, row: number, s: number, file: Uint8Array, keyEnd: number) => {
    text.bytes(ROW);
    text.int(row);
    text.bytes(FILE);
    text.bytes(file);
    text.bytes(CLOSE);
    key.addEncoded(kind, E, eventTime(row, s), text.buf, keyEnd, text.pos);
  };
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
      const keyEnd = keyOf(row);
      text.bytes(LATE_EVENT);
      text.bytes(isoQ(s));
      text.bytes(LATE_LANDING);
      text.bytes(landing);
      text.bytes(LATE_DELAY);
      text.int(target - s);
      addRow('late_row', row, s, file, keyEnd);
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
      const keyEnd = keyOf(row);
      text.bytes(DUP_SLOT);
      text.bytes(isoQ(s));
      addRow('duplicate', row, s, pathQ(s, part + 1), keyEnd);
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
