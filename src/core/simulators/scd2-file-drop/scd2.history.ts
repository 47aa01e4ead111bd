/**
 * Answer key and key histories of the SCD2 drop: one answer-key row per change (an update with
 * the old and new value of each tracked column that changed, or an insert), and for the page,
 * the rows every drop landed for a few keys (those with the most versions), so a key's history
 * can be drawn without reading the files.
 */
import type { AnswerKeyBuilder } from '../../answer-key';
import { formatIso } from '../../time';
import type { Scd2Config } from './scd2.config';
import { decimalText } from '../../table/column';
import { DELTA_TYPES, type DayDelta, type Scd2State } from './scd2.state';

type Json = string | number | boolean | null;

/** Column c's value at pool index `ref` as JSON (times as ISO text). */
function valueAt(state: Scd2State, c: number, ref: number): Json {
  const p = state.pools[c];
  if (p.isNull(ref)) return null;
  if (p.type === 'string') return p.str(ref);
  // exact digits: a JSON number would round 64-bit ids and decimals
  if (p.type === 'bigint' || p.type === 'decimal') return p.type === 'bigint' ? p.text(ref) : decimalText(p.exact(ref)!, p.scale);
  const v = p.num(ref)!;
  if (p.type === 'bool') return v === 1;
  if (p.type === 'timestamp') return formatIso(v);
  return Number.isFinite(v) ? v : null;
}

/** Record every change of a day's delta (its file is the entity's delta of that day). */
export function recordChanges(state: Scd2State, delta: DayDelta, key: AnswerKeyBuilder): void {
  const E = state.entity.name;
  const tracked = state.entity.tracked.map((name) => state.table.columns.findIndex((c) => c.name === name));
  for (let u = 0; u < delta.updates; u++) {
    const changes: Record<string, { old: Json; new: Json }> = {};
    for (const c of tracked) {
      const before = delta.refs[c][2 * u];
      const after = delta.refs[c][2 * u + 1];
      if (before !== after) changes[state.pools[c].name] = { old: valueAt(state, c, before), new: valueAt(state, c, after) };
    }
    key.add('scd2_update', E, state.keyText(delta.keys[u]), delta.dayUs, {
      version: delta.versions[u],
      previous_valid_from: formatIso(delta.validFrom[2 * u]),
      changes,
    });
  }
  for (let i = 0; i < delta.inserts; i++) key.add('scd2_insert', E, state.keyText(delta.keys[delta.updates + i]), delta.dayUs, { version: 1 });
}

/** One landed row of a key: when and where it landed, and its values (history columns included). */
export interface HistoryRow {
  readonly landedAt: string;
  readonly drop: 'initial' | 'delta';
  readonly values: Record<string, Json>;
}

/** A key's landed rows, in landing order. */
export interface KeyHistory {
  readonly key: string;
  readonly rows: HistoryRow[];
}

/** Every landed row of the given keys (by key index), in the order of `keys`. */
export function keyHistories(state: Scd2State, deltas: readonly DayDelta[], keys: readonly number[], config: Scd2Config): KeyHistory[] {
  const cols = state.pools.map((_, c) => c);
  const out: KeyHistory[] = [];
  const row = (refs: (c: number) => number, from: number, to: number, current: boolean, type: string | null) => {
    const values: Record<string, Json> = {};
    for (const c of cols) values[state.pools[c].name] = valueAt(state, c, refs(c));
    values[config.effectiveDateColumn] = formatIso(from);
    values[config.endDateColumn] = Number.isNaN(to) ? null : formatIso(to);
    values[config.isCurrentColumn] = current;
    if (type !== null) values._delta_type = type;
    return values;
  };
  for (const k of keys) {
    const rows: HistoryRow[] = [];
    if (k < state.initialKeys) rows.push({ landedAt: formatIso(state.initialUs), drop: 'initial', values: row(() => k, state.initialUs, Number.NaN, true, null) });
    for (const d of deltas) {
      for (let j = 0; j < d.keys.length; j++) {
        if (d.keys[j] !== k) continue;
        const first = j < d.updates ? 2 * j : d.updates + j;
        const last = j < d.updates ? 2 * j + 1 : first;
        for (let r = first; r <= last; r++) {
          rows.push({ landedAt: formatIso(d.dayUs), drop: 'delta', values: row((c) => d.refs[c][r], d.validFrom[r], d.validTo[r], d.isCurrent[r] === 1, DELTA_TYPES[d.deltaType[r]]) });
        }
      }
    }
    out.push({ key: state.keyText(k), rows });
  }
  return out;
}
