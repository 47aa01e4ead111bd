/**
 * Property tests for every invariant of spec/scd2-file-drop.md §6, over generated tables and
 * configs: the landed snapshot and deltas are read back by independent readers and folded day by
 * day into a history that must stay valid (one current row per key, contiguous half-open
 * intervals, expire rows equal to the version they close, real changes, new keys above the old).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLandedRows as readRows, type Schema } from '../../../../test/readers';
import { ConfigError } from '../../schema/config';
import { tableRows, tableSchema, type CellValue, type Table } from '../../table/column';
import { arbConfig, arbTables, land, type GenConfig, type Landed } from './scd2.test-utils';

type Row = Record<string, CellValue>;
const DAY_US = 86_400_000_000;
const dayUs = (iso: string) => Date.parse(`${iso}T00:00:00Z`) * 1000;

function trackedOf(t: Table, config: GenConfig): string[] {
  if (config.scd2Columns.length) return [...config.scd2Columns];
  const key = config.businessKeyColumn || (t.name === 'dim' ? 'id' : `${t.name}_id`);
  return t.columns.filter((c) => c.name !== key && !c.name.endsWith('_id') && ['bool', 'int', 'float', 'string'].includes(c.type)).map((c) => c.name);
}

async function rowsOf(l: Landed, path: string, schema: Schema): Promise<Row[]> {
  const all = await Promise.all([...l.files.keys()].filter((p) => p.replace(/\.(csv|jsonl|parquet)$/, '') === path).map((p) => readRows(p, l.files.get(p)!, schema)));
  // every format holds the same rows
  for (const r of all.slice(1)) expect(r).toEqual(all[0]);
  return all[0];
}

/** Fold one table's snapshot and deltas, checking invariants 2–7 on the way; returns per-day counts. */
async function foldTable(l: Landed, t: Table, config: GenConfig): Promise<{ updates: number; inserts: number; rows: number }> {
  const key = config.businessKeyColumn || (t.name === 'dim' ? 'id' : `${t.name}_id`);
  const tracked = trackedOf(t, config);
  const untracked = t.columns.map((c) => c.name).filter((n) => !tracked.includes(n));
  const vf = config.effectiveDateColumn;
  const snapSchema: Schema = [...tableSchema(t), { name: vf, type: 'timestamp' }, { name: 'valid_to', type: 'timestamp' }, { name: 'is_current', type: 'bool' }];
  const deltaSchema: Schema = [...snapSchema, { name: '_delta_type', type: 'string' }];
  const base = `Files/landing/default/${t.name}`;
  const initialUs = dayUs(config.initialLoadDate);

  const snapshot = await rowsOf(l, `${base}/initial/${t.name}_initial`, snapSchema);
  expect(snapshot).toHaveLength(t.length);
  const input = tableRows(t);
  const current = new Map<string, Row>();
  const versions = new Map<string, number>();
  snapshot.forEach((r, i) => {
    expect(r).toEqual({ ...input[i], [vf]: initialUs, valid_to: null, is_current: true });
    current.set(String(r[key]), r);
    versions.set(String(r[key]), 1);
  });
  const numericKeys = snapshot.map((r) => Number(r[key])).filter((k) => Number.isFinite(k));
  let lastNew = Math.max(-Infinity, ...numericKeys);
  const K0 = t.length;
  let K = K0;
  const totals = { updates: 0, inserts: 0, rows: 0 };

  for (let d = 1; d <= config.numDeltaDays; d++) {
    const day = initialUs + d * DAY_US;
    const date = new Date(day / 1000).toISOString().slice(0, 10);
    const U = config.dailyChangeRate > 0 && K > 0 ? Math.min(K, Math.max(1, Math.floor(K * config.dailyChangeRate))) : 0;
    const I = config.dailyNewRate > 0 && K0 > 0 ? Math.max(1, Math.floor(K0 * config.dailyNewRate)) : 0;
    const path = `${base}/delta/dt=${date}/${t.name}_delta`;
    const present = [...l.files.keys()].some((p) => p.startsWith(path));
    expect(present).toBe(U + I > 0);
    if (!present) continue;
    const rows = await rowsOf(l, path, deltaSchema);
    expect(rows).toHaveLength(2 * U + I);
    const updatedToday = new Set<string>();
    for (let u = 0; u < U; u++) {
      const [expire, next] = [rows[2 * u], rows[2 * u + 1]];
      const k = String(expire[key]);
      expect(updatedToday.has(k), `key ${k} updated twice on day ${d}`).toBe(false);
      updatedToday.add(k);
      const cur = current.get(k)!;
      expect(cur, `expire row for unknown key ${k}`).toBeDefined();
      // the expire row is the current version, closed today
      expect(expire).toEqual({ ...cur, valid_to: day, is_current: false, _delta_type: 'update' });
      expect(next).toMatchObject({ [key]: expire[key], [vf]: day, valid_to: null, is_current: true, _delta_type: 'update' });
      const n = versions.get(k)! + 1;
      versions.set(k, n);
      for (const c of untracked) expect(next[c], `untracked ${c} of ${k}`).toEqual(cur[c]);
      expect(tracked.some((c) => next[c] !== cur[c] && !(Number.isNaN(next[c]) && Number.isNaN(cur[c]))), `version ${n} of ${k} changes a tracked column`).toBe(true);
      for (const c of tracked) if (typeof next[c] === 'string') expect((next[c] as string).endsWith(`_v${n}`)).toBe(true);
      const { _delta_type: _, ...version } = next;
      current.set(k, version);
    }
    for (let i = 0; i < I; i++) {
      const r = rows[2 * U + i];
      const k = String(r[key]);
      expect(current.has(k), `insert of existing key ${k}`).toBe(false);
      expect(typeof r[key]).toBe(typeof snapshot[0][key]);
      expect(Number(k)).toBeGreaterThan(lastNew);
      lastNew = Number(k);
      expect(r).toMatchObject({ [vf]: day, valid_to: null, is_current: true, _delta_type: 'insert' });
      for (const c of t.columns.map((x) => x.name).filter((n) => n.endsWith('_id') && n !== key)) {
        expect([...current.values()].map((x) => x[c]), `foreign key ${c} of insert ${k}`).toContainEqual(r[c]);
      }
      const { _delta_type: __, ...version } = r;
      current.set(k, version);
      versions.set(k, 1);
    }
    K += I;
    totals.updates += U;
    totals.inserts += I;
    totals.rows += 2 * U + I;
    // exactly one current row per key: the fold keeps one per key, and every key seen is there
    expect(current.size).toBe(K);
  }
  return totals;
}

