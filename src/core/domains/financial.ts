/**
 * The financial domain (spec/domains.md §3.2): branches, customers with accounts, cards and
 * monthly statements, transactions with fraud flags, loans with payments.
 */
import { col, anchor, zipColumns, fixed, perParent, table } from './declare';
import type { DomainDef } from './model';
import { BRANCH_NAMES, MERCHANTS, TRANSACTION_CATEGORIES } from './reference/catalogs';
import { constant, digits, fixedNumbers, flag, inOrder, lognormal, pickWeighted, uniform, weighted, weightedNumber } from './strategies/basic';
import type { Rng } from '../rng';
import { formula, scaled, zeroWhen } from './strategies/derive';
import { statementLedger, writtenBy } from './strategies/ledger';
import { fkCatalog, fkCoverage, fkParetoTimed, fkUniform, fkZipf } from './strategies/fk';
import { email, firstName, lastName, phone } from './strategies/people';
import { addDays, addHours, seasonal, uniformDate } from './strategies/time';

const cents = (x: number) => Math.round(x * 100);

const TRANSACTION_TYPES = { Deposit: 0.25, Withdrawal: 0.2, Transfer: 0.18, Payment: 0.22, Fee: 0.05, Interest: 0.05, Refund: 0.05 };
const FEE = Object.keys(TRANSACTION_TYPES).indexOf('Fee');
const INTEREST = Object.keys(TRANSACTION_TYPES).indexOf('Interest');
/** Bank fees in dollars: ATM, maintenance, wire, returned item, overdraft. */
const FEE_AMOUNTS = [2.5, 3, 5, 10, 12, 15, 25, 29, 35];

/** A transaction's amount for its type (dictionary code of transaction_type). */
function transactionAmount(rng: Rng, type: number, balance: number): number {
  if (type === FEE) return FEE_AMOUNTS[rng.index(FEE_AMOUNTS.length)];
  // a month's interest at an annual rate of 0.05 %–4.5 % on the balance, at least a cent
  if (type === INTEREST) return Math.max(0.01, (balance * rng.between(0.0005, 0.045)) / 12);
  for (let k = 0; k < 64; k++) {
    const x = rng.lognormal(4.2, 1.5);
    if (x >= 0.01 && x <= 100_000) return x;
  }
  return 0.01;
}

