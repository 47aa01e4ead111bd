/**
 * How a tracked value changes in a new version (spec §3.1 "Mutation", §5 #5) and what an insert
 * holds (§3.2, §5 #3, #9, #10). Values live in column pools; each function appends the new
 * value and returns its index (or the old index when the value stays, e.g. a null).
 */
import { roundHalfEven } from '../../landing/numeric';
import type { Rng } from '../../rng';
import type { ColumnPool } from './scd2.pool';

/** `abc_v2` → `abc` when n ≥ 2 (the first of `_v{n}` … `_v1` that ends the text), then `_v{n}` appended. */
export function versionedText(old: string, n: number): string {
  let base = old;
  for (let i = n; i >= 1; i--) {
    const suffix = `_v${i}`;
    if (old.endsWith(suffix)) {
      base = old.slice(0, -suffix.length);
      break;
    }
  }
  const out = `${base}_v${n}`;
  // "x_v2" at version 2 would come back unchanged: keep the old text and append instead
  return out === old ? `${old}_v${n}` : out;
}

/**
 * Mutate the tracked value at `ref` for version `n`: bool negated; int × U[0.8, 1.2) rounded
 * half to even (+1 when that gives the old value); float × U[0.8, 1.2) (zero or NaN: U[0, 100));
 * text gets its `_v{n}` suffix. Nulls stay null and draw nothing.
 */
export function mutate(pool: ColumnPool, ref: number, n: number, rng: Rng): number {
  if (pool.isNull(ref)) return ref;
  switch (pool.type) {
    case 'bool':
      return pool.append(1 - pool.num(ref)!);
    case 'int': {
      const v = pool.num(ref)!;
      const nv = roundHalfEven(v * rng.between(0.8, 1.2));
      return pool.append(nv === v ? v + 1 : nv);
    }
    case 'float': {
      const v = pool.num(ref)!;
      const f = rng.between(0.8, 1.2);
      let nv = v === 0 || Number.isNaN(v) ? rng.between(0, 100) : v * f;
      if (nv === v) nv = v + 1;
      return pool.append(nv);
    }
    case 'string':
      return pool.append(versionedText(pool.str(ref)!, n));
    case 'bigint':
    case 'decimal': {
      // × U[0.8, 1.2) on the (unscaled) value while a double holds it exactly, else + 1
      const v = pool.exact(ref)!;
      const f = rng.between(0.8, 1.2);
      const scaled = Number(v) * f;
      const nv = Number.isSafeInteger(Number(v)) && Math.abs(scaled) < Number.MAX_SAFE_INTEGER ? BigInt(roundHalfEven(scaled)) : v + 1n;
      return pool.append(nv === v ? v + 1n : nv);
    }
    default:
      throw new Error(`column ${pool.name} (${pool.type}) cannot be tracked`);
  }
}

/** A value for a tracked column whose every tracked value was null, so the version still differs. */
export function fillValue(pool: ColumnPool, n: number): number {
  return pool.append(pool.type === 'string' ? `_v${n}` : 1);
}

/**
 * An insert's value of a non-key column from the template's value at `ref`: `_id` columns copy
 * a value of a random current key (`sampleRef`), bools are a coin toss, text gets `_new{key}`,
 * ints are uniform in [1, max(2v, 10) − 1], floats v × U[0.5, 1.5) (zero: U[0, 100)); times and
 * dates are copied; a null template value stays null.
 */
export function insertValue(pool: ColumnPool, ref: number, key: string, rng: Rng, sampleRef: () => number): number {
  if (pool.name.endsWith('_id')) return pool.appendCopy(sampleRef());
  if (pool.type === 'bool') return pool.append(rng.uniform() < 0.5 ? 1 : 0);
  if (pool.isNull(ref)) return pool.append(null);
  switch (pool.type) {
    case 'string':
      return pool.append(`${pool.str(ref)}_new${key}`);
    case 'int': {
      const v = pool.num(ref)!;
      return pool.append(rng.int(1, Math.max(2 * v, 10) - 1));
    }
    case 'float': {
      const v = pool.num(ref)!;
      return pool.append(v !== 0 ? v * rng.between(0.5, 1.5) : rng.between(0, 100));
    }
    default:
      return pool.appendCopy(ref);
  }
}
