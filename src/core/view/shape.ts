/**
 * Shapes of the JSON a run sends to the page (its stats and chart data), checked at run time.
 * A shape both checks a value and carries its TypeScript type, so a simulator declares its
 * result types once (or ties them to the engine's interfaces: `const s: Shape<WorkflowCharts> =
 * obj({...})` fails to compile when the check misses a field). A problem names the dotted path,
 * what was found and what was expected. Light: no engine code, the page bundle imports it.
 */

/** A check of a value's shape; `T` is the type a value that passes has (a phantom: never set). */
export interface Shape<T> {
  /** The first problem found at `path`, or undefined when the value has this shape. */
  readonly problem: (x: unknown, path: string) => string | undefined;
  readonly _type?: T;
}

/** The type a shape accepts. */
export type Infer<S> = S extends Shape<infer T> ? T : never;

/** The value a problem names: its kind, and short scalars themselves. */
function found(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'missing';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return 'an object';
  const text = JSON.stringify(x) ?? String(x);
  return `${typeof x} ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

const at = (path: string) => path || 'the value';
const scalar = <T>(name: string, test: (x: unknown) => boolean): Shape<T> => ({
  problem: (x, path) => (test(x) ? undefined : `${at(path)} should be ${name}, not ${found(x)}`),
});

export const num: Shape<number> = scalar('a number', (x) => typeof x === 'number');
export const str: Shape<string> = scalar('a string', (x) => typeof x === 'string');
export const bool: Shape<boolean> = scalar('true or false', (x) => typeof x === 'boolean');

/** One of a few literal values (an enum's words). */
export function oneOf<const V extends readonly (string | number | boolean)[]>(...values: V): Shape<V[number]> {
  return scalar(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`, (x) => values.includes(x as V[number]));
}

export function nullable<T>(s: Shape<T>): Shape<T | null> {
  return { problem: (x, path) => (x === null ? undefined : s.problem(x, path)) };
}

/** A field that may be absent. */
export function opt<T>(s: Shape<T>): Shape<T | undefined> {
  return { problem: (x, path) => (x === undefined ? undefined : s.problem(x, path)) };
}

/** An array whose every element has shape `of`. */
export function arr<T>(of: Shape<T>): Shape<T[]> {
  return {
    problem(x, path) {
      if (!Array.isArray(x)) return `${at(path)} should be an array, not ${found(x)}`;
      for (let i = 0; i < x.length; i++) {
        const p = of.problem(x[i], `${path}[${i}]`);
        if (p) return p;
      }
      return undefined;
    },
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A record of any keys whose values all have shape `of` (counts by type, series by entity). */
export function rec<T>(of: Shape<T>): Shape<Record<string, T>> {
  return {
    problem(x, path) {
      if (!isObject(x)) return `${at(path)} should be an object, not ${found(x)}`;
      for (const [k, v] of Object.entries(x)) {
        const p = of.problem(v, path ? `${path}.${k}` : k);
        if (p) return p;
      }
      return undefined;
    },
  };
}

type Fields = Record<string, Shape<unknown>>;
type Optional<F extends Fields> = { [K in keyof F]: undefined extends Infer<F[K]> ? K : never }[keyof F];
/** The object type of some fields: fields whose shape accepts undefined are optional. */
export type ObjectOf<F extends Fields> = { [K in Exclude<keyof F, Optional<F>>]: Infer<F[K]> } & { [K in Optional<F>]?: Infer<F[K]> };

/** An object with these fields (more are allowed: the engine may add some before the page reads them). */
export function obj<F extends Fields>(fields: F): Shape<ObjectOf<F>> {
  return {
    problem(x, path) {
      if (!isObject(x)) return `${at(path)} should be an object, not ${found(x)}`;
      for (const [k, s] of Object.entries(fields)) {
        const p = s.problem(x[k], path ? `${path}.${k}` : k);
        if (p) return p;
      }
      return undefined;
    },
  };
}

/**
 * A part checked only as far as `outer` (an object, an array of objects) yet typed `T`: for large,
 * deep parts of chart data that an engine test already covers (a landing zone's file index). Use
 * sparingly; prefer a full shape.
 */
export function like<T>(outer: Shape<unknown>): Shape<T> {
  return { problem: outer.problem };
}

export const anyObject: Shape<Record<string, unknown>> = rec({ problem: () => undefined });

/** A type guard from a shape (a value that passes has the shape's type). */
export function fits<T>(s: Shape<T>, x: unknown): x is T {
  return s.problem(x, '') === undefined;
}

/** A table cell as JSON: a string, a number, true/false or null. */
export const cell: Shape<string | number | boolean | null> = scalar('a cell (a string, a number, true/false or null)', (x) => x === null || ['string', 'number', 'boolean'].includes(typeof x));
