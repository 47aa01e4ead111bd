/**
 * The input contract (ARCHITECTURE.md, `inputs`): how a simulator that reads tables says which
 * tables it needs, and how a config maps them. Two kinds:
 * - `tables`: any set of tables (file drop, SCD2, stream emitter, hybrid); the simulator's own
 *   fields choose among them (`entities`, `batchTables`, …) and say which column is the event time.
 * - `roles`: particular tables playing named roles (financial stream: `transactions`, `accounts`),
 *   each with required and optional columns. The config field `inputs` maps a role to a table
 *   and its columns, e.g. `{"transactions": {"table": "payments", "columns": {"time": "paid_at"}}}`;
 *   unspecified parts default to the built-in domain's names, then to detection by name and type.
 * When the host gives no tables at all, the simulator's default domain is generated with the
 * run's seed, so every simulator works on first open. Resolution runs on table *shapes* (names,
 * column names and types), so the page can check a mapping before it asks the worker to run.
 */
import { show, type Field, type FieldMeta, type Issue } from '../schema/fields';
import { columnLength, makeTable, numberColumn, type Column, type ColumnType, type Table } from '../table/column';

/** A column a role needs: tried by name (`candidates`, the built-in domain's name first), then by type. */
export interface RoleColumn {
  readonly role: string;
  readonly label: string;
  readonly help: string;
  readonly candidates: readonly string[];
  readonly types: readonly ColumnType[];
  readonly required: boolean;
}

/** A table a simulator reads in a named role. */
export interface InputRole {
  readonly role: string;
  readonly label: string;
  readonly help: string;
  /** Table names tried in order when the config names none (the built-in domain's first). */
  readonly candidates: readonly string[];
  /** An optional role may be absent (IoT telemetry generates readings when none are given). */
  readonly required: boolean;
  readonly columns: readonly RoleColumn[];
}

/** The domain a simulator runs on when the host gives no tables. */
export interface DefaultDomain {
  readonly domain: string;
  readonly scale: string;
  /** Domain options beyond the scale (e.g. a date range `{startDate, endDate}`), as the domain's config takes them. */
  readonly config?: Readonly<Record<string, unknown>>;
}

/**
 * For the page's table picker (`tables` kind): config fields that choose among the input
 * tables — a table list (`[]` = every table) and maybe a table → event-time column map —
 * as dotted paths into the config (`batchTables`, `fileDropConfig.timestampColumn`).
 */
export interface TableSelection {
  /** What choosing a table here means, in a word or two ("Stream", "Land"). */
  readonly label: string;
  readonly tables: string;
  readonly timeColumns?: string;
  /** The time-column map takes null for "no time column" (the file drop deals such rows round-robin). */
  readonly allowNoTime?: boolean;
}

/** What a simulator declares about its input tables. */
export interface InputSpec {
  readonly kind: 'tables' | 'roles';
  readonly roles?: readonly InputRole[];
  /** `tables` kind: the fields the page's table picker edits (none: the picker only lists the tables). */
  readonly selections?: readonly TableSelection[];
  /** Generated with the run's seed when the host gives no tables; null: the simulator needs none. */
  readonly defaultDomain: DefaultDomain | null;
  /**
   * Checks that span roles or depend on the config, run on the resolved mapping before the run
   * (a role needed only when another is present, a column needed only when a feature is on, two
   * roles' key columns of one type). Issues name the role and column (`inputs.sensors.table`).
   */
  readonly refine?: (mapping: RoleMapping, config: Readonly<Record<string, unknown>>, tables: readonly TableShape[]) => Issue[];
}

/**
 * A role's mapping as a config holds it: every part optional until resolved. `table: null`
 * leaves an optional role out on purpose even when a candidate table is there (IoT telemetry
 * then generates its readings from the devices).
 */
export interface RoleBinding {
  readonly table?: string | null;
  readonly columns?: Readonly<Record<string, string>>;
}
export type RoleMapping = Readonly<Record<string, RoleBinding>>;

/**
 * A column's shape. The optional figures let a simulator estimate its run from shapes alone
 * (how many rows fall in a time window, how wide a file gets); the page fills them from the
 * data set's column summaries, {@link shapeOf} from the rows.
 */
export interface ColumnShape {
  readonly name: string;
  readonly type: ColumnType;
  /** Null cells. */
  readonly nulls?: number;
  /** Numbers and timestamps (epoch µs) and dates (epoch days): the smallest and largest value, null when none. */
  readonly min?: number | null;
  readonly max?: number | null;
  /** Strings: mean UTF-8 bytes of the non-null values. */
  readonly textBytes?: number;
  /** Strings: held dictionary-coded (a code per row) rather than as UTF-8 bytes; unknown means bytes. */
  readonly dictionary?: boolean;
}

