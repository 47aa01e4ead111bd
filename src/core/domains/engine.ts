import { Rng } from '../rng';
import { makeContext, type RunHooks } from '../simulator';
import { parseOrThrow } from '../schema/config';
import { columnSchema, decimalColumn, makeTable, numberColumn, takeColumn, type Column, type Table } from '../table/column';
import { US_PER_DAY } from '../time';
import { domainConfigSchema, parseDay, type DomainConfig } from './config';
import type { ChildIndex, ColumnDef, DomainDef, DomainTable, GenContext, TableDef, TimeWindow } from './model';
import { estimateRows } from './scales';
import { argsortStable, roundEachTo } from './sort';

/** A generated domain: tables in dependency order, their metadata, and the resolved config. */
export interface DomainOutput {
  readonly domain: string;
  readonly config: DomainConfig;
  readonly tables: readonly Table[];
  readonly meta: readonly DomainTable[];
}


/** The state of one table while it (and columns filled later) are generated. */
interface TableState {
  readonly def: TableDef;
  readonly n: number;
  readonly columns: Map<string, Column>;
  readonly shared: Map<string, unknown>;
  readonly active: Set<string>;
  sorted: boolean;
  table?: Table;
}

function columnDef(t: TableDef, name: string): ColumnDef {
  const c = t.columns.find((x) => x.name === name);
  if (!c) throw new Error(`table ${t.name} declares no column ${name}`);
  return c;
}

function applyNulls(c: Column, rate: number, rng: Rng): Column {
  const n = c.type === 'string' ? (c.encoding === 'dict' ? c.codes.length : c.offsets.length - 1) : c.values.length;
  const valid = c.valid ? c.valid.slice() : new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) if (rng.uniform() < rate) valid[i] = 0;
  return { ...c, valid };
}

/** The generator: interprets a domain's declarations into tables (spec/domains.md §2). */
class DomainEngine {
  readonly states = new Map<string, TableState>();
  private readonly childIndexes = new Map<string, ChildIndex>();
  readonly root: Rng;
  readonly modelRange: TimeWindow;
  readonly clipEndUs: number;

  constructor(
    readonly def: DomainDef,
    readonly config: DomainConfig,
    readonly counts: Record<string, number>,
  ) {
    this.root = Rng.root(config.seed);
    const start = parseDay(config.startDate ?? def.range.start)!;
    const end = parseDay(config.endDate ?? def.range.end)!;
    this.modelRange = { startUs: start * US_PER_DAY, endUs: (end + 1) * US_PER_DAY };
    this.clipEndUs = config.endDate === null ? Number.POSITIVE_INFINITY : (end + 1) * US_PER_DAY;
  }

  stream(table: string, column: string): Rng {
    return this.root.fork(`domain:${this.def.id}:${table}:${column}`);
  }

  table(name: string): Table {
    const s = this.states.get(name);
    if (!s || !s.sorted) throw new Error(`${this.def.id}: table ${name} is read before it is generated`);
    if (!s.table) {
      const cols = [s.columns.get(s.def.pk)!, ...s.def.columns.map((c) => s.columns.get(c.name) ?? this.placeholder(s, c))];
      s.table = makeTable(s.def.name, cols);
    }
    return s.table;
  }

  /** A column filled after a later table (a sum over children) reads as zeros until then. */
  private placeholder(s: TableState, c: ColumnDef): Column {
    return numberColumn(c.name, c.type === 'int' ? 'int' : 'float', new Float64Array(s.n));
  }

  childIndex(child: string, fk: string): ChildIndex {
    const key = `${child}.${fk}`;
    const hit = this.childIndexes.get(key);
    if (hit) return hit;
    const childState = this.states.get(child)!;
    const parent = columnDef(childState.def, fk).gen.references!;
    const p = this.table(parent).length;
    const ids = this.table(child).columns.find((c) => c.name === fk) as { values: Float64Array; valid?: Uint8Array };
    const start = new Int32Array(p + 1);
    for (let i = 0; i < ids.values.length; i++) if (!ids.valid || ids.valid[i]) start[ids.values[i]]++;
    for (let j = 0; j < p; j++) start[j + 1] += start[j];
    const rows = new Int32Array(start[p]);
    const fill = start.slice(0, p);
    for (let i = 0; i < ids.values.length; i++) if (!ids.valid || ids.valid[i]) rows[fill[ids.values[i] - 1]++] = i;
    const index = { start, rows };
    this.childIndexes.set(key, index);
    return index;
  }

