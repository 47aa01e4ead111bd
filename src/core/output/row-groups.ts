/**
 * Tables are written in row groups of a fixed number of rows, counted from the table's first
 * row: a Parquet row group, a slice of CSV or JSONL text, a unit of work for an encoder thread.
 * Fixed, so a table gives the same bytes however its producer chunked it and however many
 * threads encoded it. 256 Ki rows keeps a row group of the widest tables (operational logs,
 * ~300 B a row) near 80 MB in flight while costing ~2 % in Parquet size against 1 Mi rows
 * (dictionaries and statistics are per row group).
 */
export const ROW_GROUP_ROWS = 1 << 18;

/** [start, end) of each row group of a table of `length` rows (one empty group for an empty table). */
export function rowGroups(length: number, size = ROW_GROUP_ROWS): [number, number][] {
  const out: [number, number][] = [];
  for (let start = 0; start < length; start += size) out.push([start, Math.min(length, start + size)]);
  if (out.length === 0) out.push([0, 0]);
  return out;
}
