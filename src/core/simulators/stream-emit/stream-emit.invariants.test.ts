// Every invariant of spec/stream-emit.md §6 (and issue 9's list), over generated input tables
// and generated configs, with the stream read back by JSON.parse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableRows, type CellValue, type ColumnType } from '../../table/column';
import { US_PER_MINUTE } from '../../time';
import { emit, expectedCanonical, genCase, micros, parseStream, type Envelope, type GenTable } from './stream-emit.test-utils';
import { outOfOrderCount } from './stream-emit.order';

const KEYS = ['id', 'source', 'type', 'time', 'emitted_at', 'specversion', 'datacontenttype', 'topic', 'schema_version', 'correlation_id', 'data'];
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** A generated case: tables and a config over them. */
const RUNS = { numRuns: 60 };

/** What the JSONL encoding makes of a cell, written independently: ISO times, `YYYY-MM-DD` dates, null for non-finite numbers. */
function jsonOf(type: ColumnType, v: CellValue): unknown {
  if (v === null) return null;
  if (type === 'timestamp') {
    // whole milliseconds as .sssZ, else the microseconds too (.ssssssZ), as the JSONL writer keeps them
    const us = v as number;
    const ms = new Date(Math.floor(us / 1000)).toISOString();
    const sub = us - Math.floor(us / 1000) * 1000;
    return sub === 0 ? ms : `${ms.slice(0, -1)}${String(sub).padStart(3, '0')}Z`;
  }
  if (type === 'date') return new Date((v as number) * 86_400_000).toISOString().slice(0, 10);
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v;
}

const rowCache = new WeakMap<GenTable, Record<string, CellValue>[]>();
const rowsOf = (g: GenTable) => rowCache.get(g) ?? (rowCache.set(g, tableRows(g.table)).get(g) as Record<string, CellValue>[]);

const primaries = (events: Envelope[]) => events.filter((e) => !e._replay);
const rowKey = (e: Envelope) => `${e.data._spindle_table}#${e.data._spindle_seq}`;

/** The replay's line with `_replay` and `_replay_time` taken off is the original's line. */
const withoutReplay = (line: string) => line.replace(/,"_replay":true,"_replay_time":"[^"]*"}\n$/, '}\n');

