/**
 * What a stream reads, checked against the actual tables before anything runs: the streamed
 * tables in order, each one's topic and event-time column, and every row's event time in whole
 * microseconds (NaN when the row has none). Errors name the config field, the value and what
 * is there.
 */
import { detectTimeColumn, shapeOf } from '../../inputs/contract';
import { join, type Issue } from '../../schema/fields';
import { isNull, stringAt, type Column, type Table } from '../../table/column';
import { parseInstant, US_PER_DAY } from '../../time';
import type { StreamEmitConfig } from './stream-emit.config';
import { TOPIC_PATTERN } from './stream-emit.fields';

/** Data keys the envelope adds after the row's columns (spec §3 step 4). */
export const ENVELOPE_DATA_KEYS = ['_spindle_table', '_spindle_seq'] as const;

export interface StreamTable {
  readonly table: Table;
  /** Index into {@link StreamSource.topics}. */
  readonly topic: number;
  /** The event-time column, or null: every row untimed. */
  readonly timeColumn: string | null;
  /** Global index of the table's row 0: rows are numbered table by table, in table order. */
  readonly offset: number;
}

export interface StreamSource {
  readonly tables: readonly StreamTable[];
  /** Distinct topics, in the order of the first table that uses each. */
  readonly topics: readonly string[];
  /** Each topic's file name (without `.jsonl`): the topic where it is a safe name, else with `_` for other characters. */
  readonly topicFiles: readonly string[];
  readonly totalRows: number;
  /** The table of each global row. */
  readonly tableOf: Uint16Array;
  /** Each global row's event time, whole µs since the epoch; NaN = untimed (no column, null or unreadable). */
  readonly eventTime: Float64Array;
}

export type SourceResult = { readonly ok: true; readonly source: StreamSource } | { readonly ok: false; readonly issues: Issue[] };

const TIME_TYPES = new Set(['timestamp', 'date', 'string']);

/** The streamed tables: the listed ones in list order, else every input table in input order. */
function selectTables(config: StreamEmitConfig, inputs: readonly Table[], prefix: string, issues: Issue[]): Table[] {
  if (config.tables.length === 0) return [...inputs];
  const known = inputs.length ? inputs.map((t) => t.name).join(', ') : 'none';
  const out: Table[] = [];
  config.tables.forEach((name, i) => {
    const t = inputs.find((x) => x.name === name);
    if (t) out.push(t);
    else issues.push({ path: join(prefix, `tables.${i}`), message: `"${name}" is not an input table; tables: ${known}` });
  });
  return out;
}

/** Topic of each table (spec §3 step 3 with §5 #8: a list of another length, or a map naming an unknown table, is an error). */
function topicOfTables(config: StreamEmitConfig, tables: readonly Table[], prefix: string, issues: Issue[]): string[] {
  const names = tables.map((t) => t.name);
  const topics = config.topics;
  if (Array.isArray(topics)) {
    const list = topics as readonly string[];
    if (list.length === 0) return names;
    if (list.length === 1) return names.map(() => list[0]);
    if (list.length === names.length) return [...list];
    issues.push({
      path: join(prefix, 'topics'),
      message: `has ${list.length} topics for ${names.length} tables; allowed: none (topic = table name), 1 (every table), ${names.length} (one per table, in table order), or an object mapping table names to topics`,
    });
    return names;
  }
  const map = topics as Readonly<Record<string, string>>;
  for (const table of Object.keys(map)) {
    if (!names.includes(table)) issues.push({ path: join(prefix, `topics.${table}`), message: `"${table}" is not a streamed table; tables: ${names.join(', ') || 'none'}` });
  }
  return names.map((n) => (Object.hasOwn(map, n) ? map[n] : n));
}

