import { dayField, dayNumber, entitiesField, folderPathField, formatsField, pathProblem, segmentField, segmentProblem, tableColumnMapField } from '../../landing/fields';
import { seedField } from '../../schema/common';
import { defineConfig } from '../../schema/config';
import { f, join, type InferShape, type Issue } from '../../schema/fields';

export const CADENCES = ['daily', 'hourly', 'every_15m'] as const;
export type Cadence = (typeof CADENCES)[number];

/** Scheduled slots above this are refused: every slot of every table is a folder with control files. */
export const MAX_SLOTS = 40_000;
/** Part seqs run 1..k and must stay below the late file's 900. */
export const MAX_CHUNKS = 899;

const PLACEHOLDERS = ['domain', 'entity', 'dt', 'seq', 'ext'] as const;

/** The file drop's fields; exported so the hybrid can nest them as `fileDropConfig`. */
export const fileDropShape = {
  domain: segmentField({
    default: 'default',
    label: 'Domain',
    help: 'Folder under the base path for this source system ({domain} in names), e.g. retail.',
    group: 'Landing zone',
  }),
  basePath: folderPathField({ default: 'Files/landing', label: 'Base path', help: 'Root folder of the landing zone (a lakehouse Files/landing).', group: 'Landing zone' }),
  partitioning: f.string({
    default: 'dt=YYYY-MM-DD',
    minLength: 1,
    maxLength: 200,
    label: 'Partition folders',
    help: 'Partition folder template: YYYY-MM-DD becomes the slot date, HH its hour and mm its minute. Hourly and 15-minute cadences add /hr=HH (and /m=MM) unless the template has HH (and mm).',
    group: 'Landing zone',
  }),
  fileNaming: f.string({
    default: '{domain}_{entity}_{dt}_{seq}.{ext}',
    minLength: 1,
    maxLength: 200,
    label: 'File names',
    help: 'File name template with {domain} {entity} {dt} {seq} {ext}; {dt} and {seq} are required, and {ext} when there is more than one format. seq: 00001… parts, 00900 late, 00980 restatement, 00990 backfill.',
    group: 'Landing zone',
  }),
  formats: formatsField({ label: 'Formats', help: 'File formats; every data file lands once per format.', group: 'Landing zone' }),
  cadence: f.enumOf(CADENCES, { default: 'daily', label: 'Cadence', help: 'One drop per slot: a day, an hour or 15 minutes.', group: 'Schedule' }),
  dateRangeStart: dayField({ default: '2024-01-01', label: 'First day', help: 'First slot starts at 00:00 UTC of this day.', group: 'Schedule' }),
  dateRangeEnd: dayField({ default: '2024-01-31', label: 'Last day', help: 'Last day of drops, inclusive: its slots cover the whole day.', group: 'Schedule' }),
  entities: entitiesField({ label: 'Tables', help: 'Input tables to land, in this order; empty lands every table.', group: 'Tables' }),
  timestampColumn: tableColumnMapField({
    label: 'Event-time columns',
    help: 'Per table, the column whose time decides the slot (timestamp, date or ISO text); null deals rows round-robin over the slots. Unlisted tables: the first timestamp column, else the first date column, else the first text column named like a time (…_at, date, ts, created, updated).',
    group: 'Tables',
  }),
  manifestEnabled: f.bool({ default: true, label: 'Manifests', help: 'Write _manifest.json in every partition folder, listing its data files.', group: 'Control files' }),
  doneFlagEnabled: f.bool({ default: true, label: 'Done flags', help: 'Write _done in every partition folder once its last file has landed.', group: 'Control files' }),
  latenessEnabled: f.bool({ default: true, label: 'Late rows', help: 'Some rows land in a later slot’s folder (seq 00900).', group: 'Late data' }),
  latenessProbability: f.probability({ default: 0.1, label: 'Late probability', help: 'Chance per row of landing late.', group: 'Late data' }),
  maxDaysLate: f.int({
    default: 3,
    min: 1,
    max: 365,
    unit: 'days',
    label: 'Max delay',
    help: 'Delay in slots, uniform from 1 to this many days’ worth of slots; targets past the last day create spill-over slots.',
    group: 'Late data',
  }),
  duplicatesEnabled: f.bool({ default: false, label: 'Duplicates', help: 'Append copies of some on-time rows to their own slot’s files.', group: 'Duplicates' }),
  duplicateProbability: f.probability({ default: 0.02, label: 'Duplicate probability', help: 'Chance per on-time row of one extra copy.', group: 'Duplicates' }),
  backfillEnabled: f.bool({ default: false, label: 'Backfill', help: 'Re-drop one recent slot per table after the run (seq 00990).', group: 'Backfill' }),
  maxDaysBack: f.int({
    default: 0,
    min: 0,
    max: 3660,
    unit: 'days',
    label: 'Backfill reach',
    help: 'The backfilled slot is one of the last this many days’ slots; 0 turns backfill off.',
    group: 'Backfill',
  }),
  restatementEnabled: f.bool({ default: false, label: 'Restatements', help: 'Re-drop some slots with corrected numbers (seq 00980), after the backfill.', group: 'Restatements' }),
  restatementProbability: f.probability({ default: 0.05, label: 'Restatement probability', help: 'Chance per slot of a restatement.', group: 'Restatements' }),
  restatementMaxCorrectionPct: f.number({
    default: 0.1,
    min: 0,
    max: 1,
    maxExclusive: true,
    step: 0.01,
    label: 'Max correction',
    help: 'Numeric columns (not ids, not the first column) are multiplied by 1 + U(−p, +p); integers stay integers.',
    group: 'Restatements',
  }),
  multiFileEnabled: f.bool({ default: false, label: 'Multi-file parts', help: 'Split each slot’s on-time rows into contiguous parts (seq 00001…).', group: 'Multi-file parts' }),
  multiFileChunks: f.int({ default: 4, min: 2, max: MAX_CHUNKS, label: 'Parts', help: 'Parts per slot (only when a slot has more rows than parts).', group: 'Multi-file parts' }),
  multiFileChecksum: f.bool({
    default: true,
    label: 'Checksums',
    help: 'With parts on, manifests list file_details: name, SHA-256 and size of every data file in the folder.',
    group: 'Multi-file parts',
  }),
  seed: seedField(),
};

