// Shared by the stream emitter's tests: generated input tables and configs, a run, and the
// stream read back with JSON.parse.
import fc from 'fast-check';
import { runSimulator } from '../../run';
import { lineAt } from '../../streaming/batch';
import { columnFromValues, makeTable, type CellValue, type ColumnType, type Table } from '../../table/column';
import { streamEmitSimulator } from '.';
import { allAtOnce } from './stream-emit.cursor';
import type { StreamEmitConfig } from './stream-emit.config';
import type { StreamEmitOutput } from './stream-emit';

/** A generated table with its event times as the test sees them (µs, null = untimed). */
export interface GenTable {
  readonly table: Table;
  readonly times: (number | null)[];
}

const T0 = Date.UTC(2023, 11, 31) * 1000;

/** ISO text with microseconds, written without the engine's writers. */
const isoMicros = (us: number) => new Date(Math.floor(us / 1000)).toISOString().replace('Z', `${String(us % 1000).padStart(3, '0')}Z`);
const NAMES = ['orders', 'returns', 'store', 'clicks', 'sales data'];

/** A column of one of the JSONL encodings: ints, floats (with specials), text (quotes, controls, non-ASCII), booleans, dates. */
const dataColumn = (n: number): fc.Arbitrary<{ type: ColumnType; values: CellValue[] }> =>
  fc.oneof(
    fc.array(fc.option(fc.integer({ min: -1e9, max: 1e9 }), { nil: null }), { minLength: n, maxLength: n }).map((values) => ({ type: 'int' as const, values })),
    fc.array(fc.option(fc.oneof(fc.double({ noNaN: false }), fc.constant(0.1), fc.constant(-0)), { nil: null }), { minLength: n, maxLength: n }).map((values) => ({ type: 'float' as const, values })),
    fc.array(fc.option(fc.string({ unit: 'binary', maxLength: 12 }), { nil: null }), { minLength: n, maxLength: n }).map((values) => ({ type: 'string' as const, values })),
    fc.array(fc.option(fc.boolean(), { nil: null }), { minLength: n, maxLength: n }).map((values) => ({ type: 'bool' as const, values })),
    fc.array(fc.option(fc.integer({ min: 18_000, max: 21_000 }), { nil: null }), { minLength: n, maxLength: n }).map((values) => ({ type: 'date' as const, values })),
  );

/**
 * One table: an id column, maybe an event-time column (timestamps with nulls and ties, or
 * ISO text with a few unreadable values), and up to two data columns.
 */
const genTable = (name: string): fc.Arbitrary<GenTable> =>
  fc.integer({ min: 0, max: 25 }).chain((n) =>
    fc
      .record({
        timed: fc.constantFrom('timestamp', 'text', 'none'),
        // few distinct instants, so ties across tables and rows happen
        times: fc.array(fc.option(fc.integer({ min: 0, max: 40 }).map((s) => T0 + s * 997_000 + (s % 3)), { nil: null, freq: 5 }), { minLength: n, maxLength: n }),
        data: fc.array(dataColumn(n), { maxLength: 2 }),
      })
      .map(({ timed, times, data }) => {
        const cols = [columnFromValues('id', 'int', Array.from({ length: n }, (_, i) => i + 1))];
        let seen: (number | null)[] = times.map(() => null);
        if (timed === 'timestamp') {
          cols.push(columnFromValues('event_ts', 'timestamp', times));
          seen = times;
        } else if (timed === 'text') {
          // every fifth value unreadable: the row is untimed
          const text = times.map((t, i) => (t === null ? null : i % 5 === 4 ? 'not a date' : isoMicros(t)));
          cols.push(columnFromValues('created_at', 'string', text));
          seen = times.map((t, i) => (t === null || i % 5 === 4 ? null : t));
        }
        data.forEach((d, j) => cols.push(columnFromValues(`c${j}`, d.type, d.values)));
        // the detection rule: a timestamp column first, then a date column, then time-named text
        const date = data.find((d) => d.type === 'date');
        if (timed !== 'timestamp' && date) seen = date.values.map((v) => (v === null ? null : (v as number) * 86_400_000_000));
        return { table: makeTable(name, cols), times: seen };
      }),
  );

/** 1 to 4 tables with distinct names (one with a space, which topics must keep). */
export const genTables: fc.Arbitrary<GenTable[]> = fc.shuffledSubarray(NAMES, { minLength: 1, maxLength: 4 }).chain((names) => fc.tuple(...names.map(genTable)));

