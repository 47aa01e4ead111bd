/**
 * One schema per simulator config: it gives the TypeScript type, the defaults, the ranges,
 * the help text and the form. A small field DSL rather than zod because every error must name
 * the field, the value and what is allowed in one readable line, reference snake_case names
 * must be accepted as aliases at every depth, and the form and `describe` read the same
 * metadata.
 */
import { isInstant } from '../time';

export interface Issue {
  /** Dotted path of the field, e.g. `transitions.2.probability`; empty for the whole config. */
  readonly path: string;
  readonly message: string;
}

export interface FieldMeta {
  /** Short label for the form; defaults to the field name in words. */
  readonly label?: string;
  readonly help: string;
  /** Form section. */
  readonly group?: string;
  /** Unit shown beside numbers (h, min, ms, %, …). */
  readonly unit?: string;
  /** Hidden under "Advanced" in the form. */
  readonly advanced?: boolean;
  /** Step for number inputs. */
  readonly step?: number;
}

export interface FieldDescription {
  name: string;
  alias?: string;
  type: string;
  default?: unknown;
  required?: boolean;
  range?: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean };
  values?: readonly string[];
  help: string;
  label: string;
  group?: string;
  unit?: string;
  fields?: FieldDescription[];
  items?: Omit<FieldDescription, 'name' | 'label'> & { fields?: FieldDescription[] };
}

export interface Field<T> {
  readonly kind: 'int' | 'number' | 'bool' | 'string' | 'enum' | 'instant' | 'array' | 'object' | 'nullable' | 'json';
  readonly meta: FieldMeta;
  /** Absent means the field is required. */
  readonly default?: T;
  /** Introspection for generated forms: list items, object fields, enum values, nullable's inner field, number bounds. */
  readonly item?: Field<unknown>;
  readonly shape?: Shape;
  readonly values?: readonly string[];
  readonly inner?: Field<unknown>;
  readonly min?: number;
  readonly max?: number;
  /** Whether `min` / `max` themselves are refused (a duration > 0). */
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  /** Validate and normalise a value; pushes issues and returns undefined when it is invalid. */
  parse(value: unknown, path: string, issues: Issue[]): T | undefined;
  /** The allowed values in words, for error messages and help. */
  allowed(): string;
  describe(): Omit<FieldDescription, 'name' | 'label'>;
}

export type Infer<F> = F extends Field<infer T> ? T : never;
export type Shape = Record<string, Field<unknown>>;
export type InferShape<S extends Shape> = { [K in keyof S]: Infer<S[K]> };