export const financial: DomainDef = {
  id: 'financial',
  title: 'Financial',
  summary: 'Bank branches, customers, accounts, cards, statements, transactions with fraud flags, and loans with payments.',
  range: { start: '2022-01-01', end: '2025-12-31' },
  scales: {
    fixture: { customer: 50, transaction: 500 },
    fabric_demo: { customer: 100, transaction: 1_000 },
    small: { customer: 1_000, transaction: 10_000 },
    medium: { customer: 50_000, transaction: 500_000 },
    large: { customer: 500_000, transaction: 5_000_000 },
    xlarge: { customer: 5_000_000, transaction: 100_000_000 },
    // at most about 45 transactions per account (2.2 accounts a customer), a quarter of the cap of 200 (spec §7)
    warehouse: { customer: 50_000_000, transaction: 2_000_000_000 },
    xxl: { customer: 200_000_000, transaction: 10_000_000_000 },
    xxxl: { customer: 1_000_000_000, transaction: 100_000_000_000 },
  },
  tables: [
    table({
      name: 'branch',
      pk: 'branch_id',
      count: fixed(200),
      columns: [
        col('branch_name', 'string', pickWeighted(BRANCH_NAMES)),
        ...zipColumns(['city', 'state', 'zip_code', 'lat', 'lng']),
        col('opened_date', 'date', uniformDate({ start: '2000-01-01', end: '2024-12-31' })),
        col('is_active', 'bool', flag(0.92)),
      ],
    }),
    table({
      name: 'transaction_category',
      pk: 'category_id',
      count: fixed(TRANSACTION_CATEGORIES.length),
      columns: [
        col('category_name', 'string', inOrder(TRANSACTION_CATEGORIES.map((c) => c.name))),
        col('parent_category_id', 'int', { ...fixedNumbers('int', TRANSACTION_CATEGORIES.map(() => null)), references: 'transaction_category' }),
        col('level', 'int', fixedNumbers('int', TRANSACTION_CATEGORIES.map(() => 1))),
      ],
    }),
    table({
      name: 'customer',
      pk: 'customer_id',
      count: anchor(),
      eventTime: 'customer_since',
      sortByTime: true,
      columns: [
        col('first_name', 'string', firstName()),
        col('last_name', 'string', lastName()),
        col('email', 'string', email('first_name', 'last_name'), { nullRate: 0.03 }),
        col('phone', 'string', phone(), { nullRate: 0.1 }),
        col('date_of_birth', 'date', uniformDate({ start: '1945-01-01', end: '2005-12-31' })),
        col('credit_tier', 'string', weighted('customer.credit_tier', { Excellent: 0.22, Good: 0.35, Fair: 0.28, Poor: 0.15 })),
        col('customer_since', 'date', uniformDate({ start: '2010-01-01', end: '2025-06-30', after: 'date_of_birth', afterYears: 18 })),
        col('primary_branch_id', 'int', fkZipf('branch', { default: 0.8, reference: 1.3 })),
        col('is_active', 'bool', flag(0.88)),
      ],
    }),
    table({
      name: 'account',
      pk: 'account_id',
      count: perParent('account', 'customer', 2.2),
      eventTime: 'opened_date',
      columns: [
        col('customer_id', 'int', fkCoverage('customer')),
        col('account_type', 'string', weighted('account.account_type', { Checking: 0.45, Savings: 0.3, 'Money Market': 0.1, CD: 0.08, Investment: 0.07 })),
        col('opened_date', 'date', uniformDate({ start: '2015-01-01', end: '2025-06-30', after: 'customer_id.customer_since' })),
        col('current_balance', 'float', zeroWhen(lognormal(8.5, 1.8, 0, 5e6), 'status', ['Closed']), { dp: 2, money: true }),
        col('currency', 'string', constant('USD')),
        col('status', 'string', weighted('account.status', { Active: 0.85, Dormant: 0.08, Closed: 0.05, Frozen: 0.02 })),
      ],
    }),
    table({
      name: 'card',
      pk: 'card_id',
      count: perParent('card', 'account', 0.8),
      eventTime: 'issued_date',
      columns: [
        col('account_id', 'int', fkUniform('account')),
        col('card_type', 'string', weighted('card.card_type', { Debit: 0.55, Credit: 0.35, Prepaid: 0.1 })),
        col('card_network', 'string', weighted('card.card_network', { Visa: 0.52, Mastercard: 0.24, Amex: 0.15, Discover: 0.09 })),
        col('last_four', 'string', digits(4)),
        col('issued_date', 'date', uniformDate({ start: '2020-01-01', end: '2025-06-30', after: 'account_id.opened_date' })),
        col('expiry_date', 'date', addDays('issued_date', { fixed: 1095 })),
        col('is_active', 'bool', flag(0.9)),
      ],
    }),
    table({
      name: 'statement',
      pk: 'statement_id',
      count: perParent('statement', 'account', 6),
      eventTime: 'statement_date',
      columns: [
        // one statement per account and month, consecutive, balances chaining (spec §7)
        col('account_id', 'int', statementLedger('account', { opened: 'opened_date', balance: 'current_balance', start: '2024-01-01', end: '2025-06-30' })),
        col('statement_date', 'date', writtenBy('account_id')),
        col('opening_balance', 'float', writtenBy('account_id'), { dp: 2, money: true }),
        col('total_deposits', 'float', writtenBy('account_id'), { dp: 2, money: true }),
        col('total_withdrawals', 'float', writtenBy('account_id'), { dp: 2, money: true }),
        col('fees_charged', 'float', writtenBy('account_id'), { dp: 2, money: true }),
        col('closing_balance', 'float', writtenBy('account_id'), { dp: 2, money: true }),
      ],
    }),
    table({
      name: 'transaction',
      pk: 'transaction_id',
      count: anchor(),
      eventTime: 'transaction_date',
      sortByTime: true,
      columns: [
        col('account_id', 'int', fkParetoTimed('account', { alpha: 1.2, cap: 200, time: 'transaction_date', parentTime: 'opened_date' })),
        col('category_id', 'int', fkCatalog('transaction_category', TRANSACTION_CATEGORIES.map((c) => c.weight))),
        col('transaction_type', 'string', weighted('transaction.transaction_type', TRANSACTION_TYPES)),
        // fees a few to tens of dollars, interest a month's worth on the account's balance, other amounts a long tail
        col('amount', 'float', formula('float', ['transaction_type', 'account_id.current_balance'], (rng, type, balance) => transactionAmount(rng, type, balance)), { dp: 2, money: true }),
        col(
          'transaction_date',
          'timestamp',
          seasonal({
            months: [0.078, 0.072, 0.083, 0.082, 0.085, 0.083, 0.084, 0.085, 0.082, 0.084, 0.088, 0.094],
            weekdays: [0.165, 0.16, 0.155, 0.155, 0.16, 0.105, 0.1],
            // business-hours peaks, card payments into the evening, a quiet but never empty night
            hours: { peaks: [11, 17], sd: 3, floor: 0.15 },
          }),
        ),
        col('channel', 'string', weighted('transaction.channel', { Online: 0.35, Mobile: 0.3, ATM: 0.15, Branch: 0.12, Phone: 0.05, Wire: 0.03 })),
        col('merchant_name', 'string', pickWeighted(MERCHANTS), { nullRate: 0.3 }),
        col('status', 'string', weighted('transaction.status', { Completed: 0.92, Pending: 0.04, Failed: 0.02, Reversed: 0.02 })),
      ],
    }),
    table({
      name: 'fraud_flag',
      pk: 'flag_id',
      count: perParent('fraud_flag', 'transaction', 0.02),
      eventTime: 'flagged_date',
      sortByTime: true,
      columns: [
        col('transaction_id', 'int', fkUniform('transaction')),
        col('flag_type', 'string', weighted('fraud_flag.flag_type', { 'Unusual Amount': 0.3, 'Unusual Location': 0.25, 'Rapid Succession': 0.15, 'Account Takeover': 0.1, 'Card Not Present': 0.1, 'Velocity Check': 0.1 })),
        col('risk_score', 'float', uniform(0.5, 1.0), { dp: 3 }),
        col('flagged_date', 'timestamp', addHours('transaction_id.transaction_date', 0, 48)),
        col('resolution', 'string', weighted('fraud_flag.resolution', { 'Confirmed Fraud': 0.15, 'False Positive': 0.55, 'Under Review': 0.2, 'Customer Verified': 0.1 })),
      ],
    }),
    table({
      name: 'loan',
      pk: 'loan_id',
      count: perParent('loan', 'customer', 0.4),
      eventTime: 'origination_date',
      columns: [
        col('customer_id', 'int', fkUniform('customer')),
        col('loan_type', 'string', weighted('loan.loan_type', { Mortgage: 0.35, Auto: 0.25, Personal: 0.2, Student: 0.12, Business: 0.08 })),
        col('principal_amount', 'float', lognormal(10.5, 1.2, 1_000, 2e6), { dp: 2, money: true }),
        col('interest_rate', 'float', uniform(2.5, 18.0), { dp: 2 }),
        col('term_months', 'int', weightedNumber('int', [[12, 0.05], [24, 0.08], [36, 0.12], [48, 0.1], [60, 0.15], [120, 0.1], [180, 0.1], [240, 0.1], [360, 0.2]])),
        col('origination_date', 'date', uniformDate({ start: '2018-01-01', end: '2025-06-30', after: 'customer_id.customer_since' })),
        col('outstanding_balance', 'float', zeroWhen(scaled('principal_amount', 0.1, 0.95), 'status', ['Paid Off']), { dp: 2, money: true }),
        col('status', 'string', weighted('loan.status', { Current: 0.78, 'Paid Off': 0.1, Delinquent: 0.06, Default: 0.03, Forbearance: 0.03 })),
      ],
    }),
    table({
      name: 'loan_payment',
      pk: 'payment_id',
      count: perParent('loan_payment', 'loan', 12),
      eventTime: 'payment_date',
      columns: [
        col('loan_id', 'int', fkUniform('loan')),
        col('payment_date', 'date', uniformDate({ start: '2022-01-01', end: '2025-12-31', marked: true, after: 'loan_id.origination_date' })),
        col('payment_amount', 'float', lognormal(7.0, 1.0, 50, 50_000), { dp: 2, money: true }),
        col('principal_portion', 'float', scaled('payment_amount', 0.3, 0.7), { dp: 2, money: true }),
        col('interest_portion', 'float', formula('float', ['payment_amount', 'principal_portion'], (_, a, p) => (cents(a) - cents(p)) / 100), { dp: 2, money: true }),
        col('payment_method', 'string', weighted('loan_payment.payment_method', { 'Auto-debit': 0.55, Online: 0.25, Check: 0.1, Branch: 0.07, Phone: 0.03 })),
      ],
    }),
  ],
};