describe('stream-emit invariants (spec §6)', () => {
  it('#2 #3 counts, unique primary ids, and the primaries are the first eventsSent rows of the canonical order, each once', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, async ({ tables, config }) => {
        const { result, config: c } = await emit(config, tables);
        const events = parseStream(result);
        const total = tables.reduce((a, t) => a + t.table.length, 0);
        const sent = c.maxEvents === null ? total : Math.min(total, c.maxEvents);
        expect(result.stats.events_sent).toBe(sent);
        expect(events.length).toBe(sent + (result.stats.replay_events_sent as number));
        expect(result.stats.total_events).toBe(events.length);
        const prim = primaries(events);
        expect(prim.length).toBe(sent);
        expect(new Set(prim.map((e) => e.id)).size).toBe(sent);
        const want = expectedCanonical(tables).slice(0, sent).map(([t, r]) => `${t}#${r}`);
        expect(prim.map(rowKey).sort()).toEqual([...want].sort());
      }),
      RUNS,
    );
  });

  it('#4 every replay is an earlier primary envelope byte for byte (bar _replay, _replay_time) within the window, and dedup by id gives back exactly the primaries', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, async ({ tables, config }) => {
        const { result, config: c } = await emit({ ...config, replayEnabled: true }, tables);
        const events = parseStream(result);
        const sentLines = new Map<string, string>();
        const windowUs = Math.round(c.replayWindowMinutes * US_PER_MINUTE);
        for (const e of events) {
          if (!e._replay) {
            sentLines.set(e.id, e.line);
            continue;
          }
          expect(e._replay_time).toMatch(ISO_MICROS);
          const original = sentLines.get(e.id);
          expect(original, 'a replay of an event sent before it').toBeDefined();
          expect(withoutReplay(e.line)).toBe(original);
          expect(micros(e._replay_time!) - micros(e.emitted_at)).toBeLessThanOrEqual(windowUs);
          expect(micros(e._replay_time!)).toBeGreaterThanOrEqual(micros(e.emitted_at));
        }
        const dedup = new Map<string, Envelope>();
        for (const e of events) if (!dedup.has(e.id)) dedup.set(e.id, e);
        expect([...dedup.values()].map((e) => e.line)).toEqual(primaries(events).map((e) => e.line));
        expect(events.length - dedup.size).toBe(result.stats.replay_events_sent);
      }),
      RUNS,
    );
  });

  it('#5 emission times never go back; with no jitter, bursts or pattern the gaps are exactly 1/rate in whole µs', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, fc.boolean(), async ({ tables, config }, plain) => {
        const cfg = plain ? { ...config, jitterMs: 0, burstWindows: [], timePattern: 'none' as const } : config;
        const { result, config: c } = await emit(cfg, tables);
        const events = parseStream(result);
        const sendTimes = events.map((e) => micros(e._replay ? e._replay_time! : e.emitted_at));
        for (let i = 1; i < sendTimes.length; i++) expect(sendTimes[i]).toBeGreaterThanOrEqual(sendTimes[i - 1]);
        const emitted = primaries(events).map((e) => micros(e.emitted_at));
        if (emitted.length && c.jitterMs === 0) expect(emitted[0]).toBe(Date.parse(c.streamStart) * 1000);
        if (plain) {
          const gap = c.ratePerSec > 0 ? Math.round(1e6 / c.ratePerSec) : 0;
          for (let i = 1; i < emitted.length; i++) expect(emitted[i] - emitted[i - 1]).toBe(gap);
        }
      }),
      RUNS,
    );
  });

  it('#6 p = 0 keeps the canonical order; otherwise the primary multiset is unchanged, no event is later than the max delay, at most m are late', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, async ({ tables, config }) => {
        const { result, config: c } = await emit(config, tables);
        const prim = primaries(parseStream(result)).map(rowKey);
        const canonical = expectedCanonical(tables)
          .slice(0, prim.length)
          .map(([t, r]) => `${t}#${r}`);
        const m = outOfOrderCount(prim.length, c.outOfOrderProbability);
        expect(result.stats.out_of_order_count).toBe(m);
        if (c.outOfOrderProbability === 0) {
          expect(prim).toEqual(canonical);
          return;
        }
        expect([...prim].sort()).toEqual([...canonical].sort());
        const place = new Map(prim.map((k, i) => [k, i]));
        let late = 0;
        canonical.forEach((k, i) => {
          const at = place.get(k)!;
          expect(at - i).toBeLessThanOrEqual(c.outOfOrderMaxDelaySlots);
          if (at > i) late++;
        });
        expect(late).toBeLessThanOrEqual(m);
      }),
      RUNS,
    );
  });

  it('#7 one correlation id, type = spindle.<topic>, topicsUsed = topics seen; envelopes are compact JSON with the spec key order and LF endings', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, async ({ tables, config }) => {
        const { result, config: c } = await emit(config, tables);
        const events = parseStream(result);
        const corr = result.stats.correlation_id;
        for (const e of events) {
          expect(e.correlation_id).toBe(corr);
          expect(e.type).toBe(`spindle.${e.topic}`);
          expect(Object.keys(e).filter((k) => k !== 'line')).toEqual(e._replay ? [...KEYS, '_replay', '_replay_time'] : KEYS);
          expect(e.line.endsWith('}\n')).toBe(true);
          expect(e.line.slice(0, -1)).not.toContain('\n');
          expect(e.line.replace(/"(?:[^"\\]|\\.)*"/g, '""')).not.toMatch(/\s(?!$)/);
          expect(e.source).toBe(c.envelopeSource);
          expect(e.schema_version).toBe(c.envelopeSchemaVersion);
          expect(e.time).toMatch(ISO_MICROS);
          expect(e.emitted_at).toMatch(ISO_MICROS);
        }
        const seen = [...new Set(events.map((e) => e.topic))].sort();
        expect([...(result.stats.topics_used as string[])].sort()).toEqual(seen);
        expect(Object.keys(result.stats.schema_versions as object).sort()).toEqual(seen);
      }),
      RUNS,
    );
  });

  it('time is the row event time (µs, UTC) or, for an untimed row, its emitted_at; data holds the row (values as the JSONL encoding writes them), then _spindle_table and _spindle_seq', async () => {
    await fc.assert(
      fc.asyncProperty(genCase, async ({ tables, config }) => {
        const { result } = await emit(config, tables);
        const byName = new Map(tables.map((t) => [t.table.name, t]));
        for (const e of parseStream(result)) {
          const g = byName.get(e.data._spindle_table)!;
          const t = g.times[e.data._spindle_seq];
          expect(micros(e.time)).toBe(t ?? micros(e.emitted_at));
          const keys = Object.keys(e.data);
          expect(keys.slice(-2)).toEqual(['_spindle_table', '_spindle_seq']);
          expect(keys.slice(0, -2)).toEqual(g.table.columns.map((col) => col.name));
          const row = rowsOf(g)[e.data._spindle_seq];
          g.table.columns.forEach((col) => expect(e.data[col.name], col.name).toEqual(jsonOf(col.type, row[col.name])));
        }
      }),
      RUNS,
    );
  });
});
