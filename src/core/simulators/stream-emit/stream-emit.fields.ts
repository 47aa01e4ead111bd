/**
 * The stream emitter's own config fields, beyond the shared DSL: topics as a list or a
 * table → topic map, table → column maps, the sink type (case-insensitive, Event Hubs refused
 * with a way forward) and the sink connection, which never holds a secret.
 */
import { f, join, show, type Field, type FieldMeta, type Issue } from '../../schema/fields';

/** Kafka's and Event Hubs' rule for topic names: both accept these characters, up to 249 of them. */
export const TOPIC_PATTERN = /^[A-Za-z0-9._-]{1,249}$/;
const TOPIC_WORDS = "1 to 249 letters, digits, '.', '_' or '-'";

/** A table → topic map, or a topic list of length 0, 1 or one per table (spec §5 #8). */
export type Topics = readonly string[] | Readonly<Record<string, string>>;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * JSON text of a list or an object, as a plain text box gives it (a form without a dedicated
 * control), read as the value; anything else is left as it is.
 */
function fromJsonText(v: unknown): unknown {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

function bad(issues: Issue[], path: string, v: unknown, what: string, allowed: string): undefined {
  issues.push({ path, message: `${show(v)} ${what}; allowed: ${allowed}` });
  return undefined;
}

/** Parse a table-name → text map: keys are table names, values pass `value`. */
function parseTableMap(v: unknown, path: string, issues: Issue[], allowed: string, value: (x: unknown, p: string) => string | undefined): Record<string, string> | undefined {
  if (!isPlainObject(v)) return bad(issues, path, v, 'is not an object', allowed);
  const before = issues.length;
  const out: Record<string, string> = {};
  for (const [table, x] of Object.entries(v)) {
    const p = join(path, table);
    if (table === '' || FORBIDDEN_KEYS.has(table)) {
      issues.push({ path: p, message: `"${table}" is not a table name; allowed: ${allowed}` });
      continue;
    }
    const parsed = value(x, p);
    if (parsed !== undefined) out[table] = parsed;
  }
  return issues.length === before ? out : undefined;
}

/** `topics`: a list of topic names or an object mapping table names to topic names. */
export function topicsField(meta: FieldMeta): Field<Topics> {
  const allowed = () => `a list of topic names (none, one for every table, or one per table in table order) or an object mapping table names to topic names; a topic name is ${TOPIC_WORDS}`;
  const topic = (issues: Issue[]) => (x: unknown, p: string) =>
    typeof x === 'string' && TOPIC_PATTERN.test(x) ? x : bad(issues, p, x, 'is not a topic name', TOPIC_WORDS);
  return {
    kind: 'json',
    meta,
    default: [],
    allowed,
    parse(raw, path, issues) {
      const v = fromJsonText(raw);
      if (Array.isArray(v)) {
        const before = issues.length;
        const out = v.map((x, i) => topic(issues)(x, join(path, String(i))));
        return issues.length === before ? (out as string[]) : undefined;
      }
      if (isPlainObject(v)) return parseTableMap(v, path, issues, allowed(), topic(issues));
      return bad(issues, path, v, 'is neither a list nor an object', allowed());
    },
    describe: () => ({ type: 'string[] | {table: topic}', default: [], help: meta.help, group: meta.group }),
  };
}

/** An object mapping table names to column names (`timestampColumn`). */
export function tableColumnMapField(meta: FieldMeta): Field<Readonly<Record<string, string>>> {
  const allowed = () => 'an object mapping table names to column names';
  return {
    kind: 'json',
    meta,
    default: {},
    allowed,
    parse: (v, path, issues) =>
      parseTableMap(fromJsonText(v), path, issues, allowed(), (x, p) => (typeof x === 'string' && x !== '' ? x : bad(issues, p, x, 'is not a column name', 'a non-empty string'))),
    describe: () => ({ type: '{table: column}', default: {}, help: meta.help, group: meta.group }),
  };
}

/** Sinks the studio delivers to: files in the output tree, the page's console, stdout (CLI), HTTP POST. */
export const SINK_TYPES = ['file', 'console', 'stdout', 'http'] as const;
export type SinkType = (typeof SINK_TYPES)[number];

const REFUSED_SINKS: Record<string, string> = {
  eventhub:
    'the studio has no Event Hubs client (it runs in a browser); send to the Event Hubs REST endpoint with sinkType "http" (the SAS token goes in a header, never in the config), or write files',
  eventstream:
    'a Fabric Eventstream is fed through its custom endpoint; use sinkType "http" with the endpoint URL (the key goes in a header, never in the config), or write files',
};

/** `sinkType`: case-insensitive like the reference; `eventhub` and `eventstream` refused with what to use instead. */
export function sinkTypeField(meta: FieldMeta & { default: SinkType }): Field<SinkType> {
  const { default: dflt, ...rest } = meta;
  const allowed = () => `one of ${SINK_TYPES.join(', ')} (any case)`;
  return {
    kind: 'enum',
    meta: rest,
    default: dflt,
    values: SINK_TYPES,
    allowed,
    parse(v, path, issues) {
      if (typeof v !== 'string') return bad(issues, path, v, 'is not a sink type', allowed());
      const lower = v.toLowerCase();
      if ((SINK_TYPES as readonly string[]).includes(lower)) return lower as SinkType;
      const why = REFUSED_SINKS[lower];
      if (why) return bad(issues, path, v, `is not available: ${why}`, allowed());
      return bad(issues, path, v, 'is not a known sink type', allowed());
    },
    describe: () => ({ type: 'enum', values: SINK_TYPES, default: dflt, help: rest.help, group: rest.group }),
  };
}

/** Keys that would carry a secret; refused so that no token can reach `_spindle/config.json` or a share link. */
const SECRET_KEY = /header|token|secret|password|passwd|auth|connection_?string|connectionstring|sas|api_?key|apikey|credential|cookie/i;
/** Query parameters that carry credentials in common endpoints (Azure SAS `sig`, Functions `code`, `key`, `token`, …). */
const SECRET_PARAM = /^(sig|signature|code|key|api[-_]?key|token|access[-_]?token|secret|password|auth|sas)$/i;

const NO_SECRETS =
  'secrets are never kept in the config (it is written to _spindle/config.json and share links); give headers to the sink outside the config: --sink-header "K: V" in the CLI, the Headers box on the page';

function parseUrl(v: unknown, path: string, issues: Issue[]): string | null | undefined {
  if (v === null) return null;
  const allowed = 'null or an http:// or https:// URL without credentials';
  if (typeof v !== 'string' || v.length > 2048) return bad(issues, path, v, 'is not a URL', allowed);
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return bad(issues, path, v, 'is not a URL', allowed);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return bad(issues, path, v, 'is not an http or https URL', allowed);
  if (url.username || url.password) return bad(issues, path, '(a URL with a user name or password)', `is refused: ${NO_SECRETS}`, allowed);
  for (const name of url.searchParams.keys()) {
    if (SECRET_PARAM.test(name)) return bad(issues, path, `(a URL with a "${name}" parameter)`, `is refused: ${NO_SECRETS}`, allowed);
  }
  return v;
}

const connectionShape = {
  path: f.string({
    default: 'topics',
    minLength: 1,
    maxLength: 200,
    pattern: /^(?!\.{1,2}(\/|$))(?!.*\/\.{1,2}(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/,
    patternHelp: "a relative folder of the output tree: names of letters, digits, '.', '_' or '-' joined by '/', no '.' or '..'",
    help: 'File sink: the folder of the output tree that holds one JSONL file per topic.',
  }),
  mode: f.enumOf(['w'], { default: 'w', help: "File sink: 'w' (the reference's only sensible mode here: every run writes a fresh tree)." }),
  url: {
    kind: 'string',
    meta: { help: 'HTTP sink: the endpoint that receives POSTed batches (no credentials in it: tokens go in headers).' },
    default: null,
    allowed: () => 'null or an http:// or https:// URL without credentials',
    parse: parseUrl,
    describe: () => ({ type: 'string | null', default: null, help: 'HTTP sink: the endpoint that receives POSTed batches.' }),
  } as Field<string | null>,
  format: f.enumOf(['ndjson', 'cloudevents_batch'], {
    default: 'ndjson',
    help: 'HTTP sink body: NDJSON (one envelope per line) or a CloudEvents batch (a JSON array, application/cloudevents-batch+json).',
  }),
  batchSize: f.int({ default: 100, min: 1, max: 10_000, help: 'HTTP sink: envelopes per POST.' }),
  maxRetries: f.int({ default: 3, min: 0, max: 10, help: 'HTTP sink: retries of a failed POST, with exponential backoff.' }),
  retryBackoffMs: f.number({ default: 500, min: 0, max: 60_000, unit: 'ms', help: 'HTTP sink: the first retry delay (doubled at each retry).' }),
  timeoutMs: f.int({ default: 10_000, min: 100, max: 300_000, unit: 'ms', help: 'HTTP sink: how long one POST may take.' }),
};

/** `sinkConnection`: where the sink delivers, with every secret-looking key refused by name. */
export function sinkConnectionField(meta: FieldMeta) {
  const inner = f.object(connectionShape, { ...meta, default: undefined });
  const dflt = inner.parse({}, '', []);
  const field: typeof inner = {
    ...inner,
    default: dflt,
    describe: () => ({ ...inner.describe(), default: dflt }),
    parse(raw, path, issues) {
      const v = fromJsonText(raw);
      if (isPlainObject(v)) {
        const secret = Object.keys(v).filter((k) => SECRET_KEY.test(k));
        for (const k of secret) issues.push({ path: join(path, k), message: `is refused: ${NO_SECRETS}` });
        if (secret.length) return undefined;
      }
      return inner.parse(v, path, issues);
    },
  };
  return field;
}

export type SinkConnection = NonNullable<ReturnType<ReturnType<typeof sinkConnectionField>['parse']>>;
