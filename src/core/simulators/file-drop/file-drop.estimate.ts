/**
 * The expected size of a file drop from its config and the shapes of its input tables: how many
 * files land (the `landing_files` rows), how many rows they hold, and what the landing zone takes
 * in memory (every format's bytes are held from the run until the tree is written) and on disk.
 * Rows of a timed table are taken as spread evenly over its time column's range, so the share
 * inside the window and the rows per slot follow from the column's min and max; per-slot counts
 * are Poisson (binomial for round-robin tables), so empty slots, parts and late targets are
 * expected values, not bounds.
 */
import type { FileEstimate, RunEstimate } from '../../estimate';
import type { ColumnShape, TableShape } from '../../inputs/contract';
import { dataFileBytes, landedRowsEstimate, landingFilesEstimate, utf8Length, type FileClass } from '../../landing/estimate';
import { US_PER_DAY } from '../../time';
import type { FileDropConfig } from './file-drop.config';
import { resolveFileDropTables, type LandedEntity } from './file-drop.inputs';
import { slotGrid, type SlotGrid } from './file-drop.slots';

/** P(N ≥ 1) and P(N > k) for N ~ Poisson(λ). */
function poisson(lambda: number, k: number): { some: number; over: number } {
  const some = 1 - Math.exp(-lambda);
  if (lambda <= 0) return { some: 0, over: 0 };
  if (lambda > k + 12 * Math.sqrt(k + 1) + 40) return { some, over: 1 };
  // the CDF up to k in log space (λ may be in the hundreds)
  let term = -lambda;
  let cdf = Math.exp(term);
  for (let i = 1; i <= k; i++) {
    term += Math.log(lambda) - Math.log(i);
    cdf += Math.exp(term);
  }
  return { some, over: Math.max(0, 1 - cdf) };
}

/** Where a table's rows fall: rows in the window, and over how many slots they spread. */
function spread(e: LandedEntity, shape: TableShape, g: SlotGrid): { rows: number; activeSlots: number } {
  if (e.timeColumn === null) return { rows: shape.rows, activeSlots: g.scheduled };
  const c = shape.columns.find((x) => x.name === e.timeColumn) as ColumnShape;
  const values = shape.rows - (c.nulls ?? 0);
  const days = g.scheduled / g.perDay;
  const activeSlots = c.type === 'date' ? days : g.scheduled;
  if (c.min === undefined || c.min === null || c.max === undefined || c.max === null) return { rows: values, activeSlots };
  // dates hold whole days: the range [min, max + 1 day)
  const unit = c.type === 'date' ? US_PER_DAY : 1;
  const lo = c.min * unit;
  const hi = c.max * unit + (c.type === 'date' ? US_PER_DAY : 0);
  const w0 = g.startUs;
  const w1 = g.startUs + g.scheduled * g.slotUs;
  const share = hi <= lo ? (lo >= w0 && lo < w1 ? 1 : 0) : Math.max(0, Math.min(hi, w1) - Math.max(lo, w0)) / (hi - lo);
  return { rows: values * share, activeSlots };
}

interface EntityFiles {
  /** Data files of one format, by kind. */
  readonly onTime: number;
  readonly late: number;
  readonly backfill: number;
  readonly restatement: number;
  readonly folders: number;
  /** Data rows of one format. */
  readonly rows: number;
  readonly lateRows: number;
}

/** Expected files and rows of one entity (one format). */
function entityFiles(c: FileDropConfig, g: SlotGrid, e: LandedEntity, shape: TableShape): EntityFiles {
  const S = g.scheduled;
  const { rows: n, activeSlots: A } = spread(e, shape, g);
  const p = c.latenessEnabled ? c.latenessProbability : 0;
  const q = c.duplicatesEnabled ? c.duplicateProbability : 0;
  const k = c.multiFileEnabled ? c.multiFileChunks : 1;
  const roundRobin = e.timeColumn === null;
  const m = A > 0 ? n / A : 0;
  // on-time files per active slot: one if any row stays, k when the slot has more rows than parts
  const parts = poisson(m * (1 - p) * (1 + q), k);
  let anyOnTime: number;
  let anyRows: number;
  if (roundRobin) {
    const hi = Math.ceil(n / S);
    const hiSlots = n % S === 0 ? (n >= S ? S : 0) : n % S;
    const lo = Math.floor(n / S);
    const share = (size: number) => (size > 0 ? 1 - p ** size : 0);
    anyOnTime = (hiSlots * share(hi) + (S - hiSlots) * share(lo)) / S;
    anyRows = Math.min(1, n / S);
  } else {
    anyOnTime = parts.some;
    anyRows = 1 - Math.exp(-m);
  }
  const onTime = A * (anyOnTime + (k > 1 ? (k - 1) * parts.over : 0));
  // late rows of slot s land uniformly 1..D slots later: a target's rows are Poisson
  const D = c.maxDaysLate * g.perDay;
  const perSlotLate = (n / S) * p;
  let late = 0;
  let spill = 0;
  if (p > 0 && n > 0) {
    for (let t = 1; t < S + D; t++) {
      const sources = Math.min(S - 1, t - 1) - Math.max(0, t - D) + 1;
      const some = 1 - Math.exp(-(perSlotLate * sources) / D);
      late += some;
      if (t >= S) spill += some;
    }
  }
  const reach = Math.min(c.maxDaysBack * g.perDay, S);
  const backfill = c.backfillEnabled && reach > 0 ? (roundRobin ? Math.max(0, Math.min(1, (n - (S - reach)) / reach)) : (A / S) * anyRows) : 0;
  const restatement = c.restatementEnabled ? S * c.restatementProbability * (roundRobin ? anyRows : (A / S) * anyRows) : 0;
  // a backfill or restatement re-drops one slot's rows: per active slot for timed tables
  const rowsPerSlot = roundRobin ? n / S : m;
  return {
    onTime,
    late,
    backfill,
    restatement,
    folders: S + spill,
    rows: n * (1 - p) * (1 + q) + n * p + (backfill + restatement) * rowsPerSlot,
    lateRows: n * p,
  };
}

