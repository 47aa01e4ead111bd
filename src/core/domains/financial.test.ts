import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../table/column';
import { daysFromCivil, US_PER_DAY, US_PER_HOUR } from '../time';
import { generateDomain, type DomainOutput } from './engine';
import { financial } from './financial';
import { checkIntegrity } from './integrity';
import { TRANSACTION_CATEGORIES } from './reference/catalogs';
import { estimateRows, totalRows } from './scales';
import { roundTo } from './sort';
import { childCounts, frequencyFailures, harmonic, nulls, num, str, withinTolerance } from './test-helpers';

let out: DomainOutput;
const T = (name: string): Table => out.tables.find((t) => t.name === name)!;
const day = (iso: string) => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
const cents = (x: number) => Math.round(x * 100);

beforeAll(async () => {
  out = await generateDomain(financial, { scale: 'small', seed: 42 });
});

describe('financial: counts, keys and coverage', () => {
  it('has the spec row counts', () => {
    expect(totalRows(estimateRows(financial, 'fabric_demo'))).toBe(3_596);
    expect(totalRows(estimateRows(financial, 'small'))).toBe(33_800);
    expect(totalRows(estimateRows(financial, 'medium'))).toBe(1_678_240);
    for (const t of out.tables) expect(t.length, t.name).toBe(estimateRows(financial, 'small')[t.name]);
  });

  it('has consistent keys, nulls only where allowed, full account coverage and the transaction cap', () => {
    expect(checkIntegrity(out.tables, out.meta)).toEqual([]);
    const allowed = new Set(['customer.email', 'customer.phone', 'transaction.merchant_name', 'transaction_category.parent_category_id']);
    for (const t of out.tables) for (const c of t.columns) if (!allowed.has(`${t.name}.${c.name}`)) expect(nulls(t, c.name), `${t.name}.${c.name}`).toBe(0);
    expect(withinTolerance(nulls(T('customer'), 'email'), 1000, 0.03)).toBe(true);
    expect(withinTolerance(nulls(T('customer'), 'phone'), 1000, 0.1)).toBe(true);
    expect(withinTolerance(nulls(T('transaction'), 'merchant_name'), 10_000, 0.3)).toBe(true);
    expect(Math.min(...childCounts(T('account'), 'customer_id', 1000))).toBeGreaterThanOrEqual(1);
    expect(Math.max(...childCounts(T('transaction'), 'account_id', 2200))).toBeLessThanOrEqual(200);
  });

  it('keeps transaction_category flat and in list order', () => {
    const c = T('transaction_category');
    expect(str(c, 'category_name')).toEqual(TRANSACTION_CATEGORIES.map((x) => x.name));
    expect(nulls(c, 'parent_category_id')).toBe(40);
    expect(Array.from(num(c, 'level'))).toEqual(new Array(40).fill(1));
  });
});