/** The event-time column of each table: the explicit map, else the file-drop detection rule. */
function timeColumns(config: StreamEmitConfig, tables: readonly Table[], prefix: string, issues: Issue[]): (string | null)[] {
  const explicit = config.timestampColumn;
  for (const table of Object.keys(explicit)) {
    if (!tables.some((t) => t.name === table))
      issues.push({ path: join(prefix, `timestampColumn.${table}`), message: `"${table}" is not a streamed table; tables: ${tables.map((t) => t.name).join(', ') || 'none'}` });
  }
  return tables.map((t) => {
    if (!Object.hasOwn(explicit, t.name)) return detectTimeColumn(shapeOf(t));
    const name = explicit[t.name];
    const path = join(prefix, `timestampColumn.${t.name}`);
    const col = t.columns.find((c) => c.name === name);
    if (!col) issues.push({ path, message: `table "${t.name}" has no column "${name}"; columns: ${t.columns.map((c) => c.name).join(', ')}` });
    else if (!TIME_TYPES.has(col.type)) issues.push({ path, message: `column "${name}" of ${t.name} is ${col.type}; allowed: a timestamp, date or ISO date-time text column` });
    return name;
  });
}

/** A safe file name for each topic; two topics that would share a file are an error. */
function topicFileNames(topics: readonly string[], prefix: string, issues: Issue[]): string[] {
  const files = topics.map((t) => (TOPIC_PATTERN.test(t) ? t : t.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 249) || '_'));
  const seen = new Map<string, string>();
  files.forEach((file, i) => {
    const other = seen.get(file.toLowerCase());
    if (other !== undefined)
      issues.push({ path: join(prefix, 'topics'), message: `topics "${other}" and "${topics[i]}" would share the file ${file}.jsonl; allowed: topic names that differ in more than case and punctuation` });
    else seen.set(file.toLowerCase(), topics[i]);
  });
  return files;
}

/** Whole-µs event times of a column's rows into `out` at `offset` (NaN where null or unreadable). */
function readTimes(col: Column | undefined, n: number, out: Float64Array, offset: number): void {
  if (!col) {
    out.fill(Number.NaN, offset, offset + n);
    return;
  }
  for (let i = 0; i < n; i++) {
    let us = Number.NaN;
    if (!isNull(col, i)) {
      if (col.type === 'timestamp') us = Math.round(col.values[i]);
      else if (col.type === 'date') us = col.values[i] * US_PER_DAY;
      else if (col.type === 'string') {
        try {
          us = parseInstant(stringAt(col, i) ?? '');
        } catch {
          us = Number.NaN;
        }
      }
    }
    out[offset + i] = Number.isFinite(us) ? us : Number.NaN;
  }
}

/**
 * Resolve the streamed tables, topics and event times for `config` over `inputs` (in input
 * order). `prefix` names the nesting in error paths (`streamConfig` under the hybrid).
 */
export function resolveStreamSource(config: StreamEmitConfig, inputs: readonly Table[], prefix = ''): SourceResult {
  const issues: Issue[] = [];
  const tables = selectTables(config, inputs, prefix, issues);
  if (tables.length > 65_535) issues.push({ path: join(prefix, 'tables'), message: `${tables.length} tables; allowed: at most 65,535` });
  tables.forEach((t) => {
    const clash = t.columns.find((c) => (ENVELOPE_DATA_KEYS as readonly string[]).includes(c.name));
    if (clash) issues.push({ path: join(prefix, 'tables'), message: `table "${t.name}" has a column "${clash.name}", a key the envelope adds to data; rename the column or leave the table out` });
  });
  const topicOf = topicOfTables(config, tables, prefix, issues);
  const timeCols = timeColumns(config, tables, prefix, issues);
  const topics = [...new Set(topicOf)];
  const topicFiles = topicFileNames(topics, prefix, issues);
  if (issues.length) return { ok: false, issues };

  const totalRows = tables.reduce((a, t) => a + t.length, 0);
  const tableOf = new Uint16Array(totalRows);
  const eventTime = new Float64Array(totalRows);
  let offset = 0;
  const out: StreamTable[] = tables.map((table, i) => {
    const timeColumn = timeCols[i];
    tableOf.fill(i, offset, offset + table.length);
    readTimes(timeColumn === null ? undefined : table.columns.find((c) => c.name === timeColumn), table.length, eventTime, offset);
    const st = { table, topic: topics.indexOf(topicOf[i]), timeColumn, offset };
    offset += table.length;
    return st;
  });
  return { ok: true, source: { tables: out, topics, topicFiles, totalRows, tableOf, eventTime } };
}
