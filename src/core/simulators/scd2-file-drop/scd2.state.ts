/**
 * The SCD2 state of one table: for every key, its current version as references into column
 * pools (one shared reference for the untracked columns, one per tracked column), its version
 * number and when that version became valid. A day's updates and inserts are simulated here
 * (spec §3, with every "Req" of §5) and come out as index arrays, from which the delta table is
 * gathered when a file is written.
 */
import { Float64Growable, Int32Growable, cellAt, dictColumn, makeTable, numberColumn, boolColumn, type Table } from '../../table/column';
import type { Rng } from '../../rng';
import { fillValue, insertValue, mutate } from './scd2.mutate';
import { ColumnPool } from './scd2.pool';
import { DELTA_TYPE_COLUMN, type Scd2Config } from './scd2.config';
import type { Scd2Entity } from './scd2.inputs';

/** A day's delta as references: row r of column c is pools[c] value refs[c][r]. */
export interface DayDelta {
  readonly day: number;
  readonly dayUs: number;
  readonly refs: readonly Int32Array[];
  readonly validFrom: Float64Array;
  /** valid_to per row; NaN for the open (current) rows. */
  readonly validTo: Float64Array;
  readonly isCurrent: Uint8Array;
  /** 0 = update, 1 = insert. */
  readonly deltaType: Int32Array;
  readonly updates: number;
  readonly inserts: number;
  /** Each updated key's index (rows 2i, 2i+1) and each inserted key's index, in row order. */
  readonly keys: Int32Array;
  /** Version number of each update's new row and of each insert (1). */
  readonly versions: Int32Array;
}

export const DELTA_TYPES = ['update', 'insert'] as const;

export class Scd2State {
  readonly pools: ColumnPool[];
  private readonly trackedCols: number[];
  private readonly trackedAt: Int32Array;
  private readonly baseRef = new Int32Growable(1024);
  private readonly trackedRef: Int32Growable[];
  readonly version = new Int32Growable(1024);
  readonly validFrom = new Float64Growable(1024);
  readonly keyCol: number;
  readonly initialKeys: number;
  private readonly keyIsText: boolean;
  private readonly textKeys = new Set<string>();
  private nextKey: number;
  count = 0;

