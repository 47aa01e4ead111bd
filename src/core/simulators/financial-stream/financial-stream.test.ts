import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundTo } from '../../domains/sort';
import { buildTree } from '../../output/tree';
import { treeHash } from '../../../../test/tree-hash';
import { US_PER_HOUR } from '../../time';
import { FAILURE_REASONS, FRAUD_CATEGORIES, REVERSAL_REASONS } from './financial-stream.constants';
import { batchCount, hoursToUs } from './financial-stream.config';
import { configArb, inputCaseArb, inputTime, keyRows, namesOf, rows, runFs, startOf, type InputCase } from './financial-stream.test-util';

const RUNS = { numRuns: 60 };
const caseAndConfig = fc.tuple(inputCaseArb, configArb);

const idOf = (c: InputCase, i: number) => (c.idKind === 'int' ? 1000 + i : c.idKind === 'string' ? `T${i}` : null);
/** The account id as the outputs hold it: text when the transactions' and accounts' types differ. */
const accountOf = (c: InputCase, k: number) => {
  const v = c.accountKind === 'int' ? 100 + k : `A-${100 + k}`;
  return c.accountKind === c.poolKind ? v : String(v);
};
const poolValues = (c: InputCase) =>
  new Set(Array.from({ length: c.poolSize }, (_, k) => k).filter((k) => !(k === 0 && c.poolSize > 2)).map((k) => (c.poolKind === 'int' ? (c.accountKind === 'int' ? 100 + k : String(100 + k)) : `A-${100 + k}`)));
const cents = (x: number) => Math.round(x * 100);

