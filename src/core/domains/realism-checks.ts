/**
 * The realism properties of spec/domains.md §7 as checks over generated tables, each
 * returning the problems it found (empty when the property holds). Test support: the
 * realism suites run them per domain, scale and seed.
 */
import { getColumn, isNull, type Table } from '../table/column';
import { US_PER_DAY, US_PER_HOUR } from '../time';
import type { DomainOutput } from './engine';
import { PRODUCT_PRICES } from './reference/products';
import { SENSOR_SPECS } from './reference/sensors';
import { childCounts, nullable, num, productOf, str } from './test-helpers';

export const T = (out: DomainOutput, name: string): Table => {
  const t = out.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};

/** The most popular parent's share of the child rows, when there are enough rows to speak of a share. */
export function skewProblems(out: DomainOutput, table: string, fk: string, parent: string, bound = 0.15, minRows = 200): string[] {
  const child = T(out, table);
  if (child.length < minRows) return [];
  const counts = childCounts(child, fk, T(out, parent).length);
  const top = Math.max(...counts) / child.length;
  return top <= bound ? [] : [`${table}.${fk}: the top ${parent} holds ${(top * 100).toFixed(1)} % of ${child.length} rows (bound ${bound * 100} %)`];
}

/** Per-parent counts: none past the cap, and no pile-up at it (parents at the cap ≤ 2 × those one below). */
export function capProblems(out: DomainOutput, table: string, fk: string, parent: string, cap: number): string[] {
  const counts = childCounts(T(out, table), fk, T(out, parent).length);
  let atCap = 0;
  let below = 0;
  let max = 0;
  for (const c of counts) {
    if (c === cap) atCap++;
    if (c === cap - 1) below++;
    max = Math.max(max, c);
  }
  const out2: string[] = [];
  if (max > cap) out2.push(`${table}.${fk}: a ${parent} has ${max} rows, past the cap of ${cap}`);
  if (atCap > 2 * below) out2.push(`${table}.${fk}: ${atCap} ${parent} rows at the cap of ${cap}, ${below} one below (a pile-up)`);
  return out2;
}

/** A 24-hour day: every hour has activity, the night (0–5 h) is low but not empty, nothing piles into 23:xx. */
export function hourProblems(out: DomainOutput, table: string, column: string, nightShare: readonly [number, number]): string[] {
  const v = num(T(out, table), column);
  const hours = new Array<number>(24).fill(0);
  for (let i = 0; i < v.length; i++) hours[Math.floor((((v[i] % US_PER_DAY) + US_PER_DAY) % US_PER_DAY) / US_PER_HOUR)]++;
  const problems: string[] = [];
  const empty = hours.flatMap((h, k) => (h === 0 ? [k] : []));
  if (v.length >= 2400 && empty.length) problems.push(`${table}.${column}: no rows at hours ${empty.join(', ')} of ${v.length}`);
  const night = hours.slice(0, 6).reduce((a, b) => a + b, 0) / v.length;
  if (v.length >= 2400 && (night < nightShare[0] || night > nightShare[1])) problems.push(`${table}.${column}: ${(night * 100).toFixed(1)} % at night (0–5 h), expected ${nightShare.map((x) => x * 100).join('–')} %`);
  // a clipped curve piles into 23:xx; a wrapped one falls off from 22 to 23 to 0
  if (v.length >= 2400 && hours[23] > hours[22] * 1.25 + 10) problems.push(`${table}.${column}: ${hours[23]} rows at 23 h, ${hours[22]} at 22 h (clipped into 23:xx?)`);
  return problems;
}

/** Retail: an order is `returned` exactly when a return row exists, each returned order once. */
export function returnProblems(out: DomainOutput): string[] {
  const status = str(T(out, 'order'), 'status');
  const returned = num(T(out, 'return'), 'order_id');
  const seen = new Set<number>();
  const problems: string[] = [];
  for (const o of Array.from(returned)) {
    if (seen.has(o)) problems.push(`order ${o} returned twice`);
    seen.add(o);
    if (status[o - 1] !== 'returned') problems.push(`order ${o} has a return but status ${status[o - 1]}`);
  }
  const marked = status.filter((s) => s === 'returned').length;
  if (marked !== seen.size) problems.push(`${marked} orders are returned, ${seen.size} have a return row`);
  return problems.slice(0, 10);
}

/** Retail: product names distinct within the catalogue, prices that fit the product (its typical price × 0.3 … 4). */
export function productProblems(out: DomainOutput): string[] {
  const p = T(out, 'product');
  const names = str(p, 'product_name');
  const price = num(p, 'unit_price');
  const problems: string[] = [];
  const distinct = new Set(names).size;
  if (distinct !== p.length) problems.push(`${p.length} products carry ${distinct} distinct names`);
  for (let i = 0; i < p.length && problems.length < 10; i++) {
    const typical = PRODUCT_PRICES[productOf(names[i]!)];
    if (price[i] < Math.max(0.99, typical * 0.3 - 0.01) || price[i] > Math.min(999.99, typical * 4)) problems.push(`${names[i]} costs ${price[i]} (typical ${typical})`);
  }
  return problems;
}

