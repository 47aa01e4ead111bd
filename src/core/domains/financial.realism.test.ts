/**
 * Financial realism (spec/domains.md §7) at every scale the page offers, over several seeds:
 * branch popularity within 15 %, no pile-up at the 200-transactions cap, a 24-hour day,
 * statements that chain with one per (account, month), fees and interest at realistic sizes,
 * no values piled on distribution bounds. The CLI-only scale is covered by the sampled retail
 * and full IoT runs and the analytic checks of scales.realism.test.ts: financial's large
 * preset keeps medium's ratios (4.5 transactions an account), so a tenth of it is medium.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDomain, type DomainOutput } from './engine';
import { financial } from './financial';
import { boundPileProblems, capProblems, feeProblems, hourProblems, skewProblems, statementProblems } from './realism-checks';

const RUNS = [
  { scale: 'fixture', seeds: [1, 2, 3, 42] },
  { scale: 'fabric_demo', seeds: [1, 2, 3] },
  { scale: 'small', seeds: [7, 42] },
  { scale: 'medium', seeds: [42] },
] as const;

for (const run of RUNS)
  for (const seed of run.seeds)
    describe(`financial realism at ${run.scale}, seed ${seed}`, () => {
      let out: DomainOutput;
      beforeAll(async () => {
        out = await generateDomain(financial, { scale: run.scale, seed });
      }, 300_000);

      it('keeps the most popular branch within 15 % of customers', () => {
        expect(skewProblems(out, 'customer', 'primary_branch_id', 'branch')).toEqual([]);
      });
      it('has a smooth tail of transactions per account, with no pile-up at the cap of 200', () => {
        expect(capProblems(out, 'transaction', 'account_id', 'account', 200)).toEqual([]);
      });
      it('spreads transactions over a 24-hour day: quiet nights, nothing clipped into 23:xx', () => {
        expect(hourProblems(out, 'transaction', 'transaction_date', [0.03, 0.15])).toEqual([]);
      });
      it('chains statement balances, one statement per account and month', () => {
        expect(statementProblems(out)).toEqual([]);
      });
      it('charges fees of a few to tens of dollars and interest on the balance', () => {
        expect(feeProblems(out)).toEqual([]);
      });
      it('piles no values on distribution bounds', () => {
        expect([
          ...boundPileProblems(out, 'loan', 'principal_amount', [1_000, 2e6]),
          ...boundPileProblems(out, 'loan_payment', 'payment_amount', [50, 50_000]),
          ...boundPileProblems(out, 'account', 'current_balance', [5e6]),
        ]).toEqual([]);
      });
    });
