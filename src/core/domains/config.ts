import { seedField } from '../schema/common';
import { defineConfig, type ConfigSchema } from '../schema/config';
import { f, show, type Issue } from '../schema/fields';
import { daysFromCivil, daysInMonth } from '../time';
import { SCALES, SKEW_PROFILES, type DomainDef, type Scale, type SkewProfile } from './model';
import { feasibilityIssues } from './feasibility';

/** The options of one domain run (CLI `--scale/--set`, the page's form). */
export interface DomainConfig {
  readonly scale: Scale;
  readonly seed: number;
  /** Inclusive `YYYY-MM-DD`; replaces the model range of the columns marked M (spec §2 `dateRange`). */
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly skew: SkewProfile;
  /** Explicit rows for anchor tables, e.g. `{ "order": 20000 }`. */
  readonly rows: Record<string, number>;
  /** Weighted-enum overrides by `table.column`, e.g. `{ "order.status": { "completed": 0.9, … } }`. */
  readonly distributions: Record<string, Record<string, number>>;
  /** Child-per-parent ratio overrides, e.g. `{ "order_line_per_order": 3 }`. */
  readonly ratios: Record<string, number>;
  /** Money columns (prices, totals, balances, fees) as doubles, or as exact DECIMAL(18,2). */
  readonly money: 'float' | 'decimal';
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_ANCHOR_ROWS = 1e11;

/** Days since the epoch of a `YYYY-MM-DD` string, or null when it is not a calendar date. */
export function parseDay(text: string): number | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

const dateField = (label: string, help: string) =>
  f.nullable(f.string({ maxLength: 10, pattern: DATE_RE, patternHelp: 'a date YYYY-MM-DD', help }), {
    default: null,
    label,
    help,
    group: 'Dates',
  });

function objectIssues(def: DomainDef, c: Omit<DomainConfig, 'seed'>): Issue[] {
  const issues: Issue[] = [];
  const anchors = def.tables.filter((t) => t.count.kind === 'anchor').map((t) => t.name);
  for (const [k, v] of Object.entries(c.rows)) {
    if (!anchors.includes(k)) issues.push({ path: `rows.${k}`, message: `${show(k)} is not an anchor table of ${def.id}; allowed: ${anchors.join(', ')}` });
    else if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > MAX_ANCHOR_ROWS)
      issues.push({ path: `rows.${k}`, message: `${show(v)} is out of range; allowed: an integer from 1 to ${MAX_ANCHOR_ROWS.toLocaleString('en-US')}` });
  }
  const ratioKeys = def.tables.flatMap((t) => (t.count.kind === 'perParent' ? [t.count.ratioKey] : []));
  for (const [k, v] of Object.entries(c.ratios)) {
    if (!ratioKeys.includes(k)) issues.push({ path: `ratios.${k}`, message: `${show(k)} is not a ratio of ${def.id}; allowed: ${ratioKeys.join(', ')}` });
    else {
      const most = def.tables.find((t) => t.count.kind === 'perParent' && t.count.ratioKey === k)?.maxRatio ?? 1000;
      if (typeof v !== 'number' || !(v > 0) || v > most) issues.push({ path: `ratios.${k}`, message: `${show(v)} is out of range; allowed: a number greater than 0 and at most ${most.toLocaleString('en-US')}` });
    }
  }
  const profiled = new Map(def.tables.flatMap((t) => t.columns.flatMap((col) => (col.gen.profileKey ? [[col.gen.profileKey, col.gen.values ?? []] as const] : []))));
  for (const [k, v] of Object.entries(c.distributions)) {
    const values = profiled.get(k);
    if (!values) {
      issues.push({ path: `distributions.${k}`, message: `${show(k)} is not a weighted column of ${def.id}; allowed: ${[...profiled.keys()].join(', ')}` });
      continue;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      issues.push({ path: `distributions.${k}`, message: `${show(v)} is not an object of value → weight; allowed: weights for ${values.join(', ')}` });
      continue;
    }
    let total = 0;
    for (const [value, w] of Object.entries(v)) {
      if (!values.includes(value)) issues.push({ path: `distributions.${k}.${value}`, message: `${show(value)} is not a value of ${k}; allowed: ${values.join(', ')}` });
      else if (typeof w !== 'number' || !(w >= 0) || !Number.isFinite(w)) issues.push({ path: `distributions.${k}.${value}`, message: `${show(w)} is not a weight; allowed: a finite number ≥ 0` });
      else total += w;
    }
    if (!(total > 0)) issues.push({ path: `distributions.${k}`, message: `${show(v)} has no positive weight; allowed: weights ≥ 0 with a positive sum` });
  }
  return issues;
}