/** IoT: each sensor's range is a model of its type; readings inside it and inside the type's physical bounds, none piled on a bound. */
export function sensorProblems(out: DomainOutput): string[] {
  const s = T(out, 'sensor');
  const [type, unit] = [str(s, 'sensor_type'), str(s, 'unit_of_measure')];
  const [lo, hi] = [num(s, 'min_range'), num(s, 'max_range')];
  const problems: string[] = [];
  for (let i = 0; i < s.length && problems.length < 10; i++) {
    const spec = SENSOR_SPECS.find((x) => x.type === type[i])!;
    if (unit[i] !== spec.unit) problems.push(`sensor ${i + 1}: ${type[i]} in ${unit[i]}`);
    if (!spec.models.some(([a, b]) => a === lo[i] && b === hi[i])) problems.push(`sensor ${i + 1}: ${type[i]} range [${lo[i]}, ${hi[i]}] is no model of its type`);
  }
  const r = T(out, 'reading');
  const [sid, v] = [num(r, 'sensor_id'), num(r, 'reading_value')];
  let onBound = 0;
  for (let i = 0; i < r.length && problems.length < 10; i++) {
    const k = sid[i] - 1;
    const spec = SENSOR_SPECS.find((x) => x.type === type[k])!;
    if (v[i] < lo[k] || v[i] > hi[k]) problems.push(`reading ${i + 1}: ${v[i]} outside [${lo[k]}, ${hi[k]}]`);
    if (v[i] < spec.physical[0] || v[i] > spec.physical[1]) problems.push(`reading ${i + 1}: ${type[k]} ${v[i]} ${spec.unit} is physically impossible`);
    if (v[i] === lo[k] || v[i] === hi[k]) onBound++;
  }
  if (onBound > r.length * 0.01) problems.push(`${onBound} of ${r.length} readings sit exactly on a range bound (clipped, not truncated?)`);
  return problems;
}

/** IoT: alerts resolve a continuous while after their trigger (not whole days), within 7 days and the range. */
export function alertProblems(out: DomainOutput, endUs: number): string[] {
  const a = T(out, 'alert');
  const trig = num(a, 'triggered_at');
  const res = nullable(a, 'resolved_at');
  const problems: string[] = [];
  let resolved = 0;
  let wholeDays = 0;
  res.forEach((r, i) => {
    if (r === null) return;
    resolved++;
    const d = r - trig[i];
    if (d % US_PER_DAY === 0) wholeDays++;
    if (!(d > 0) || d > 7 * US_PER_DAY || r >= endUs) problems.push(`alert ${i + 1}: resolved ${(d / US_PER_HOUR).toFixed(2)} h after its trigger`);
  });
  if (wholeDays > Math.max(1, resolved * 0.01)) problems.push(`${wholeDays} of ${resolved} resolutions take whole days`);
  return problems.slice(0, 10);
}

/**
 * Financial: statements chain per account, one per (account, month), the latest closing at the
 * account's current balance (a Closed account's at 0.00), few other exact-zero closings, fees a
 * few to tens of dollars.
 */
export function statementProblems(out: DomainOutput): string[] {
  const st = T(out, 'statement');
  const [acc, date, o, f, c] = ['account_id', 'statement_date', 'opening_balance', 'fees_charged', 'closing_balance'].map((k) => num(st, k));
  const balance = num(T(out, 'account'), 'current_balance');
  const problems: string[] = [];
  const periods = new Set<string>();
  let zeros = 0;
  for (let i = 0; i < st.length && problems.length < 10; i++) {
    const month = new Date(date[i] * 86_400_000).toISOString().slice(0, 7);
    const key = `${acc[i]}:${month}`;
    if (periods.has(key)) problems.push(`account ${acc[i]} has two statements for ${month}`);
    periods.add(key);
    if (i > 0 && acc[i] === acc[i - 1] && o[i] !== c[i - 1]) problems.push(`statement ${i + 1} opens at ${o[i]}, the one before closed at ${c[i - 1]}`);
    const latest = i === st.length - 1 || acc[i + 1] !== acc[i];
    if (latest && c[i] !== balance[acc[i] - 1]) problems.push(`account ${acc[i]}: its latest statement closes at ${c[i]}, its balance is ${balance[acc[i] - 1]}`);
    if (!latest && c[i] === 0) zeros++;
    if (f[i] < 0 || f[i] > 35) problems.push(`statement ${i + 1}: fees of ${f[i]}`);
  }
  if (zeros > Math.max(1, st.length * 0.01)) problems.push(`${zeros} of ${st.length} statements close at exactly 0.00 before the latest`);
  return problems;
}

/** Financial: fee transactions a few to tens of dollars; interest a month's worth (≤ 4.5 % a year) of the account's balance. */
export function feeProblems(out: DomainOutput): string[] {
  const tx = T(out, 'transaction');
  const [type, amount, account] = [str(tx, 'transaction_type'), num(tx, 'amount'), num(tx, 'account_id')];
  const balance = num(T(out, 'account'), 'current_balance');
  const problems: string[] = [];
  for (let i = 0; i < tx.length && problems.length < 10; i++) {
    if (type[i] === 'Fee' && (amount[i] < 1 || amount[i] > 35)) problems.push(`fee transaction ${i + 1} of ${amount[i]}`);
    if (type[i] === 'Interest' && amount[i] > Math.max(0.01, (balance[account[i] - 1] * 0.045) / 12) + 0.01) problems.push(`interest ${amount[i]} on a balance of ${balance[account[i] - 1]}`);
  }
  return problems;
}

/** A numeric column drawn from a distribution with bounds: at most `share` of its values sit exactly on a bound. */
export function boundPileProblems(out: DomainOutput, table: string, column: string, bounds: readonly number[], share = 0.005): string[] {
  const t = T(out, table);
  const c = getColumn(t, column);
  const v = num(t, column);
  let on = 0;
  for (let i = 0; i < t.length; i++) if (!isNull(c, i) && bounds.includes(v[i])) on++;
  return on > Math.max(2, t.length * share) ? [`${table}.${column}: ${on} of ${t.length} values sit on a bound ${bounds.join(' or ')}`] : [];
}