/** The length of the partition part of a folder path (placeholders keep their length; sub-daily adds hr=/m=). */
function partitionBytes(c: FileDropConfig): number {
  const p = c.partitioning;
  return utf8Length(p) + (c.cadence !== 'daily' && !p.includes('HH') ? 6 : 0) + (c.cadence === 'every_15m' && !p.includes('mm') ? 5 : 0);
}

function nameBytes(c: FileDropConfig, entity: string, ext: string): number {
  const dt = c.cadence === 'daily' ? 10 : 15;
  const values: Record<string, number> = { domain: utf8Length(c.domain), entity: utf8Length(entity), dt, seq: 5, ext: ext.length };
  return utf8Length(c.fileNaming.replace(/\{(domain|entity|dt|seq|ext)\}/g, '')) + [...c.fileNaming.matchAll(/\{(domain|entity|dt|seq|ext)\}/g)].reduce((a, m) => a + values[m[1]], 0);
}

/** The run's expected size: `landing_files`, the landed rows (memory and disk) and the control files. */
export function estimateFileDrop(c: FileDropConfig, inputs: readonly TableShape[] = []): RunEstimate {
  const g = slotGrid(c);
  const { entities } = resolveFileDropTables(c, inputs);
  const classes: FileClass[] = [];
  let landed = 0;
  let held = 0;
  let disk = 0;
  let controlBytes = 0;
  const checksum = c.multiFileEnabled && c.multiFileChecksum;
  for (const e of entities) {
    const shape = inputs.find((t) => t.name === e.name)!;
    const x = entityFiles(c, g, e, shape);
    const folder = utf8Length(`${c.basePath}/${c.domain}/${e.name}/`) + partitionBytes(c);
    const entityBytes = utf8Length(e.name);
    const dataFiles = x.onTime + x.late + x.backfill + x.restatement;
    for (const format of c.formats) {
      const base = { folderBytes: folder, nameBytes: nameBytes(c, e.name, format), entityBytes, format, sha256: checksum };
      classes.push({ ...base, count: x.onTime, kind: 'on_time' }, { ...base, count: x.late, kind: 'late' }, { ...base, count: x.backfill, kind: 'backfill' });
      classes.push({ ...base, count: x.restatement, kind: 'restatement' });
      const bytes = dataFileBytes(shape.columns, shape.rows, x.rows, dataFiles, format);
      held += bytes;
      disk += bytes;
    }
    const control = { folderBytes: folder, entityBytes, format: null, sha256: false } as const;
    if (c.manifestEnabled) classes.push({ ...control, count: x.folders, nameBytes: 14, kind: 'manifest' });
    if (c.doneFlagEnabled) classes.push({ ...control, count: x.folders, nameBytes: 5, kind: 'done' });
    // a manifest: its keys (about 300 bytes), then per data file its name in `files`, an entry and (checksums) its details
    const perFile = nameBytes(c, e.name, 'parquet') * (checksum ? 3 : 2) + 130 + (checksum ? 110 : 0);
    controlBytes += (c.manifestEnabled ? x.folders * 300 + dataFiles * c.formats.length * perFile : 0) + (c.doneFlagEnabled ? x.folders * 24 : 0);
    landed += x.rows;
    // the plan's index arrays: event times, slot of each row, rows by slot, on-time and late rows
    held += shape.rows * 24 + x.lateRows * 8;
  }
  const files: FileEstimate[] = controlBytes > 0 ? [{ path: `${c.basePath}/${c.domain}/…/_manifest.json and _done`, bytes: controlBytes }] : [];
  return {
    tables: [landingFilesEstimate(classes), landedRowsEstimate(`${c.basePath}/${c.domain} (landed rows)`, landed, held, disk)],
    files,
    drivers: ['entities', 'formats', 'duplicateProbability'],
  };
}
