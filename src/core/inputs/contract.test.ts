import { describe, expect, it } from 'vitest';
import { runIdOf, canonicalJson, UUID_PATTERN } from '../ids';
import { asRoleInputs, detectTimeColumn, inputMappingField, resolveRoles, roleTables, type InputRole, type TableShape } from './contract';
import { columnFromValues, decimalColumn, getColumn, makeTable, numberColumn, type NumberColumn } from '../table/column';
import { runSimulator } from '../run';
import { defineConfig } from '../schema/config';
import { f } from '../schema/fields';
import { seedField } from '../schema/common';
import { AnswerKeyBuilder } from '../answer-key';
import { defineSimulator, type RunContext } from '../simulator';
import { parseInstant } from '../time';

const ROLES: InputRole[] = [
  {
    role: 'transactions',
    label: 'Transactions',
    help: 'Payments to layer anomalies on.',
    candidates: ['transaction'],
    required: true,
    columns: [
      { role: 'accountId', label: 'account id', help: '', candidates: ['account_id'], types: ['int', 'string'], required: true },
      { role: 'time', label: 'time', help: '', candidates: ['transaction_time', 'transaction_date'], types: ['timestamp'], required: false },
      { role: 'status', label: 'status', help: '', candidates: ['status'], types: ['string'], required: false },
    ],
  },
  { role: 'accounts', label: 'Accounts', help: '', candidates: ['account'], required: false, columns: [] },
];

const tx: TableShape = {
  name: 'transaction',
  rows: 10,
  columns: [
    { name: 'transaction_id', type: 'int' },
    { name: 'account_id', type: 'int' },
    { name: 'transaction_date', type: 'timestamp' },
    { name: 'amount', type: 'float' },
  ],
};

