/**
 * Property tests for every invariant of spec/file-drop.md §6, over generated tables and
 * configs. Landed files are read back by independent readers (test/readers.ts) and checked
 * against the input rows; the engine's own index (`landing_files`) only links files to kinds.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLandedRows as readRows, type Schema } from '../../../../test/readers';
import { runIdOf } from '../../ids';
import { tableRows, tableSchema, type CellValue, type Table } from '../../table/column';
import { arbConfig, arbTables, folderOfPath, isControl, land, manifests, nameOfPath, START_US, type GenConfig, type Landed } from './file-drop.test-utils';

const DAY_US = 86_400_000_000;
const perDayOf = (cadence: string) => (cadence === 'daily' ? 1 : cadence === 'hourly' ? 24 : 96);
const iso = (us: number) => new Date(us / 1000).toISOString();

interface IndexRow {
  path: string;
  entity: string;
  kind: string;
  format: string | null;
  slot: number;
  landed_at: number;
  rows: number | null;
}

/** What the test knows independently of the engine: each input row's event slot (or null when out of range). */
function eventSlots(t: Table, S: number, slotUs: number): (number | null)[] {
  const rows = tableRows(t);
  const slotOf = (us: number) => (us >= START_US && us < START_US + S * slotUs ? Math.floor((us - START_US) / slotUs) : null);
  if (t.name === 'dims') return rows.map((_, i) => i % S);
  if (t.name === 'events') return rows.map((r) => (r.ts === null ? null : slotOf(r.ts as number)));
  return rows.map((r) => {
    const ms = Date.parse(r.seen_at as string);
    return Number.isNaN(ms) ? null : slotOf(ms * 1000);
  });
}

interface Context {
  readonly l: Landed;
  readonly config: GenConfig;
  readonly tables: readonly Table[];
  readonly index: IndexRow[];
  readonly S: number;
  readonly slotUs: number;
  /** Rows of every data file in the first format, read back. */
  readonly rows: Map<string, Record<string, CellValue>[]>;
}

async function setUp(config: Context['config'], tables: readonly Table[]): Promise<Context> {
  const l = await land(config, tables);
  const index = tableRows(l.run.result.tables[0]) as unknown as IndexRow[];
  const perDay = perDayOf(config.cadence);
  const days = (Date.parse(`${config.dateRangeEnd}T00:00:00Z`) * 1000 - START_US) / DAY_US + 1;
  const rows = new Map<string, Record<string, CellValue>[]>();
  for (const f of index) {
    if (f.rows === null) continue;
    const t = tables.find((x) => x.name === f.entity)!;
    const schema: Schema = [...tableSchema(t), ...(f.kind === 'restatement' ? [{ name: '_restatement', type: 'bool' as const }, { name: '_restated_at', type: 'string' as const }] : [])];
    const read = await readRows(f.path, l.files.get(f.path)!, schema);
    expect(read).toHaveLength(f.rows);
    // every format holds the same rows
    const key = f.path.replace(/\.(csv|jsonl|parquet)$/, '');
    const before = rows.get(key);
    if (before) expect(read).toEqual(before);
    else rows.set(key, read);
  }
  return { l, config, tables, index, S: days * perDay, slotUs: DAY_US / perDay, rows };
}

const rowsOf = (c: Context, f: IndexRow) => c.rows.get(f.path.replace(/\.(csv|jsonl|parquet)$/, ''))!;
const firstFormat = (c: Context) => c.index.filter((f) => f.rows !== null && f.format === c.config.formats[0]);
const slotIndex = (c: Context, us: number) => Math.round((us - START_US) / c.slotUs);

/** Each row read back equals its input row (by id), on every column the input has. */
function checkValues(c: Context): void {
  for (const f of firstFormat(c)) {
    const input = tableRows(c.tables.find((t) => t.name === f.entity)!);
    for (const r of rowsOf(c, f)) {
      const orig = input[(r.id as number) - 1];
      for (const [k, v] of Object.entries(orig)) {
        if (f.kind === 'restatement' && typeof v === 'number' && k !== 'id' && !k.endsWith('_id')) continue;
        expect(r[k], `${f.path} id ${r.id} column ${k}`).toEqual(v);
      }
    }
  }
}

