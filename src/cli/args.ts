import { isOutputFormat, type OutputFormat } from '../core/output/formats';
import { snakeToCamel } from '../core/schema/fields';

/** A refused command line: printed as one line, exit code 2. */
export class UsageError extends Error {}

export interface SimArgs {
  configFile?: string;
  /** Input tables: a folder of CSV/Parquet/JSONL files, or DOMAIN:SCALE. */
  input?: string;
  sets: { key: string; value: unknown }[];
  seed?: number;
  format: OutputFormat;
  out?: string;
  /** Write into an --out folder that already holds files. */
  force: boolean;
  zip?: string;
  stats: boolean;
  /** CSV: prefix formula-looking text cells with ' (spreadsheet-safe); default verbatim. */
  csvSafe: boolean;
  /** Encoder threads for writing files (default: the cores but one, see src/node/threads.ts). */
  threads?: number;
  /** Stream simulators: where the stream goes besides the tree (stream-sinks.ts). */
  sink?: CliSink;
  sinkUrl?: string;
  /** `--sink-header 'K: V'` (repeatable): given to the HTTP sink only, never written to a config. */
  sinkHeaders: [string, string][];
}

export const CLI_SINKS = ['file', 'stdout', 'http'] as const;
export type CliSink = (typeof CLI_SINKS)[number];

/** An HTTP header name (RFC 9110 token) and a value without line breaks. */
function parseHeader(text: string): [string, string] {
  const at = text.indexOf(':');
  const name = at > 0 ? text.slice(0, at).trim() : '';
  const value = at > 0 ? text.slice(at + 1).trim() : '';
  if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n]/.test(value))
    // the value is never echoed: it may be a token
    throw new UsageError(`--sink-header: ${at > 0 ? `"${name}" is not a header name` : 'the header has no ":"'}; allowed: 'Name: value', e.g. --sink-header 'Authorization: Bearer …'`);
  return [name, value];
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

/** `--set` keys compare equal whatever the spelling of each part (entity_count = entityCount). */
const canonicalKey = (key: string) => key.split('.').map(snakeToCamel).join('.');

/**
 * Parse a simulator's (or `domain`'s) options. Every option except `--set` may be given once
 * (a repeat is refused rather than silently taking the first or the last), and one key may be
 * set once.
 */
export function parseSimArgs(argv: string[]): SimArgs {
  const out: SimArgs = { sets: [], format: 'parquet', stats: false, force: false, csvSafe: false, sinkHeaders: [] };
  const seen = new Set<string>();
  const setKeys = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const [flag, inline] = a.startsWith('--') && eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? takeValue(argv, i++, flag);
      if (v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag.startsWith('--') && flag !== '--set' && flag !== '--sink-header') {
      if (seen.has(flag)) throw new UsageError(`${flag} is given twice; allowed: each option once (only --set repeats)`);
      seen.add(flag);
    }
    switch (flag) {
      case '--config':
        out.configFile = value();
        break;
      case '--set': {
        const kv = value();
        const at = kv.indexOf('=');
        if (at <= 0) throw new UsageError(`--set ${kv}: expected key=value`);
        const key = kv.slice(0, at);
        const text = kv.slice(at + 1);
        const parsed = parseSetValue(text);
        if (typeof parsed === 'number' && !Number.isFinite(parsed)) {
          throw new UsageError(`--set ${kv}: ${text} is beyond the largest number a config can hold (about ±1.8e308)`);
        }
        const prior = setKeys.get(canonicalKey(key));
        if (prior !== undefined) throw new UsageError(`--set ${key} is given twice (also as --set ${prior}); allowed: each key once`);
        setKeys.set(canonicalKey(key), key);
        out.sets.push({ key, value: parsed });
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
      case '--sink': {
        const v = value();
        if (!(CLI_SINKS as readonly string[]).includes(v)) throw new UsageError(`--sink: "${v}" is not allowed; allowed: ${CLI_SINKS.join(', ')}`);
        out.sink = v as CliSink;
        break;
      }
      case '--sink-url':
        out.sinkUrl = value();
        break;
      case '--sink-header':
        out.sinkHeaders.push(parseHeader(value()));
        break;
      case '--force':
      case '--stats':
      case '--csv-safe':
        if (inline !== undefined) throw new UsageError(`${flag} takes no value (got "${a}")`);
        if (flag === '--force') out.force = true;
        else if (flag === '--stats') out.stats = true;
        else out.csvSafe = true;
        break;
      case '--threads': {
        const v = value();
        if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 256) throw new UsageError(`--threads: "${v}" is not allowed; allowed: an integer from 1 to 256`);
        out.threads = Number(v);
        break;
      }
      default:
        throw new UsageError(`unknown argument "${a}" (see: spindle --help)`);
    }
  }
  if (out.force && !out.out) throw new UsageError('--force applies to --out DIR only (a --zip file is always replaced whole)');
  return out;
}
