/**
 * Value strategies that read nothing else: weighted enums, flags, numeric distributions
 * (min/max clip, spec §2), reference lists, row-number patterns and random digit strings.
 */
import { WeightedChoice, type Rng } from '../../rng';
import { boolColumn, dictColumn, numberColumn, type Column } from '../../table/column';
import type { GenContext, Strategy } from '../model';

/** Weighted categorical values (spec "weighted_enum, lifecycle"); `key` = `table.column` for profile overrides. */
export function weighted(key: string, weights: Readonly<Record<string, number>>): Strategy {
  const values = Object.keys(weights);
  return {
    kind: 'weighted_enum',
    values,
    profileKey: key,
    generate(ctx) {
      const w = ctx.weights(key, weights);
      const choice = new WeightedChoice(values.map((v) => w[v] ?? 0));
      const codes = new Int32Array(ctx.n);
      const rng = ctx.rng;
      for (let i = 0; i < ctx.n; i++) codes[i] = choice.at(rng.uniform());
      return dictColumn(ctx.column, values, codes);
    },
  };
}

/** Weighted numeric values (`discount_pct`, `term_months`). */
export function weightedNumber(type: 'int' | 'float', pairs: readonly (readonly [number, number])[]): Strategy {
  return {
    kind: 'weighted_number',
    generate(ctx) {
      const choice = new WeightedChoice(pairs.map((p) => p[1]));
      const out = new Float64Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) out[i] = pairs[choice.draw(ctx.rng)][0];
      return numberColumn(ctx.column, type, out);
    },
  };
}

/** true with probability `p`. */
export function flag(p: number): Strategy {
  return {
    kind: 'bool',
    generate(ctx) {
      const out = new Uint8Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) out[i] = ctx.rng.uniform() < p ? 1 : 0;
      return boolColumn(ctx.column, out);
    },
  };
}

/** One value on every row. */
export function constant(value: string): Strategy {
  return { kind: 'constant', values: [value], generate: (ctx) => dictColumn(ctx.column, [value], new Int32Array(ctx.n)) };
}

type Draw = (rng: Rng) => number;

/**
 * Draws truncated to [min, max]: a value outside is drawn again (spec §7: no pile-up at the
 * bounds, where the reference clips), and only after 64 misses set to the nearest bound.
 */
function numeric(kind: string, type: 'int' | 'float', draw: Draw, min: number, max: number): Strategy {
  return {
    kind,
    generate(ctx) {
      const out = new Float64Array(ctx.n);
      const rng = ctx.rng;
      for (let i = 0; i < ctx.n; i++) {
        let x = draw(rng);
        for (let k = 0; k < 64 && (x < min || x > max); k++) x = draw(rng);
        out[i] = x < min ? min : x > max ? max : x;
      }
      return numberColumn(ctx.column, type, out);
    },
  };
}

/** Uniform in [min, max). */
export const uniform = (min: number, max: number) => numeric('uniform', 'float', (r) => r.between(min, max), min, max);
/** Normal(mean, sd), truncated to [min, max]. */
export const normal = (mean: number, sd: number, min = -Infinity, max = Infinity) => numeric('normal', 'float', (r) => r.normal(mean, sd), min, max);
/** exp(Normal(mu, sigma)) truncated to [min, max]. */
export const lognormal = (mu: number, sigma: number, min = 0, max = Infinity) => numeric('log_normal', 'float', (r) => r.lognormal(mu, sigma), min, max);

/** Geometric(p) on 1, 2, …, truncated to [min, max]. */
export function geometric(p: number, min: number, max: number): Strategy {
  const lq = Math.log(1 - p);
  return numeric('geometric', 'int', (r) => 1 + Math.floor(Math.log(1 - r.uniform()) / lq), min, max);
}

/** A uniform element of a string list (with replacement). */
export function pick(list: readonly string[]): Strategy {
  return {
    kind: 'reference_data',
    generate(ctx) {
      const codes = new Int32Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) codes[i] = ctx.rng.index(list.length);
      return dictColumn(ctx.column, list, codes);
    },
  };
}