  private context(s: TableState, column: string): GenContext {
    const rng = this.stream(s.def.name, column);
    return {
      domain: this.def.id,
      table: s.def.name,
      column,
      n: s.n,
      rng,
      fork: (name) => rng.fork(name),
      streamOf: (other) => this.stream(s.def.name, other),
      col: (name) => this.generate(s, name),
      tableData: (name) => this.table(name),
      strategyOf: (name) => columnDef(s.def, name).gen,
      refOf: (table, col) => {
        const ref = columnDef(this.states.get(table)!.def, col).gen.references;
        if (!ref) throw new Error(`${table}.${col} is not a foreign key`);
        return ref;
      },
      provide: (name, values) => {
        if (!columnDef(s.def, column).gen.writes?.includes(name)) throw new Error(`${s.def.name}.${column} may not write ${name}`);
        this.store(s, columnDef(s.def, name), values);
      },
      shared: <T>(key: string, make: () => T): T => {
        if (!s.shared.has(key)) s.shared.set(key, make());
        return s.shared.get(key) as T;
      },
      childIndex: (child, fk) => this.childIndex(child, fk),
      modelRange: this.modelRange,
      userRange: this.config.startDate !== null || this.config.endDate !== null,
      clipEndUs: this.clipEndUs,
      skew: this.config.skew,
      weights: (key, declared) => this.config.distributions[key] ?? declared,
      rowsOf: (table) => {
        const n = this.counts[table];
        if (n === undefined) throw new Error(`${this.def.id}: no table ${table}`);
        return n;
      },
    };
  }

  private store(s: TableState, def: ColumnDef, raw: Column): Column {
    if (raw.type !== def.type) throw new Error(`${s.def.name}.${def.name} is declared ${def.type} but generated ${raw.type}`);
    let c: Column = { ...raw, name: def.name };
    if (def.dp !== undefined && c.type === 'float') roundEachTo(c.values, def.dp);
    if (def.nullRate) c = applyNulls(c, def.nullRate, this.stream(s.def.name, def.name).fork('null'));
    s.columns.set(def.name, c);
    s.table = undefined;
    return c;
  }

  /** Generate (once) column `name` of table state `s`, after the columns it reads. */
  generate(s: TableState, name: string): Column {
    const done = s.columns.get(name);
    if (done) return done;
    if (s.active.has(name)) throw new Error(`${this.def.id}.${s.def.name}: columns depend on each other in a cycle through ${name}`);
    const writer = s.def.columns.find((c) => c.gen.writes?.includes(name));
    if (writer) {
      this.generate(s, writer.name);
      return s.columns.get(name)!;
    }
    const def = columnDef(s.def, name);
    s.active.add(name);
    const out = this.store(s, def, def.gen.generate(this.context(s, name)));
    s.active.delete(name);
    return out;
  }

  /** Sort an event table by (time, draw index) so that ids ascend with time. */
  sortByTime(s: TableState): void {
    const time = s.def.sortByTime ? s.def.eventTime : undefined;
    if (time) {
      const order = argsortStable((s.columns.get(time) as { values: ArrayLike<number> }).values);
      for (const [name, c] of s.columns) s.columns.set(name, takeColumn(c, order));
    }
    const ids = new Float64Array(s.n);
    for (let i = 0; i < s.n; i++) ids[i] = i + 1;
    s.columns.set(s.def.pk, numberColumn(s.def.pk, 'int', ids));
    s.sorted = true;
  }

  later(c: ColumnDef): boolean {
    return !!(c.gen.afterSort || c.gen.afterTable);
  }

