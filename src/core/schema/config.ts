import { describeShape, parseShape, type FieldDescription, type InferShape, type Issue, type Shape } from './fields';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export interface ConfigSchema<T> {
  readonly shape: Shape;
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
): ConfigSchema<InferShape<S>> {
  return {
    shape,
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
