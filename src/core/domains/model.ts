/**
 * The declarative domain model (spec/domains.md §2): a domain is a list of table
 * declarations — columns with a type and a generation strategy, a row count rule, a primary
 * key and an optional event-time column — interpreted by one engine (`engine.ts`). A new
 * domain is one file of declarations built from the strategies in `strategies/`.
 */
import type { Rng } from '../rng';
import type { Column, ColumnType, Table } from '../table/column';

/** Scale presets, smallest first. The page offers fixture…medium; the rest are CLI-only. */
export const SCALES = ['fixture', 'fabric_demo', 'small', 'medium', 'large', 'xlarge', 'warehouse', 'xxl', 'xxxl'] as const;
export type Scale = (typeof SCALES)[number];

/** The zipf exponents in use: realistic long tails by default, the declared ones as `reference` (spec §5 decision). */
export const SKEW_PROFILES = ['default', 'reference'] as const;
export type SkewProfile = (typeof SKEW_PROFILES)[number];

/** How many rows a table gets (spec §2 "Counts"). */
export type CountRule =
  | { readonly kind: 'anchor' }
  | { readonly kind: 'fixed'; readonly rows: number }
  | { readonly kind: 'perYear'; readonly rows: number }
  /** floor(parentRows × ratio + 1e-9); `ratioKey` is the profile key (e.g. `address_per_customer`). */
  | { readonly kind: 'perParent'; readonly parent: string; readonly ratio: number; readonly ratioKey: string };

/** Time bounds resolved for one column: [start, end) in epoch µs. */
export interface TimeWindow {
  readonly startUs: number;
  readonly endUs: number;
}

/** What a strategy sees while it generates one column of one table. */
export interface GenContext {
  readonly domain: string;
  readonly table: string;
  readonly column: string;
  /** Rows of the table being generated. */
  readonly n: number;
  /** The column's own stream, `domain:<d>:<table>:<column>`. */
  readonly rng: Rng;
  /** A named sub-stream of this column (`…:<column>:<name>`). */
  fork(name: string): Rng;
  /** The stream another column of this table uses (a strategy that writes two columns draws each from its own). */
  streamOf(column: string): Rng;
  /** A sibling column of the same rows (generated on demand; cycles are an error). */
  col(name: string): Column;
  /** A finished earlier table (sorted, primary keys assigned). */
  tableData(name: string): Table;
  /** The table an FK column of any generated (or generating) table references. */
  refOf(table: string, column: string): string;
  /** A sibling column's declared strategy (time-consistent draws reuse the time column's sampler). */
  strategyOf(column: string): Strategy;
  /** Set another column of this table (only one named in the strategy's `writes`). */
  provide(column: string, values: Column): void;
  /** Values shared by several columns of this table (one zip record feeds five columns). */
  shared<T>(key: string, make: () => T): T;
  /** Child rows of each parent row: `start[p]..start[p+1]` index `rows` (cached per child table and FK). */
  childIndex(childTable: string, fkColumn: string): ChildIndex;
  /** The model range, replaced by the user's date range when given (columns marked M). */
  readonly modelRange: TimeWindow;
  /** True when the user gave startDate or endDate: columns marked M then use `modelRange`, not their declared range. */
  readonly userRange: boolean;
  /** The end every other range is clipped to (the date range's end, else +∞). */
  readonly clipEndUs: number;
  readonly skew: SkewProfile;
  /** Weights for `key` (`table.column`): the user's override when given, else `declared`. */
  weights(key: string, declared: Readonly<Record<string, number>>): Readonly<Record<string, number>>;
  /** Rows any table of the domain will have (a status proven by another table's rows needs their count). */
  rowsOf(table: string): number;
}

export interface ChildIndex {
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/**
 * How one column is generated. Strategies are small objects made by the builders in
 * `strategies/`; the engine calls `generate` once per column, after the columns it reads.
 */
export interface Strategy {
  readonly kind: string;
  /** Produce the column (any name: the engine renames it). */
  generate(ctx: GenContext): Column;
  /** Declared foreign key: the parent table (its primary key is the referenced column). */
  readonly references?: string;
  /** String values the column can take (recorded as the table's enum value sets). */
  readonly values?: readonly string[];
  /** Generated after the event-time sort (row-number patterns, flags on a parent's first row). */
  readonly afterSort?: boolean;
  /** Generated once this later table exists (sums over child rows). */
  readonly afterTable?: string;
  /** Other columns this strategy writes (with `ctx.provide`): a time-consistent FK also sets the child's time. */
  readonly writes?: readonly string[];
  /** One draw of this column's value (temporal samplers; used by time-consistent FKs). */
  sampler?(ctx: GenContext): (rng: Rng) => number;
  /** Profile key the user may override (`table.column`), for weighted enums. */
  readonly profileKey?: string;
  /** Bytes a row of this column holds in memory when it is not a fixed-width kind (UTF-8 text: its bytes + 4 for the offset). */
  readonly bytesPerRow?: number;
}

export interface ColumnDef {
  readonly name: string;
  readonly type: ColumnType;
  readonly gen: Strategy;
  /** Share of rows set to null (a separate stream, `…:<column>:null`). */
  readonly nullRate?: number;
  /** Decimal places floats are rounded to (half away from zero on the decimal value). */
  readonly dp?: number;
  /** An amount of money (2 dp): written as DECIMAL(18,2) when the config asks for `money: decimal`. */
  readonly money?: boolean;
  /** Shown in docs and the UI. */
  readonly help?: string;
}

export interface TableDef {
  readonly name: string;
  /** Primary key column: ids 1..n, declared first in the schema. */
  readonly pk: string;
  readonly count: CountRule;
  /** The column that places a row in time (file drops slice by it; spec §4 bridges). */
  readonly eventTime?: string;
  /** Event tables are sorted by (eventTime, draw index) before ids are assigned, so ids ascend with time. */
  readonly sortByTime?: boolean;
  /** Tables without their own time slice by a parent's time through an FK (order_line → order.order_date). */
  readonly eventTimeVia?: { readonly fk: string; readonly table: string; readonly column: string };
  /** The largest child-per-parent ratio that can be generated (returns: at most one per order). */
  readonly maxRatio?: number;
  readonly columns: readonly ColumnDef[];
  readonly help?: string;
}

export interface DomainDef {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  /** The model range, inclusive dates (spec §2: 2022-01-01..2025-12-31). */
  readonly range: { readonly start: string; readonly end: string };
  /** Anchor-table rows for every scale. */
  readonly scales: Readonly<Record<Scale, Readonly<Record<string, number>>>>;
  /** Tables in dependency order (a parent before its children). */
  readonly tables: readonly TableDef[];
}

/** Metadata of one generated table, for the simulators and the UI. */
export interface DomainTable {
  readonly name: string;
  readonly rows: number;
  readonly pk: string;
  /** Foreign keys: column → parent table's column. */
  readonly fks: readonly { readonly column: string; readonly table: string; readonly parentColumn: string }[];
  /** The column that places a row in time, or null. */
  readonly eventTimeColumn: string | null;
  /** Ids ascend with `eventTimeColumn` (event tables). */
  readonly sortedByTime: boolean;
  readonly eventTimeVia: { readonly fk: string; readonly table: string; readonly column: string } | null;
  /** Enum value sets of categorical string columns. */
  readonly enums: Readonly<Record<string, readonly string[]>>;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType; readonly precision?: number; readonly scale?: number; readonly nullable: boolean }[];
}
