/**
 * Property tests for every invariant of spec/hybrid.md §6 over generated tables and configs
 * (routing with unknown names, both link strategies, both modes, child configs over their
 * fields, inherited and explicit seeds and stream starts). Files are read back with independent
 * readers (JSON.parse, test/readers.ts); each phase is checked against the standalone simulator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLandedRows, readRows, type Schema } from '../../../../test/readers';
import { answerKeyRows } from '../../../../test/answer-key-rows';
import { runIdOf } from '../../ids';
import type { OutputFormat } from '../../output/formats';
import { buildTree, fileBytes } from '../../output/tree';
import { runSimulator } from '../../run';
import { makeContext } from '../../simulator';
import { tableRows, tableSchema, type CellValue, type Table } from '../../table/column';
import { fileDropSimulator } from '../file-drop';
import { runFileDrop } from '../file-drop/file-drop';
import { streamEmitSimulator } from '../stream-emit';
import { runStreamEmit } from '../stream-emit/stream-emit';
import { streamCorrelationId } from '../stream-emit/stream-emit.plan';
import { effectiveFileDropConfig, effectiveStreamConfig } from './hybrid.config';
import { byName, CORRELATION_COLUMN, stamp } from './hybrid.route';
import { arbHybridCase, envelopesOf, manifestsOf, runHybridCase, type HybridRun } from './hybrid.test-utils';

const DAY_US = 86_400_000_000;
const RUNS = { numRuns: 25 };

interface IndexRow {
  path: string;
  entity: string;
  kind: string;
  format: OutputFormat;
  rows: number | null;
}

const indexOf = (h: HybridRun) => (h.result.tables.find((t) => t.name === 'landing_files') ? (tableRows(h.result.tables.find((t) => t.name === 'landing_files')!) as unknown as IndexRow[]) : []);

/** The routed names the spec defines: all tables for an empty list, else the listed ones that exist, in list order. */
const routed = (list: readonly string[], tables: readonly Table[]) => (list.length ? list.filter((n) => tables.some((t) => t.name === n)) : tables.map((t) => t.name));

/** Rows of a landed data file, read back with the schema the file drop writes for its kind. */
async function dataRows(h: HybridRun, f: IndexRow, tables: readonly Table[]): Promise<Record<string, CellValue>[]> {
  const t = tables.find((x) => x.name === f.entity)!;
  const schema: Schema = [
    ...tableSchema(t),
    ...(h.config.linkStrategy === 'correlation_id' ? [{ name: CORRELATION_COLUMN, type: 'string' as const }] : []),
    ...(f.kind === 'restatement' ? [{ name: '_restatement', type: 'bool' as const }, { name: '_restated_at', type: 'string' as const }] : []),
  ];
  return readLandedRows(f.path, h.files.get(f.path)!, schema);
}

/** Everything but `_spindle/config.json` (which records `concurrent` itself). */
async function treeWithoutConfig(h: HybridRun) {
  return (await buildTree(h.run, 'jsonl')).filter((f) => f.path !== '_spindle/config.json').map((f) => [f.path, Buffer.from(f.bytes).toString('base64')]);
}