describe('SCD2 file drop invariants (spec §6), generated tables and configs', () => {
  it('lands a valid history: snapshot, counts, fold, real changes, new keys, stats', async () => {
    await fc.assert(
      fc.asyncProperty(arbConfig, arbTables, async (config, tables) => {
        const valid = config.entities.length > 0 || (config.businessKeyColumn === '' && config.scd2Columns.length === 0);
        if (!valid) {
          await expect(land(config, tables)).rejects.toBeInstanceOf(ConfigError);
          return;
        }
        const l = await land(config, tables);
        const stats = l.run.result.stats as Record<string, number> & { per_entity: Record<string, Record<string, number>> };
        const chosen = config.entities.length ? tables.filter((t) => t.name === 'dim') : tables;
        let deltas = 0;
        for (const t of chosen) {
          const totals = await foldTable(l, t, config);
          expect(stats.per_entity[t.name]).toMatchObject({ total_updates: totals.updates, total_new: totals.inserts, total_deltas: totals.rows, initial_rows: t.length });
          deltas += [...l.files.keys()].filter((p) => p.includes(`/${t.name}/delta/`) && !p.endsWith('_manifest.json')).length;
        }
        const sum = (k: string) => chosen.reduce((a, t) => a + stats.per_entity[t.name][k], 0);
        expect(stats).toMatchObject({ total_updates: sum('total_updates'), total_new: sum('total_new'), total_deltas: sum('total_deltas'), initial_rows: sum('initial_rows') });
        expect(deltas).toBe(chosen.reduce((a, t) => a + stats.per_entity[t.name].delta_days, 0) * config.formats.length);
        const counts = l.run.result.answerKey.countsByKind();
        expect(counts.scd2_update ?? 0).toBe(stats.total_updates);
        expect(counts.scd2_insert ?? 0).toBe(stats.total_new);
        const manifests = [...l.files.keys()].filter((p) => p.endsWith('/_manifest.json'));
        expect(manifests.length > 0).toBe(config.manifestEnabled);
        for (const p of manifests) {
          const m = JSON.parse(new TextDecoder().decode(l.files.get(p))) as { files: string[]; file_count: number; row_count: number; created_utc: string; date: string };
          const folder = p.slice(0, -'_manifest.json'.length);
          expect(m.files.sort()).toEqual([...l.files.keys()].filter((x) => x.startsWith(folder) && !x.endsWith('_manifest.json')).map((x) => x.slice(folder.length)).sort());
          expect(m.file_count).toBe(m.files.length);
          expect(m.created_utc).toBe(m.date);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic and per table: same bytes twice; a table’s files do not change when another table is added', async () => {
    await fc.assert(
      fc.asyncProperty(arbTables, fc.nat(100), async (tables, seed) => {
        const config = { numDeltaDays: 2, dailyChangeRate: 0.3, dailyNewRate: 0.1, formats: ['csv', 'parquet'], seed };
        const a = await land(config, tables);
        const b = await land(config, tables);
        expect([...a.files.keys()]).toEqual([...b.files.keys()]);
        for (const [p, bytes] of a.files) expect(b.files.get(p)).toEqual(bytes);
        const alone = await land(config, [tables[0]]);
        const mine = [...a.files].filter(([p]) => p.includes('/dim/'));
        expect([...alone.files.keys()]).toEqual(mine.map(([p]) => p));
        for (const [p, bytes] of mine) expect(alone.files.get(p)).toEqual(bytes);
      }),
      { numRuns: 6 },
    );
  });
});