function checkRowConservation(c: Context): void {
  const stats = c.l.run.result.stats as { per_entity: Record<string, Record<string, number>> };
  for (const t of c.tables) {
    const s = stats.per_entity[t.name];
    const slots = eventSlots(t, c.S, c.slotUs);
    const onTime = new Map<number, number>();
    const late = new Map<number, number>();
    for (const f of firstFormat(c).filter((x) => x.entity === t.name)) {
      const into = f.kind === 'on_time' ? onTime : f.kind === 'late' ? late : undefined;
      if (into) for (const r of rowsOf(c, f)) into.set(r.id as number, (into.get(r.id as number) ?? 0) + 1);
    }
    let copies = 0;
    slots.forEach((slot, i) => {
      const id = i + 1;
      const o = onTime.get(id) ?? 0;
      const la = late.get(id) ?? 0;
      if (slot === null) expect(o + la, `out-of-range row ${t.name}#${id} landed`).toBe(0);
      else {
        expect(la <= 1 && (la === 0 || o === 0), `${t.name}#${id}: late ${la}, on time ${o}`).toBe(true);
        expect(o + la, `${t.name}#${id} lands`).toBeGreaterThanOrEqual(1);
        copies += o + la - 1;
      }
    });
    expect(copies).toBe(s.rows_duplicated);
    expect(s.rows_on_time + s.rows_late + s.rows_out_of_range).toBe(t.length);
    expect(s.rows_out_of_range).toBe(slots.filter((x) => x === null).length);
    expect(s.rows_late).toBe([...late.values()].length);
  }
}

function checkLateTargets(c: Context): void {
  const maxDelay = c.config.maxDaysLate * perDayOf(c.config.cadence);
  for (const f of firstFormat(c).filter((x) => x.kind === 'late')) {
    expect(nameOfPath(f.path)).toContain('00900');
    const target = slotIndex(c, f.slot);
    const slots = eventSlots(c.tables.find((t) => t.name === f.entity)!, c.S, c.slotUs);
    let prev = -1;
    for (const r of rowsOf(c, f)) {
      const e = slots[(r.id as number) - 1]!;
      expect(target - e).toBeGreaterThanOrEqual(1);
      expect(target - e).toBeLessThanOrEqual(maxDelay);
      // by source slot, then input order
      const order = e * 1e6 + (r.id as number);
      expect(order).toBeGreaterThan(prev);
      prev = order;
    }
  }
  // one late file per target folder and format
  const late = c.index.filter((f) => f.kind === 'late').map((f) => folderOfPath(f.path) + f.format);
  expect(new Set(late).size).toBe(late.length);
}

function checkDuplicatesAndParts(c: Context): void {
  const onTime = firstFormat(c).filter((f) => f.kind === 'on_time');
  const bySlot = new Map<string, IndexRow[]>();
  for (const f of onTime) bySlot.set(folderOfPath(f.path), [...(bySlot.get(folderOfPath(f.path)) ?? []), f]);
  for (const parts of bySlot.values()) {
    parts.sort((a, b) => (a.path < b.path ? -1 : 1));
    const sizes = parts.map((p) => p.rows!);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    if (parts.length > 1) expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(c.config.multiFileChunks);
    parts.forEach((p, j) => expect(nameOfPath(p.path)).toContain(String(j + 1).padStart(5, '0')));
    // concatenation: the slot's rows in input order, then copies (each equal to an earlier row) in order
    const ids = parts.flatMap((p) => rowsOf(c, p).map((r) => r.id as number));
    const firstCopy = ids.findIndex((id, i) => ids.indexOf(id) < i);
    const originals = firstCopy < 0 ? ids : ids.slice(0, firstCopy);
    const copies = firstCopy < 0 ? [] : ids.slice(firstCopy);
    expect([...originals].sort((a, b) => a - b)).toEqual(originals);
    expect(new Set(originals).size).toBe(originals.length);
    for (const id of copies) expect(originals).toContain(id);
    expect([...copies].sort((a, b) => a - b)).toEqual(copies);
  }
}