describe('financial: values', () => {
  it('draws enums within tolerance', () => {
    const cases: [string, string, Record<string, number>][] = [
      ['customer', 'credit_tier', { Excellent: 0.22, Good: 0.35, Fair: 0.28, Poor: 0.15 }],
      ['account', 'account_type', { Checking: 0.45, Savings: 0.3, 'Money Market': 0.1, CD: 0.08, Investment: 0.07 }],
      ['account', 'status', { Active: 0.85, Dormant: 0.08, Closed: 0.05, Frozen: 0.02 }],
      ['card', 'card_network', { Visa: 0.52, Mastercard: 0.24, Amex: 0.15, Discover: 0.09 }],
      ['transaction', 'transaction_type', { Deposit: 0.25, Withdrawal: 0.2, Transfer: 0.18, Payment: 0.22, Fee: 0.05, Interest: 0.05, Refund: 0.05 }],
      ['transaction', 'channel', { Online: 0.35, Mobile: 0.3, ATM: 0.15, Branch: 0.12, Phone: 0.05, Wire: 0.03 }],
      ['transaction', 'status', { Completed: 0.92, Pending: 0.04, Failed: 0.02, Reversed: 0.02 }],
      ['loan_payment', 'payment_method', { 'Auto-debit': 0.55, Online: 0.25, Check: 0.1, Branch: 0.07, Phone: 0.03 }],
    ];
    for (const [t, c, w] of cases) expect(frequencyFailures(str(T(t), c), w), `${t}.${c}`).toEqual([]);
    const terms = Array.from(num(T('loan'), 'term_months'), String);
    expect(terms.every((t) => ['12', '24', '36', '48', '60', '120', '180', '240', '360'].includes(t))).toBe(true);
    const cats = Array.from(num(T('transaction'), 'category_id'), (id) => TRANSACTION_CATEGORIES[id - 1].name);
    expect(frequencyFailures(cats, Object.fromEntries(TRANSACTION_CATEGORIES.map((c) => [c.name, c.weight])))).toEqual([]);
    expect(str(T('card'), 'last_four').every((s) => /^\d{4}$/.test(s!))).toBe(true);
  });

  it('keeps balances, loans, payments and statements consistent', () => {
    const acc = T('account');
    const [bal, status] = [num(acc, 'current_balance'), str(acc, 'status')];
    for (let i = 0; i < acc.length; i++) if (status[i] === 'Closed') expect(bal[i]).toBe(0);
    const loan = T('loan');
    const [pr, os, ls, rate] = [num(loan, 'principal_amount'), num(loan, 'outstanding_balance'), str(loan, 'status'), num(loan, 'interest_rate')];
    for (let i = 0; i < loan.length; i++) {
      if (ls[i] === 'Paid Off') expect(os[i]).toBe(0);
      else expect(os[i] / pr[i]).toBeGreaterThanOrEqual(0.1 - 0.005 / pr[i]);
      expect(os[i] / pr[i]).toBeLessThanOrEqual(0.95 + 0.005 / pr[i]);
      expect(rate[i] >= 2.5 && rate[i] <= 18 && roundTo(rate[i], 2) === rate[i]).toBe(true);
    }
    const pay = T('loan_payment');
    const [amt, pp, ip] = [num(pay, 'payment_amount'), num(pay, 'principal_portion'), num(pay, 'interest_portion')];
    for (let i = 0; i < pay.length; i++) expect(cents(pp[i]) + cents(ip[i])).toBe(cents(amt[i]));
    const st = T('statement');
    const [o, d, w, f, c, sa] = ['opening_balance', 'total_deposits', 'total_withdrawals', 'fees_charged', 'closing_balance', 'account_id'].map((k) => num(st, k));
    for (let i = 0; i < st.length; i++) {
      expect(cents(c[i])).toBe(cents(o[i]) + cents(d[i]) - cents(w[i]) - cents(f[i]));
      expect(c[i]).toBeGreaterThanOrEqual(0);
      // balances chain: an account's next statement opens at the last one's close (spec §7)
      if (i > 0 && sa[i] === sa[i - 1]) expect(o[i]).toBe(c[i - 1]);
    }
    const tx = T('transaction');
    const [a, type] = [num(tx, 'amount'), str(tx, 'transaction_type')];
    for (let i = 0; i < tx.length; i++) {
      expect(a[i] >= 0.01 && a[i] <= 100_000 && roundTo(a[i], 2) === a[i]).toBe(true);
      if (type[i] === 'Fee') expect(a[i]).toBeLessThanOrEqual(35);
    }
    const risk = num(T('fraud_flag'), 'risk_score');
    for (let i = 0; i < risk.length; i++) expect(risk[i] >= 0.5 && risk[i] <= 1 && roundTo(risk[i], 3) === risk[i]).toBe(true);
  });

  it('keeps every date after its parent and inside its declared range', () => {
    const cust = T('customer');
    const [dob, since] = [num(cust, 'date_of_birth'), num(cust, 'customer_since')];
    for (let i = 0; i < cust.length; i++) {
      const [y, m, dd] = new Date(dob[i] * 86_400_000).toISOString().slice(0, 10).split('-').map(Number);
      expect(dob[i] >= day('1945-01-01') && dob[i] <= day('2005-12-31')).toBe(true);
      expect(since[i]).toBeGreaterThanOrEqual(Math.max(day('2010-01-01'), daysFromCivil(y + 18, m, m === 2 && dd === 29 ? 28 : dd)));
      expect(since[i]).toBeLessThanOrEqual(day('2025-06-30'));
    }
    const acc = T('account');
    const [ac, opened] = [num(acc, 'customer_id'), num(acc, 'opened_date')];
    for (let i = 0; i < acc.length; i++) expect(opened[i] >= Math.max(day('2015-01-01'), since[ac[i] - 1]) && opened[i] <= day('2025-06-30')).toBe(true);
    const card = T('card');
    const [ca, issued, expiry] = [num(card, 'account_id'), num(card, 'issued_date'), num(card, 'expiry_date')];
    for (let i = 0; i < card.length; i++) {
      expect(issued[i] >= Math.max(day('2020-01-01'), opened[ca[i] - 1]) && issued[i] <= day('2025-06-30')).toBe(true);
      expect(expiry[i]).toBe(issued[i] + 1095);
    }
    const st = T('statement');
    const [sa, sd] = [num(st, 'account_id'), num(st, 'statement_date')];
    for (let i = 0; i < st.length; i++) expect(sd[i] >= Math.max(day('2024-01-01'), opened[sa[i] - 1]) && sd[i] <= day('2025-06-30')).toBe(true);
    const tx = T('transaction');
    const [ta, td] = [num(tx, 'account_id'), num(tx, 'transaction_date')];
    for (let i = 0; i < tx.length; i++) {
      expect(td[i]).toBeGreaterThanOrEqual(opened[ta[i] - 1] * US_PER_DAY);
      expect(td[i] >= day('2022-01-01') * US_PER_DAY && td[i] < day('2026-01-01') * US_PER_DAY).toBe(true);
    }
    const ff = T('fraud_flag');
    const [ft, fd] = [num(ff, 'transaction_id'), num(ff, 'flagged_date')];
    for (let i = 0; i < ff.length; i++) expect(fd[i] - td[ft[i] - 1] >= 0 && fd[i] - td[ft[i] - 1] <= 48 * US_PER_HOUR).toBe(true);
    const loan = T('loan');
    const [lc, orig] = [num(loan, 'customer_id'), num(loan, 'origination_date')];
    for (let i = 0; i < loan.length; i++) expect(orig[i] >= Math.max(day('2018-01-01'), since[lc[i] - 1]) && orig[i] <= day('2025-06-30')).toBe(true);
    const pay = T('loan_payment');
    const [pl, pd] = [num(pay, 'loan_id'), num(pay, 'payment_date')];
    for (let i = 0; i < pay.length; i++) expect(pd[i] >= Math.max(day('2022-01-01'), orig[pl[i] - 1]) && pd[i] <= day('2025-12-31')).toBe(true);
  });

  it('follows the seasonal weights of transaction_date and the default branch skew', () => {
    const td = Array.from(num(T('transaction'), 'transaction_date'), (us) => new Date(us / 1000));
    const months = [0.078, 0.072, 0.083, 0.082, 0.085, 0.083, 0.084, 0.085, 0.082, 0.084, 0.088, 0.094];
    const weekdays = [0.165, 0.16, 0.155, 0.155, 0.16, 0.105, 0.1];
    expect(frequencyFailures(td.map((x) => x.getUTCMonth()), Object.fromEntries(months.map((w, m) => [m, w])))).toEqual([]);
    expect(frequencyFailures(td.map((x) => (x.getUTCDay() + 6) % 7), Object.fromEntries(weekdays.map((w, k) => [k, w])))).toEqual([]);
    expect(frequencyFailures(td.map((x) => x.getUTCFullYear()), { 2022: 1, 2023: 1, 2024: 1, 2025: 1 })).toEqual([]);
    const top = Math.max(...childCounts(T('customer'), 'primary_branch_id', 200));
    expect(withinTolerance(top, 1000, 1 / harmonic(200, 0.8))).toBe(true);
  });
});
