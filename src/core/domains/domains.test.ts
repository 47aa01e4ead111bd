import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../output/csv';
import { ConfigError } from '../schema/config';
import { AbortError } from '../simulator';
import { getColumn } from '../table/column';
import { generateDomain, type DomainOutput } from './engine';
import { DOMAINS, findDomain } from './index';
import { checkIntegrity } from './integrity';
import { estimateRows } from './scales';
import { num } from './test-helpers';

/** sha256 over every table's name and CSV bytes, in order. */
function hashOutput(out: DomainOutput): string {
  const h = createHash('sha256');
  for (const t of out.tables) {
    h.update(`${t.name}\n`);
    h.update(writeCsv(t));
  }
  return h.digest('hex');
}

const GOLDEN: Record<string, Record<string, string>> = {
  retail: {
    fixture: 'd38a2a12e94ac8d71be2cd9f47d477f278c75a90f1ea2ec5573d37baa4f3a5dc',
    small: '524960dd281e3bd0adfeff2818cab952ef9ca41747a2ac416be82c420f467192',
  },
  financial: {
    fixture: 'f147b793960d0c9e4b399254af1aa11a02fa43042b4d2381cf278206a24113be',
    small: '0e6e49cb5f29be0088956b95e3cb694ae06b07515b80fbc69c36fe16cbeb0a5b',
  },
  iot: {
    fixture: '953bf21fde784aec4b1036306de6a0e49b69e5915dfb3dbf740e1a73866c22cf',
    small: 'b6549e2c305893c375dd4c594da1cda1ee3771e4cae8bd90d07bb88b08c0621e',
  },
};

describe('golden hashes (spec §6 item 1)', () => {
  for (const d of DOMAINS)
    for (const scale of ['fixture', 'small'] as const)
      it(`${d.id} at ${scale}, seed 42`, async () => {
        const out = await generateDomain(d, { scale, seed: 42 });
        expect(hashOutput(out)).toBe(GOLDEN[d.id][scale]);
      });
});

describe('determinism and independence of columns', () => {
  it('gives the same tables for the same config and different ones for another seed', async () => {
    for (const d of DOMAINS) {
      const a = hashOutput(await generateDomain(d, { scale: 'fixture', seed: 7 }));
      const b = hashOutput(await generateDomain(d, { scale: 'fixture' }, { seed: 7 }));
      const c = hashOutput(await generateDomain(d, { scale: 'fixture', seed: 8 }));
      expect(a).toBe(b);
      expect(a).not.toBe(c);
    }
  });

  it('changes only the overridden column (and what derives from it) when one generator changes', async () => {
    const retail = findDomain('retail')!;
    const base = await generateDomain(retail, { scale: 'fixture' });
    const edited = await generateDomain(retail, { scale: 'fixture', distributions: { 'customer.loyalty_tier': { Gold: 1 } } });
    for (const t of base.tables) {
      const e = edited.tables.find((x) => x.name === t.name)!;
      for (const c of t.columns) {
        const same = Buffer.from(writeCsv({ name: t.name, length: t.length, columns: [c] })).equals(Buffer.from(writeCsv({ name: t.name, length: e.length, columns: [getColumn(e, c.name)] })));
        expect(same, `${t.name}.${c.name}`).toBe(!(t.name === 'customer' && c.name === 'loyalty_tier'));
      }
    }
  });
});

