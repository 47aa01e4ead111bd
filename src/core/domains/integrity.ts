/**
 * Relational checks over a set of tables and their metadata (spec §6 items 2–3): primary keys
 * 1..n and unique, every non-null FK present in its parent, ids ascending with event time.
 * Used by the tests and usable on any generated or uploaded set with the same metadata.
 */
import { getColumn, isNull, type Column, type Table } from '../table/column';
import type { DomainTable } from './model';

function numbers(c: Column): ArrayLike<number> {
  if (c.type === 'string') throw new Error(`${c.name} is a string column`);
  // 64-bit keys are compared as the nearest doubles (exact up to 2^53, where generated ids live)
  if (c.type === 'bigint' || c.type === 'decimal') return Float64Array.from(c.values, Number);
  return c.values;
}

/** Problems found (empty when the set is consistent). */
export function checkIntegrity(tables: readonly Table[], meta: readonly DomainTable[]): string[] {
  const problems: string[] = [];
  const byName = new Map(tables.map((t) => [t.name, t]));
  const keys = new Map<string, Set<number>>();
  for (const m of meta) {
    const t = byName.get(m.name);
    if (!t) {
      problems.push(`${m.name}: missing table`);
      continue;
    }
    const pk = numbers(getColumn(t, m.pk));
    const seen = new Set<number>();
    for (let i = 0; i < t.length; i++) {
      if (pk[i] !== i + 1 && problems.length < 50) problems.push(`${m.name}.${m.pk}: row ${i} has id ${pk[i]}, expected ${i + 1}`);
      seen.add(pk[i]);
    }
    if (seen.size !== t.length) problems.push(`${m.name}.${m.pk}: ${t.length - seen.size} duplicate ids`);
    keys.set(m.name, seen);
    if (m.eventTimeColumn && m.sortedByTime) {
      const time = numbers(getColumn(t, m.eventTimeColumn));
      for (let i = 1; i < t.length; i++)
        if (time[i] < time[i - 1]) {
          problems.push(`${m.name}: ids do not ascend with ${m.eventTimeColumn} (row ${i})`);
          break;
        }
    }
  }
  for (const m of meta) {
    const t = byName.get(m.name);
    if (!t) continue;
    for (const fk of m.fks) {
      const parent = keys.get(fk.table);
      if (!parent) {
        problems.push(`${m.name}.${fk.column}: parent table ${fk.table} is missing`);
        continue;
      }
      const c = getColumn(t, fk.column);
      const v = numbers(c);
      let bad = 0;
      for (let i = 0; i < t.length; i++) if (!isNull(c, i) && !parent.has(v[i])) bad++;
      if (bad) problems.push(`${m.name}.${fk.column}: ${bad} values not in ${fk.table}.${fk.parentColumn}`);
    }
  }
  return problems;
}
