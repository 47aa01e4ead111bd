import { describeShape, parseShape, type FieldDescription, type InferShape, type Issue, type Shape } from './fields';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** A bound that depends on other fields (the users a clickstream can take with its pages per session). */
export interface DerivedLimit {
  readonly min?: number;
  readonly max?: number;
  /** Why, in words: "with these sessions and pages per session". */
  readonly because: string;
}

export interface ConfigSchema<T> {
  readonly shape: Shape;
  /**
   * Bounds of top-level fields that depend on the others, computed from a draft whose other
   * fields are valid (fields without one, or a draft that cannot say, are absent). The refine
   * step applies the same bounds, so a form's hint and the validation never disagree.
   */
  limits?(raw: unknown): Readonly<Record<string, DerivedLimit>>;
  /** Validate raw input (camelCase or snake_case keys); fills every default. */
  parse(raw: unknown): ParseResult<T>;
  /** The config with every default (a fresh copy). */
  defaults(): T;
  describe(): FieldDescription[];
}

/** A config error: one or more issues, each naming the field, the value and what is allowed. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ConfigError';
  }
}

export function formatIssue(i: Issue): string {
  return i.path ? `${i.path}: ${i.message}` : i.message;
}

/**
 * Define a simulator's config. `refine` checks what spans fields (an initial state exists,
 * probabilities sum to at most 1, …) and runs only when every field is valid on its own.
 */
export function defineConfig<S extends Shape>(
  shape: S,
  refine?: (config: InferShape<S>) => Issue[],
  /** Runs after a successful parse, e.g. to expand a preset into explicit fields (must be idempotent). */
  normalize?: (config: InferShape<S>) => InferShape<S>,
  /** Bounds of fields that depend on other fields; `refine` must apply the same ones. */
  derived?: { readonly [K in keyof S]?: (config: InferShape<S>) => Omit<DerivedLimit, 'because'> & { because: string } },
): ConfigSchema<InferShape<S>> {
  return {
    shape,
    limits(raw) {
      const out: Record<string, DerivedLimit> = {};
      if (!derived || typeof raw !== 'object' || raw === null || Array.isArray(raw)) return out;
      for (const [name, limit] of Object.entries(derived) as [string, ((c: InferShape<S>) => DerivedLimit) | undefined][]) {
        const field = shape[name];
        if (!limit || !field || field.default === undefined) continue;
        // the other fields as given, this one at its default: the bound it must meet
        const issues: Issue[] = [];
        const value = parseShape(shape, { ...(raw as Record<string, unknown>), [name]: field.default }, '', issues);
        if (value !== undefined && !issues.length) out[name] = limit(value);
      }
      return out;
    },
    parse(raw) {
      const issues: Issue[] = [];
      const value = parseShape(shape, raw ?? {}, '', issues);
      if (value === undefined || issues.length) return { ok: false, issues };
      const extra = refine?.(value) ?? [];
      if (extra.length) return { ok: false, issues: extra };
      return { ok: true, value: normalize ? normalize(value) : value };
    },
    defaults() {
      const r = this.parse({});
      if (!r.ok) throw new ConfigError(r.issues);
      return r.value;
    },
    describe: () => describeShape(shape),
  };
}

/** Parse or throw {@link ConfigError}. */
export function parseOrThrow<T>(schema: ConfigSchema<T>, raw: unknown): T {
  const r = schema.parse(raw);
  if (!r.ok) throw new ConfigError(r.issues);
  return r.value;
}
