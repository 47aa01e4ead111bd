import type { Table as ArrowTable } from 'apache-arrow';

/** The row-number column's width, px. */
export const ROW_NUM_WIDTH = 56;
/** Rows sampled to size a column: enough to see typical values, cheap on a 50,000-row preview. */
const SAMPLE_ROWS = 200;
const CHAR_PX = 7.2;
const MONO_CHAR_PX = 6.8;
const PADDING_PX = 22;
const MIN_PX = 64;
const MAX_PX = 320;

/**
 * Each column as wide as its content (header and a sample of values), within [64, 320] px: an id
 * column no longer takes 290 px when its ids are short, and long text is cut with an ellipsis
 * (the full value is in the cell's title).
 */
export function columnWidths<C extends { readonly name: string; readonly type: string }>(
  table: ArrowTable,
  columns: readonly C[],
  text: (value: unknown, column: C) => string | null,
): Map<string, number> {
  const out = new Map<string, number>();
  const n = Math.min(table.numRows, SAMPLE_ROWS);
  for (const c of columns) {
    const vector = table.getChild(c.name);
    let longest = Math.max(c.name.length, c.type.length * 0.75);
    const mono = c.type === 'string' && /(^|_)id$/.test(c.name);
    for (let i = 0; i < n && vector; i++) {
      const s = text(vector.get(i), c);
      if (s !== null && s.length > longest) longest = s.length;
    }
    out.set(c.name, Math.round(Math.min(MAX_PX, Math.max(MIN_PX, longest * (mono ? MONO_CHAR_PX : CHAR_PX) + PADDING_PX))));
  }
  return out;
}
