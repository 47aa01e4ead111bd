/**
 * Whether a domain config can be generated at all, decided before anything runs (issue 7:
 * every config the schema accepts runs, or is refused up front with the reason and the
 * estimated size). A domain is generated in one process's memory: its tables, then the
 * sort of the largest one. Limits: the memory budget, 2^31 − 1 rows a table (32-bit row
 * indices), 2 GiB of text a column (32-bit offsets); per-parent caps need headroom so counts
 * keep a smooth tail below them (spec/domains.md §7).
 */
import type { Issue } from '../schema/fields';
import type { ColumnDef, DomainDef, Scale } from './model';
import { SCALES } from './model';
import { estimateRows, type CountOptions } from './scales';

/** What one process may hold for a domain (typed arrays live outside the JS heap). */
export const DEFAULT_MEMORY_BUDGET = 12e9;
export const MAX_TABLE_ROWS = 2 ** 31 - 1;
const MAX_TEXT_BYTES = 2 ** 31 - 1;
/** Scratch per row of the largest table while it is sorted and keyed (radix sort, one column copy, FK draws). */
const SCRATCH_PER_ROW = 48;
/** Average children per parent at most this share of the cap, so that no counts pile up at it. */
export const CAP_HEADROOM = 1 / 4;

function columnBytes(c: ColumnDef): number {
  const mask = c.nullRate ? 1 : 0;
  switch (c.type) {
    case 'bool':
      return 1 + mask;
    case 'date':
      return 4 + mask;
    case 'string':
      return (c.gen.bytesPerRow ?? 4) + mask;
    default:
      return 8 + mask;
  }
}

/** Estimated bytes in memory while generating (tables plus the scratch of the largest). */
export function estimateBytes(def: DomainDef, counts: Readonly<Record<string, number>>): number {
  let bytes = 0;
  let largest = 0;
  for (const t of def.tables) {
    const n = counts[t.name];
    bytes += n * (8 + t.columns.reduce((a, c) => a + columnBytes(c), 0));
    largest = Math.max(largest, n);
  }
  return bytes + largest * SCRATCH_PER_ROW;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatBytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 100 || u === 0 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

/** Where a size problem is the user's to fix: the rows they set, else the scale. */
function sizePath(o: CountOptions): string {
  const set = Object.keys(o.rows ?? {});
  return set.length ? `rows.${set[0]}` : 'scale';
}

/** Why these counts cannot be generated (empty when they can). */
function sizeProblems(def: DomainDef, counts: Readonly<Record<string, number>>, budget: number): string[] {
  const out: string[] = [];
  for (const t of def.tables) {
    const n = counts[t.name];
    if (n > MAX_TABLE_ROWS) out.push(`${t.name} would have ${fmt(n)} rows, more than the ${fmt(MAX_TABLE_ROWS)} a table can hold`);
    for (const c of t.columns)
      if (c.type === 'string' && c.gen.bytesPerRow && n * (c.gen.bytesPerRow - 4) > MAX_TEXT_BYTES)
        out.push(`${t.name}.${c.name} would hold about ${formatBytes(n * (c.gen.bytesPerRow - 4))} of text, more than the 2 GB a column can hold`);
  }
  const bytes = estimateBytes(def, counts);
  if (bytes > budget) out.push(`it needs about ${formatBytes(bytes)} of memory; a domain is generated in one process's memory, up to ${formatBytes(budget)}`);
  return out;
}

/** The largest preset that fits, for the message. */
function largestFitting(def: DomainDef, o: CountOptions, budget: number): Scale | null {
  let best: Scale | null = null;
  for (const scale of SCALES) if (sizeProblems(def, estimateRows(def, { ...o, scale, rows: {} }), budget).length === 0) best = scale;
  return best;
}

/**
 * Issues for a config that cannot be generated: too many rows or too much memory (with the
 * estimated rows and bytes), or more children than the per-parent caps allow with headroom.
 */
export function feasibilityIssues(def: DomainDef, o: CountOptions, budget = DEFAULT_MEMORY_BUDGET): Issue[] {
  const counts = estimateRows(def, o);
  const issues: Issue[] = [];
  const problems = sizeProblems(def, counts, budget);
  if (problems.length) {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const fit = largestFitting(def, o, budget);
    const anchors = def.tables.filter((t) => t.count.kind === 'anchor').map((t) => `rows.${t.name}`);
    issues.push({
      path: sizePath(o),
      message: `${def.id} at scale ${o.scale}${Object.keys(o.rows ?? {}).length ? ' with these rows' : ''} would generate ${fmt(total)} rows: ${problems.join('; ')}; allowed: a smaller size (${fit ? `${fit} is the largest scale that fits` : 'no preset fits'}, or set ${anchors.join(', ')})`,
    });
  }
  for (const t of def.tables)
    for (const c of t.columns) {
      const cap = (c.gen as { capPerParent?: number }).capPerParent;
      const parent = c.gen.references;
      if (!cap || !parent) continue;
      const most = Math.floor(counts[parent] * cap * CAP_HEADROOM);
      if (counts[t.name] > most) {
        const userSet = o.rows?.[t.name] !== undefined ? `rows.${t.name}` : o.rows?.[parent] !== undefined ? `rows.${parent}` : 'scale';
        issues.push({
          path: userSet,
          message: `${fmt(counts[t.name])} rows of ${t.name} for ${fmt(counts[parent])} ${parent} rows are ${(counts[t.name] / counts[parent]).toFixed(1)} per ${parent}; allowed: at most ${fmt(most)} (on average a quarter of the cap of ${cap} per ${parent}, so counts keep a smooth tail below it)`,
        });
      }
    }
  return issues;
}
