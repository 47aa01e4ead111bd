/**
 * The retail domain (spec/domains.md §3.1): customers and their addresses, a two-level
 * product catalog, stores, promotions, orders with lines, and returns.
 */
import { col, anchor, zipColumns, fixed, perParent, perYear, table } from './declare';
import type { DomainDef } from './model';
import { PRODUCT_GROUP_ENDS, PROMO_NAMES, RETAIL_CATEGORIES, RETAIL_CATEGORY_ROOTS } from './reference/catalogs';
import { flag, fixedNumbers, geometric, inOrder, pick, sequencePattern, weighted, weightedNumber } from './strategies/basic';
import { firstPerParent, formula, lookup, lookupOr, provenStatus, scaled, sumChildren } from './strategies/derive';
import { productCategory, productName, productPrice } from './strategies/catalog';
import { fkActiveAt, fkAmongChildren, fkCoverage, fkDistinct, fkParetoTimed, fkZipf } from './strategies/fk';
import { email, firstName, lastName, streetAddress } from './strategies/people';
import { addDays, seasonal, uniformInstant } from './strategies/time';

/** Category tree: roots at the listed ids (level 1), every other id under the preceding root. */
const categoryParents = RETAIL_CATEGORIES.map((_, i) => (RETAIL_CATEGORY_ROOTS.includes(i + 1) ? null : Math.max(...RETAIL_CATEGORY_ROOTS.filter((r) => r <= i + 1))));
const categoryLevels = categoryParents.map((p) => (p === null ? 1 : 2));

/** Level-2 category ids under the root of a product's group (by its 0-based position in PRODUCT_NAMES). */
function categoriesForName(code: number): number[] {
  const root = PRODUCT_GROUP_ENDS.find(([end]) => code + 1 <= end)![1];
  return categoryParents.flatMap((p, i) => (p === root ? [i + 1] : []));
}

