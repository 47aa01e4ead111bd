/**
 * Derived columns (spec §2 "lookup / conditional", "formula, correlated", "computed
 * sum_children", "first_per_parent"): values computed from other columns of the row, of a
 * parent through FKs, or of child rows.
 */
import { WeightedChoice, type Rng } from '../../rng';
import { boolColumn, dictColumn, numberColumn, type Column } from '../../table/column';
import type { Strategy } from '../model';
import { gather, numeric, type Path } from './paths';

/** A parent's (or sibling's) column through FKs: `product_id.unit_price`; `references` when the copy is itself an FK. */
export function lookup(path: Path, references?: string): Strategy {
  return { kind: 'lookup', references, generate: (ctx) => gather(ctx, path) };
}

/** A number through FKs, `fallback` where the FK is null (`promotion_id.discount_pct`, else 0). */
export function lookupOr(path: Path, fallback: number, type: 'int' | 'float' = 'float'): Strategy {
  return {
    kind: 'conditional',
    generate(ctx) {
      const v = numeric(ctx, path);
      const out = new Float64Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) out[i] = v.valid && !v.valid[i] ? fallback : v.values[i];
      return numberColumn(ctx.column, type, out);
    },
  };
}

/** `source` × U(min, max) (spec "correlated": cost = unit_price × U(0.30, 0.70)). */
export function scaled(source: Path, min: number, max: number): Strategy {
  return formula('float', [source], (rng, x) => x * rng.between(min, max));
}

type Fn = (rng: Rng, a: number, b: number, c: number, d: number) => number;

/**
 * Row arithmetic over numeric paths (dates as days, strings as codes, `col=value` as 0/1);
 * NaN gives null. The rng is the column's own stream, for formulas with a random factor.
 */
export function formula(type: 'int' | 'float' | 'timestamp', deps: readonly Path[], fn: Fn): Strategy {
  if (deps.length > 4) throw new Error('a formula reads at most 4 columns');
  return {
    kind: 'formula',
    generate(ctx) {
      const cols = deps.map((d) => numeric(ctx, d));
      const z = new Float64Array(ctx.n);
      const [a, b, c, d] = [0, 1, 2, 3].map((k) => cols[k]?.values ?? z);
      const out = new Float64Array(ctx.n);
      let valid: Uint8Array | undefined;
      for (let i = 0; i < ctx.n; i++) {
        const v = fn(ctx.rng, a[i], b[i], c[i], d[i]);
        if (v === v) out[i] = v;
        else (valid ??= new Uint8Array(ctx.n).fill(1))[i] = 0;
      }
      for (const col of cols)
        if (col.valid) {
          valid ??= new Uint8Array(ctx.n).fill(1);
          for (let i = 0; i < ctx.n; i++) valid[i] &= col.valid[i];
        }
      return numberColumn(ctx.column, type, out, valid);
    },
  };
}

/** `inner`'s values, but 0 where `path` is one of `values` (Closed accounts, Paid Off loans). */
export function zeroWhen(inner: Strategy, path: Path, values: readonly string[]): Strategy {
  return {
    kind: inner.kind,
    generate(ctx) {
      const c = inner.generate(ctx);
      const cond = gather(ctx, path);
      if (c.type !== 'float' && c.type !== 'int') throw new Error(`${ctx.table}.${ctx.column}: zeroWhen needs a number`);
      if (cond.type !== 'string' || cond.encoding !== 'dict') throw new Error(`${ctx.table}.${ctx.column}: ${path} is not categorical`);
      const codes = new Set(values.map((v) => cond.dict.indexOf(v)));
      for (let i = 0; i < ctx.n; i++) if (codes.has(cond.codes[i])) c.values[i] = 0;
      return c;
    },
  };
}

/** A categorical value that follows another (a sensor's unit follows its type). */
export function mapValue(source: Path, mapping: Readonly<Record<string, string>>): Strategy {
  const values = [...new Set(Object.values(mapping))];
  return {
    kind: 'mapped',
    values,
    generate(ctx) {
      const src = gather(ctx, source);
      if (src.type !== 'string' || src.encoding !== 'dict') throw new Error(`${ctx.table}.${ctx.column}: ${source} is not categorical`);
      const map = src.dict.map((v) => {
        const m = mapping[v];
        if (m === undefined) throw new Error(`${ctx.table}.${ctx.column}: no mapping for ${v}`);
        return values.indexOf(m);
      });
      const codes = new Int32Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) codes[i] = map[src.codes[i]];
      return dictColumn(ctx.column, values, codes);
    },
  };
}

/** Σ of a child column over each row's children, 0 without children (spec "computed sum_children"). */
export function sumChildren(childTable: string, childFk: string, value: string): Strategy {
  return {
    kind: 'computed_sum_children',
    afterTable: childTable,
    generate(ctx) {
      const { start, rows } = ctx.childIndex(childTable, childFk);
      const v = (ctx.tableData(childTable).columns.find((c) => c.name === value) as { values: Float64Array }).values;
      const out = new Float64Array(ctx.n);
      for (let p = 0; p < ctx.n; p++) {
        let s = 0;
        for (let k = start[p]; k < start[p + 1]; k++) s += v[rows[k]];
        out[p] = s;
      }
      return numberColumn(ctx.column, 'float', out);
    },
  };
}

/** true on the first row of each parent (rows grouped by parent: coverage FKs). */
export function firstPerParent(fk: string): Strategy {
  return {
    kind: 'first_per_parent',
    afterSort: true,
    generate(ctx): Column {
      const p = (ctx.col(fk) as { values: Float64Array }).values;
      const out = new Uint8Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) out[i] = i === 0 || p[i] !== p[i - 1] ? 1 : 0;
      return boolColumn(ctx.column, out);
    },
  };
}

export interface ProvenOptions {
  /** The status another table proves (`returned`). */
  readonly value: string;
  /** The table whose rows prove it, one row per parent (`return`). */
  readonly by: string;
  /** This row's time: only rows at least `marginDays` before the range end can be proven. */
  readonly time: string;
  readonly marginDays: number;
}

/**
 * A weighted status where one value is proven by another table's rows (spec §7: an order is
 * `returned` exactly when a return row exists): exactly as many rows as `by` will have take
 * `value`, drawn uniformly among rows early enough to be proven; the others take the remaining
 * values by their weights. The proving table then picks exactly these rows (`fkDistinct`).
 */
export function provenStatus(key: string, weights: Readonly<Record<string, number>>, o: ProvenOptions): Strategy {
  const values = Object.keys(weights);
  const proven = values.indexOf(o.value);
  return {
    kind: 'weighted_enum_proven',
    values,
    profileKey: key,
    generate(ctx) {
      const k = ctx.rowsOf(o.by);
      const t = numeric(ctx, o.time).values;
      const latest = ctx.modelRange.endUs - o.marginDays * 86_400_000_000 - 1000;
      const eligible: number[] = [];
      for (let i = 0; i < ctx.n; i++) if (t[i] <= latest) eligible.push(i);
      if (k > eligible.length) throw new Error(`${ctx.table}.${ctx.column}: ${k} ${o.by} rows need as many ${o.value} rows, only ${eligible.length} are early enough`);
      const w = ctx.weights(key, weights);
      const choice = new WeightedChoice(values.map((v, j) => (j === proven ? 0 : (w[v] ?? 0))));
      const codes = new Int32Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) codes[i] = choice.at(ctx.rng.uniform());
      for (const j of ctx.fork('proven').sampleWithoutReplacement(eligible.length, k)) codes[eligible[j]] = proven;
      return dictColumn(ctx.column, values, codes);
    },
  };
}
