import { isOutputFormat, type OutputFormat } from '../core/output/formats';
import { camelToSnake, snakeToCamel } from '../core/schema/fields';

/** A user error: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface SimArgs {
  configFile?: string;
  /** Input tables: a folder of CSV/Parquet/JSONL files, or DOMAIN:SCALE. */
  input?: string;
  sets: { key: string; value: unknown }[];
  seed?: number;
  format: OutputFormat;
  out?: string;
  zip?: string;
  stats: boolean;
  /** Encoder threads for writing files (default: the core count). */
  threads?: number;
}

/** `--set` values are JSON when they parse as JSON, else the text itself. */
export function parseSetValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function takeValue(argv: string[], i: number, flag: string): string {
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
  return v;
}

export function parseSimArgs(argv: string[]): SimArgs {
  const out: SimArgs = { sets: [], format: 'parquet', stats: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') && !a.startsWith('--set=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const v = takeValue(argv, i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--config':
        out.configFile = value();
        break;
      case '--set':
      case '--set=': {
        const kv = a.startsWith('--set=') ? a.slice(6) : value();
        const eq = kv.indexOf('=');
        if (eq <= 0) throw new UsageError(`--set ${kv}: expected key=value`);
        out.sets.push({ key: kv.slice(0, eq), value: parseSetValue(kv.slice(eq + 1)) });
        break;
      }
      case '--seed': {
        const v = value();
        const n = Number(v);
        if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n > 2 ** 31 - 1) throw new UsageError(`--seed: "${v}" is not allowed; allowed: an integer from 0 to 2147483647`);
        out.seed = n;
        break;
      }
      case '--format': {
        const v = value();
        if (!isOutputFormat(v)) throw new UsageError(`--format: "${v}" is not allowed; allowed: parquet, csv, jsonl`);
        out.format = v;
        break;
      }
      case '--input':
        out.input = value();
        break;
      case '--out':
        out.out = value();
        break;
      case '--zip':
        out.zip = value();
        break;
      case '--stats':
        out.stats = true;
        break;
      case '--threads': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 256) throw new UsageError(`--threads: "${v}" is not allowed; allowed: an integer from 1 to 256`);
        out.threads = Number(v);
        break;
      }
      default:
        throw new UsageError(`unknown argument "${a}" (see: npm run sim -- --help)`);
    }
  }
  return out;
}

/**
 * Set `key` (dotted for nested fields, numeric parts index lists) in a raw config object.
 * Keys may be camelCase or snake_case; the schema resolves aliases when it parses.
 */
export function setPath(target: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('.');
  if (parts.some((p) => p === '')) throw new UsageError(`--set ${key}: empty path segment`);
  let node: Record<string, unknown> | unknown[] = target;
  // reuse whichever spelling (camelCase or snake_case) the config already has, so a --set
  // overrides a config file's key instead of giving the field twice
  const resolve = (obj: Record<string, unknown>, p: string) =>
    [p, snakeToCamel(p), camelToSnake(p)].find((k) => Object.hasOwn(obj, k)) ?? p;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = Array.isArray(node) ? parts[i] : resolve(node, parts[i]);
    const slot: unknown = Array.isArray(node) ? node[Number(p)] : node[p];
    if (slot === undefined || slot === null || typeof slot !== 'object') {
      const fresh: Record<string, unknown> | unknown[] = /^\d+$/.test(parts[i + 1]) ? [] : {};
      if (Array.isArray(node)) node[Number(p)] = fresh;
      else node[p] = fresh;
      node = fresh;
    } else node = slot as Record<string, unknown> | unknown[];
  }
  const last = parts[parts.length - 1];
  if (Array.isArray(node)) node[Number(last)] = value;
  else node[resolve(node, last)] = value;
}