/** JSON text of a value for messages, shortened. */
export function show(value: unknown): string {
  let text: string;
  try {
    // JSON would print Infinity and NaN as null
    text = value === undefined ? 'undefined' : typeof value === 'number' && !Number.isFinite(value) ? String(value) : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A number for people: thousands separated from 1,000 on, never exponent notation. */
export function fmt(n: number): string {
  return Math.abs(n) >= 1000 ? n.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(n);
}

/** "an integer from 0 to 1,000", "a number greater than 0 and at most 8,784", in words (no interval notation). */
export function rangeText(what: string, min?: number, max?: number, minEx = false, maxEx = false): string {
  if (min !== undefined && max !== undefined) {
    if (!minEx && !maxEx) return `${what} from ${fmt(min)} to ${fmt(max)}`;
    return `${what} ${minEx ? 'greater than' : 'at least'} ${fmt(min)} and ${maxEx ? 'less than' : 'at most'} ${fmt(max)}`;
  }
  if (min !== undefined) return `${what} ${minEx ? '>' : '≥'} ${fmt(min)}`;
  if (max !== undefined) return `${what} ${maxEx ? '<' : '≤'} ${fmt(max)}`;
  return what;
}

function problem(issues: Issue[], path: string, value: unknown, what: string, allowed: string): undefined {
  issues.push({ path, message: `${show(value)} ${what}; allowed: ${allowed}` });
  return undefined;
}

interface NumberOpts<T> extends FieldMeta {
  default?: T;
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

function numeric(kind: 'int' | 'number', o: NumberOpts<number>): Field<number> {
  const what = kind === 'int' ? 'an integer' : 'a number';
  const allowed = () => rangeText(what, o.min, o.max, o.minExclusive, o.maxExclusive);
  const { default: dflt, min, max, minExclusive, maxExclusive, ...meta } = o;
  return {
    kind,
    meta,
    default: dflt,
    min,
    max,
    minExclusive,
    maxExclusive,
    allowed,
    parse(v, path, issues) {
      if (typeof v !== 'number' || !Number.isFinite(v)) return problem(issues, path, v, `is not ${what}`, allowed());
      if (kind === 'int' && !Number.isSafeInteger(v)) return problem(issues, path, v, 'is not an integer', allowed());
      const below = min !== undefined && (minExclusive ? v <= min : v < min);
      const above = max !== undefined && (maxExclusive ? v >= max : v > max);
      if (below || above) return problem(issues, path, v, 'is out of range', allowed());
      return v;
    },
    describe: () => ({
      type: kind === 'int' ? 'integer' : 'number',
      default: dflt,
      range: { min, max, minExclusive, maxExclusive },
      help: meta.help,
      unit: meta.unit,
      group: meta.group,
    }),
  };
}

export const f = {
  int: (o: NumberOpts<number>) => numeric('int', o),
  number: (o: NumberOpts<number>) => numeric('number', o),

  /** A probability or share in [0, 1]. */
  probability: (o: FieldMeta & { default: number; maxExclusive?: boolean }) =>
    numeric('number', { ...o, min: 0, max: 1, step: o.step ?? 0.01 }),

  bool(o: FieldMeta & { default?: boolean }): Field<boolean> {
    const { default: dflt, ...meta } = o;
    return {
      kind: 'bool',
      meta,
      default: dflt,
      allowed: () => 'true or false',
      parse: (v, path, issues) => (typeof v === 'boolean' ? v : problem(issues, path, v, 'is not a boolean', 'true or false')),
      describe: () => ({ type: 'boolean', default: dflt, help: meta.help, group: meta.group }),
    };
  },

  string(o: FieldMeta & { default?: string; minLength?: number; maxLength?: number; pattern?: RegExp; patternHelp?: string }): Field<string> {
    const { default: dflt, minLength = 0, maxLength = 10_000, pattern, patternHelp, ...meta } = o;
    const allowed = () =>
      patternHelp ?? (minLength > 0 ? `a non-empty string of at most ${fmt(maxLength)} characters` : `a string of at most ${fmt(maxLength)} characters`);
    return {
      kind: 'string',
      meta,
      default: dflt,
      allowed,
      parse(v, path, issues) {
        if (typeof v !== 'string') return problem(issues, path, v, 'is not a string', allowed());
        if (v.length < minLength) return problem(issues, path, v, minLength === 1 ? 'is empty' : 'is too short', allowed());
        if (v.length > maxLength) return problem(issues, path, v, 'is too long', allowed());
        if (pattern && !pattern.test(v)) return problem(issues, path, v, 'is not allowed', allowed());
        return v;
      },
      describe: () => ({ type: 'string', default: dflt, help: meta.help, group: meta.group }),
    };
  },

  enumOf<const V extends string>(values: readonly V[], o: FieldMeta & { default?: V }): Field<V> {
    const { default: dflt, ...meta } = o;
    const allowed = () => `one of ${values.join(', ')}`;
    return {
      kind: 'enum',
      meta,
      default: dflt,
      values,
      allowed,
      parse: (v, path, issues) =>
        typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as V) : problem(issues, path, v, 'is not a known value', allowed()),
      describe: () => ({ type: 'enum', values, default: dflt, help: meta.help, group: meta.group }),
    };
  },

  /** An ISO 8601 date or date-time string; without an offset it means UTC. */
  instant(o: FieldMeta & { default?: string }): Field<string> {
    const { default: dflt, ...meta } = o;
    const allowed = () => 'an ISO 8601 date-time such as 2024-01-01T00:00:00Z (no offset means UTC)';
    return {
      kind: 'instant',
      meta,
      default: dflt,
      allowed,
      parse: (v, path, issues) =>
        typeof v === 'string' && isInstant(v) ? v : problem(issues, path, v, 'is not a valid date-time', allowed()),
      describe: () => ({ type: 'datetime', default: dflt, help: meta.help, group: meta.group }),
    };
  },

  /** Free-form JSON object (kept as given, e.g. state metadata). */
  jsonObject(o: FieldMeta & { default?: Record<string, unknown> }): Field<Record<string, unknown>> {
    const { default: dflt, ...meta } = o;
    const allowed = () => 'a JSON object';
    return {
      kind: 'json',
      meta,
      default: dflt,
      allowed,
      parse(v, path, issues) {
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return problem(issues, path, v, 'is not an object', allowed());
        const bad = protoKeyIn(v, path);
        if (bad) return problem(issues, bad, '__proto__', 'is not allowed as a key', 'any other key');
        return v as Record<string, unknown>;
      },
      describe: () => ({ type: 'object', default: dflt, help: meta.help, group: meta.group }),
    };
  },

  nullable<T>(inner: Field<T>, o: FieldMeta & { default?: T | null }): Field<T | null> {
    const { default: dflt, ...meta } = o;
    return {
      kind: 'nullable',
      meta,
      default: dflt,
      inner: inner as Field<unknown>,
      allowed: () => `null or ${inner.allowed()}`,
      parse: (v, path, issues) => (v === null ? null : inner.parse(v, path, issues)),
      describe: () => ({ ...inner.describe(), type: `${inner.describe().type} | null`, default: dflt, help: meta.help }),
    };
  },

  array<T>(item: Field<T>, o: FieldMeta & { default?: T[]; minItems?: number; maxItems?: number }): Field<T[]> {
    const { default: dflt, minItems = 0, maxItems = 100_000, ...meta } = o;
    const allowed = () => `a list of ${minItems > 0 ? `${minItems} to ` : 'at most '}${fmt(maxItems)} items, each ${item.allowed()}`;
    return {
      kind: 'array',
      meta,
      default: dflt,
      item: item as Field<unknown>,
      min: minItems,
      max: maxItems,
      allowed,
      parse(v, path, issues) {
        if (!Array.isArray(v)) return problem(issues, path, v, 'is not a list', allowed());
        if (v.length < minItems) return problem(issues, path, v, minItems === 1 ? 'is empty' : 'has too few items', allowed());
        if (v.length > maxItems) return problem(issues, path, v, 'has too many items', allowed());
        const before = issues.length;
        // a sparse list (`funnelStages.7 = z` on a 3-item list) has holes that map() would skip
        const out: (T | undefined)[] = [];
        for (let i = 0; i < v.length; i++) {
          if (!Object.hasOwn(v, i)) issues.push({ path: join(path, String(i)), message: `is missing (the list has a gap); allowed: ${allowed()}` });
          else out.push(item.parse(v[i], join(path, String(i)), issues));
        }
        return issues.length === before ? (out as T[]) : undefined;
      },
      describe: () => {
        const d = item.describe();
        return { type: 'array', default: dflt, help: meta.help, group: meta.group, range: { min: minItems, max: maxItems }, items: d };
      },
    };
  },

  object<S extends Shape>(shape: S, o: FieldMeta & { default?: InferShape<S> }): Field<InferShape<S>> {
    const { default: dflt, ...meta } = o;
    return {
      kind: 'object',
      meta,
      default: dflt,
      shape,
      allowed: () => `an object with fields ${Object.keys(shape).join(', ')}`,
      parse: (v, path, issues) => parseShape(shape, v, path, issues),
      describe: () => ({ type: 'object', default: dflt, help: meta.help, group: meta.group, fields: describeShape(shape) }),
    };
  },
};

/**
 * The path of a `__proto__` key anywhere in free-form JSON, if any: kept as data it would be
 * dropped or turned into a prototype by the next spread or assignment of the object.
 */
function protoKeyIn(v: unknown, path: string): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  for (const [k, x] of Object.entries(v)) {
    if (k === '__proto__') return join(path, k);
    const inner = protoKeyIn(x, join(path, k));
    if (inner) return inner;
  }
  return undefined;
}

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** `entity_count` → `entityCount`. */
export function snakeToCamel(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `entityCount` → `entity_count`. */
export function camelToSnake(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** Parse an object against a shape: aliases resolved, unknown keys refused, defaults filled. */
export function parseShape<S extends Shape>(shape: S, v: unknown, path: string, issues: Issue[]): InferShape<S> | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    issues.push({ path, message: `${show(v)} is not an object; allowed: an object with fields ${Object.keys(shape).join(', ')}` });
    return undefined;
  }
  const before = issues.length;
  const given = new Map<string, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(v)) {
    const name = Object.hasOwn(shape, key) ? key : Object.hasOwn(shape, snakeToCamel(key)) ? snakeToCamel(key) : undefined;
    if (name === undefined) {
      issues.push({ path: join(path, key), message: `is not a known field; known fields: ${Object.keys(shape).join(', ')}` });
      continue;
    }
    const prior = given.get(name);
    if (prior) {
      issues.push({ path: join(path, name), message: `is given twice (as ${prior.key} and ${key})` });
      continue;
    }
    given.set(name, { key, value });
  }
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(shape)) {
    const g = given.get(name);
    if (g === undefined || g.value === undefined) {
      if (field.default === undefined) issues.push({ path: join(path, name), message: `is required; allowed: ${field.allowed()}` });
      else out[name] = structuredClone(field.default);
      continue;
    }
    out[name] = field.parse(g.value, join(path, name), issues);
  }
  return issues.length === before ? (out as InferShape<S>) : undefined;
}

export function labelOf(name: string, field: Field<unknown>): string {
  if (field.meta.label) return field.meta.label;
  const words = camelToSnake(name).replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function describeShape(shape: Shape): FieldDescription[] {
  return Object.entries(shape).map(([name, field]) => {
    const d = field.describe();
    const alias = camelToSnake(name);
    const out: FieldDescription = { name, ...(alias !== name ? { alias } : {}), label: labelOf(name, field), ...d };
    if (field.default === undefined) out.required = true;
    if (d.range) {
      const r = Object.fromEntries(Object.entries(d.range).filter(([, x]) => x !== undefined && x !== false));
      if (Object.keys(r).length) out.range = r;
      else delete out.range;
    }
    return out;
  });
}