/** A table's shape: enough to resolve a mapping (the page has these without the rows). */
export interface TableShape {
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly ColumnShape[];
}

const encoder = new TextEncoder();

/** Null cells of a validity mask (none without one). */
function nullCount(valid: Uint8Array | undefined, n: number): number {
  let nulls = 0;
  if (valid) for (let i = 0; i < n; i++) nulls += valid[i] === 0 ? 1 : 0;
  return nulls;
}

/** Smallest and largest present value of a double column: one tight loop (no per-cell type test). */
function rangeOfDoubles(values: Float64Array, valid: Uint8Array | undefined): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  const n = values.length;
  if (!valid) {
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
  } else {
    for (let i = 0; i < n; i++) {
      if (valid[i] === 0) continue;
      const v = values[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return [min, max];
}

/** The same over other value arrays (dates; 64-bit integers and decimals as the nearest double, which an estimate needs no more than). */
function rangeOfOthers(values: Int32Array | BigInt64Array, valid: Uint8Array | undefined, divisor: number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    if (valid && valid[i] === 0) continue;
    const v = Number(values[i]) / divisor;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** A column's shape with its figures: one pass over numbers and dictionary codes, none over UTF-8 text. */
function columnShape(c: Column): ColumnShape {
  const n = columnLength(c);
  const nulls = nullCount(c.valid, n);
  if (c.type === 'string') {
    const present = n - nulls;
    let bytes = 0;
    if (c.encoding === 'utf8') bytes = c.bytes.length;
    else {
      const lengths = Float64Array.from(c.dict, (s) => encoder.encode(s).length);
      const codes = c.codes;
      const valid = c.valid;
      for (let i = 0; i < n; i++) if (!valid || valid[i]) bytes += lengths[codes[i]];
    }
    return { name: c.name, type: c.type, nulls, textBytes: present ? bytes / present : 0, ...(c.encoding === 'dict' ? { dictionary: true } : {}) };
  }
  if (c.type === 'bool') return { name: c.name, type: c.type, nulls };
  const [min, max] =
    c.values instanceof Float64Array
      ? rangeOfDoubles(c.values, c.valid)
      : rangeOfOthers(c.values, c.valid, c.type === 'decimal' ? 10 ** c.scale : 1);
  return { name: c.name, type: c.type, nulls, min: min <= max ? min : null, max: min <= max ? max : null };
}

const shapes = new WeakMap<Table, TableShape>();

/**
 * A table's shape (row count, and per column its kind, nulls, range or text size), computed
 * once per table: a run asks for it to validate, to estimate and to plan, and on a domain at
 * scale medium each pass reads two million rows.
 */
export function shapeOf(t: Table): TableShape {
  let shape = shapes.get(t);
  if (!shape) {
    shape = { name: t.name, rows: t.length, columns: t.columns.map(columnShape) };
    shapes.set(t, shape);
  }
  return shape;
}

/** Where a run's input tables came from, as `_spindle/config.json` records it. */
export type InputProvenance =
  | { readonly source: 'domain'; readonly domain: string; readonly scale: string; readonly seed: number; readonly config?: Readonly<Record<string, unknown>> }
  | { readonly source: 'tables'; readonly tables: readonly { readonly name: string; readonly rows: number }[] };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The config field `inputs` of a `roles` simulator: a role → {table, columns} map. Parsing
 * checks only its structure (known roles and column roles, names as text); whether the tables
 * and columns exist is checked against the actual tables by {@link resolveRoles}.
 */
export function inputMappingField(roles: readonly InputRole[], meta: FieldMeta): Field<RoleMapping> {
  const roleNames = roles.map((r) => r.role);
  const allowed = () => `an object mapping roles (${roleNames.join(', ')}) to {"table": name, "columns": {column role: column name}}`;
  const bad = (issues: Issue[], path: string, v: unknown, what: string, ok: string): undefined => {
    issues.push({ path, message: `${show(v)} ${what}; allowed: ${ok}` });
    return undefined;
  };
  return {
    kind: 'json',
    meta,
    default: {},
    allowed,
    parse(v, path, issues) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad(issues, path, v, 'is not an object', allowed());
      const before = issues.length;
      const out: Record<string, RoleBinding> = {};
      for (const [role, binding] of Object.entries(v)) {
        const p = `${path}.${role}`;
        const spec = roles.find((r) => r.role === role);
        if (!spec || FORBIDDEN_KEYS.has(role)) {
          issues.push({ path: p, message: `is not an input role; known roles: ${roleNames.join(', ')}` });
          continue;
        }
        if (typeof binding !== 'object' || binding === null || Array.isArray(binding)) {
          bad(issues, p, binding, 'is not an object', '{"table": name, "columns": {…}}');
          continue;
        }
        const b: { table?: string | null; columns?: Record<string, string> } = {};
        for (const [k, x] of Object.entries(binding)) {
          if (k === 'table') {
            if (x === null && !spec.required) b.table = null;
            else if (typeof x !== 'string' || x === '')
              bad(issues, `${p}.table`, x, 'is not a table name', spec.required ? 'a non-empty string' : 'a non-empty string, or null to leave the role out');
            else b.table = x;
          } else if (k === 'columns') {
            if (typeof x !== 'object' || x === null || Array.isArray(x)) {
              bad(issues, `${p}.columns`, x, 'is not an object', `an object mapping column roles (${spec.columns.map((c) => c.role).join(', ')}) to column names`);
              continue;
            }
            const cols: Record<string, string> = {};
            for (const [cr, name] of Object.entries(x)) {
              if (!spec.columns.some((c) => c.role === cr) || FORBIDDEN_KEYS.has(cr))
                issues.push({ path: `${p}.columns.${cr}`, message: `is not a column role of ${role}; known: ${spec.columns.map((c) => c.role).join(', ')}` });
              else if (typeof name !== 'string' || name === '') bad(issues, `${p}.columns.${cr}`, name, 'is not a column name', 'a non-empty string');
              else cols[cr] = name;
            }
            b.columns = cols;
          } else issues.push({ path: `${p}.${k}`, message: 'is not a known field; known fields: table, columns' });
        }
        out[role] = b;
      }
      return issues.length === before ? out : undefined;
    },
    describe: () => ({
      type: 'input mapping',
      default: {},
      help: meta.help,
      group: meta.group,
      fields: roles.map((r) => ({
        name: r.role,
        label: r.label,
        type: 'object',
        help: `${r.help} Default table: the first of ${r.candidates.join(', ')}.${r.required ? '' : ' Optional: null leaves it out.'}`,
        ...(r.required ? { required: true } : {}),
        fields: r.columns.map((c) => ({
          name: c.role,
          label: c.label,
          type: c.types.join(' | '),
          help: `${c.help} Default: the first of ${c.candidates.join(', ')} with that type.`,
          ...(c.required ? { required: true } : {}),
        })),
      })),
    }),
  };
}

const typeWords = (types: readonly ColumnType[]) => types.join(' or ');

/**
 * Whether a column of type `actual` can play a role column of `types`. An exact decimal
 * (money as DECIMAL(18,2)) plays a float role: the simulator reads it as the nearest double
 * (see {@link roleTables}), which for cents is the value itself; 64-bit ids past 2^53 do not
 * play int roles (a double would merge them).
 */
export function fitsRole(types: readonly ColumnType[], actual: ColumnType): boolean {
  return types.includes(actual) || (actual === 'decimal' && types.includes('float'));
}

/**
 * The input tables with every decimal column a role maps onto a float column read as doubles
 * (the simulators' engines read floats); the other columns, and tables no role maps, as they are.
 */
export function asRoleInputs(roles: readonly InputRole[], mapping: RoleMapping, tables: ReadonlyMap<string, Table>): ReadonlyMap<string, Table> {
  const out = new Map(tables);
  for (const role of roles) {
    const b = mapping[role.role];
    const t = b?.table ? tables.get(b.table) : undefined;
    if (!t) continue;
    const floats = new Set(role.columns.filter((rc) => rc.types.includes('float') && !rc.types.includes('decimal')).map((rc) => b!.columns?.[rc.role]));
    const columns = t.columns.map((c) =>
      c.type === 'decimal' && floats.has(c.name) ? numberColumn(c.name, 'float', Float64Array.from(c.values, (v) => Number(v) / 10 ** c.scale), c.valid) : c,
    );
    if (columns.some((c, k) => c !== t.columns[k])) out.set(t.name, makeTable(t.name, columns));
  }
  return out;
}

/** The column a role column would take in `table`: an explicit name, else a candidate name with a fitting type. */
export function proposeColumn(table: TableShape, rc: RoleColumn): string | null {
  for (const name of rc.candidates) {
    const c = table.columns.find((x) => x.name === name);
    if (c && fitsRole(rc.types, c.type)) return name;
  }
  if (rc.role === 'time') {
    const t = detectTimeColumn(table);
    if (t !== null && fitsRole(rc.types, table.columns.find((c) => c.name === t)!.type)) return t;
  }
  return null;
}

/** The table a role would take: a candidate name that exists. */
export function proposeTable(tables: readonly TableShape[], role: InputRole): string | null {
  for (const name of role.candidates) if (tables.some((t) => t.name === name)) return name;
  return null;
}

export type RoleResolution = { readonly ok: true; readonly mapping: RoleMapping } | { readonly ok: false; readonly issues: Issue[] };

/**
 * Resolve a (partial) mapping against the tables there are: fill the defaults, check every
 * table and column exists with a fitting type. The result names every role and column used
 * (optional ones only when found), so the resolved config reproduces the run anywhere.
 * Issues name the role, the column and what was found.
 */
export function resolveRoles(roles: readonly InputRole[], mapping: RoleMapping, tables: readonly TableShape[], path = 'inputs'): RoleResolution {
  const issues: Issue[] = [];
  const out: Record<string, RoleBinding> = {};
  const names = tables.map((t) => t.name);
  const known = names.length ? names.join(', ') : 'none';
  for (const role of roles) {
    const given = mapping[role.role] ?? {};
    if (given.table === null && !role.required) {
      // left out on purpose: recorded so the resolved config reproduces the run
      out[role.role] = { table: null };
      continue;
    }
    const tableName = given.table ?? proposeTable(tables, role);
    if (tableName === null) {
      if (role.required)
        issues.push({ path: `${path}.${role.role}.table`, message: `no table given for the ${role.label} role and none of ${role.candidates.join(', ')} is there; tables: ${known}` });
      continue;
    }
    const table = tables.find((t) => t.name === tableName);
    if (!table) {
      issues.push({ path: `${path}.${role.role}.table`, message: `"${tableName}" (the ${role.label} role) is not a table; tables: ${known}` });
      continue;
    }
    const cols: Record<string, string> = {};
    for (const rc of role.columns) {
      const explicit = given.columns?.[rc.role];
      const name = explicit ?? proposeColumn(table, rc);
      const where = `${path}.${role.role}.columns.${rc.role}`;
      if (name === null) {
        if (rc.required)
          issues.push({
            path: where,
            message: `${role.label} table "${table.name}" has no ${rc.label} column (${typeWords(rc.types)}; tried ${rc.candidates.join(', ')}); columns: ${table.columns.map((c) => `${c.name} (${c.type})`).join(', ')}`,
          });
        continue;
      }
      const col = table.columns.find((c) => c.name === name);
      if (!col) {
        issues.push({ path: where, message: `${role.label} table "${table.name}" has no column "${name}"; columns: ${table.columns.map((c) => c.name).join(', ')}` });
        continue;
      }
      if (!fitsRole(rc.types, col.type)) {
        issues.push({ path: where, message: `column "${name}" of ${table.name} is ${col.type}; the ${rc.label} column of the ${role.label} role must be ${typeWords(rc.types)}` });
        continue;
      }
      cols[rc.role] = name;
    }
    out[role.role] = { table: table.name, columns: cols };
  }
  return issues.length ? { ok: false, issues } : { ok: true, mapping: out };
}

const TIME_TOKENS = new Set(['date', 'timestamp', 'created', 'updated', 'ts', 'time']);

/**
 * The event-time column of a table when none is named (spec/file-drop.md §5 #7): the first
 * timestamp column, else the first date column, else the first string column whose
 * `_`-separated name tokens include date/timestamp/created/updated/ts/time or that ends in `_at`.
 * Numbers never qualify.
 */
export function detectTimeColumn(table: TableShape): string | null {
  const ts = table.columns.find((c) => c.type === 'timestamp');
  if (ts) return ts.name;
  const day = table.columns.find((c) => c.type === 'date');
  if (day) return day.name;
  const named = table.columns.find((c) => c.type === 'string' && (c.name.toLowerCase().endsWith('_at') || c.name.toLowerCase().split('_').some((t) => TIME_TOKENS.has(t))));
  return named?.name ?? null;
}

/** The tables a resolved mapping uses, by role (optional roles that are absent are left out). */
export function roleTables(mapping: RoleMapping, tables: ReadonlyMap<string, Table>): Map<string, Table> {
  const out = new Map<string, Table>();
  for (const [role, b] of Object.entries(mapping)) {
    const t = typeof b.table === 'string' ? tables.get(b.table) : undefined;
    if (t) out.set(role, t);
  }
  return out;
}
