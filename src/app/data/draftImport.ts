/**
 * The Data sources page's settings from outside — a share link, an imported file (its own export
 * or a data-set zip's `_spindle/config.json`), or this browser's saved state — validated by the
 * domain's own schema before the page uses them. Nothing here throws.
 */
import { domainConfigSchema, findDomain } from '../../core/domains';
import { formatIssue } from '../../core/schema/config';
import { decodeConfig } from '../share';
import { PAGE_SCALES, type DomainDraft } from './store';

export type DraftRead = { readonly ok: true; readonly value: DomainDraft } | { readonly ok: false; readonly problem: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Keys of a data-set manifest that are not settings. */
const MANIFEST_KEYS = new Set(['domain', 'engineVersion', 'format', 'config', 'uploads']);

export function validateDataDraft(raw: unknown): DraftRead {
  if (!isObject(raw)) return { ok: false, problem: 'it does not hold a settings object' };
  const def = typeof raw.domain === 'string' ? findDomain(raw.domain) : undefined;
  if (!def) return { ok: false, problem: `domain ${JSON.stringify(raw.domain ?? null)} is not a domain; allowed: retail, financial, iot` };
  const source = isObject(raw.config) ? raw.config : Object.fromEntries(Object.entries(raw).filter(([k]) => !MANIFEST_KEYS.has(k)));
  // the page's form keeps empty dates as ''; the schema's "none" is null
  const given = { ...source, startDate: source.startDate || null, endDate: source.endDate || null };
  let parsed;
  try {
    parsed = domainConfigSchema(def).parse(given);
  } catch (e) {
    return { ok: false, problem: `it could not be checked (${(e as Error).message})` };
  }
  if (!parsed.ok) return { ok: false, problem: parsed.issues.slice(0, 3).map(formatIssue).join('; ') };
  const { scale, seed, startDate, endDate } = parsed.value as { scale: string; seed: number; startDate: string | null; endDate: string | null };
  if (!(PAGE_SCALES as readonly string[]).includes(scale)) return { ok: false, problem: `scale ${scale} runs from the CLI only; allowed here: ${PAGE_SCALES.join(', ')}` };
  const rows = isObject(source.rows) ? (source.rows as Record<string, unknown>) : {};
  const money = source.money === 'decimal' ? 'decimal' : 'float';
  return { ok: true, value: { domain: def.id, scale, seed, startDate: startDate ?? '', endDate: endDate ?? '', rows, money } };
}

export function readDataLink(param: string): DraftRead {
  try {
    return validateDataDraft(decodeConfig(param));
  } catch {
    return { ok: false, problem: 'its settings are not readable (the link may be cut short or changed)' };
  }
}

export function readDataFile(text: string): DraftRead {
  try {
    return validateDataDraft(JSON.parse(text));
  } catch (e) {
    return { ok: false, problem: `it is not valid JSON (${(e as Error).message})` };
  }
}