describe('input contract', () => {
  it('fills tables and columns from candidates, leaving absent optional roles and columns out', () => {
    const r = resolveRoles(ROLES, {}, [tx]);
    expect(r).toEqual({ ok: true, mapping: { transactions: { table: 'transaction', columns: { accountId: 'account_id', time: 'transaction_date' } } } });
  });

  it('an explicit mapping wins; a missing table or column or a wrong type is refused naming role, column and what was found', () => {
    const payments: TableShape = { name: 'payments', rows: 3, columns: [{ name: 'acct', type: 'string' }, { name: 'paid_at', type: 'string' }] };
    const ok = resolveRoles(ROLES, { transactions: { table: 'payments', columns: { accountId: 'acct' } } }, [payments]);
    expect(ok.ok).toBe(true);
    const bad = resolveRoles(ROLES, { transactions: { table: 'payments', columns: { accountId: 'acct', time: 'paid_at' } } }, [payments]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toEqual({ path: 'inputs.transactions.columns.time', message: expect.stringContaining('paid_at" of payments is string') });
    const none = resolveRoles(ROLES, {}, [payments]);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.issues[0].path).toBe('inputs.transactions.table');
    const missing = resolveRoles(ROLES, { transactions: { table: 'nope' } }, [payments]);
    if (!missing.ok) expect(missing.issues[0].message).toContain('"nope"');
  });

  it('the mapping field refuses unknown roles, unknown column roles and prototype keys', () => {
    const field = inputMappingField(ROLES, { help: '' });
    const issues: { path: string; message: string }[] = [];
    expect(field.parse({ transactions: { columns: { nope: 'x' } } }, 'inputs', issues)).toBeUndefined();
    expect(issues[0].path).toBe('inputs.transactions.columns.nope');
    expect(field.parse(JSON.parse('{"__proto__": {"table": "x"}}'), 'inputs', (issues.length = 0, issues))).toBeUndefined();
    expect(field.parse({ accounts: { table: 'a' } }, 'inputs', (issues.length = 0, issues))).toEqual({ accounts: { table: 'a' } });
  });

  it('table null leaves an optional role out even when a candidate table is there; a required role refuses it', () => {
    const account: TableShape = { name: 'account', rows: 2, columns: [{ name: 'account_id', type: 'int' }] };
    const r = resolveRoles(ROLES, { accounts: { table: null } }, [tx, account]);
    expect(r).toEqual({ ok: true, mapping: { transactions: { table: 'transaction', columns: { accountId: 'account_id', time: 'transaction_date' } }, accounts: { table: null } } });
    const field = inputMappingField(ROLES, { help: '' });
    const issues: { path: string; message: string }[] = [];
    expect(field.parse({ accounts: { table: null } }, 'inputs', issues)).toEqual({ accounts: { table: null } });
    expect(field.parse({ transactions: { table: null } }, 'inputs', issues)).toBeUndefined();
    expect(issues[0]).toEqual({ path: 'inputs.transactions.table', message: expect.stringContaining('allowed: a non-empty string') });
    // the resolved mapping hands out no table for the left-out role
    const tables = new Map([['account', makeTable('account', [columnFromValues('account_id', 'int', [1, 2])])]]);
    expect(roleTables({ accounts: { table: null } }, tables).size).toBe(0);
    expect(roleTables({ accounts: { table: 'account' } }, tables).get('accounts')?.length).toBe(2);
  });

  it('detects the event-time column: timestamps first, then dates, then time-like string names; never numbers', () => {
    expect(detectTimeColumn(tx)).toBe('transaction_date');
    expect(detectTimeColumn({ name: 't', rows: 0, columns: [{ name: 'candidate_score', type: 'float' }, { name: 'updated', type: 'int' }] })).toBeNull();
    expect(detectTimeColumn({ name: 't', rows: 0, columns: [{ name: 'candidate', type: 'string' }, { name: 'paid_at', type: 'string' }] })).toBe('paid_at');
  });

  it('run ids depend only on the simulator, the seed and the config, whatever the key order', () => {
    const a = runIdOf('file_drop', 42, { b: 1, a: [1, { y: 2, x: 1 }] });
    expect(a).toMatch(UUID_PATTERN);
    expect(runIdOf('file_drop', 42, { a: [1, { x: 1, y: 2 }], b: 1 })).toBe(a);
    expect(runIdOf('file_drop', 43, { a: [1, { x: 1, y: 2 }], b: 1 })).not.toBe(a);
    expect(canonicalJson({ b: 1, a: 'x' })).toBe('{"a":"x","b":1}');
  });

  it('lets money as DECIMAL(18,2) play a float role, read as doubles by the simulator; 64-bit ids do not play int roles', () => {
    const roles: InputRole[] = [
      {
        ...ROLES[0],
        columns: [
          { role: 'accountId', label: 'account id', help: '', candidates: ['account_id'], types: ['int', 'string'], required: true },
          { role: 'amount', label: 'amount', help: '', candidates: ['amount'], types: ['float'], required: true },
        ],
      },
    ];
    const t = makeTable('transaction', [numberColumn('account_id', 'int', Float64Array.from([1, 2])), decimalColumn('amount', 18, 2, BigInt64Array.from([1999n, -5n]))]);
    const r = resolveRoles(roles, {}, [{ name: 'transaction', rows: 2, columns: [{ name: 'account_id', type: 'int' }, { name: 'amount', type: 'decimal' }] }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const seen = asRoleInputs(roles, r.mapping, new Map([['transaction', t]])).get('transaction')!;
    expect(seen.columns[1]).toMatchObject({ type: 'float', values: Float64Array.from([19.99, -0.05]) });
    const big = resolveRoles(roles, {}, [{ name: 'transaction', rows: 2, columns: [{ name: 'account_id', type: 'bigint' }, { name: 'amount', type: 'float' }] }]);
    expect(big.ok).toBe(false);
  });
});

describe('runSimulator with input roles', () => {
  const shape = { inputs: inputMappingField(ROLES, { help: '' }), needAccounts: f.bool({ default: false, help: '' }), seed: seedField() };
  let seen: RunContext | undefined;
  const def = defineSimulator(
    {
      id: 'roles-test',
      title: 'roles',
      summary: '',
      category: 'behaviour',
      schema: defineConfig(shape),
      inputs: {
        kind: 'roles',
        roles: ROLES,
        defaultDomain: { domain: 'financial', scale: 'fixture', config: { startDate: '2024-03-01', endDate: '2024-03-02' } },
        refine: (mapping, config) =>
          config.needAccounts && !mapping.accounts?.table ? [{ path: 'inputs.accounts.table', message: 'accounts are needed when needAccounts is on' }] : [],
      },
    },
    async (_config, ctx) => {
      seen = ctx;
      return { tables: [], stats: {}, answerKey: new AnswerKeyBuilder() };
    },
  );

  it('generates the default domain with its options and records them in the provenance', async () => {
    const run = await runSimulator(def, { seed: 3 });
    expect(run.inputs).toEqual({ source: 'domain', domain: 'financial', scale: 'fixture', seed: 3, config: { startDate: '2024-03-01', endDate: '2024-03-02' } });
    const t = (getColumn(seen!.inputs.get('transaction')!, 'transaction_date') as NumberColumn).values;
    expect(Math.min(...t)).toBeGreaterThanOrEqual(parseInstant('2024-03-01'));
    expect(Math.max(...t)).toBeLessThan(parseInstant('2024-03-03'));
  });

  it('runs the cross-role check on the resolved mapping before the run', async () => {
    seen = undefined;
    await expect(runSimulator(def, { needAccounts: true, inputs: { accounts: { table: null } } })).rejects.toThrow('inputs.accounts.table: accounts are needed');
    expect(seen).toBeUndefined();
    const ok = await runSimulator(def, { needAccounts: true });
    expect(ok.config.inputs).toMatchObject({ accounts: { table: 'account' } });
  });
});