function checkManifests(c: Context): void {
  const ms = manifests(c.l);
  const runId = runIdOf('file_drop', c.config.seed, c.l.run.config);
  const dataByFolder = new Map<string, string[]>();
  for (const p of c.l.files.keys()) if (!isControl(p)) dataByFolder.set(folderOfPath(p), [...(dataByFolder.get(folderOfPath(p)) ?? []), nameOfPath(p)]);
  const folders = new Set([...c.l.files.keys()].map(folderOfPath));
  for (const folder of folders) {
    const data = dataByFolder.get(folder) ?? [];
    const m = ms.get(folder);
    const done = c.l.files.get(`${folder}/_done`);
    if (c.config.manifestEnabled) {
      expect(m, `manifest in ${folder}`).toBeDefined();
      expect([...m!.files].sort()).toEqual([...data].sort());
      expect(m!.file_count).toBe(data.length);
      expect(m!.entries.map((e) => e.name)).toEqual(m!.files);
      expect(m!.correlation_id).toBe(runId);
      const latest = Math.max(...m!.entries.map((e) => Date.parse(e.landed_at)), Date.parse(m!.slot) + c.slotUs / 1000);
      expect(m!.created_utc).toBe(new Date(latest).toISOString());
      if (done) expect(new TextDecoder().decode(done)).toBe(m!.created_utc);
      if (c.config.multiFileEnabled && c.config.multiFileChecksum) {
        expect(m!.file_details!.map((d) => d.name)).toEqual(m!.files);
        for (const d of m!.file_details!) {
          const bytes = c.l.files.get(`${folder}/${d.name}`)!;
          expect(d.size_bytes).toBe(bytes.length);
          expect(d.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
        }
      } else expect(m!.file_details).toBeUndefined();
    } else expect(m).toBeUndefined();
    expect(done !== undefined).toBe(c.config.doneFlagEnabled);
  }
  // every scheduled slot of every entity has a folder with its control files
  if (c.config.manifestEnabled || c.config.doneFlagEnabled) {
    for (const t of c.tables) {
      const slots = new Set(c.index.filter((f) => f.entity === t.name && f.rows === null).map((f) => slotIndex(c, f.slot)));
      for (let s = 0; s < c.S; s++) expect(slots.has(s), `${t.name} slot ${s} has control files`).toBe(true);
    }
  }
}

/** Landing times (spec §5): on-time and late at their folder's close, backfill at F, restatement at F + Δ. */
function checkLandingTimes(c: Context): void {
  for (const t of c.tables) {
    const mine = c.index.filter((f) => f.entity === t.name);
    const lastSlot = Math.max(c.S - 1, ...mine.filter((f) => f.kind === 'late').map((f) => slotIndex(c, f.slot)));
    const F = START_US + (lastSlot + 1) * c.slotUs;
    for (const f of mine) {
      if (f.kind === 'on_time' || f.kind === 'late') expect(f.landed_at).toBe(f.slot + c.slotUs);
      if (f.kind === 'backfill') expect(f.landed_at).toBe(F);
      if (f.kind === 'restatement') expect(f.landed_at).toBe(F + c.slotUs);
    }
    // files in landing order, a folder's control files after its data files
    const order = [...c.l.files.keys()].filter((p) => p.split('/')[3] === t.name);
    const at = new Map(mine.map((f) => [f.path, f.landed_at]));
    for (let i = 1; i < order.length; i++) expect(at.get(order[i])!).toBeGreaterThanOrEqual(at.get(order[i - 1])!);
    for (const p of order.filter((x) => !isControl(x))) {
      const m = order.indexOf(`${folderOfPath(p)}/_manifest.json`);
      if (m >= 0) expect(order.indexOf(p)).toBeLessThan(m);
    }
  }
}

function checkBackfillAndRestatements(c: Context): void {
  const pct = c.config.restatementMaxCorrectionPct;
  for (const f of firstFormat(c).filter((x) => x.kind === 'backfill' || x.kind === 'restatement')) {
    const t = c.tables.find((x) => x.name === f.entity)!;
    const slot = slotIndex(c, f.slot);
    const expected = eventSlots(t, c.S, c.slotUs).flatMap((s, i) => (s === slot ? [i + 1] : []));
    const got = rowsOf(c, f).map((r) => r.id as number);
    expect(got).toEqual(expected);
    if (f.kind === 'backfill') {
      expect(nameOfPath(f.path)).toContain('00990');
      expect(slot).toBeGreaterThanOrEqual(c.S - Math.min(c.config.maxDaysBack * perDayOf(c.config.cadence), c.S));
      continue;
    }
    expect(nameOfPath(f.path)).toContain('00980');
    const input = tableRows(t);
    for (const r of rowsOf(c, f)) {
      expect(r._restatement).toBe(true);
      expect(r._restated_at).toBe(iso(f.landed_at));
      const orig = input[(r.id as number) - 1];
      for (const col of t.columns) {
        const v = orig[col.name];
        if (col.name === 'id' || col.name.endsWith('_id') || typeof v !== 'number') continue;
        const nv = r[col.name] as number;
        if (col.type === 'int') expect(Number.isInteger(nv)).toBe(true);
        expect(Math.abs(nv - v)).toBeLessThanOrEqual(Math.abs(v) * pct + (col.type === 'int' ? 0.5 : 1e-9 * Math.abs(v)));
      }
    }
  }
}

function checkAnswerKey(c: Context): void {
  const stats = c.l.run.result.stats as Record<string, number>;
  const counts = c.l.run.result.answerKey.countsByKind();
  expect(counts.late_row ?? 0).toBe(stats.rows_late);
  expect(counts.duplicate ?? 0).toBe(stats.rows_duplicated);
  expect(counts.restatement ?? 0).toBe(stats.rows_restated);
  expect((counts.backfill ?? 0) * c.config.formats.length).toBe(stats.backfill_files);
  const key = tableRows(c.l.run.result.answerKey.finish());
  for (const k of key) {
    const d = JSON.parse(k.details as string) as { file: string; event_slot?: string; landing_slot?: string; delay_slots?: number };
    expect(c.l.files.has(d.file), d.file).toBe(true);
    if (k.kind === 'late_row') expect((Date.parse(d.landing_slot!) - Date.parse(d.event_slot!)) * 1000).toBe(d.delay_slots! * c.slotUs);
  }
}

describe('file drop invariants (spec §6), generated tables and configs', () => {
  it('conserves rows, lands late rows in range, lists every file in its manifest, checksums match, parts and faults follow the rules', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbConfig.chain((config) => fc.tuple(fc.constant(config), arbTables(Number(config.dateRangeEnd.slice(8)) - 8))),
        async ([config, tables]) => {
          const c = await setUp(config, tables);
          checkValues(c);
          checkRowConservation(c);
          checkLateTargets(c);
          checkDuplicatesAndParts(c);
          checkManifests(c);
          checkLandingTimes(c);
          checkBackfillAndRestatements(c);
          checkAnswerKey(c);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is deterministic and per entity: same bytes twice; an entity’s files do not change when other tables are added', async () => {
    await fc.assert(
      fc.asyncProperty(arbConfig, arbTables(4), async (config, tables) => {
        const a = await land(config, tables);
        const b = await land(config, tables);
        expect([...a.files.keys()]).toEqual([...b.files.keys()]);
        for (const [p, bytes] of a.files) expect(b.files.get(p)).toEqual(bytes);
        const alone = await land(config, [tables[0]]);
        const mine = [...a.files].filter(([p]) => p.split('/')[3] === tables[0].name);
        expect([...alone.files.keys()]).toEqual(mine.map(([p]) => p));
        for (const [p, bytes] of mine) expect(alone.files.get(p)).toEqual(bytes);
        // filtering with `entities` changes the config, hence only the manifests' correlation id
        const filtered = await land({ ...config, entities: [tables[0].name] }, tables);
        expect([...filtered.files.keys()]).toEqual(mine.map(([p]) => p));
        const text = (b: Uint8Array) => new TextDecoder().decode(b).replace(/"correlation_id": "[^"]+"/, '');
        for (const [p, bytes] of mine) expect(p.endsWith('_manifest.json') ? text(filtered.files.get(p)!) : filtered.files.get(p)).toEqual(p.endsWith('_manifest.json') ? text(bytes) : bytes);
      }),
      { numRuns: 8 },
    );
  });
});
