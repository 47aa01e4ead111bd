/**
 * The slot grid of a file drop and the paths it lands at: slot s covers
 * [start + s·Δ, start + (s+1)·Δ), scheduled slots cover every day of the range (spec §5 #5),
 * and slots past the last one are spill-over slots that only late rows reach (§5 #4).
 */
import { dayNumber } from '../../landing/fields';
import { formatDate, US_PER_DAY, US_PER_HOUR, US_PER_MINUTE } from '../../time';
import { scheduledSlots, slotsPerDay, type Cadence, type FileDropConfig } from './file-drop.config';

/** Sequence numbers of the kinds of data files (spec §3 "Names"). */
export const SEQ_LATE = 900;
export const SEQ_RESTATEMENT = 980;
export const SEQ_BACKFILL = 990;

export interface SlotGrid {
  readonly cadence: Cadence;
  /** First slot's start, epoch µs (00:00 UTC of the first day). */
  readonly startUs: number;
  /** Slot length Δ in µs. */
  readonly slotUs: number;
  readonly perDay: number;
  /** Scheduled slots S (spill-over slots come after). */
  readonly scheduled: number;
}

export function slotGrid(c: Pick<FileDropConfig, 'cadence' | 'dateRangeStart' | 'dateRangeEnd'>): SlotGrid {
  const perDay = slotsPerDay(c.cadence);
  return { cadence: c.cadence, startUs: dayNumber(c.dateRangeStart) * US_PER_DAY, slotUs: US_PER_DAY / perDay, perDay, scheduled: scheduledSlots(c) };
}

export function slotStart(g: SlotGrid, s: number): number {
  return g.startUs + s * g.slotUs;
}

/** When slot s closes: its on-time drop lands then (spec §5 `landedAt`). */
export function slotClose(g: SlotGrid, s: number): number {
  return g.startUs + (s + 1) * g.slotUs;
}

function parts(us: number): { date: string; hh: string; mm: string } {
  const day = Math.floor(us / US_PER_DAY);
  const inDay = us - day * US_PER_DAY;
  const h = Math.floor(inDay / US_PER_HOUR);
  const m = Math.floor((inDay - h * US_PER_HOUR) / US_PER_MINUTE);
  return { date: formatDate(day), hh: String(h).padStart(2, '0'), mm: String(m).padStart(2, '0') };
}

/**
 * The partition folder of slot s: the template with YYYY-MM-DD, HH and mm replaced; sub-daily
 * cadences add `/hr=HH` (and `/m=MM`) unless the template places the hour (and minute) itself.
 */
export function partitionOf(g: SlotGrid, template: string, s: number): string {
  const { date, hh, mm } = parts(slotStart(g, s));
  let out = template.replaceAll('YYYY-MM-DD', date).replaceAll('HH', hh).replaceAll('mm', mm);
  if (g.cadence !== 'daily' && !template.includes('HH')) out += `/hr=${hh}`;
  if (g.cadence === 'every_15m' && !template.includes('mm')) out += `/m=${mm}`;
  return out;
}

/** `{dt}` of slot s: `YYYY-MM-DD` daily, `YYYY-MM-DDTHHMM` sub-daily. */
export function dtOf(g: SlotGrid, s: number): string {
  const { date, hh, mm } = parts(slotStart(g, s));
  return g.cadence === 'daily' ? date : `${date}T${hh}${mm}`;
}

/** The folder of an entity's slot s. */
export function folderOf(c: Pick<FileDropConfig, 'basePath' | 'domain' | 'partitioning'>, g: SlotGrid, entity: string, s: number): string {
  return `${c.basePath}/${c.domain}/${entity}/${partitionOf(g, c.partitioning, s)}`;
}

/** A data file's name from the naming template. */
export function fileNameOf(c: Pick<FileDropConfig, 'fileNaming' | 'domain'>, g: SlotGrid, entity: string, s: number, seq: number, ext: string): string {
  const values: Record<string, string> = { domain: c.domain, entity, dt: dtOf(g, s), seq: String(seq).padStart(5, '0'), ext };
  // one pass, so a table or domain name holding braces is never read as a placeholder
  return c.fileNaming.replace(/\{(domain|entity|dt|seq|ext)\}/g, (_, k: string) => values[k]);
}
