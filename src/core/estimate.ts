/**
 * How big a run will be, from its config alone, and whether this engine can hold it. Every
 * simulator's spec may give `estimate(config)`: the expected rows of each result table and the
 * bytes they take in memory and on disk. Its config schema refuses, with the estimate, a run
 * beyond {@link ENGINE_LIMITS}, so the page's form, the worker and the CLI all refuse it before
 * anything runs instead of failing minutes later ("Invalid typed array length").
 */
import type { OutputFormat } from './output/formats';
import type { Issue } from './schema/fields';

const GiB = 2 ** 30;

/**
 * What this engine can hold, whatever the schema allows. Constants to move when the engine
 * changes (files are written as a stream, so the output's size is not limited; tables are
 * still built whole in memory).
 */
export const ENGINE_LIMITS = {
  /** Result tables are built whole in memory as typed arrays; a run's peak is about 1.5× this. */
  maxTableBytes: 4 * GiB,
  /** One text column keeps its UTF-8 bytes in one buffer with 32-bit offsets. */
  maxTextColumnBytes: 2 ** 31 - 1,
  /** A file built whole in one buffer before it is written (a typed array holds at most 2^32 bytes). */
  maxWholeFileBytes: 2 ** 32 - 1,
} as const;

/** One result table's expected size. */
export interface TableEstimate {
  readonly name: string;
  /** Expected rows (a mean, not a bound). */
  readonly rows: number;
  /** Bytes per row held in memory: typed arrays, UTF-8 bytes and their offsets. */
  readonly memoryBytesPerRow: number;
  /** Bytes per row of the widest text column (its bytes share one buffer). */
  readonly textBytesPerRow: number;
  /** Bytes per row on disk, by format (measured on typical configs; approximate). */
  readonly fileBytesPerRow: Readonly<Record<OutputFormat, number>>;
  /** Built a stretch at a time when the run is streamed (SimulatorDef.stream): then never held whole. */
  readonly streamed?: boolean;
}

/** A further output file (an OTLP export) whose size does not depend on the format. */
export interface FileEstimate {
  readonly path: string;
  readonly bytes: number;
  /** Built whole in one buffer before it is written (else produced as a stream). */
  readonly whole?: boolean;
  /** The boolean config field that turns the file off, named in a refusal. */
  readonly switch?: string;
}

export interface RunEstimate {
  readonly tables: readonly TableEstimate[];
  readonly files?: readonly FileEstimate[];
  /** The config fields that drive the size, in the order a user would lower them. */
  readonly drivers: readonly string[];
}

export interface EstimateTotals {
  readonly rows: number;
  readonly memoryBytes: number;
  /** Tables and further files, by table format. */
  readonly fileBytes: Readonly<Record<OutputFormat, number>>;
}

export function totalsOf(e: RunEstimate): EstimateTotals {
  const files = (e.files ?? []).reduce((a, f) => a + f.bytes, 0);
  const sum = (g: (t: TableEstimate) => number) => e.tables.reduce((a, t) => a + g(t), 0);
  const on = (format: OutputFormat) => sum((t) => t.rows * t.fileBytesPerRow[format]) + files;
  return {
    rows: sum((t) => t.rows),
    memoryBytes: sum((t) => t.rows * t.memoryBytesPerRow),
    fileBytes: { parquet: on('parquet'), csv: on('csv'), jsonl: on('jsonl') },
  };
}

/** Bytes for people: "512 KB", "4.2 GB", "470 GB" (binary multiples, as file managers show). */
export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${u > 0 && n < 10 && !Number.isInteger(n) ? n.toFixed(1) : Math.round(n)} ${units[u]}`;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** "about 2,729,688 rows (≈ 300 MB in memory, ≈ 160 MB as Parquet)". */
export function describeEstimate(e: RunEstimate, format: OutputFormat = 'parquet'): string {
  const t = totalsOf(e);
  const as = format === 'parquet' ? 'Parquet' : format.toUpperCase();
  return `about ${count(t.rows)} rows (≈ ${formatBytes(t.memoryBytes)} in memory, ≈ ${formatBytes(t.fileBytes[format])} as ${as})`;
}

/**
 * Why this engine cannot hold the run, in words, and what to change; undefined when it can.
 * `streamed`: the run is streamed, so its `streamed` tables are never held whole and count for
 * neither limit on tables.
 */
export function overLimit(e: RunEstimate, streamed = false): { why: string; change: string } | undefined {
  const lower = e.drivers.length ? `lower ${e.drivers.length > 1 ? `${e.drivers.slice(0, -1).join(', ')} or ${e.drivers[e.drivers.length - 1]}` : e.drivers[0]}` : '';
  const held = streamed ? { ...e, tables: e.tables.filter((t) => !t.streamed) } : e;
  const memory = totalsOf(held).memoryBytes;
  if (memory > ENGINE_LIMITS.maxTableBytes) return { why: `more than the ${formatBytes(ENGINE_LIMITS.maxTableBytes)} of tables this engine holds in memory`, change: lower };
  for (const t of held.tables) {
    const text = t.rows * t.textBytesPerRow;
    if (text > ENGINE_LIMITS.maxTextColumnBytes) {
      return { why: `${t.name} would hold ≈ ${formatBytes(text)} of text in one column, more than the ${formatBytes(ENGINE_LIMITS.maxTextColumnBytes + 1)} a column holds`, change: lower };
    }
  }
  for (const f of e.files ?? []) {
    if (f.whole && f.bytes > ENGINE_LIMITS.maxWholeFileBytes) {
      const off = f.switch ? `turn off ${f.switch}` : '';
      return {
        why: `${f.path} would be built as one ≈ ${formatBytes(f.bytes)} buffer, more than the ${formatBytes(ENGINE_LIMITS.maxWholeFileBytes + 1)} one buffer holds`,
        change: [lower, off].filter(Boolean).join(', or '),
      };
    }
  }
  return undefined;
}

/**
 * The refusal of a run this engine cannot hold, for a schema's refine step: names the field
 * that drives the size, the estimate, the limit and what to change ("entityCount: about
 * 481,744,925 rows (≈ 42 GB in memory, …) is too large for this engine: more than the 4 GB …;
 * lower entityCount or maxTransitionsPerEntity").
 */
export function sizeIssues(e: RunEstimate, streamed = false): Issue[] {
  const over = overLimit(e, streamed);
  if (!over) return [];
  return [{ path: e.drivers[0] ?? '', message: `${describeEstimate(e)} is too large for this engine: ${over.why}${over.change ? `; ${over.change}` : ''}` }];
}