describe('financial-stream invariants (spec §6)', () => {
  it('reversals: of eligible originals only, once each, same account, −|amount|, delay in [0.1 h, max], known reason, sorted by (reversed_at, source)', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndConfig, async ([c, config]) => {
        const r = await runFs(config, c);
        const cfg = r.run.config as typeof config;
        const start = startOf(r.run);
        const revs = rows(r.reversals);
        const source = new Map(c.rows.map((_, i) => [idOf(c, i), i]));
        const seen = new Set<number>();
        let prev: [number, number] = [-Infinity, -1];
        for (const x of revs) {
          const i = source.get(x.original_transaction_id as number | string)!;
          expect(i).toBeDefined();
          expect(seen.has(i)).toBe(false);
          seen.add(i);
          const row = c.rows[i];
          if (c.hasStatus) expect(row.status.toLowerCase()).toBe('completed');
          expect(x.account_id).toBe(accountOf(c, row.account));
          expect(x.amount).toBe(0 - Math.abs(row.amount!));
          if (row.amount !== 0) expect(x.amount as number).toBeLessThan(0);
          const delay = (x.reversed_at as number) - (inputTime(c, i) ?? start);
          expect(delay).toBeGreaterThanOrEqual(0.1 * US_PER_HOUR);
          expect(delay).toBeLessThanOrEqual(cfg.reversalDelayHoursMax * US_PER_HOUR);
          expect(REVERSAL_REASONS).toContain(x.reversal_reason);
          const key: [number, number] = [x.reversed_at as number, i];
          expect(key[0] > prev[0] || (key[0] === prev[0] && key[1] > prev[1])).toBe(true);
          prev = key;
        }
        if (!cfg.reversalEnabled || cfg.reversalProbability === 0) expect(revs).toHaveLength(0);
        if (cfg.reversalEnabled && cfg.reversalProbability === 1) {
          const eligible = c.rows.filter((x) => x.amount !== null && (!c.hasStatus || x.status.toLowerCase() === 'completed')).length;
          expect(revs).toHaveLength(eligible);
        }
        expect(r.result.stats.reversal_count).toBe(revs.length);
      }),
      RUNS,
    );
  });

  it('fraud: count × bursts rows; a burst shares one pooled account, starts on a whole hour, stays within 120 s and the window; amounts in range to the cent', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndConfig, async ([c, config]) => {
        const r = await runFs(config, c);
        const cfg = r.run.config as typeof config;
        const start = startOf(r.run);
        const end = start + hoursToUs(cfg.durationHours);
        const fraud = rows(r.fraud);
        const byId = new Map(fraud.map((x) => [x.fraud_tx_id, x]));
        const bursts = keyRows(r.result).filter((k) => k.kind === 'fraud_burst');
        expect(bursts).toHaveLength(r.result.stats.fraud_burst_count as number);
        expect(fraud).toHaveLength(cfg.fraudBurstCount * bursts.length);
        if (!cfg.fraudBurstEnabled || cfg.fraudBurstProbability === 0) expect(bursts).toHaveLength(0);
        if (cfg.fraudBurstEnabled && cfg.fraudBurstProbability === 1 && poolValues(c).size) expect(bursts).toHaveLength(Math.ceil(hoursToUs(cfg.durationHours) / US_PER_HOUR));
        const [lo, hi] = cfg.fraudBurstAmountRange;
        const pool = poolValues(c);
        for (const b of bursts) {
          const burstStart = b.time as number;
          expect((burstStart - start) % US_PER_HOUR).toBe(0);
          expect(burstStart).toBeLessThan(end);
          const ids = b.details.fraud_tx_ids as string[];
          expect(ids).toHaveLength(cfg.fraudBurstCount);
          for (const id of ids) {
            const x = byId.get(id)!;
            expect(x.account_id).toBe(b.details.account_id);
            expect(pool.has(x.account_id as number | string)).toBe(true);
            const t = x.transaction_time as number;
            expect(t).toBeGreaterThanOrEqual(burstStart);
            expect(t).toBeLessThan(Math.min(burstStart + 120e6, end));
            const a = x.amount as number;
            expect(a).toBeGreaterThanOrEqual(lo - 1e-9);
            expect(a).toBeLessThanOrEqual(hi + 1e-9);
            expect(cents(a) / 100).toBe(a);
            expect(FRAUD_CATEGORIES).toContain(x.merchant_category);
            expect(x.is_fraud).toBe(true);
          }
        }
        for (let i = 1; i < fraud.length; i++) expect(fraud[i].transaction_time as number).toBeGreaterThanOrEqual(fraud[i - 1].transaction_time as number);
      }),
      RUNS,
    );
  });

  it('settlements: max(1, ceil(D/B)) batches B apart; status rules; gross = every combined record of the window netted; counts + outside = combined rows', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndConfig, async ([c, config]) => {
        const r = await runFs(config, c);
        const cfg = r.run.config as typeof config;
        const start = startOf(r.run);
        const batchUs = hoursToUs(cfg.settlementBatchHours);
        const nb = batchCount(cfg.durationHours, cfg.settlementBatchHours);
        const batches = rows(r.settlements);
        expect(batches).toHaveLength(cfg.settlementEnabled ? nb : 0);
        // an independent settlement of the combined table
        const names = namesOf(c);
        const timeName = c.timeKind === 'none' ? 'transaction_time' : names.time;
        const combined = rows(r.transactions);
        const count = new Array<number>(nb).fill(0);
        const sum = new Array<number>(nb).fill(0);
        let outside = 0;
        const untimed = combined.filter((x) => x[timeName] === null);
        for (const x of combined) {
          const t = x[timeName] as number | null;
          if (t === null) continue;
          if (t < start || t >= start + nb * batchUs) outside++;
          else {
            const b = Math.floor((t - start) / batchUs);
            count[b]++;
            sum[b] += x[names.amount] === null ? 0 : cents(x[names.amount] as number);
          }
        }
        let at = 0;
        for (let b = 0; b < nb; b++) {
          const size = Math.floor(untimed.length / nb) + (b < untimed.length % nb ? 1 : 0);
          for (const x of untimed.slice(at, at + size)) {
            count[b]++;
            sum[b] += x[names.amount] === null ? 0 : cents(x[names.amount] as number);
          }
          at += size;
        }
        expect(r.result.stats.transactions_outside_window).toBe(outside);
        expect(count.reduce((a, x) => a + x, 0) + outside).toBe(combined.length);
        const fractions = new Map(keyRows(r.result).filter((k) => k.kind === 'settlement_partial').map((k) => [k.key, k.details.settled_fraction as number]));
        batches.forEach((s, b) => {
          expect(s.window_start).toBe(start + b * batchUs);
          expect((s.settled_at as number) - (s.window_start as number)).toBe(batchUs);
          expect(s.transaction_count).toBe(count[b]);
          expect(s.gross_amount).toBe(sum[b] / 100 + 0);
          expect(s.failure_reason === null).toBe(s.status === 'settled');
          if (s.failure_reason !== null) expect(FAILURE_REASONS).toContain(s.failure_reason);
          if (s.status === 'failed') expect(s.total_amount).toBe(0);
          if (s.status === 'settled') expect(s.total_amount).toBe(s.gross_amount);
          if (s.status === 'partial') {
            const f = fractions.get(s.batch_id as string)!;
            expect(f).toBeGreaterThanOrEqual(0.3);
            expect(f).toBeLessThan(0.9);
            expect(s.total_amount).toBe(roundTo((s.gross_amount as number) * f, 2) + 0);
          }
        });
        if (cfg.settlementSuccessRate === 1) expect(batches.every((s) => s.status === 'settled')).toBe(true);
      }),
      RUNS,
    );
  });

  it('the combined table: every original unchanged, then reversals and fraud; stats match tables; sorted by (time, type, source) with untimed rows last', async () => {
    await fc.assert(
      fc.asyncProperty(caseAndConfig, async ([c, config]) => {
        const r = await runFs(config, c);
        const s = r.result.stats;
        const names = namesOf(c);
        const idName = c.idKind === 'none' ? 'transaction_id' : names.id;
        const timeName = c.timeKind === 'none' ? 'transaction_time' : names.time;
        const combined = rows(r.transactions);
        expect(s.original_transaction_count).toBe(c.rows.length);
        expect(s.fraud_event_count).toBe(r.fraud.length);
        expect(s.settlement_batch_count).toBe(r.settlements.length);
        expect(s.combined_transaction_count).toBe(combined.length);
        expect(combined.length).toBe(c.rows.length + r.reversals.length + r.fraud.length);
        const types = combined.map((x) => x.record_type);
        expect(types.filter((t) => t === 'original')).toHaveLength(c.rows.length);
        expect(types.filter((t) => t === 'reversal')).toHaveLength(r.reversals.length);
        expect(types.filter((t) => t === 'fraud')).toHaveLength(r.fraud.length);
        // originals: each input row once with its values; the added columns empty
        const originals = combined.filter((x) => x.record_type === 'original');
        // input rows in (time, row) order, untimed last in row order
        const expectedOrder = c.rows.map((_, i) => i).sort((a, b) => (inputTime(c, a) ?? Infinity) - (inputTime(c, b) ?? Infinity) || a - b);
        expect(originals).toHaveLength(c.rows.length);
        originals.forEach((x, k) => {
          const i = expectedOrder[k];
          expect(x[idName]).toBe(c.idKind === 'none' ? null : String(idOf(c, i)));
          const row = c.rows[i];
          expect(x[names.account]).toBe(accountOf(c, row.account));
          expect(x[names.amount]).toBe(row.amount);
          expect(x[timeName]).toBe(inputTime(c, i));
          expect(x.channel).toBe(i % 3 ? 'Online' : null);
          if (c.hasStatus) expect(x[names.status]).toBe(row.status);
          if (c.clash) expect(x.is_fraud_input).toBe(0);
          expect([x.original_transaction_id, x.reversal_reason, x.merchant_category, x.is_fraud]).toEqual([null, null, null, false]);
        });
        // generated rows carry their table's id, time, amount and extras, and nothing original-only
        const rev = new Map(rows(r.reversals).map((x) => [x.reversal_id, x]));
        const fraud = new Map(rows(r.fraud).map((x) => [x.fraud_tx_id, x]));
        for (const x of combined) {
          if (x.record_type === 'reversal') {
            const y = rev.get(x[idName])!;
            expect([x[timeName], x[names.amount], x.original_transaction_id, x.reversal_reason, x.is_fraud, x.channel]).toEqual([y.reversed_at, y.amount, y.original_transaction_id, y.reversal_reason, false, null]);
          } else if (x.record_type === 'fraud') {
            const y = fraud.get(x[idName])!;
            expect([x[timeName], x[names.amount], x[names.account], x.merchant_category, x.is_fraud, x.channel]).toEqual([y.transaction_time, y.amount, y.account_id, y.merchant_category, true, null]);
          }
        }
        // ids unique (the inputs' are)
        const ids = combined.map((x) => x[idName]).filter((v) => v !== null);
        expect(new Set(ids).size).toBe(ids.length);
        // order: timed rows by (time, original < reversal < fraud), untimed originals last
        const rank = { original: 0, reversal: 1, fraud: 2 } as Record<string, number>;
        let untimedSeen = false;
        for (let k = 1; k < combined.length; k++) {
          const [a, b] = [combined[k - 1], combined[k]];
          if (a[timeName] === null) untimedSeen = true;
          if (untimedSeen) {
            expect(b[timeName]).toBeNull();
            continue;
          }
          if (b[timeName] === null) continue;
          const ta = a[timeName] as number;
          const tb = b[timeName] as number;
          expect(ta < tb || (ta === tb && rank[a.record_type as string] <= rank[b.record_type as string])).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('disabled features give empty tables with full schemas and zero counts; the same seed and inputs give the same bytes', async () => {
    await fc.assert(
      fc.asyncProperty(inputCaseArb, configArb, async (c, config) => {
        const off = { ...config, reversalEnabled: false, fraudBurstEnabled: false, settlementEnabled: false };
        const r = await runFs(off, c);
        expect(r.reversals.columns.map((x) => x.name)).toEqual(['reversal_id', 'original_transaction_id', 'account_id', 'amount', 'reversal_reason', 'reversed_at']);
        expect(r.fraud.columns.map((x) => x.name)).toEqual(['fraud_tx_id', 'account_id', 'amount', 'merchant_category', 'transaction_time', 'is_fraud']);
        expect(r.settlements.columns.map((x) => x.name)).toEqual(['batch_id', 'window_start', 'settled_at', 'transaction_count', 'gross_amount', 'total_amount', 'status', 'failure_reason']);
        expect([r.reversals.length, r.fraud.length, r.settlements.length, r.result.answerKey.length]).toEqual([0, 0, 0, 0]);
        const s = r.result.stats;
        expect([s.reversal_count, s.fraud_event_count, s.fraud_burst_count, s.settlement_batch_count, s.settled_batches, s.partial_batches, s.failed_batches]).toEqual([0, 0, 0, 0, 0, 0, 0]);
        expect(r.transactions.length).toBe(c.rows.length);
        const a = treeHash(await buildTree((await runFs(config, c)).run, 'csv'));
        const b = treeHash(await buildTree((await runFs(config, c)).run, 'csv'));
        expect(a).toBe(b);
      }),
      { numRuns: 25 },
    );
  });
});
