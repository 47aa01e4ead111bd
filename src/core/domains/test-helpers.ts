/**
 * Helpers for the domain tests: column access by name, frequency tolerance (spec §6 item 4),
 * and counts per parent. Test support only (no node: imports, so it also loads in browsers).
 */
import { getColumn, isNull, stringAt, type Table } from '../table/column';
import { PRODUCT_NAMES } from './reference/catalogs';
import { BRANDS } from './reference/products';

/** A numeric column's values (int, float, timestamp µs, date days, bool 0/1). */
export function num(t: Table, name: string): ArrayLike<number> {
  const c = getColumn(t, name);
  if (c.type === 'string') throw new Error(`${t.name}.${name} is a string column`);
  if (c.type === 'decimal') return Float64Array.from(c.values, (v) => Number(v) / 10 ** c.scale);
  if (c.type === 'bigint') return Float64Array.from(c.values, Number);
  return c.values;
}

/** A string column's values (null → null). */
export function str(t: Table, name: string): (string | null)[] {
  const c = getColumn(t, name);
  if (c.type !== 'string') throw new Error(`${t.name}.${name} is not a string column`);
  return Array.from({ length: t.length }, (_, i) => stringAt(c, i));
}

/** Number of null cells of a column. */
export function nulls(t: Table, name: string): number {
  const c = getColumn(t, name);
  let k = 0;
  for (let i = 0; i < t.length; i++) if (isNull(c, i)) k++;
  return k;
}

/** |f − p| ≤ 4√(p(1−p)/n) + 1/n (spec §6 item 4). */
export function withinTolerance(count: number, n: number, p: number): boolean {
  return Math.abs(count / n - p) <= 4 * Math.sqrt((p * (1 - p)) / n) + 1 / n;
}

/** Value → count. */
export function tally<T>(values: Iterable<T>): Map<T, number> {
  const m = new Map<T, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/** For each declared weight (normalised), whether the observed share is within tolerance; returns the failures. */
export function frequencyFailures(values: readonly (string | number | null)[], weights: Readonly<Record<string, number>>): string[] {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const counts = tally(values.map((v) => String(v)));
  const n = values.length;
  const out: string[] = [];
  for (const [k, w] of Object.entries(weights)) {
    const c = counts.get(k) ?? 0;
    if (!withinTolerance(c, n, w / total)) out.push(`${k}: ${c}/${n} = ${(c / n).toFixed(4)} vs ${(w / total).toFixed(4)}`);
  }
  for (const k of counts.keys()) if (!(k in weights)) out.push(`unexpected value ${k}`);
  return out;
}

/** Children per parent id (index = id − 1). */
export function childCounts(t: Table, fk: string, parents: number): Int32Array {
  const v = num(t, fk);
  const c = getColumn(t, fk);
  const out = new Int32Array(parents);
  for (let i = 0; i < t.length; i++) if (!isNull(c, i)) out[v[i] - 1]++;
  return out;
}

/** Share of rows held by the top `share` of parents by count. */
export function topShare(counts: Int32Array, share: number): number {
  const sorted = Array.from(counts).sort((a, b) => b - a);
  const k = Math.round(sorted.length * share);
  const total = sorted.reduce((a, b) => a + b, 0);
  return sorted.slice(0, k).reduce((a, b) => a + b, 0) / total;
}

/** Generalised harmonic number H(N, α) = Σ r^−α. */
export function harmonic(n: number, alpha: number): number {
  let s = 0;
  for (let r = 1; r <= n; r++) s += r ** -alpha;
  return s;
}

/** A numeric column with nulls as null. */
export function nullable(t: Table, name: string): (number | null)[] {
  const c = getColumn(t, name);
  const v = num(t, name);
  return Array.from({ length: t.length }, (_, i) => (isNull(c, i) ? null : v[i]));
}

/** The 0-based product (PRODUCT_NAMES position) a catalogue name is made of: `Brand Product Line (Variant)`. */
export function productOf(name: string): number {
  const brand = BRANDS.find((b) => name.startsWith(`${b} `));
  if (!brand) throw new Error(`${name}: no brand`);
  const rest = name.slice(brand.length + 1);
  let best = -1;
  PRODUCT_NAMES.forEach((p, k) => {
    if ((rest === p || rest.startsWith(`${p} `)) && (best < 0 || p.length > PRODUCT_NAMES[best].length)) best = k;
  });
  if (best < 0) throw new Error(`${name}: no product`);
  return best;
}