export const retail: DomainDef = {
  id: 'retail',
  title: 'Retail',
  summary: 'Customers, addresses, a product catalog, stores, promotions, orders with lines, and returns.',
  range: { start: '2022-01-01', end: '2025-12-31' },
  scales: {
    fixture: { customer: 50, product: 25, order: 250 },
    fabric_demo: { customer: 200, product: 100, order: 1_000 },
    small: { customer: 1_000, product: 500, order: 5_000 },
    // 5 orders per customer at every scale: the per-customer cap of 50 leaves room for a long, smooth tail (spec §7)
    medium: { customer: 100_000, product: 5_000, order: 500_000 },
    large: { customer: 1_000_000, product: 25_000, order: 5_000_000 },
    xlarge: { customer: 20_000_000, product: 100_000, order: 100_000_000 },
    warehouse: { customer: 2_000_000, product: 50_000, order: 10_000_000 },
    xxl: { customer: 200_000_000, product: 200_000, order: 1_000_000_000 },
    xxxl: { customer: 2_000_000_000, product: 500_000, order: 10_000_000_000 },
  },
  tables: [
    table({
      name: 'customer',
      pk: 'customer_id',
      count: anchor(),
      eventTime: 'signup_date',
      sortByTime: true,
      columns: [
        col('first_name', 'string', firstName('gender')),
        col('last_name', 'string', lastName()),
        col('email', 'string', email('first_name', 'last_name'), { nullRate: 0.05 }),
        col('gender', 'string', weighted('customer.gender', { M: 0.49, F: 0.51 })),
        col('loyalty_tier', 'string', weighted('customer.loyalty_tier', { Basic: 0.55, Silver: 0.25, Gold: 0.13, Platinum: 0.07 })),
        col('signup_date', 'timestamp', uniformInstant({ marked: true })),
        col('is_active', 'bool', flag(0.85)),
      ],
    }),
    table({
      name: 'address',
      pk: 'address_id',
      count: perParent('address', 'customer', 1.5),
      columns: [
        col('customer_id', 'int', fkCoverage('customer')),
        col('address_type', 'string', weighted('address.address_type', { billing: 0.5, shipping: 0.4, both: 0.1 })),
        col('street', 'string', streetAddress()),
        ...zipColumns(['city', 'state', 'zip_code', 'lat', 'lng']),
        col('is_primary', 'bool', firstPerParent('customer_id')),
      ],
    }),
    table({
      name: 'product_category',
      pk: 'category_id',
      count: fixed(RETAIL_CATEGORIES.length),
      columns: [
        col('category_name', 'string', inOrder(RETAIL_CATEGORIES)),
        col('parent_category_id', 'int', { ...fixedNumbers('int', categoryParents), references: 'product_category' }),
        col('level', 'int', fixedNumbers('int', categoryLevels)),
      ],
    }),
    table({
      name: 'product',
      pk: 'product_id',
      count: anchor(),
      columns: [
        // distinct (brand, product, line, variant) names; categories and prices that fit the product (spec §7)
        col('product_name', 'string', productName()),
        col('category_id', 'int', productCategory('product_category', 'product_name', categoriesForName)),
        col('unit_price', 'float', productPrice('product_name', 0.99, 999.99), { dp: 2, money: true }),
        col('cost', 'float', scaled('unit_price', 0.3, 0.7), { dp: 2, money: true }),
        col('product_status', 'string', weighted('product.product_status', { introduced: 0.08, active: 0.75, discontinued: 0.17 })),
      ],
    }),
    table({
      name: 'store',
      pk: 'store_id',
      count: fixed(150),
      columns: [
        col('store_name', 'string', sequencePattern('Store #', 4)),
        col('store_type', 'string', weighted('store.store_type', { physical: 0.85, online: 0.1, warehouse: 0.05 })),
        ...zipColumns(['city', 'state']),
      ],
    }),
    table({
      name: 'promotion',
      pk: 'promotion_id',
      count: perYear(50),
      eventTime: 'start_date',
      columns: [
        col('promo_name', 'string', pick(PROMO_NAMES)),
        col('promo_type', 'string', weighted('promotion.promo_type', { percent_off: 0.4, bogo: 0.15, fixed_amount: 0.2, bundle: 0.1, free_shipping: 0.15 })),
        col('discount_pct', 'float', weightedNumber('float', [[5, 0.05], [10, 0.25], [15, 0.2], [20, 0.25], [25, 0.1], [50, 0.15]])),
        col('start_date', 'timestamp', uniformInstant({ marked: true })),
        col('end_date', 'timestamp', addDays('start_date', { uniform: [3, 30] })),
      ],
    }),
    table({
      name: 'order',
      pk: 'order_id',
      count: anchor(),
      eventTime: 'order_date',
      sortByTime: true,
      columns: [
        col('customer_id', 'int', fkParetoTimed('customer', { alpha: 1.16, cap: 50, time: 'order_date', parentTime: 'signup_date' })),
        col('store_id', 'int', fkZipf('store', { default: 0.8, reference: 1.3 })),
        col('shipping_address_id', 'int', fkAmongChildren('address', 'customer_id', 'customer_id')),
        col('promotion_id', 'int', fkActiveAt('promotion', { time: 'order_date', start: 'start_date', end: 'end_date', share: 0.3 })),
        col(
          'order_date',
          'timestamp',
          seasonal({
            months: [0.071, 0.068, 0.079, 0.079, 0.083, 0.083, 0.085, 0.088, 0.079, 0.083, 0.096, 0.106],
            weekdays: [0.155, 0.152, 0.148, 0.153, 0.147, 0.115, 0.13],
            hours: { peaks: [12, 20], sd: 2, floor: 0.08 },
          }),
        ),
        // `returned` exactly when a return row exists: its share is the return table's ratio
        col('status', 'string', provenStatus('order.status', { completed: 0.77, shipped: 0.08, processing: 0.02, cancelled: 0.04, returned: 0.09 }, { value: 'returned', by: 'return', time: 'order_date', marginDays: 1 })),
        col('order_total', 'float', sumChildren('order_line', 'order_id', 'line_total'), { dp: 2, money: true }),
      ],
    }),
    table({
      name: 'order_line',
      pk: 'order_line_id',
      count: perParent('order_line', 'order', 2.5),
      eventTimeVia: { fk: 'order_id', table: 'order', column: 'order_date' },
      columns: [
        col('order_id', 'int', fkCoverage('order')),
        col('product_id', 'int', fkZipf('product', { default: 1.0, reference: 1.5 })),
        col('promotion_id', 'int', lookup('order_id.promotion_id', 'promotion')),
        col('quantity', 'int', geometric(0.6, 1, 20)),
        col('unit_price', 'float', lookup('product_id.unit_price'), { dp: 2, money: true }),
        col('discount_percent', 'float', lookupOr('promotion_id.discount_pct', 0)),
        col('line_total', 'float', formula('float', ['quantity', 'unit_price', 'discount_percent'], (_, q, p, d) => q * p * (1 - d / 100)), { dp: 2, money: true }),
      ],
    }),
    table({
      name: 'return',
      pk: 'return_id',
      count: perParent('return', 'order', 0.09),
      eventTime: 'return_date',
      sortByTime: true,
      // one return per returned order, and only orders a day before the range end can be returned
      maxRatio: 0.5,
      columns: [
        col('order_id', 'int', fkDistinct('order', { first: 'status=returned', fill: 'status=completed', time: 'order_date', marginDays: 1 })),
        col('return_date', 'timestamp', addDays('order_id.order_date', { lognormal: { mu: 2.0, sigma: 0.8, min: 1, max: 90 }, withinRange: true })),
        col(
          'reason',
          'string',
          weighted('return.reason', { wrong_size: 0.25, changed_mind: 0.22, not_as_described: 0.2, defective: 0.15, damaged_shipping: 0.1, arrived_late: 0.05, other: 0.03 }),
        ),
        col(
          'refund_amount',
          'float',
          // most returns refund the whole order; the rest some of its items
          formula('float', ['order_id.order_total'], (rng, total) => {
            const x = Math.min(2000, Math.max(5, rng.lognormal(3.5, 1.0)));
            const share = rng.between(0.3, 1);
            return rng.uniform() < 0.6 ? total : Math.min(x, total * share);
          }),
          { dp: 2, money: true },
        ),
      ],
    }),
  ],
};