function rangeIssues(def: DomainDef, c: Omit<DomainConfig, 'seed'>): Issue[] {
  const issues: Issue[] = [];
  const start = parseDay(c.startDate ?? def.range.start);
  const end = parseDay(c.endDate ?? def.range.end);
  if (start === null) issues.push({ path: 'startDate', message: `${show(c.startDate)} is not a calendar date; allowed: a date YYYY-MM-DD from 1900 to 2200` });
  if (end === null) issues.push({ path: 'endDate', message: `${show(c.endDate)} is not a calendar date; allowed: a date YYYY-MM-DD from 1900 to 2200` });
  if (start !== null && end !== null && end < start)
    issues.push({ path: 'endDate', message: `${show(c.endDate ?? def.range.end)} is before the start date ${c.startDate ?? def.range.start}; allowed: a date on or after the start date` });
  return issues;
}

const schemas = new Map<string, ConfigSchema<DomainConfig>>();

/** The config schema of a domain (unknown keys, tables, values and bad dates are errors naming the field). */
export function domainConfigSchema(def: DomainDef): ConfigSchema<DomainConfig> {
  const cached = schemas.get(def.id);
  if (cached) return cached;
  const shape = {
    scale: f.enumOf(SCALES, { default: 'small', label: 'Scale', help: 'Size preset: rows of the anchor tables (fixture … medium in the page; larger from the CLI).', group: 'Size' }),
    seed: seedField(),
    startDate: dateField('Start date', 'First day of the range of the time columns marked M (default: the model range start, 2022-01-01).'),
    endDate: dateField('End date', 'Last day (inclusive) of that range; every other date range is clipped to it (default 2025-12-31).'),
    skew: f.enumOf(SKEW_PROFILES, {
      default: 'default',
      label: 'Skew profile',
      help: 'default: realistic long tails (no store or product above a few percent); reference: the declared zipf exponents of the reference package.',
      group: 'Shape',
    }),
    rows: f.jsonObject({ default: {}, label: 'Anchor rows', help: 'Explicit row counts for anchor tables, e.g. {"order": 20000}; override the scale.', group: 'Size' }),
    distributions: f.jsonObject({ default: {}, label: 'Distributions', help: 'Weight overrides by table.column, e.g. {"order.status": {"completed": 0.9, "returned": 0.1}}.', group: 'Shape' }),
    ratios: f.jsonObject({ default: {}, label: 'Ratios', help: 'Children per parent, e.g. {"order_line_per_order": 3}.', group: 'Size' }),
    money: f.enumOf(['float', 'decimal'] as const, {
      default: 'float',
      label: 'Money columns',
      help: 'float: prices, totals, balances and fees as doubles (2 decimals); decimal: as exact DECIMAL(18,2), the type a warehouse table expects (Parquet DECIMAL, exact text in CSV and JSONL).',
      group: 'Shape',
    }),
  };
  const schema = defineConfig(shape, (c) => {
    const cfg = c as unknown as DomainConfig;
    const issues = [...objectIssues(def, cfg), ...rangeIssues(def, cfg)];
    return issues.length ? issues : feasibilityIssues(def, cfg);
  }) as unknown as ConfigSchema<DomainConfig>;
  schemas.set(def.id, schema);
  return schema;
}