export type FileDropConfig = InferShape<typeof fileDropShape>;

/** Slots per day and the slot length for a cadence. */
export function slotsPerDay(cadence: Cadence): number {
  return cadence === 'daily' ? 1 : cadence === 'hourly' ? 24 : 96;
}

/** Scheduled slots: every slot of every day from the first to the last day (spec §5 #5). */
export function scheduledSlots(c: Pick<FileDropConfig, 'cadence' | 'dateRangeStart' | 'dateRangeEnd'>): number {
  return (dayNumber(c.dateRangeEnd) - dayNumber(c.dateRangeStart) + 1) * slotsPerDay(c.cadence);
}

function partitionIssues(c: FileDropConfig): Issue[] {
  const p = c.partitioning;
  if (!p.includes('YYYY-MM-DD'))
    return [{ path: 'partitioning', message: `"${p}" has no YYYY-MM-DD, so every slot would land in one folder; allowed: a folder template containing YYYY-MM-DD` }];
  if (p.includes('mm') && !p.includes('HH')) return [{ path: 'partitioning', message: `"${p}" has mm (minute) without HH (hour); allowed: HH with mm` }];
  const sample = p.replaceAll('YYYY-MM-DD', '2024-01-01').replaceAll('HH', '00').replaceAll('mm', '00');
  const problem = pathProblem(sample);
  return problem ? [{ path: 'partitioning', message: `"${p}" ${problem}` }] : [];
}

function namingIssues(c: FileDropConfig): Issue[] {
  const t = c.fileNaming;
  const found = [...t.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
  const unknown = found.filter((x) => !(PLACEHOLDERS as readonly string[]).includes(x));
  if (unknown.length) return [{ path: 'fileNaming', message: `"${t}" has unknown placeholder {${unknown[0]}}; allowed: ${PLACEHOLDERS.map((x) => `{${x}}`).join(' ')}` }];
  if (t.replace(/\{[^{}]*\}/g, '').match(/[{}]/)) return [{ path: 'fileNaming', message: `"${t}" has an unmatched brace; allowed: placeholders ${PLACEHOLDERS.map((x) => `{${x}}`).join(' ')}` }];
  for (const need of ['dt', 'seq']) {
    if (!found.includes(need)) return [{ path: 'fileNaming', message: `"${t}" has no {${need}}, so files of one folder would collide; allowed: a template with {dt} and {seq}` }];
  }
  if (c.formats.length > 1 && !found.includes('ext'))
    return [{ path: 'fileNaming', message: `"${t}" has no {ext}, so the ${c.formats.join(' and ')} copies would collide; allowed: a template with {ext} when there is more than one format` }];
  const sample = t.replaceAll('{domain}', c.domain).replaceAll('{entity}', 'table').replaceAll('{dt}', '2024-01-01').replaceAll('{seq}', '00001').replaceAll('{ext}', 'csv');
  const problem = segmentProblem(sample);
  return problem ? [{ path: 'fileNaming', message: `"${t}" gives a file name that ${problem}` }] : [];
}

/** Checks that span fields (spec §5 #11), before anything is written; `prefix` names the nesting (`fileDropConfig` under the hybrid). */
export function checkFileDrop(c: FileDropConfig, prefix = ''): Issue[] {
  const issues: Issue[] = [];
  if (dayNumber(c.dateRangeEnd) < dayNumber(c.dateRangeStart))
    issues.push({ path: 'dateRangeEnd', message: `"${c.dateRangeEnd}" is before dateRangeStart "${c.dateRangeStart}"; allowed: a date on or after the first day` });
  else if (scheduledSlots(c) > MAX_SLOTS)
    issues.push({
      path: 'dateRangeEnd',
      message: `"${c.dateRangeEnd}" gives ${scheduledSlots(c).toLocaleString('en-US')} ${c.cadence} slots from ${c.dateRangeStart}; allowed: at most ${MAX_SLOTS.toLocaleString('en-US')} slots`,
    });
  issues.push(...partitionIssues(c), ...namingIssues(c));
  return prefix ? issues.map((i) => ({ ...i, path: join(prefix, i.path) })) : issues;
}

export const fileDropConfig = defineConfig(fileDropShape, (c) => checkFileDrop(c));
