/**
 * Reading input columns as plain typed arrays for an engine: instants as epoch µs and numbers
 * as doubles, NaN for null (one array, no mask to carry), and case-insensitive text matches.
 * Inputs come from domains or uploads in any of the column kinds, so these accept every kind
 * that can hold the value and say which cell could not be read.
 */
import { cellAt, type Column, type StringColumn } from './column';
import { parseInstant, US_PER_DAY } from '../time';

/** A cell that could not be read: its row and text. */
export interface BadCell {
  readonly row: number;
  readonly text: string;
}

const isNullAt = (c: Column, i: number) => c.valid !== undefined && c.valid[i] === 0;

/**
 * Instants (epoch µs, NaN for null) of a timestamp, date or ISO-text column; text without an
 * offset is UTC. Returns the first unreadable cell instead when there is one.
 */
export function instantsOf(c: Column): { values: Float64Array } | { bad: BadCell } {
  const n = c.type === 'string' ? (c.encoding === 'utf8' ? c.offsets.length - 1 : c.codes.length) : c.values.length;
  const out = new Float64Array(n);
  if (c.type === 'timestamp' || c.type === 'date') {
    const scale = c.type === 'date' ? US_PER_DAY : 1;
    for (let i = 0; i < n; i++) out[i] = isNullAt(c, i) ? Number.NaN : c.values[i] * scale;
    return { values: out };
  }
  if (c.type !== 'string') return { bad: { row: 0, text: `a ${c.type} column` } };
  const parse = (text: string): number | null => {
    try {
      return parseInstant(text);
    } catch {
      return null;
    }
  };
  if (c.encoding === 'dict') {
    const parsed = c.dict.map(parse);
    for (let i = 0; i < n; i++) {
      if (isNullAt(c, i)) out[i] = Number.NaN;
      else {
        const v = parsed[c.codes[i]];
        if (v === null) return { bad: { row: i, text: c.dict[c.codes[i]] } };
        out[i] = v;
      }
    }
    return { values: out };
  }
  for (let i = 0; i < n; i++) {
    const text = cellAt(c, i);
    if (text === null || text === '') out[i] = Number.NaN;
    else {
      const v = parse(text as string);
      if (v === null) return { bad: { row: i, text: text as string } };
      out[i] = v;
    }
  }
  return { values: out };
}

/** Numbers of an int, float or timestamp column as doubles, NaN for null. */
export function numbersOf(c: Column): Float64Array {
  if (c.type !== 'int' && c.type !== 'float' && c.type !== 'timestamp') throw new Error(`numbersOf: ${c.name} is a ${c.type} column`);
  const out = Float64Array.from(c.values);
  if (c.valid) for (let i = 0; i < out.length; i++) if (c.valid[i] === 0) out[i] = Number.NaN;
  return out;
}

/** 1 where the text, lower-cased, is one of `words` (lower-case); 0 elsewhere and for nulls. */
export function textIn(c: StringColumn, words: ReadonlySet<string>): Uint8Array {
  const n = c.encoding === 'utf8' ? c.offsets.length - 1 : c.codes.length;
  const out = new Uint8Array(n);
  if (c.encoding === 'dict') {
    const hit = c.dict.map((s) => (words.has(s.toLowerCase()) ? 1 : 0));
    for (let i = 0; i < n; i++) out[i] = isNullAt(c, i) ? 0 : hit[c.codes[i]];
    return out;
  }
  // rows whose byte length matches no word are misses without decoding
  const lengths = new Set([...words].map((w) => new TextEncoder().encode(w).length));
  for (let i = 0; i < n; i++) {
    if (isNullAt(c, i) || !lengths.has(c.offsets[i + 1] - c.offsets[i])) continue;
    out[i] = words.has((cellAt(c, i) as string).toLowerCase()) ? 1 : 0;
  }
  return out;
}
