/**
 * Test harness for the file drop: generated input tables (a timed fact table, a round-robin
 * dimension and a table with ISO-text times), generated configs, and a run whose landed files
 * are written out and indexed by path.
 */
import fc from 'fast-check';
import { landRun, type Landed } from '../../../../test/landing';
import { columnFromValues, makeTable, type CellValue, type Table } from '../../table/column';
import { fileDropSimulator } from './index';

export const START = '2024-03-09';
export const START_US = Date.UTC(2024, 2, 9) * 1000;
const DAY_MS = 86_400_000;

/** Strings that stress the text writers: quotes, commas, line breaks, non-ASCII, empty. */
const text = fc.string({ unit: fc.constantFrom('a', 'b', 'é', '"', ',', '\n', ' ', '😀', 'x'), maxLength: 6 });

/** Event times in whole ms from 6 h before the window to 6 h after `days` days, some null. */
const instant = (days: number) => fc.option(fc.integer({ min: -6 * 3_600_000, max: days * DAY_MS + 6 * 3_600_000 }).map((ms) => (START_US / 1000 + ms) * 1000), { freq: 8 });

function table(name: string, cols: [string, Parameters<typeof columnFromValues>[1], CellValue[]][]): Table {
  return makeTable(
    name,
    cols.map(([n, t, v]) => columnFromValues(n, t, v)),
  );
}

/** `events` (timestamp time), `dims` (no time: round-robin), `logs` (ISO text time `seen_at`, some unparseable). */
export const arbTables = (days: number) =>
  fc
    .record({
      events: fc.array(
        fc.record({ ts: instant(days), amount: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { freq: 6 }), qty: fc.integer({ min: -50, max: 500 }), ok: fc.boolean(), label: fc.option(text, { freq: 6 }), ref_id: fc.nat(99) }),
        { minLength: 4, maxLength: 30 },
      ),
      dims: fc.array(fc.record({ name: text, score: fc.double({ min: 0, max: 100, noNaN: true }) }), { minLength: 1, maxLength: 12 }),
      logs: fc.array(fc.record({ at: fc.oneof(instant(days).map((us) => (us === null ? 'n/a' : new Date(us / 1000).toISOString())), fc.constant('2024-03-09')), level: fc.constantFrom('info', 'warn') }), {
        maxLength: 10,
      }),
    })
    .map(({ events, dims, logs }) => [
      table('events', [
        ['id', 'int', events.map((_, i) => i + 1)],
        ['ts', 'timestamp', events.map((r) => r.ts)],
        ['amount', 'float', events.map((r) => r.amount)],
        ['qty', 'int', events.map((r) => r.qty)],
        ['ok', 'bool', events.map((r) => r.ok)],
        ['label', 'string', events.map((r) => r.label)],
        ['ref_id', 'int', events.map((r) => r.ref_id)],
      ]),
      table('dims', [
        ['id', 'int', dims.map((_, i) => i + 1)],
        ['name', 'string', dims.map((r) => r.name)],
        ['score', 'float', dims.map((r) => r.score)],
      ]),
      table('logs', [
        ['id', 'int', logs.map((_, i) => i + 1)],
        ['seen_at', 'string', logs.map((r) => r.at)],
        ['level', 'string', logs.map((r) => r.level)],
      ]),
    ]);

const isoDay = (d: number) => new Date(START_US / 1000 + d * DAY_MS).toISOString().slice(0, 10);

/** Mostly probabilities that inject something, sometimes the edges 0 and 1. */
const probability = fc.oneof({ arbitrary: fc.double({ min: 0.15, max: 1, noNaN: true }), weight: 4 }, { arbitrary: fc.constantFrom(0, 1), weight: 1 });

/** Configs over every feature; sub-daily cadences get short ranges so runs stay small. */
export const arbConfig = fc
  .record({
    cadence: fc.constantFrom('daily', 'daily', 'hourly', 'every_15m'),
    days: fc.integer({ min: 1, max: 4 }),
    formats: fc.subarray(['csv', 'jsonl', 'parquet'] as const, { minLength: 1 }),
    partitioning: fc.constantFrom('dt=YYYY-MM-DD', 'date=YYYY-MM-DD/hour=HH', 'YYYY-MM-DD/HHmm'),
    fileNaming: fc.constantFrom('{domain}_{entity}_{dt}_{seq}.{ext}', '{seq}-{dt}.{ext}', 'part_{seq}_{dt}_{entity}.{ext}'),
    manifestEnabled: fc.boolean(),
    doneFlagEnabled: fc.boolean(),
    latenessEnabled: fc.boolean(),
    latenessProbability: probability,
    maxDaysLate: fc.integer({ min: 1, max: 3 }),
    duplicatesEnabled: fc.boolean(),
    duplicateProbability: probability,
    backfillEnabled: fc.boolean(),
    maxDaysBack: fc.integer({ min: 0, max: 3 }),
    restatementEnabled: fc.boolean(),
    restatementProbability: probability,
    restatementMaxCorrectionPct: fc.double({ min: 0, max: 0.9, noNaN: true }),
    multiFileEnabled: fc.boolean(),
    multiFileChunks: fc.integer({ min: 2, max: 5 }),
    multiFileChecksum: fc.boolean(),
    seed: fc.nat(1000),
  })
  .map(({ days, ...c }) => {
    const d = c.cadence === 'daily' ? days : 1;
    // parquet writes cost a few ms each: keep it to daily runs
    const formats = c.cadence === 'daily' ? c.formats : c.formats.filter((x) => x !== 'parquet');
    return { ...c, formats: formats.length ? formats : ['csv'], domain: 'shop', dateRangeStart: START, dateRangeEnd: isoDay(d - 1) };
  });

export type { Landed };

/** Run the simulator on `tables` and write every landed file. */
export const land = (config: Record<string, unknown>, tables: readonly Table[]): Promise<Landed> => landRun(fileDropSimulator, config, tables);

export const folderOfPath = (p: string) => p.slice(0, p.lastIndexOf('/'));
export const nameOfPath = (p: string) => p.slice(p.lastIndexOf('/') + 1);
export const isControl = (p: string) => /\/(_manifest\.json|_done)$/.test(p);

export interface Manifest {
  entity: string;
  domain: string;
  slot: string;
  cadence: string;
  files: string[];
  file_count: number;
  created_utc: string;
  correlation_id: string;
  file_details?: { name: string; sha256: string; size_bytes: number }[];
  entries: { name: string; kind: string; landed_at: string; rows: number; source_slots?: string[] }[];
}

export function manifests(l: Landed): Map<string, Manifest> {
  const out = new Map<string, Manifest>();
  for (const [p, b] of l.files) if (p.endsWith('/_manifest.json')) out.set(folderOfPath(p), JSON.parse(new TextDecoder().decode(b)) as Manifest);
  return out;
}

export type GenConfig = typeof arbConfig extends fc.Arbitrary<infer C> ? C : never;
