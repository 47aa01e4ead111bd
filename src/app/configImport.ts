/**
 * Every config that reaches a page from outside — a share link, an imported JSON file, saved
 * state — passes here first: decoded, unwrapped from a download's `_spindle/config.json`, and
 * validated by the simulator's schema (the same as the CLI's) before any component sees it.
 * Nothing here throws: the answer is a valid config or a sentence naming what was wrong.
 */
import type { ConfigSchema } from '../core/schema/config';
import { formatIssue } from '../core/schema/config';
import { decodeConfig } from './share';

export type ConfigRead = { readonly ok: true; readonly value: Record<string, unknown>; readonly note?: string } | { readonly ok: false; readonly problem: string };

const MAX_ISSUES_SHOWN = 3;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A download's `_spindle/config.json` wraps the config: `{simulator, engineVersion, seed,
 * format, config, inputs?}`. Unwrap it (refusing another simulator's); anything else is taken
 * as a bare config.
 */
export function unwrapManifest(simulator: string, raw: unknown): { config: unknown; note?: string } | { problem: string } {
  if (!isObject(raw) || !Object.hasOwn(raw, 'config') || !Object.hasOwn(raw, 'simulator')) return { config: raw };
  const { simulator: from, config, seed, engineVersion } = raw;
  if (typeof from !== 'string') return { problem: 'its "simulator" is not a simulator id' };
  if (from !== simulator) return { problem: `it is the config of the ${from} simulator, not of this one (${simulator})` };
  if (!isObject(config)) return { problem: 'its "config" is not an object' };
  // the manifest's seed is the run's; a config without one takes it
  const withSeed = config.seed === undefined && typeof seed === 'number' ? { ...config, seed } : config;
  const version = typeof engineVersion === 'string' ? ` (engine ${engineVersion})` : '';
  return { config: withSeed, note: `the config of a downloaded run${version}` };
}

/** Validate a raw config with the simulator's schema; issues become one readable sentence. */
export function validateConfig(schema: ConfigSchema<unknown>, simulator: string, raw: unknown): ConfigRead {
  const unwrapped = unwrapManifest(simulator, raw);
  if ('problem' in unwrapped) return { ok: false, problem: unwrapped.problem };
  // the schema reads a missing config as the defaults; a link or file must hold an object
  if (!isObject(unwrapped.config)) return { ok: false, problem: 'it does not hold a settings object' };
  let parsed;
  try {
    parsed = schema.parse(unwrapped.config);
  } catch (e) {
    // a schema should never throw, but a hostile value must not take the page down if one does
    return { ok: false, problem: `it could not be checked (${(e as Error).message})` };
  }
  if (!parsed.ok) {
    const shown = parsed.issues.slice(0, MAX_ISSUES_SHOWN).map(formatIssue);
    const more = parsed.issues.length - shown.length;
    return { ok: false, problem: `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}` };
  }
  return { ok: true, value: parsed.value as Record<string, unknown>, note: unwrapped.note };
}

/** A share link's `config` parameter: base64url JSON, validated. */
export function readLinkConfig(schema: ConfigSchema<unknown>, simulator: string, param: string): ConfigRead {
  let raw: unknown;
  try {
    raw = decodeConfig(param);
  } catch {
    return { ok: false, problem: 'its settings are not readable (the link may be cut short or changed)' };
  }
  return validateConfig(schema, simulator, raw);
}

/** An imported file's text: JSON, validated. */
export function readConfigFile(schema: ConfigSchema<unknown>, simulator: string, text: string): ConfigRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: `it is not valid JSON (${(e as Error).message})` };
  }
  return validateConfig(schema, simulator, raw);
}