/** A `{name, weight}` list drawn by weight (with replacement). */
export function pickWeighted(list: readonly { readonly name: string; readonly weight: number }[]): Strategy {
  const names = list.map((x) => x.name);
  return {
    kind: 'reference_data',
    generate(ctx) {
      const choice = new WeightedChoice(list.map((x) => x.weight));
      const codes = new Int32Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) codes[i] = choice.draw(ctx.rng);
      return dictColumn(ctx.column, names, codes);
    },
  };
}

/** A catalog's list in order: row i gets the i-th name (a fixed table sized to the list). */
export function inOrder(list: readonly string[]): Strategy {
  return {
    kind: 'catalog',
    generate(ctx) {
      if (ctx.n > list.length) throw new Error(`${ctx.table}.${ctx.column}: ${ctx.n} rows but only ${list.length} names`);
      return dictColumn(ctx.column, list, Int32Array.from({ length: ctx.n }, (_, i) => i));
    },
  };
}

/** Fixed per-row numbers (null where `null`), for catalog hierarchies. */
export function fixedNumbers(type: 'int' | 'float', values: readonly (number | null)[]): Strategy {
  return {
    kind: 'catalog',
    generate(ctx) {
      const out = new Float64Array(ctx.n);
      const valid = new Uint8Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) {
        const v = values[i] ?? null;
        if (v !== null) {
          out[i] = v;
          valid[i] = 1;
        }
      }
      return numberColumn(ctx.column, type, out, valid.includes(0) ? valid : undefined);
    },
  };
}

/** `{prefix}{row number, zero-padded to width}` after the time sort (`Store #0001`, `DEV-000001`). */
export function sequencePattern(prefix: string, width: number): Strategy {
  return {
    kind: 'pattern',
    afterSort: true,
    bytesPerRow: prefix.length + width + 6,
    generate(ctx) {
      const head = new TextEncoder().encode(prefix);
      const w = Math.max(width, String(ctx.n).length);
      const size = head.length + w;
      const bytes = new Uint8Array(ctx.n * size);
      const offsets = new Int32Array(ctx.n + 1);
      for (let i = 0; i < ctx.n; i++) {
        const o = i * size;
        bytes.set(head, o);
        let v = i + 1;
        for (let d = size - 1; d >= head.length; d--) {
          bytes[o + d] = 48 + (v % 10);
          v = Math.floor(v / 10);
        }
        offsets[i + 1] = o + size;
      }
      return { name: ctx.column, type: 'string', encoding: 'utf8', offsets, bytes };
    },
  };
}

/** `count` random decimal digits (`last_four`). */
export function digits(count: number): Strategy {
  return {
    kind: 'digits',
    bytesPerRow: count + 4,
    generate(ctx) {
      const bytes = new Uint8Array(ctx.n * count);
      const offsets = new Int32Array(ctx.n + 1);
      for (let i = 0; i < ctx.n; i++) {
        for (let d = 0; d < count; d++) bytes[i * count + d] = 48 + ctx.rng.index(10);
        offsets[i + 1] = (i + 1) * count;
      }
      return { name: ctx.column, type: 'string', encoding: 'utf8', offsets, bytes };
    },
  };
}

/**
 * Text from parts: literals and uniform integer ranges, e.g. `v{1–5}.{0–9}.{0–19}` as
 * `['v', [1, 5], '.', [0, 9], '.', [0, 19]]`. All combinations form the dictionary.
 */
export function composed(parts: readonly (string | readonly [number, number])[]): Strategy {
  let dict = [''];
  for (const p of parts) {
    if (typeof p === 'string') dict = dict.map((d) => d + p);
    else dict = dict.flatMap((d) => Array.from({ length: p[1] - p[0] + 1 }, (_, k) => `${d}${p[0] + k}`));
  }
  return {
    kind: 'composed',
    generate(ctx: GenContext): Column {
      const codes = new Int32Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) codes[i] = ctx.rng.index(dict.length);
      return dictColumn(ctx.column, dict, codes);
    },
  };
}
