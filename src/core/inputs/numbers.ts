/**
 * One rule for numbers in text (CSV cells, JSON number literals), so the formats agree
 * (issue 11): integers within ±(2^53 − 1) are `int`; an integer column with any value past
 * that but inside 64 bits is `bigint` (exact); past 64 bits it stays text, with a note. Other
 * numbers are `float` when a double keeps every value as written (`19.99`, `0.1`); when one
 * would change (more digits than a double holds) the column is an exact `decimal` if it fits
 * DECIMAL(38) in 64 bits, else text with a note (`1e400`). Nothing is silently rounded.
 */
import { bigintColumn, decimalColumn, numberColumn, stringColumn, type Column } from '../table/column';
import { decimalParts, doubleKeeps, fitsInt64, precisionAt, scaleOf, unscaledAt, type DecimalParts } from '../table/exact';

/** Integer literals without leading zeros (`0042` is an identifier: text). */
export const INT_RE = /^[+-]?(0|[1-9]\d*)$/;
/** Decimal literals: digits with an optional point and exponent, no leading zeros. */
export const NUMBER_RE = /^[+-]?(?:(?:0|[1-9]\d*)(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export type NumberClass =
  | { readonly type: 'int' | 'bigint' | 'float' }
  | { readonly type: 'decimal'; readonly precision: number; readonly scale: number; readonly note: string }
  | { readonly type: 'string'; readonly note: string };

/** A short literal (≤ 15 significant digits, no exponent) always survives a double: skip the exact check. */
const shortKeeps = (t: string) => t.length <= 16 && !/[eE]/.test(t);

/** Whether an integer literal is within ±(2^53 − 1). */
const safeInt = (t: string) => (t.length <= 16 ? Number.isSafeInteger(Number(t)) : Number.isSafeInteger(Number(t)) && BigInt(t) === BigInt(Number(t)));

/**
 * The type of a column of number literals (every non-null value matches {@link NUMBER_RE}).
 * Null for a column without values.
 */
export function classifyNumbers(texts: readonly (string | null)[]): NumberClass | null {
  let any = false;
  let allInt = true;
  let allSafe = true;
  let allKept = true;
  for (const t of texts) {
    if (t === null) continue;
    any = true;
    if (allInt && INT_RE.test(t)) {
      if (allSafe && !safeInt(t)) allSafe = false;
    } else allInt = false;
    if (allKept && !shortKeeps(t) && !doubleKeeps(t)) allKept = false;
  }
  if (!any) return null;
  if (allInt) {
    if (allSafe) return { type: 'int' };
    let fits = true;
    for (const t of texts) if (t !== null && !fitsInt64(BigInt(t))) fits = false;
    return fits ? { type: 'bigint' } : { type: 'string', note: 'integers past 64 bits: read as text to keep every digit' };
  }
  if (allKept) return { type: 'float' };
  return decimalFit(texts) ?? { type: 'string', note: 'numbers a double cannot hold exactly (too many digits or too large, e.g. 1e400): read as text to keep them as written' };
}

/** DECIMAL(p, s) holding every literal exactly in 64 bits, or null. */
function decimalFit(texts: readonly (string | null)[]): NumberClass | null {
  const parts: DecimalParts[] = [];
  let scale = 0;
  for (const t of texts) {
    if (t === null) continue;
    const p = decimalParts(t);
    if (!p) return null;
    parts.push(p);
    scale = Math.max(scale, scaleOf(p));
  }
  if (scale > 38) return null;
  let precision = 1;
  for (const p of parts) {
    const v = unscaledAt(p, scale);
    if (v === null || !fitsInt64(v)) return null;
    precision = Math.max(precision, precisionAt(p, scale));
  }
  if (precision > 38) return null;
  return { type: 'decimal', precision, scale, note: `more digits than a double holds: read as exact decimal(${precision},${scale})` };
}

/** The column for literals of a known class (see {@link classifyNumbers}). */
export function columnOfNumbers(name: string, cls: NumberClass, texts: readonly (string | null)[]): Column {
  const n = texts.length;
  let valid: Uint8Array | undefined;
  const markNull = (i: number) => ((valid ??= new Uint8Array(n).fill(1))[i] = 0);
  switch (cls.type) {
    case 'string':
      return stringColumn(name, texts);
    case 'bigint': {
      const out = new BigInt64Array(n);
      texts.forEach((t, i) => (t === null ? markNull(i) : (out[i] = BigInt(t))));
      return bigintColumn(name, out, valid);
    }
    case 'decimal': {
      const out = new BigInt64Array(n);
      texts.forEach((t, i) => (t === null ? markNull(i) : (out[i] = unscaledAt(decimalParts(t)!, cls.scale)!)));
      return decimalColumn(name, cls.precision, cls.scale, out, valid);
    }
    default: {
      const out = new Float64Array(n);
      texts.forEach((t, i) => (t === null ? markNull(i) : (out[i] = Number(t))));
      return numberColumn(name, cls.type, out, valid);
    }
  }
}
