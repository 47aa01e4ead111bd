/**
 * The financial stream's input roles (spec/financial-stream.md §2): transactions to layer
 * anomalies on, and the accounts fraud bursts draw compromised accounts from. Columns are
 * proposed by name (the financial domain's first) and then by type.
 */
import type { InputRole, RoleMapping, TableShape } from '../../inputs/contract';
import type { Issue } from '../../schema/fields';

/** Time column candidates, first match wins (D2: the domain's `transaction_date` among them). */
export const TIME_CANDIDATES = ['transaction_time', 'transaction_date', 'transaction_timestamp', 'timestamp', 'created_at'] as const;

export const FINANCIAL_ROLES: readonly InputRole[] = [
  {
    role: 'transactions',
    label: 'Transactions',
    help: 'The payments to layer reversals, fraud bursts and settlements on.',
    candidates: ['transaction', 'transactions'],
    required: true,
    columns: [
      {
        role: 'transactionId',
        label: 'transaction id',
        help: 'Unique id of a transaction; a reversal points at it (needed when reversals are on).',
        candidates: ['transaction_id', 'txn_id', 'id'],
        types: ['int', 'string'],
        required: false,
      },
      { role: 'accountId', label: 'account id', help: 'The account the transaction belongs to.', candidates: ['account_id'], types: ['int', 'string'], required: true },
      { role: 'amount', label: 'amount', help: 'The amount (unsigned; a reversal is −|amount|).', candidates: ['amount', 'transaction_amount'], types: ['float', 'int'], required: true },
      {
        role: 'time',
        label: 'time',
        help: 'When the transaction happened (a timestamp, a date, or ISO text; no offset means UTC). Without it, settlements chunk the rows in order.',
        candidates: TIME_CANDIDATES,
        types: ['timestamp', 'date', 'string'],
        required: false,
      },
      {
        role: 'status',
        label: 'status',
        help: 'Only transactions whose status is "completed" (any case) can be reversed; without it every transaction can.',
        candidates: ['status', 'transaction_status'],
        types: ['string'],
        required: false,
      },
    ],
  },
  {
    role: 'accounts',
    label: 'Accounts',
    help: 'The accounts a fraud burst draws its compromised account from (needed when fraud bursts are on).',
    candidates: ['account', 'accounts'],
    required: false,
    columns: [{ role: 'accountId', label: 'account id', help: 'The account id, as the transactions hold it.', candidates: ['account_id', 'id'], types: ['int', 'string'], required: true }],
  },
];

/** Checks across roles and the config (D10: reversals need ids; fraud needs accounts). */
export function refineFinancialInputs(mapping: RoleMapping, config: Readonly<Record<string, unknown>>, tables: readonly TableShape[]): Issue[] {
  const issues: Issue[] = [];
  const tx = mapping.transactions;
  if (config.reversalEnabled && tx && !tx.columns?.transactionId) {
    const table = tables.find((t) => t.name === tx.table);
    issues.push({
      path: 'inputs.transactions.columns.transactionId',
      message: `reversals point at their original by its id, and transactions table "${tx.table}" has none (tried transaction_id, txn_id, id; columns: ${table?.columns.map((c) => c.name).join(', ') ?? 'none'}); map one, or turn reversals off (reversalEnabled=false)`,
    });
  }
  if (config.fraudBurstEnabled && !mapping.accounts?.table) {
    issues.push({
      path: 'inputs.accounts.table',
      message: `fraud bursts draw a compromised account from an accounts table and none is mapped (tried account, accounts; tables: ${tables.map((t) => t.name).join(', ') || 'none'}); map one, or turn fraud bursts off (fraudBurstEnabled=false)`,
    });
  }
  return issues;
}
