import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../table/column';
import { US_PER_DAY } from '../time';
import { generateDomain, type DomainOutput } from './engine';
import { checkIntegrity } from './integrity';
import { PRODUCT_GROUP_ENDS, RETAIL_CATEGORY_ROOTS } from './reference/catalogs';
import { zipfAlpha } from './strategies/fk';
import { FEMALE_FIRST_NAMES, MALE_FIRST_NAMES } from './reference/names';
import { STATE_CODES, zipRecords } from './reference/places';
import { retail } from './retail';
import { estimateRows, totalRows } from './scales';
import { roundTo } from './sort';
import { childCounts, frequencyFailures, harmonic, nullable, nulls, num, productOf, str, topShare, withinTolerance } from './test-helpers';

let small: DomainOutput;
let reference: DomainOutput;
const T = (out: DomainOutput, name: string): Table => out.tables.find((t) => t.name === name)!;
const START = Date.UTC(2022, 0, 1) * 1000;
const END = Date.UTC(2026, 0, 1) * 1000;

beforeAll(async () => {
  small = await generateDomain(retail, { scale: 'small', seed: 42 });
  reference = await generateDomain(retail, { scale: 'small', seed: 42, skew: 'reference' });
});

describe('retail: counts and keys (spec §6 items 2–3)', () => {
  it('has the spec row counts for every preset', () => {
    expect(totalRows(estimateRows(retail, 'fabric_demo'))).toBe(4_590);
    expect(totalRows(estimateRows(retail, 'small'))).toBe(21_350);
    expect(totalRows(estimateRows(retail, 'medium'))).toBe(2_050_400);
    expect(estimateRows(retail, 'fixture')).toEqual({ customer: 50, address: 75, product_category: 50, product: 25, store: 150, promotion: 200, order: 250, order_line: 625, return: 22 });
    expect(estimateRows(retail, 'large').order_line).toBe(12_500_000);
    expect(estimateRows(retail, 'warehouse').order).toBeLessThan(estimateRows(retail, 'xlarge').order);
    for (const t of small.tables) expect(t.length, t.name).toBe(estimateRows(retail, 'small')[t.name]);
  });

  it('has unique 1..n keys, FKs that exist and ids ascending with event time', () => {
    expect(checkIntegrity(small.tables, small.meta)).toEqual([]);
  });

  it('has nulls only where the spec allows them', () => {
    const allowed = new Set(['customer.email', 'order.promotion_id', 'order_line.promotion_id', 'product_category.parent_category_id']);
    for (const t of small.tables)
      for (const c of t.columns) if (!allowed.has(`${t.name}.${c.name}`)) expect(nulls(t, c.name), `${t.name}.${c.name}`).toBe(0);
    expect(withinTolerance(nulls(T(small, 'customer'), 'email'), 1000, 0.05)).toBe(true);
    expect(nulls(T(small, 'order'), 'shipping_address_id')).toBe(0);
  });

  it('covers every customer with an address and every order with a line; caps orders per customer', () => {
    expect(Math.min(...childCounts(T(small, 'address'), 'customer_id', 1000))).toBeGreaterThanOrEqual(1);
    expect(Math.min(...childCounts(T(small, 'order_line'), 'order_id', 5000))).toBeGreaterThanOrEqual(1);
    expect(Math.max(...childCounts(T(small, 'order'), 'customer_id', 1000))).toBeLessThanOrEqual(50);
    const addr = T(small, 'address');
    const cust = num(addr, 'customer_id');
    const primary = num(addr, 'is_primary');
    for (let i = 0; i < addr.length; i++) expect(primary[i]).toBe(i === 0 || cust[i] !== cust[i - 1] ? 1 : 0);
  });

  it('records metadata for the simulators', () => {
    const order = small.meta.find((m) => m.name === 'order')!;
    expect(order.pk).toBe('order_id');
    expect(order.eventTimeColumn).toBe('order_date');
    expect(order.fks).toContainEqual({ column: 'customer_id', table: 'customer', parentColumn: 'customer_id' });
    expect(order.enums.status).toEqual(['completed', 'shipped', 'processing', 'cancelled', 'returned']);
    expect(small.meta.find((m) => m.name === 'order_line')!.eventTimeVia).toEqual({ fk: 'order_id', table: 'order', column: 'order_date' });
  });
});

