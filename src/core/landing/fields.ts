/**
 * Config fields the landing-zone simulators share (file drop, SCD2 file drop): dates, formats,
 * folder names and the checks that keep every landed path safe and distinct.
 */
import { parseDay } from '../domains/config';
import { OUTPUT_FORMATS, type OutputFormat } from '../output/formats';
import { f, show, type Field, type FieldMeta, type Issue } from '../schema/fields';

/**
 * A string field with one more check: `problem(text)` says what is wrong (then the field reports
 * `<value> <problem>; allowed: <allowed>`), or null when the text is fine.
 */
function checkedString(inner: Field<string>, allowed: string, problem: (text: string) => string | null): Field<string> {
  return {
    ...inner,
    allowed: () => allowed,
    parse(v, path, issues) {
      const s = inner.parse(v, path, issues);
      if (s === undefined) return undefined;
      const p = problem(s);
      if (p === null) return s;
      issues.push({ path, message: `${show(v)} ${p}; allowed: ${allowed}` });
      return undefined;
    },
  };
}

/** A calendar date `YYYY-MM-DD` (1900–2200), checked as a real date. */
export function dayField(meta: FieldMeta & { default: string }): Field<string> {
  const inner = f.string({ ...meta, maxLength: 10, pattern: /^\d{4}-\d{2}-\d{2}$/, patternHelp: 'a date YYYY-MM-DD' });
  const field = checkedString(inner, 'a calendar date YYYY-MM-DD (years 1900 to 2200)', (s) => (parseDay(s) === null ? 'is not a calendar date' : null));
  return { ...field, describe: () => ({ ...inner.describe(), type: 'date' }) };
}

/** Days since the epoch of a date the schema has checked. */
export function dayNumber(text: string): number {
  const d = parseDay(text);
  if (d === null) throw new Error(`not a calendar date: ${text}`);
  return d;
}

/** The formats each landed file is written in: one copy per format, each at most once. */
export function formatsField(meta: FieldMeta): Field<OutputFormat[]> {
  const list = f.array<OutputFormat>(f.enumOf(OUTPUT_FORMATS, { help: 'A file format.' }), { ...meta, default: ['parquet'], minItems: 1, maxItems: OUTPUT_FORMATS.length });
  return {
    ...list,
    parse(v, path, issues) {
      const out = list.parse(v, path, issues);
      if (out === undefined) return undefined;
      const seen = new Set<string>();
      for (const [i, x] of out.entries()) {
        if (seen.has(x)) {
          issues.push({ path: `${path}.${i}`, message: `"${x}" is listed twice; two copies would land at the same path; allowed: each of ${OUTPUT_FORMATS.join(', ')} at most once` });
          return undefined;
        }
        seen.add(x);
      }
      return out;
    },
  };
}

const RESERVED = new Set('/\\:*?"<>|');

function hasBadChar(name: string): boolean {
  for (const ch of name) if (RESERVED.has(ch) || ch.charCodeAt(0) < 0x20) return true;
  return false;
}

/** Why `name` cannot be one folder or file name in a landing zone (null when it can). */
export function segmentProblem(name: string): string | null {
  if (name === '') return 'is empty';
  if (name === '.' || name === '..') return 'is not a folder name';
  if (hasBadChar(name)) return 'holds a character that is not allowed in a file name (/ \\ : * ? " < > | or a control character)';
  if (name.trim() !== name) return 'starts or ends with a space';
  return null;
}

/** Why `path` cannot be a relative folder path of `/`-separated names (null when it can). */
export function pathProblem(path: string): string | null {
  if (path.startsWith('/')) return 'is absolute';
  for (const seg of path.split('/')) {
    const p = segmentProblem(seg);
    if (p) return `has a folder name "${seg}" that ${p}`;
  }
  if (path.split('/')[0] === '_spindle') return 'would mix the landing zone with the run metadata in _spindle/';
  return null;
}

/** A folder path field (`Files/landing`): relative, `/`-separated, no empty, `.` or `..` names. */
export function folderPathField(meta: FieldMeta & { default: string }): Field<string> {
  return checkedString(f.string({ ...meta, minLength: 1, maxLength: 500 }), 'a relative folder path of /-separated names, e.g. Files/landing', pathProblem);
}

/** One folder name (`{domain}`): no separators or reserved characters. */
export function segmentField(meta: FieldMeta & { default: string }): Field<string> {
  return checkedString(f.string({ ...meta, minLength: 1, maxLength: 200 }), 'one folder name (no / \\ : * ? " < > |)', segmentProblem);
}

/**
 * A list of table names (`entities`): each at most once. Whether they exist is checked
 * against the input tables before the run ({@link entityIssues}).
 */
export function entitiesField(meta: FieldMeta): Field<string[]> {
  const list = f.array(f.string({ minLength: 1, maxLength: 200, help: 'A table name.' }), { ...meta, default: [], maxItems: 1000 });
  return {
    ...list,
    parse(v, path, issues) {
      const out = list.parse(v, path, issues);
      if (out === undefined) return undefined;
      const first = new Map<string, number>();
      for (const [i, x] of out.entries()) {
        const j = first.get(x);
        if (j !== undefined) {
          issues.push({ path: `${path}.${i}`, message: `"${x}" is a duplicate of ${path}.${j}; allowed: each table at most once` });
          return undefined;
        }
        first.set(x, i);
      }
      return out;
    },
  };
}

/**
 * The tables a run lands, in order: the named ones, or every input table when the list is
 * empty. Unknown names and names that cannot be a folder are issues at `path`.
 */
export function entityIssues(names: readonly string[], tables: readonly string[], path = 'entities'): { entities: string[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const chosen = names.length ? [...names] : [...tables];
  names.forEach((n, i) => {
    if (!tables.includes(n)) issues.push({ path: `${path}.${i}`, message: `"${n}" is not an input table; tables: ${tables.length ? tables.join(', ') : 'none'}` });
  });
  chosen.forEach((n, i) => {
    const p = segmentProblem(n);
    if (p && tables.includes(n)) issues.push({ path: names.length ? `${path}.${i}` : path, message: `table "${n}" cannot be a folder name: its name ${p}` });
  });
  return { entities: chosen.filter((n) => tables.includes(n)), issues };
}

export type { OutputFormat };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A table → column map (`timestampColumn: {"order": "order_date", "order_line": null}`): a
 * column name per table, or null for "none". Whether the tables and columns exist is checked
 * against the input tables before the run.
 */
export function tableColumnMapField(meta: FieldMeta): Field<Record<string, string | null>> {
  const allowed = () => 'an object mapping table names to a column name (or null for none)';
  return {
    kind: 'json',
    meta,
    default: {},
    allowed,
    parse(v, path, issues) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        issues.push({ path, message: `${show(v)} is not an object; allowed: ${allowed()}` });
        return undefined;
      }
      const before = issues.length;
      const out: Record<string, string | null> = {};
      for (const [table, column] of Object.entries(v)) {
        if (FORBIDDEN_KEYS.has(table)) issues.push({ path: `${path}.${table}`, message: 'is not allowed as a table name' });
        else if (column !== null && (typeof column !== 'string' || column === ''))
          issues.push({ path: `${path}.${table}`, message: `${show(column)} is not a column name; allowed: a non-empty string or null` });
        else out[table] = column;
      }
      return issues.length === before ? out : undefined;
    },
    describe: () => ({ type: 'object', default: {}, help: meta.help, group: meta.group }),
  };
}