/** A config over `names`: every field of the spec in its range, topics in each of their forms. */
export const genConfig = (names: readonly string[], rows: number): fc.Arbitrary<Partial<StreamEmitConfig>> =>
  fc.record({
    ratePerSec: fc.constantFrom(0, 0.5, 10, 1000, 1_000_000),
    jitterMs: fc.constantFrom(0, 0, 3, 1000),
    burstWindows: fc.array(
      fc.record({ startOffsetSeconds: fc.integer({ min: 0, max: 20 }), durationSeconds: fc.integer({ min: 1, max: 30 }), multiplier: fc.constantFrom(0, 0.5, 3, 100) }),
      { maxLength: 2 },
    ),
    timePattern: fc.constantFrom('none', 'business_hours', 'retail_peak') as fc.Arbitrary<StreamEmitConfig['timePattern']>,
    outOfOrderProbability: fc.constantFrom(0, 0.05, 0.3, 1),
    outOfOrderMaxDelaySlots: fc.integer({ min: 1, max: 12 }),
    replayEnabled: fc.boolean(),
    replayWindowMinutes: fc.constantFrom(0.001, 0.05, 5),
    replayProbability: fc.constantFrom(0, 0.2, 1),
    replayBurstSize: fc.integer({ min: 1, max: 5 }),
    maxEvents: fc.option(fc.integer({ min: 0, max: rows + 3 }), { nil: null }),
    topics: fc.oneof(
      fc.constant([] as string[]),
      fc.constant(['all-events']),
      fc.constant(names.map((_, i) => `topic.${i}`)),
      fc.subarray([...names]).map((sub) => Object.fromEntries(sub.map((n, i) => [n, i % 2 ? 'shared' : `t_${i}`]))),
    ),
    streamStart: fc.constantFrom('2024-01-01T00:00:00Z', '2024-03-09T23:59:59.5Z'),
    seed: fc.integer({ min: 0, max: 1000 }),
  });

/** Generated tables with a generated config over them. */
export const genCase = genTables.chain((tables) =>
  genConfig(
    tables.map((t) => t.table.name),
    tables.reduce((a, t) => a + t.table.length, 0),
  ).map((config) => ({ tables, config })),
);

export const inputsOf = (tables: readonly GenTable[]) => new Map(tables.map((g) => [g.table.name, g.table]));

export async function emit(raw: Record<string, unknown>, tables: readonly GenTable[]) {
  const run = await runSimulator(streamEmitSimulator, raw, { inputs: inputsOf(tables) });
  return { run, config: run.config as unknown as StreamEmitConfig, result: run.result as StreamEmitOutput };
}

/** A parsed envelope with its raw line. */
export type Envelope = {
  id: string;
  source: string;
  type: string;
  time: string;
  emitted_at: string;
  specversion: string;
  datacontenttype: string;
  topic: string;
  schema_version: string;
  correlation_id: string;
  data: Record<string, unknown> & { _spindle_table: string; _spindle_seq: number };
  _replay?: true;
  _replay_time?: string;
  line: string;
};

const decoder = new TextDecoder();

/** Every envelope of the stream in emission order, parsed with JSON.parse. */
export function parseStream(result: StreamEmitOutput): Envelope[] {
  const batch = allAtOnce(result.plan);
  if (!batch) return [];
  return Array.from({ length: batch.count }, (_, i) => {
    const line = decoder.decode(lineAt(batch, i));
    return { ...(JSON.parse(line) as Omit<Envelope, 'line'>), line };
  });
}

/** µs since the epoch of an ISO text with microseconds. */
export function micros(iso: string): number {
  const base = Date.parse(`${iso.slice(0, 19)}Z`) * 1000;
  return base + Number(iso.slice(20, 26));
}

/** Expected canonical order of (table, row) from the generated times: untimed rows first, then (time, table, row). */
export function expectedCanonical(tables: readonly GenTable[]): [string, number][] {
  const untimed: [string, number][] = [];
  const timed: [number, number, number][] = [];
  tables.forEach((g, ti) =>
    g.times.forEach((t, row) => {
      if (t === null) untimed.push([g.table.name, row]);
      else timed.push([t, ti, row]);
    }),
  );
  timed.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  return [...untimed, ...timed.map(([, ti, row]) => [tables[ti].table.name, row] as [string, number])];
}