describe('retail: values (spec §6 items 4–7)', () => {
  it('draws enums within tolerance', () => {
    const cases: [string, string, Record<string, number>][] = [
      ['customer', 'gender', { M: 0.49, F: 0.51 }],
      ['customer', 'loyalty_tier', { Basic: 0.55, Silver: 0.25, Gold: 0.13, Platinum: 0.07 }],
      ['address', 'address_type', { billing: 0.5, shipping: 0.4, both: 0.1 }],
      ['product', 'product_status', { introduced: 0.08, active: 0.75, discontinued: 0.17 }],
      ['order', 'status', { completed: 0.77, shipped: 0.08, processing: 0.02, cancelled: 0.04, returned: 0.09 }],
      ['return', 'reason', { wrong_size: 0.25, changed_mind: 0.22, not_as_described: 0.2, defective: 0.15, damaged_shipping: 0.1, arrived_late: 0.05, other: 0.03 }],
      ['promotion', 'promo_type', { percent_off: 0.4, bogo: 0.15, fixed_amount: 0.2, bundle: 0.1, free_shipping: 0.15 }],
    ];
    for (const [t, c, w] of cases) expect(frequencyFailures(str(T(small, t), c), w), `${t}.${c}`).toEqual([]);
    expect(frequencyFailures(Array.from(num(T(small, 'order_line'), 'quantity')).map((q) => (q === 1 ? 'one' : 'more')), { one: 0.6, more: 0.4 })).toEqual([]);
  });

  it('keeps numerics in range with declared decimals and derived values consistent', () => {
    const product = T(small, 'product');
    const price = num(product, 'unit_price');
    const cost = num(product, 'cost');
    for (let i = 0; i < product.length; i++) {
      expect(price[i]).toBeGreaterThanOrEqual(0.99);
      expect(price[i]).toBeLessThanOrEqual(999.99);
      expect(roundTo(price[i], 2)).toBe(price[i]);
      expect(cost[i] / price[i]).toBeGreaterThanOrEqual(0.3 - 0.01 / price[i]);
      expect(cost[i] / price[i]).toBeLessThanOrEqual(0.7 + 0.01 / price[i]);
    }
    const lines = T(small, 'order_line');
    const [q, up, d, lt, lineOrder, lineProduct] = ['quantity', 'unit_price', 'discount_percent', 'line_total', 'order_id', 'product_id'].map((c) => num(lines, c));
    const order = T(small, 'order');
    const orderPromo = nullable(order, 'promotion_id');
    const lineP = nullable(lines, 'promotion_id');
    const promoPct = num(T(small, 'promotion'), 'discount_pct');
    const sums = new Float64Array(order.length);
    for (let i = 0; i < lines.length; i++) {
      expect(q[i]).toBeGreaterThanOrEqual(1);
      expect(q[i]).toBeLessThanOrEqual(20);
      expect(lt[i]).toBe(roundTo(q[i] * up[i] * (1 - d[i] / 100), 2));
      expect(up[i]).toBe(price[lineProduct[i] - 1]);
      const lp = lineP[i];
      expect(lp).toBe(orderPromo[lineOrder[i] - 1]);
      expect(d[i]).toBe(lp === null ? 0 : promoPct[lp - 1]);
      sums[lineOrder[i] - 1] += lt[i];
    }
    const total = num(order, 'order_total');
    for (let o = 0; o < order.length; o++) {
      expect(total[o]).toBe(roundTo(sums[o], 2));
      expect(total[o]).toBeGreaterThan(0);
    }
  });

  it('keeps dates in range and after their parents', () => {
    const cust = T(small, 'customer');
    const signup = num(cust, 'signup_date');
    for (let i = 0; i < cust.length; i++) expect(signup[i] >= START && signup[i] < END).toBe(true);
    const order = T(small, 'order');
    const od = num(order, 'order_date');
    const oc = num(order, 'customer_id');
    for (let i = 0; i < order.length; i++) {
      expect(od[i] >= START && od[i] < END).toBe(true);
      expect(od[i]).toBeGreaterThanOrEqual(signup[oc[i] - 1]);
      expect(od[i] % 1000).toBe(0);
    }
    const promo = T(small, 'promotion');
    const [ps, pe] = [num(promo, 'start_date'), num(promo, 'end_date')];
    for (let i = 0; i < promo.length; i++) {
      const days = (pe[i] - ps[i]) / US_PER_DAY;
      expect(Number.isInteger(days) && days >= 3 && days <= 30).toBe(true);
    }
    const opc = nullable(order, 'promotion_id');
    for (let i = 0; i < order.length; i++) {
      const p = opc[i];
      if (p !== null) expect(ps[p - 1] <= od[i] && od[i] <= pe[p - 1]).toBe(true);
    }
    expect(withinTolerance(order.length - nulls(order, 'promotion_id'), order.length, 0.27)).toBe(true);
  });

  it('returns exactly the returned orders, each once, within 1–90 days and the range (spec §7: statuses proven by rows)', () => {
    const order = T(small, 'order');
    const status = str(order, 'status');
    const od = num(order, 'order_date');
    const total = num(order, 'order_total');
    const ret = T(small, 'return');
    const [ro, rd, refund] = [num(ret, 'order_id'), num(ret, 'return_date'), num(ret, 'refund_amount')];
    const seen = new Set<number>();
    for (let i = 0; i < ret.length; i++) {
      const o = ro[i] - 1;
      expect(seen.has(o)).toBe(false);
      seen.add(o);
      expect(status[o]).toBe('returned');
      const days = (rd[i] - od[o]) / US_PER_DAY;
      expect(Number.isInteger(days) && days >= 1 && days <= 90).toBe(true);
      expect(rd[i]).toBeLessThan(END);
      expect(refund[i]).toBeGreaterThan(0);
      expect(refund[i]).toBeLessThanOrEqual(total[o]);
    }
    expect(status.filter((s) => s === 'returned').length).toBe(ret.length);
    // most returns refund the whole order, some only part of it
    const full = Array.from(ro).filter((o, i) => refund[i] === total[o - 1]).length / ret.length;
    expect(full > 0.45 && full < 0.75).toBe(true);
  });

  it('builds the two-level category tree and places products under their name group', () => {
    const cat = T(small, 'product_category');
    const parent = nullable(cat, 'parent_category_id');
    const level = num(cat, 'level');
    const roots = Array.from({ length: cat.length }, (_, i) => i + 1).filter((id) => level[id - 1] === 1);
    expect(roots).toEqual(RETAIL_CATEGORY_ROOTS);
    expect(nulls(cat, 'parent_category_id')).toBe(11);
    const product = T(small, 'product');
    const names = str(product, 'product_name');
    const pc = num(product, 'category_id');
    for (let i = 0; i < product.length; i++) {
      const pos = productOf(names[i]!) + 1;
      const root = PRODUCT_GROUP_ENDS.find(([end]) => pos <= end)![1];
      expect(level[pc[i] - 1]).toBe(2);
      expect(parent[pc[i] - 1]).toBe(root);
    }
  });

  it('takes city, state, zip, lat and lng from one record; names match gender; emails match names', () => {
    const z = zipRecords();
    const byZip = new Map(z.zip.map((code, r) => [code, r]));
    const addr = T(small, 'address');
    const [city, state, zip] = ['city', 'state', 'zip_code'].map((c) => str(addr, c));
    const [lat, lng] = [num(addr, 'lat'), num(addr, 'lng')];
    for (let i = 0; i < addr.length; i++) {
      const r = byZip.get(zip[i]!)!;
      expect([z.cityNames[z.city[r]], STATE_CODES[z.state[r]], z.lat[r], z.lng[r]]).toEqual([city[i], state[i], lat[i], lng[i]]);
    }
    const cust = T(small, 'customer');
    const [first, last, mail, gender] = ['first_name', 'last_name', 'email', 'gender'].map((c) => str(cust, c));
    const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
    for (let i = 0; i < cust.length; i++) {
      expect((gender[i] === 'M' ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES).includes(first[i]!)).toBe(true);
      if (mail[i] !== null) expect(mail[i]).toMatch(new RegExp(`^${clean(first[i]!)}\\.${clean(last[i]!)}[1-9][0-9]{0,2}@[a-z.]+$`));
    }
  });
});

