/**
 * Retail realism (spec/domains.md §7) at every scale the page offers and one the CLI offers,
 * over several seeds: popularity within 15 %, no pile-up at the 50-orders cap, returned ⇔ a
 * return row, a 24-hour day, distinct product names with fitting prices, no values piled on
 * distribution bounds. `large` is sampled: its full 25,000-product catalogue with a tenth of
 * its customers and orders (the same five orders a customer), as generating 20 M rows per
 * test run would take minutes; the skew bound at its full size is checked analytically in
 * scales.realism.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDomain, type DomainOutput } from './engine';
import { boundPileProblems, capProblems, hourProblems, productProblems, returnProblems, skewProblems } from './realism-checks';
import { retail } from './retail';

const RUNS = [
  { scale: 'fixture', seeds: [1, 2, 3, 42] },
  { scale: 'fabric_demo', seeds: [1, 2, 3] },
  { scale: 'small', seeds: [7, 42] },
  { scale: 'medium', seeds: [42] },
  { scale: 'large', seeds: [42], rows: { customer: 100_000, product: 25_000, order: 500_000 } },
] as const;

for (const run of RUNS)
  for (const seed of run.seeds)
    describe(`retail realism at ${run.scale}${'rows' in run ? ' (sampled)' : ''}, seed ${seed}`, () => {
      let out: DomainOutput;
      beforeAll(async () => {
        out = await generateDomain(retail, { scale: run.scale, seed, ...('rows' in run ? { rows: run.rows } : {}) });
      }, 300_000);

      it('keeps the most popular store and product within 15 %', () => {
        expect([...skewProblems(out, 'order', 'store_id', 'store'), ...skewProblems(out, 'order_line', 'product_id', 'product')]).toEqual([]);
      });
      it('has a smooth tail of orders per customer, with no pile-up at the cap of 50', () => {
        expect(capProblems(out, 'order', 'customer_id', 'customer', 50)).toEqual([]);
      });
      it('marks an order returned exactly when a return row proves it', () => {
        expect(returnProblems(out)).toEqual([]);
      });
      it('spreads orders over a 24-hour day: quiet nights, nothing clipped into 23:xx', () => {
        expect(hourProblems(out, 'order', 'order_date', [0.01, 0.12])).toEqual([]);
      });
      it('names every product distinctly and prices it like what it is', () => {
        expect(productProblems(out)).toEqual([]);
      });
      it('piles no values on distribution bounds', () => {
        expect([...boundPileProblems(out, 'product', 'unit_price', [0.99, 999.99]), ...boundPileProblems(out, 'order_line', 'quantity', [20])]).toEqual([]);
      });
    });