  /** Fill columns that wait for `finished` (sums over its rows) in earlier tables. */
  fillDeferred(finished: string): void {
    for (const s of this.states.values())
      for (const c of s.def.columns) if (c.gen.afterTable === finished) this.generate(s, c.name);
  }

  newState(def: TableDef): TableState {
    const s: TableState = { def, n: this.counts[def.name], columns: new Map(), shared: new Map(), active: new Set(), sorted: false };
    this.states.set(def.name, s);
    return s;
  }
}

function metadata(domain: DomainDef, def: TableDef, t: Table): DomainTable {
  const pkOf = (table: string) => domain.tables.find((x) => x.name === table)!.pk;
  const enums: Record<string, readonly string[]> = {};
  for (const c of def.columns) if (c.gen.values) enums[c.name] = c.gen.values;
  return {
    name: def.name,
    rows: t.length,
    pk: def.pk,
    fks: def.columns.flatMap((c) => (c.gen.references ? [{ column: c.name, table: c.gen.references, parentColumn: pkOf(c.gen.references) }] : [])),
    eventTimeColumn: def.eventTime ?? null,
    sortedByTime: !!def.sortByTime,
    eventTimeVia: def.eventTimeVia ?? null,
    enums,
    columns: t.columns.map((c) => ({ ...columnSchema(c), nullable: c.valid !== undefined })),
  };
}

/**
 * Generate a domain's tables. `raw` is the config (scale, seed, startDate, endDate, skew, rows,
 * distributions, ratios); invalid configs throw ConfigError naming each field. Progress is
 * reported and cancel honoured between columns (`hooks.onProgress`, `hooks.signal`).
 */
export async function generateDomain(def: DomainDef, raw: unknown = {}, hooks: RunHooks & { seed?: number } = {}): Promise<DomainOutput> {
  const input = raw === undefined || raw === null ? {} : raw;
  const merged = hooks.seed === undefined ? input : { ...(input as object), seed: hooks.seed };
  const config = parseOrThrow(domainConfigSchema(def), merged);
  const counts = estimateRows(def, config);
  const engine = new DomainEngine(def, config, counts);
  const ctx = makeContext(config.seed, hooks);
  const total = def.tables.reduce((a, t) => a + counts[t.name] * (t.columns.length + 1), 0);
  let done = 0;
  // a table is final once its own step and the steps of the tables its deferred sums wait for are done
  const finalAt = def.tables.map((t, i) => Math.max(i, ...t.columns.map((c) => (c.gen.afterTable ? def.tables.findIndex((x) => x.name === c.gen.afterTable) : -1))));
  const tables: Table[] = [];
  const finish = (i: number) => {
    const t = def.tables[i];
    tables[i] = config.money === 'decimal' ? moneyAsDecimal(t, engine.table(t.name)) : engine.table(t.name);
    ctx.publish(tables[i]);
  };
  for (const [step, t] of def.tables.entries()) {
    const s = engine.newState(t);
    for (const c of t.columns) {
      if (engine.later(c)) continue;
      engine.generate(s, c.name);
      done += s.n;
      await ctx.checkpoint(t.name, done, total);
    }
    engine.sortByTime(s);
    for (const c of t.columns) if (c.gen.afterSort) engine.generate(s, c.name);
    engine.fillDeferred(t.name);
    done += s.n;
    for (let i = 0; i <= step; i++) if (finalAt[i] === step) finish(i);
    await ctx.checkpoint(t.name, done, total);
  }
  return { domain: def.id, config, tables, meta: def.tables.map((t, i) => metadata(def, t, tables[i])) };
}

/** The table with its money columns as DECIMAL(18,2): their values are whole cents already. */
function moneyAsDecimal(def: TableDef, t: Table): Table {
  const money = new Set(def.columns.filter((c) => c.money).map((c) => c.name));
  if (money.size === 0) return t;
  return makeTable(
    t.name,
    t.columns.map((c) => (money.has(c.name) && c.type === 'float' ? decimalColumn(c.name, 18, 2, BigInt64Array.from(c.values, (v) => BigInt(Math.round(v * 100))), c.valid) : c)),
  );
}