describe('retail: seasonality and skew (spec §6 items 8–9)', () => {
  it('follows the month and weekday weights, bimodal hours and equal years', () => {
    const od = Array.from(num(T(small, 'order'), 'order_date'), (us) => new Date(us / 1000));
    const months = [0.071, 0.068, 0.079, 0.079, 0.083, 0.083, 0.085, 0.088, 0.079, 0.083, 0.096, 0.106];
    const weekdays = [0.155, 0.152, 0.148, 0.153, 0.147, 0.115, 0.13];
    expect(frequencyFailures(od.map((d) => d.getUTCMonth()), Object.fromEntries(months.map((w, m) => [m, w])))).toEqual([]);
    expect(frequencyFailures(od.map((d) => (d.getUTCDay() + 6) % 7), Object.fromEntries(weekdays.map((w, k) => [k, w])))).toEqual([]);
    const peak = od.filter((d) => (d.getUTCHours() >= 10 && d.getUTCHours() < 14) || (d.getUTCHours() >= 18 && d.getUTCHours() < 22)).length;
    expect(peak / od.length).toBeGreaterThanOrEqual(0.6);
    expect(frequencyFailures(od.map((d) => d.getUTCFullYear()), { 2022: 1, 2023: 1, 2024: 1, 2025: 1 })).toEqual([]);
  });

  it('keeps the default profile realistic and the reference profile as declared', () => {
    const share = (out: DomainOutput, t: string, fk: string, parents: number) => Math.max(...childCounts(T(out, t), fk, parents)) / T(out, t).length;
    expect(share(small, 'order', 'store_id', 150)).toBeLessThan(0.15);
    // product α 1.0 over 500 products flattens to keep three standard deviations below 15 % (spec §7)
    expect(withinTolerance(share(small, 'order_line', 'product_id', 500) * 12_500, 12_500, 1 / harmonic(500, zipfAlpha(500, 12_500, 1.0, 'default')))).toBe(true);
    const n = 5000;
    const p = 1 / harmonic(150, 0.8);
    expect(withinTolerance(share(small, 'order', 'store_id', 150) * n, n, p)).toBe(true);
    const pRef = 1 / harmonic(150, 1.3);
    expect(withinTolerance(share(reference, 'order', 'store_id', 150) * n, n, pRef)).toBe(true);
    expect(share(reference, 'order_line', 'product_id', 500)).toBeGreaterThan(0.25);
    // a long tail that stays below the cap (spec §7) holds the top 20 % of customers to about half the orders
    const top = topShare(childCounts(T(small, 'order'), 'customer_id', 1000), 0.2);
    expect(top).toBeGreaterThanOrEqual(0.45);
    expect(top).toBeLessThanOrEqual(0.8);
    const stores = childCounts(T(small, 'order'), 'store_id', 150);
    const top5 = Array.from(stores.keys()).sort((a, b) => stores[b] - stores[a]).slice(0, 5);
    expect(top5.sort((a, b) => a - b)).not.toEqual([0, 1, 2, 3, 4]);
  });
});