describe('hybrid: spec §6 invariants over generated cases', () => {
  it('#1 same seed and config → the same result and files; concurrent == sequential; #7 the inputs are unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(arbHybridCase, async ({ tables, config }) => {
        const before = tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name), rows: tableRows(t) }));
        const a = await runHybridCase(config, tables);
        const again = await runHybridCase(config, tables);
        const other = await runHybridCase({ ...config, concurrent: !config.concurrent }, tables);
        for (const b of [again, other]) {
          expect(b.result.stats).toEqual(a.result.stats);
          expect(b.result.charts).toEqual(a.result.charts);
          expect(answerKeyRows(b.result.answerKey)).toEqual(answerKeyRows(a.result.answerKey));
          expect(await treeWithoutConfig(b)).toEqual(await treeWithoutConfig(a));
        }
        expect(tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name), rows: tableRows(t) }))).toEqual(before);
      }),
      { numRuns: 15 },
    );
  });

  it('#2 routed sets and unmatched names; #3 a phase is null iff its routed set is empty', async () => {
    await fc.assert(
      fc.asyncProperty(arbHybridCase, async ({ tables, config }) => {
        const h = await runHybridCase(config, tables);
        const s = h.result.stats as Record<string, unknown>;
        const names = tables.map((t) => t.name);
        const batch = routed(h.config.batchTables, tables);
        const stream = routed(h.config.streamTables, tables);
        expect(s.batch_tables).toEqual(batch);
        expect(s.stream_tables).toEqual(stream);
        expect(s.unmatched_tables).toEqual({ batch: h.config.batchTables.filter((n) => !names.includes(n)), stream: h.config.streamTables.filter((n) => !names.includes(n)) });
        expect(s.batch === null).toBe(batch.length === 0);
        expect(s.stream === null).toBe(stream.length === 0);
        expect(h.result.plan === null).toBe(stream.length === 0);
        // the landed entities and the streamed tables are exactly the routed ones (after the child's own filter)
        const entities = h.config.fileDropConfig.entities.length ? h.config.fileDropConfig.entities : batch;
        if (batch.length) expect(Object.keys((s.batch as { per_entity: object }).per_entity)).toEqual(entities);
        const streamed = new Set([...envelopesOf(h.files).values()].flat().map((e) => e.data._spindle_table));
        for (const t of streamed) expect(stream).toContain(t);
      }),
      RUNS,
    );
  });

  it('#4 correlation_id: one id in every manifest, envelope, data cell and event; natural_keys: no column, each phase its own run id', async () => {
    await fc.assert(
      fc.asyncProperty(arbHybridCase, async ({ tables, config }) => {
        const h = await runHybridCase(config, tables);
        const stamped = h.config.linkStrategy === 'correlation_id';
        const id = h.result.stats.correlation_id as string | null;
        const fd = effectiveFileDropConfig(h.config);
        const manifestId = stamped ? id : runIdOf('file_drop', fd.seed, fd);
        const envelopeId = stamped ? id : streamCorrelationId(effectiveStreamConfig(h.config));
        if (stamped) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        else expect(id).toBeNull();
        for (const m of manifestsOf(h.files).values()) expect(m.correlation_id).toBe(manifestId);
        for (const e of [...envelopesOf(h.files).values()].flat()) {
          expect(e.correlation_id).toBe(envelopeId);
          if (stamped) {
            expect(e.data[CORRELATION_COLUMN]).toBe(id);
            const keys = Object.keys(e.data);
            expect(keys.slice(-3)).toEqual([CORRELATION_COLUMN, '_spindle_table', '_spindle_seq']);
          } else expect(Object.hasOwn(e.data, CORRELATION_COLUMN)).toBe(false);
        }
        for (const f of indexOf(h)) {
          if (f.rows === null) continue;
          const { columns } = await readRows(h.files.get(f.path)!, f.format);
          expect(columns.includes(CORRELATION_COLUMN), f.path).toBe(stamped);
          if (stamped) for (const r of await dataRows(h, f, tables)) expect(r[CORRELATION_COLUMN]).toBe(id);
        }
        expect(h.result.charts!.correlation.correlationId).toBe(id);
        expect(h.result.charts!.correlation.envelopeId).toBe(h.result.plan ? envelopeId : null);
      }),
      RUNS,
    );
  });

  it('#5 composition: each phase equals its standalone simulator on the stamped routed tables, with the derived seed and the correlation id', async () => {
    await fc.assert(
      fc.asyncProperty(arbHybridCase, async ({ tables, config }) => {
        const h = await runHybridCase(config, tables);
        const stamped = h.config.linkStrategy === 'correlation_id';
        const id = h.result.stats.correlation_id as string;
        const prepare = (list: readonly string[]) => routed(list, tables).map((n) => tables.find((t) => t.name === n)!).map((t) => (stamped ? stamp(t, id) : t));
        const fd = effectiveFileDropConfig(h.config);
        const st = effectiveStreamConfig(h.config);
        expect(fd.seed).toBe(config.fileDropConfig && Object.hasOwn(config.fileDropConfig as object, 'seed') ? (config.fileDropConfig as { seed: number }).seed : h.config.seed);
        expect(st.seed).toBe(Object.hasOwn(config.streamConfig as object, 'seed') ? (config.streamConfig as { seed: number }).seed : h.config.seed);
        expect(st.streamStart).toBe(Object.hasOwn(config.streamConfig as object, 'streamStart') ? (config.streamConfig as { streamStart: string }).streamStart : `${fd.dateRangeStart}T00:00:00Z`);
        const batchTables = prepare(h.config.batchTables);
        const streamTables = prepare(h.config.streamTables);
        const files = (list: readonly { path: string }[] | undefined) => (list ?? []).map((f) => f.path);
        if (batchTables.length) {
          // natural keys: the standalone simulator as a user runs it, config and all; correlation id: the same engine given the id
          const alone = stamped
            ? await runFileDrop(fd, makeContext(fd.seed, {}, byName(batchTables)), { correlationId: id })
            : (await runSimulator(fileDropSimulator, fd, { inputs: byName(batchTables) })).result;
          const batchFiles = (h.result.files ?? []).filter((f) => !f.path.startsWith('stream/'));
          expect(files(batchFiles)).toEqual(files(alone.files));
          for (const f of alone.files ?? []) expect(Buffer.from(h.files.get(f.path)!).equals(Buffer.from(await fileBytes(f))), f.path).toBe(true);
          expect((h.result.stats as { batch: unknown }).batch).toEqual(alone.stats);
        }
        if (streamTables.length) {
          const alone = stamped
            ? await runStreamEmit(st, makeContext(st.seed, {}, byName(streamTables)), { correlationId: id })
            : (await runSimulator(streamEmitSimulator, st, { inputs: byName(streamTables) })).result;
          const streamFiles = (h.result.files ?? []).filter((f) => f.path.startsWith('stream/'));
          expect(files(streamFiles)).toEqual(files(alone.files).map((p) => `stream/${p}`));
          for (const f of alone.files ?? []) expect(Buffer.from(h.files.get(`stream/${f.path}`)!).equals(Buffer.from(await fileBytes(f))), f.path).toBe(true);
          expect((h.result.stats as { stream: unknown }).stream).toEqual(alone.stats);
        }
      }),
      RUNS,
    );
  });

  it('#6 a table in both phases: every stream event whose row falls in the file-drop window has its row in exactly one on-time or late file per format', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(arbHybridCase, async ({ tables, config }) => {
        const h = await runHybridCase(config, tables);
        const fd = effectiveFileDropConfig(h.config);
        const landed = new Set((fd.entities.length ? fd.entities : routed(h.config.batchTables, tables)).filter((n) => routed(h.config.batchTables, tables).includes(n)));
        const from = Date.parse(`${fd.dateRangeStart}T00:00:00Z`) * 1000;
        const to = Date.parse(`${fd.dateRangeEnd}T00:00:00Z`) * 1000 + DAY_US;
        // the window as the test reads the generated tables: events by ts, logs by seen_at (unreadable = none), dims dealt round-robin
        const inWindow = (table: string, row: number): boolean => {
          const r = tableRows(tables.find((t) => t.name === table)!)[row];
          if (table === 'dims') return true;
          const us = table === 'events' ? (r.ts as number | null) : Date.parse(r.seen_at as string) * 1000;
          return us !== null && Number.isFinite(us) && us >= from && us < to;
        };
        // (table, id) → the on-time and late files of each format holding it
        const holders = new Map<string, Map<OutputFormat, Set<string>>>();
        for (const f of indexOf(h)) {
          if (f.rows === null || (f.kind !== 'on_time' && f.kind !== 'late')) continue;
          const input = tableRows(tables.find((t) => t.name === f.entity)!);
          for (const r of await dataRows(h, f, tables)) {
            const k = `${f.entity}\u0000${r.id as number}`;
            // same business key, same values (minus the stamped column)
            const { [CORRELATION_COLUMN]: _id, ...values } = r;
            expect(values).toEqual(input[(r.id as number) - 1]);
            const byFormat = holders.get(k) ?? new Map<OutputFormat, Set<string>>();
            byFormat.set(f.format, (byFormat.get(f.format) ?? new Set()).add(f.path));
            holders.set(k, byFormat);
          }
        }
        for (const e of [...envelopesOf(h.files).values()].flat()) {
          const table = e.data._spindle_table;
          if (e._replay || !landed.has(table) || !inWindow(table, e.data._spindle_seq)) continue;
          expect(e.data.id).toBe(e.data._spindle_seq + 1);
          const byFormat = holders.get(`${table}\u0000${e.data.id as number}`);
          for (const format of fd.formats) expect(byFormat?.get(format)?.size, `${table} row ${e.data._spindle_seq} in ${format}`).toBe(1);
          checked++;
        }
      }),
      RUNS,
    );
    // not vacuous: the generated cases put events in the window of tables routed to both phases
    expect(checked).toBeGreaterThan(50);
  });
});