  constructor(
    readonly table: Table,
    readonly entity: Scd2Entity,
    readonly initialUs: number,
  ) {
    this.pools = table.columns.map((c) => new ColumnPool(c));
    this.keyCol = table.columns.findIndex((c) => c.name === entity.key);
    this.trackedCols = entity.tracked.map((name) => table.columns.findIndex((c) => c.name === name));
    this.trackedAt = new Int32Array(table.columns.length).fill(-1);
    this.trackedCols.forEach((c, k) => (this.trackedAt[c] = k));
    this.trackedRef = this.trackedCols.map(() => new Int32Growable(1024));
    const keyColumn = table.columns[this.keyCol];
    this.keyIsText = keyColumn.type === 'string';
    let maxNumeric = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < table.length; i++) {
      this.baseRef.push(i);
      for (const r of this.trackedRef) r.push(i);
      this.version.push(1);
      this.validFrom.push(initialUs);
      const k = cellAt(keyColumn, i);
      if (this.keyIsText) {
        this.textKeys.add(k as string);
        if (/^-?\d+$/.test(k as string)) maxNumeric = Math.max(maxNumeric, Number(k));
      } else maxNumeric = Math.max(maxNumeric, k as number);
    }
    this.count = table.length;
    this.initialKeys = table.length;
    // new keys continue above every numeric key (spec §5 #10); text keys without numbers count on from the size
    this.nextKey = Number.isFinite(maxNumeric) ? Math.floor(maxNumeric) + 1 : this.count + 1;
  }

  /** The pool index of column c's value in key k's current version. */
  refOf(c: number, k: number): number {
    const t = this.trackedAt[c];
    return t < 0 ? this.baseRef.data[k] : this.trackedRef[t].data[k];
  }

  /** Key k's business key as text (answer key, charts). */
  keyText(k: number): string {
    const p = this.pools[this.keyCol];
    const r = this.refOf(this.keyCol, k);
    return p.text(r) ?? '';
  }

  private newKey(): string {
    let k = this.nextKey++;
    while (this.keyIsText && this.textKeys.has(String(k))) k = this.nextKey++;
    const text = String(k);
    if (this.keyIsText) this.textKeys.add(text);
    return text;
  }

  /**
   * Simulate day d (spec §3, §5 #5-6): U = max(1, ⌊K × change rate⌋) distinct keys updated (0 at
   * rate 0), each an expire row then a new row; then I = max(1, ⌊K₀ × new rate⌋) inserts (0 at
   * rate 0, none for an empty table), modelled on the first key's current version.
   */
  simulateDay(d: number, dayUs: number, config: Pick<Scd2Config, 'dailyChangeRate' | 'dailyNewRate'>, rng: Rng): DayDelta {
    const K = this.count;
    const U = config.dailyChangeRate > 0 && K > 0 ? Math.min(K, Math.max(1, Math.floor(K * config.dailyChangeRate))) : 0;
    const I = config.dailyNewRate > 0 && this.initialKeys > 0 ? Math.max(1, Math.floor(this.initialKeys * config.dailyNewRate)) : 0;
    const rows = 2 * U + I;
    const nCols = this.pools.length;
    const refs = Array.from({ length: nCols }, () => new Int32Array(rows));
    const validFrom = new Float64Array(rows);
    const validTo = new Float64Array(rows).fill(Number.NaN);
    const isCurrent = new Uint8Array(rows);
    const deltaType = new Int32Array(rows);
    const keys = new Int32Array(U + I);
    const versions = new Int32Array(U + I);
    const picked = rng.sampleWithoutReplacement(K, U);
    let r = 0;
    for (let u = 0; u < U; u++) {
      const k = picked[u];
      const n = ++this.version.data[k];
      for (let c = 0; c < nCols; c++) refs[c][r] = this.refOf(c, k);
      validFrom[r] = this.validFrom.data[k];
      validTo[r] = dayUs;
      r++;
      let changed = false;
      this.trackedCols.forEach((c, t) => {
        const old = this.trackedRef[t].data[k];
        const next = mutate(this.pools[c], old, n, rng);
        if (next !== old) changed = true;
        this.trackedRef[t].data[k] = next;
      });
      if (!changed && this.trackedCols.length) this.trackedRef[0].data[k] = fillValue(this.pools[this.trackedCols[0]], n);
      for (let c = 0; c < nCols; c++) refs[c][r] = this.refOf(c, k);
      this.validFrom.data[k] = dayUs;
      validFrom[r] = dayUs;
      isCurrent[r] = 1;
      r++;
      keys[u] = k;
      versions[u] = n;
    }
    for (let i = 0; i < I; i++) {
      const key = this.newKey();
      const k = this.count;
      const sample = (c: number) => () => this.refOf(c, rng.index(this.count));
      let base = -1;
      const tracked = new Int32Array(this.trackedCols.length);
      for (let c = 0; c < nCols; c++) {
        const pool = this.pools[c];
        const ref =
          c === this.keyCol ? pool.append(this.keyIsText ? key : Number(key)) : insertValue(pool, this.refOf(c, 0), key, rng, sample(c));
        if (this.trackedAt[c] >= 0) tracked[this.trackedAt[c]] = ref;
        else if (base >= 0 && ref !== base) throw new Error(`untracked pools of ${this.table.name} out of step`);
        else base = ref;
        refs[c][r] = ref;
      }
      this.baseRef.push(base);
      tracked.forEach((ref, t) => this.trackedRef[t].push(ref));
      this.version.push(1);
      this.validFrom.push(dayUs);
      this.count++;
      validFrom[r] = dayUs;
      isCurrent[r] = 1;
      deltaType[r] = 1;
      keys[U + i] = k;
      versions[U + i] = 1;
      r++;
    }
    return { day: d, dayUs, refs, validFrom, validTo, isCurrent, deltaType, updates: U, inserts: I, keys, versions };
  }
}

/** The snapshot table: every input row, valid from the snapshot date, open, current (spec §3 "Initial load"). */
export function snapshotTable(t: Table, config: Pick<Scd2Config, 'effectiveDateColumn' | 'endDateColumn' | 'isCurrentColumn'>, initialUs: number): Table {
  const n = t.length;
  return makeTable(t.name, [
    ...t.columns,
    numberColumn(config.effectiveDateColumn, 'timestamp', new Float64Array(n).fill(initialUs)),
    numberColumn(config.endDateColumn, 'timestamp', new Float64Array(n), new Uint8Array(n)),
    boolColumn(config.isCurrentColumn, new Uint8Array(n).fill(1)),
  ]);
}

/** A day's delta table: the snapshot's columns in order, then `_delta_type` (spec §5 #4). */
export function deltaTable(state: Scd2State, delta: DayDelta, config: Pick<Scd2Config, 'effectiveDateColumn' | 'endDateColumn' | 'isCurrentColumn'>): Table {
  const n = delta.validTo.length;
  const present = new Uint8Array(n);
  for (let i = 0; i < n; i++) present[i] = Number.isNaN(delta.validTo[i]) ? 0 : 1;
  const validTo = Float64Array.from(delta.validTo, (x) => (Number.isNaN(x) ? 0 : x));
  return makeTable(state.table.name, [
    ...state.pools.map((p, c) => p.gather(delta.refs[c])),
    numberColumn(config.effectiveDateColumn, 'timestamp', delta.validFrom),
    numberColumn(config.endDateColumn, 'timestamp', validTo, present),
    boolColumn(config.isCurrentColumn, delta.isCurrent),
    dictColumn(DELTA_TYPE_COLUMN, DELTA_TYPES, delta.deltaType),
  ]);
}
