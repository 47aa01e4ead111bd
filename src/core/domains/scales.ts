import { daysFromCivil } from '../time';
import type { DomainDef, Scale } from './model';

/** What decides row counts: the scale, explicit anchor rows, ratio overrides, and the years in range. */
export interface CountOptions {
  readonly scale: Scale;
  /** Explicit rows for anchor tables (override the preset). */
  readonly rows?: Readonly<Record<string, number>>;
  /** Ratio overrides by profile key (`address_per_customer`). */
  readonly ratios?: Readonly<Record<string, number>>;
  /** Inclusive dates `YYYY-MM-DD` of the run's range (per-year tables scale with it). */
  readonly startDate?: string | null;
  readonly endDate?: string | null;
}

const dayOf = (iso: string) => daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));

/** Whole years in an inclusive date range, at least 1 (the model range 2022–2025 gives 4). */
export function yearsInRange(start: string, end: string): number {
  return Math.max(1, Math.round((dayOf(end) - dayOf(start) + 1) / 365.25));
}

/**
 * Row counts of every table of a domain (spec §2 "Counts"), without generating anything:
 * anchor = the preset or an explicit count; fixed; per year × years in range;
 * per parent = floor(parentRows × ratio + 1e-9). The page shows these before a run.
 */
export function estimateRows(def: DomainDef, options: Scale | CountOptions): Record<string, number> {
  const o: CountOptions = typeof options === 'string' ? { scale: options } : options;
  const anchors = def.scales[o.scale];
  const years = yearsInRange(o.startDate ?? def.range.start, o.endDate ?? def.range.end);
  const counts: Record<string, number> = {};
  for (const t of def.tables) {
    const c = t.count;
    switch (c.kind) {
      case 'anchor':
        counts[t.name] = o.rows?.[t.name] ?? anchors[t.name];
        break;
      case 'fixed':
        counts[t.name] = c.rows;
        break;
      case 'perYear':
        counts[t.name] = c.rows * years;
        break;
      case 'perParent': {
        const parent = counts[c.parent];
        if (parent === undefined) throw new Error(`${def.id}.${t.name}: parent ${c.parent} is declared after it`);
        counts[t.name] = Math.floor(parent * (o.ratios?.[c.ratioKey] ?? c.ratio) + 1e-9);
        break;
      }
    }
    if (!Number.isSafeInteger(counts[t.name])) throw new Error(`${def.id}.${t.name}: no row count at scale ${o.scale}`);
  }
  return counts;
}

/** Total rows over all tables. */
export function totalRows(counts: Readonly<Record<string, number>>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
