/**
 * Monthly account statements that chain (spec/domains.md §7): one statement per (account,
 * month), consecutive months ending at the window's last month, the opening balance of each
 * the closing balance of the one before, the latest closing at the account's current balance
 * (so a Closed account's last statement closes at 0.00), fees a few to tens of dollars,
 * withdrawals drawn from what the account holds (so balances rarely end at exactly zero
 * otherwise). Amounts in cents.
 */
import type { Rng } from '../../rng';
import { WeightedChoice } from '../../rng';
import { dateColumn, getColumn, numberColumn } from '../../table/column';
import { civilFromDays, daysFromCivil, daysInMonth, US_PER_DAY } from '../../time';
import type { GenContext, Strategy } from '../model';
import { columnInstants } from './paths';

export interface LedgerOptions {
  /** The parent's opening date: no statement before its month. */
  readonly opened: string;
  /** The parent's current balance: an account's latest statement closes at it (a Closed account's at 0.00). */
  readonly balance: string;
  /** First and last day of the statement window (inclusive `YYYY-MM-DD`). */
  readonly start: string;
  readonly end: string;
}

const COLUMNS = ['statement_date', 'opening_balance', 'total_deposits', 'total_withdrawals', 'fees_charged', 'closing_balance'] as const;

/** Monthly fees in dollars (none most months): maintenance, ATM, wire, overdraft. */
const FEES: readonly (readonly [number, number])[] = [
  [0, 0.6],
  [5, 0.12],
  [10, 0.08],
  [12, 0.06],
  [15, 0.06],
  [25, 0.05],
  [35, 0.03],
];

const monthOf = (day: number) => {
  const [y, m] = civilFromDays(day);
  return y * 12 + (m - 1);
};
const monthEnd = (month: number) => {
  const y = Math.floor(month / 12);
  const m = (month % 12) + 1;
  return daysFromCivil(y, m, daysInMonth(y, m));
};
const dayOf = (iso: string) => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** exp(N(mu, sigma)) truncated to [0, max] by redrawing, in cents. */
function cents(rng: Rng, mu: number, sigma: number, max: number): number {
  for (let k = 0; k < 64; k++) {
    const x = rng.lognormal(mu, sigma);
    if (x <= max) return Math.round(x * 100);
  }
  return Math.round(max * 100);
}

/**
 * Statements per account: n of the account-months open within the window, uniformly without
 * replacement (selection sampling, Knuth's algorithm S: one pass over the slots, one draw each),
 * so each account gets ∝ the months it is open, never more.
 */
function statementCounts(ctx: GenContext, first: Int32Array, last: number): Int32Array {
  const p = first.length;
  let slots = 0;
  for (let k = 0; k < p; k++) slots += Math.max(0, last - first[k] + 1);
  const counts = new Int32Array(p);
  const rng = ctx.fork('counts');
  let wanted = ctx.n;
  for (let k = 0; k < p && wanted > 0; k++) {
    const months = Math.max(0, last - first[k] + 1);
    let c = 0;
    for (let m = 0; m < months; m++, slots--) {
      if (rng.uniform() * slots < wanted) {
        c++;
        wanted--;
      }
    }
    counts[k] = c;
  }
  return counts;
}

/**
 * The statement table's account_id, written with every other statement column (a strategy on
 * the FK that `provide`s the rest): rows grouped by account, months ascending.
 */
export function statementLedger(parent: string, o: LedgerOptions): Strategy {
  return {
    kind: 'ledger',
    references: parent,
    writes: COLUMNS,
    generate(ctx) {
      const opened = columnInstants(getColumn(ctx.tableData(parent), o.opened));
      const current = getColumn(ctx.tableData(parent), o.balance);
      if (current.type !== 'float') throw new Error(`${ctx.table}.${ctx.column}: ${o.balance} is not a float column`);
      const p = opened.length;
      const openMonth = Int32Array.from(opened, (us) => monthOf(Math.floor(us / US_PER_DAY)));
      const clipDay = Number.isFinite(ctx.clipEndUs) ? Math.ceil(ctx.clipEndUs / US_PER_DAY) - 1 : Infinity;
      const endDay = Math.min(dayOf(o.end), clipDay);
      const endMonth = monthOf(endDay);
      const openDay = Int32Array.from(opened, (us) => Math.floor(us / US_PER_DAY));
      let last = endMonth;
      let from = Math.min(monthOf(dayOf(o.start)), last);
      // a window too short for the rows asked for reaches back to older months, then forward (never two statements a month)
      const slots = (f: number, l: number) => openMonth.reduce((a, m) => a + Math.max(0, l - Math.max(f, m) + 1), 0);
      const earliest = openMonth.reduce((a, m) => Math.min(a, m), Infinity);
      while (slots(from, last) < ctx.n && from > earliest) from--;
      while (slots(from, last) < ctx.n) last++;
      const first = Int32Array.from(openMonth, (m) => Math.max(from, m));
      const counts = statementCounts(ctx, first, last);
      const n = ctx.n;
      const account = new Float64Array(n);
      const date = new Int32Array(n);
      const cols = COLUMNS.slice(1).map(() => new Float64Array(n));
      const [opening, deposits, withdrawals, fees, closing] = cols;
      const rng = ctx.fork('balances');
      const fee = new WeightedChoice(FEES.map((f) => f[1]));
      let row = 0;
      for (let a = 0; a < p; a++) {
        if (counts[a] === 0) continue;
        let balance = cents(rng, 8.0, 1.5, 2e6);
        for (let m = last - counts[a] + 1; m <= last; m++, row++) {
          account[row] = a + 1;
          // a month cut by the range's end closes on its last day; never before the account opened
          date[row] = Math.max(openDay[a], m === endMonth ? Math.min(monthEnd(m), endDay) : monthEnd(m));
          let d = cents(rng, 7.5, 1.2, 5e5);
          const f = Math.min(FEES[fee.draw(rng)][0] * 100, balance + d);
          let w = Math.min(cents(rng, 7.3, 1.2, 5e5), Math.floor((balance + d - f) * 0.97));
          if (m === last) {
            // the latest statement closes at the account's current balance: withdraw the difference, or deposit it
            const target = Math.round(current.values[a] * 100);
            w = balance + d - f - target;
            if (w < 0) {
              d -= w;
              w = 0;
            }
          }
          opening[row] = balance / 100;
          deposits[row] = d / 100;
          fees[row] = f / 100;
          withdrawals[row] = w / 100;
          balance = balance + d - w - f;
          closing[row] = balance / 100;
        }
      }
      ctx.provide('statement_date', dateColumn('statement_date', date));
      COLUMNS.slice(1).forEach((name, k) => ctx.provide(name, numberColumn(name, 'float', cols[k])));
      return numberColumn(ctx.column, 'int', account);
    },
  };
}

/** A column another column's strategy writes (see `writes`); generating it alone is a declaration error. */
export function writtenBy(column: string): Strategy {
  return {
    kind: 'written',
    generate(ctx) {
      throw new Error(`${ctx.table}.${ctx.column} is written by ${column}, which does not declare it`);
    },
  };
}
