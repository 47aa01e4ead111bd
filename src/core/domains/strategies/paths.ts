import { getColumn, type Column } from '../../table/column';
import { US_PER_DAY } from '../../time';
import type { GenContext } from '../model';

/**
 * Column paths: `status` is a sibling column; `order_id.order_date` follows the FK `order_id`
 * to the parent row; `sensor_id.device_id.install_date` follows two FKs. A suffix `=value`
 * (`order_id.status=returned`) reads as 1 where the string equals `value`, else 0.
 */
export type Path = string;

/** Values of one path per row, as numbers (dates: epoch days; bools: 0/1; strings: dictionary codes). */
export interface NumericPath {
  readonly values: Float64Array;
  /** 1 = present; absent = no nulls. */
  readonly valid?: Uint8Array;
}

/** The values of `path` for every row of the table being generated (FKs followed; null FK → null). */
export function gather(ctx: GenContext, path: Path): Column {
  const parts = path.split('.');
  let col = ctx.col(parts[0]);
  let table = ctx.table;
  for (let k = 1; k < parts.length; k++) {
    const parent = ctx.refOf(table, parts[k - 1]);
    const target = getColumn(ctx.tableData(parent), parts[k]);
    col = take(col as { values: Float64Array; valid?: Uint8Array }, target);
    table = parent;
  }
  return col;
}

/** Rows of `target` at ids (1-based) `fk`; a null id gives a null row. */
function take(fk: { values: Float64Array; valid?: Uint8Array }, target: Column): Column {
  const n = fk.values.length;
  const idx = new Int32Array(n);
  let valid: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    if (fk.valid && !fk.valid[i]) {
      valid ??= new Uint8Array(n).fill(1);
      valid[i] = 0;
    } else idx[i] = fk.values[i] - 1;
  }
  const tv = target.valid;
  if (tv) {
    valid ??= new Uint8Array(n).fill(1);
    for (let i = 0; i < n; i++) if (!tv[idx[i]]) valid[i] = 0;
  }
  const out = takeValues(target, idx);
  return valid ? ({ ...out, valid } as Column) : out;
}

function takeValues(c: Column, idx: Int32Array): Column {
  const n = idx.length;
  if (c.type === 'string') {
    if (c.encoding !== 'dict') throw new Error(`column ${c.name}: only dictionary strings can be looked up`);
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) codes[i] = c.codes[idx[i]];
    return { name: c.name, type: 'string', encoding: 'dict', dict: c.dict, codes };
  }
  if (c.type === 'date') {
    const v = new Int32Array(n);
    for (let i = 0; i < n; i++) v[i] = c.values[idx[i]];
    return { name: c.name, type: 'date', values: v };
  }
  if (c.type === 'bool') {
    const v = new Uint8Array(n);
    for (let i = 0; i < n; i++) v[i] = c.values[idx[i]];
    return { name: c.name, type: 'bool', values: v };
  }
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = c.values[idx[i]];
  return { name: c.name, type: c.type, values: v };
}

/** A path's values as numbers (see {@link NumericPath}); `path=value` compares strings. */
export function numeric(ctx: GenContext, path: Path): NumericPath {
  const eq = path.indexOf('=');
  const c = gather(ctx, eq < 0 ? path : path.slice(0, eq));
  const n = ctx.n;
  const values = new Float64Array(n);
  if (c.type === 'string') {
    if (c.encoding !== 'dict') throw new Error(`${ctx.table}.${ctx.column}: ${path} is not a categorical column`);
    if (eq < 0) for (let i = 0; i < n; i++) values[i] = c.codes[i];
    else {
      const code = c.dict.indexOf(path.slice(eq + 1));
      for (let i = 0; i < n; i++) values[i] = c.codes[i] === code ? 1 : 0;
    }
  } else for (let i = 0; i < n; i++) values[i] = c.values[i];
  return c.valid ? { values, valid: c.valid } : { values };
}

/** A time path as epoch µs (a date is its day's start). */
export function instants(ctx: GenContext, path: Path): NumericPath {
  const c = gather(ctx, path);
  const values = columnInstants(c, `${ctx.table}.${ctx.column}: ${path}`);
  return c.valid ? { values, valid: c.valid } : { values };
}

/** A date or timestamp column as epoch µs (a date is its day's start). */
export function columnInstants(c: Column, what = c.name): Float64Array {
  if (c.type === 'timestamp') return c.values;
  if (c.type !== 'date') throw new Error(`${what} is not a date or timestamp`);
  const values = new Float64Array(c.values.length);
  for (let i = 0; i < values.length; i++) values[i] = c.values[i] * US_PER_DAY;
  return values;
}