describe('invariants over random small configs (property)', () => {
  it('keeps keys, FKs, counts and time order for any seed, anchor rows and date range', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DOMAINS),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.double({ min: 0.2, max: 2, noNaN: true }),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 1400 }), fc.integer({ min: 7, max: 700 }))),
        async (d, seed, factor, range) => {
          const rows = Object.fromEntries(Object.entries(d.scales.fixture).map(([t, v]) => [t, Math.max(1, Math.round(v * factor))]));
          const dates = range ? { startDate: day(range[0]), endDate: day(range[0] + range[1]) } : {};
          const out = await generateDomain(d, { scale: 'fixture', seed, rows, ...dates });
          expect(checkIntegrity(out.tables, out.meta)).toEqual([]);
          const counts = estimateRows(d, { scale: 'fixture', rows, ...dates });
          for (const t of out.tables) expect(t.length).toBe(counts[t.name]);
          if (range) {
            const lo = Date.parse(`${dates.startDate}T00:00:00Z`) * 1000;
            const hi = (Date.parse(`${dates.endDate}T00:00:00Z`) + 86_400_000) * 1000;
            for (const [t, c] of MARKED[d.id] ?? []) {
              const v = num(out.tables.find((x) => x.name === t)!, c);
              for (let i = 0; i < v.length; i++) expect(v[i] >= lo && v[i] < hi, `${t}.${c}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});

/** Columns marked M whose only lower bound is the range (no parent-time rule). */
const MARKED: Record<string, [string, string][]> = {
  retail: [
    ['customer', 'signup_date'],
    ['promotion', 'start_date'],
    ['order', 'order_date'],
  ],
  financial: [['transaction', 'transaction_date']],
};

const day = (k: number) => new Date(Date.UTC(2022, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);

describe('config errors name the field', () => {
  const retail = findDomain('retail')!;
  const issues = async (raw: unknown) => {
    try {
      await generateDomain(retail, raw);
    } catch (e) {
      if (e instanceof ConfigError) return e.issues.map((i) => i.path);
      throw e;
    }
    return [];
  };
  it('rejects unknown keys, scales, tables, values, bad dates and unreachable caps', async () => {
    expect(await issues({ scael: 'small' })).toEqual(['scael']);
    expect(await issues({ scale: 'huge' })).toEqual(['scale']);
    expect(await issues({ rows: { store: 10 } })).toEqual(['rows.store']);
    expect(await issues({ distributions: { 'order.status': { lost: 1 } } })).toContain('distributions.order.status.lost');
    expect(await issues({ distributions: { 'order.colour': { red: 1 } } })).toEqual(['distributions.order.colour']);
    expect(await issues({ startDate: '2024-02-30' })).toEqual(['startDate']);
    expect(await issues({ startDate: '2024-03-01', endDate: '2024-02-01' })).toEqual(['endDate']);
    expect(await issues({ scale: 'fixture', rows: { order: 5000 } })).toEqual(['rows.order']);
    expect(await issues({ ratios: { address_per_customer: 0 } })).toEqual(['ratios.address_per_customer']);
    expect(await issues({ start_date: '2024-01-01', scale: 'fixture' })).toEqual([]);
  });
});

describe('progress and cancel', () => {
  it('reports progress between tables and stops on abort', async () => {
    const phases = new Set<string>();
    await generateDomain(findDomain('retail')!, { scale: 'fixture' }, { onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(findDomain('retail')!.tables.map((t) => t.name));
    const abort = new AbortController();
    let calls = 0;
    const run = generateDomain(findDomain('retail')!, { scale: 'fixture' }, { signal: abort.signal, onProgress: () => ++calls === 3 && abort.abort() });
    await expect(run).rejects.toBeInstanceOf(AbortError);
  });
});

describe('money as money', () => {
  it('writes the amount columns as DECIMAL(18,2) when asked, with the same values in cents', async () => {
    const retail = findDomain('retail')!;
    const plain = await generateDomain(retail, { scale: 'fixture', seed: 3 });
    const money = await generateDomain(retail, { scale: 'fixture', seed: 3, money: 'decimal' });
    const amounts = retail.tables.flatMap((t) => t.columns.filter((c) => c.money).map((c) => [t.name, c.name] as const));
    expect(amounts).toContainEqual(['order', 'order_total']);
    for (const [t, c] of amounts) {
      const d = getColumn(money.tables.find((x) => x.name === t)!, c);
      const f = getColumn(plain.tables.find((x) => x.name === t)!, c);
      expect(d).toMatchObject({ type: 'decimal', precision: 18, scale: 2 });
      if (d.type !== 'decimal' || f.type !== 'float') throw new Error('kinds');
      for (let i = 0; i < f.values.length; i++) expect(d.values[i]).toBe(BigInt(Math.round(f.values[i] * 100)));
      expect(money.meta.find((m) => m.name === t)!.columns.find((x) => x.name === c)).toMatchObject({ type: 'decimal', precision: 18, scale: 2 });
    }
    // everything else is the same table
    expect(hashOutput({ ...money, tables: money.tables.map((t) => ({ ...t, columns: t.columns.filter((c) => c.type !== 'decimal') })) })).toBe(
      hashOutput({ ...plain, tables: plain.tables.map((t) => ({ ...t, columns: t.columns.filter((c) => !amounts.some(([a, b]) => a === t.name && b === c.name)) })) }),
    );
  });
});
