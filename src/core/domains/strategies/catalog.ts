/**
 * A product catalogue with distinct names and prices that fit (spec/domains.md §7): each row
 * is a distinct (product, brand, line, variant) drawn without replacement from 547,200
 * combinations ("Kestrel Air Fryer XL Pro (Matte Black)"); its category is a level-2
 * category under its product's group root; its price the product's typical price × the
 * brand's tier × the line's factor × a little noise, mostly ending in .99. The three columns
 * share one draw of the combinations (per table, from the product_name column's stream).
 */
import { Utf8Builder, numberColumn, type Column } from '../../table/column';
import { PRODUCT_GROUP_ENDS, PRODUCT_NAMES } from '../reference/catalogs';
import { BRAND_TIERS, BRANDS, GROUP_VARIANTS, LINES, PRODUCT_PRICES, PRODUCT_SPACE } from '../reference/products';
import type { GenContext, Strategy } from '../model';

interface Combos {
  readonly product: Int32Array;
  readonly brand: Int32Array;
  readonly line: Int32Array;
  readonly variant: Int32Array;
  /** 0 for the first pass through the combinations; k for the k-th repeat (catalogues past 547,200 rows). */
  readonly edition: Int32Array;
}

/** The 0-based group (PRODUCT_GROUP_ENDS index) of a 0-based product position. */
export const productGroup = (product: number) => PRODUCT_GROUP_ENDS.findIndex(([end]) => product + 1 <= end);

/** The rows' combinations, drawn once per table from `nameColumn`'s stream. */
function combos(ctx: GenContext, nameColumn: string): Combos {
  return ctx.shared('product:combos', () => {
    const rng = ctx.streamOf(nameColumn).fork('combos');
    const n = ctx.n;
    const out: Combos = { product: new Int32Array(n), brand: new Int32Array(n), line: new Int32Array(n), variant: new Int32Array(n), edition: new Int32Array(n) };
    for (let from = 0, edition = 0; from < n; from += PRODUCT_SPACE, edition++) {
      const take = Math.min(PRODUCT_SPACE, n - from);
      rng.sampleWithoutReplacement(PRODUCT_SPACE, take).forEach((k, j) => {
        const i = from + j;
        out.variant[i] = k % 10;
        out.line[i] = Math.floor(k / 10) % LINES.length;
        out.brand[i] = Math.floor(k / (10 * LINES.length)) % BRANDS.length;
        out.product[i] = Math.floor(k / (10 * LINES.length * BRANDS.length));
        out.edition[i] = edition;
      });
    }
    return out;
  });
}

/** `Brand Product Line (Variant)`, distinct within the catalogue. */
export function productName(): Strategy {
  return {
    kind: 'product_name',
    bytesPerRow: 52,
    generate(ctx) {
      const c = combos(ctx, ctx.column);
      const b = new Utf8Builder(ctx.n, 48);
      for (let i = 0; i < ctx.n; i++) {
        const line = LINES[c.line[i]][0];
        const variant = GROUP_VARIANTS[productGroup(c.product[i])][c.variant[i]];
        const edition = c.edition[i] ? ` #${c.edition[i] + 1}` : '';
        b.append(`${BRANDS[c.brand[i]]} ${PRODUCT_NAMES[c.product[i]]}${line ? ` ${line}` : ''} (${variant})${edition}`);
      }
      return b.finish(ctx.column);
    },
  };
}

/** A level-2 category under the product's group root, uniform among them. */
export function productCategory(parent: string, nameColumn: string, categoriesOf: (product: number) => readonly number[]): Strategy {
  return {
    kind: 'foreign_key_mapped',
    references: parent,
    generate(ctx) {
      ctx.col(nameColumn);
      const c = combos(ctx, nameColumn);
      const out = new Float64Array(ctx.n);
      const memo = new Map<number, readonly number[]>();
      for (let i = 0; i < ctx.n; i++) {
        let list = memo.get(c.product[i]);
        if (!list) memo.set(c.product[i], (list = categoriesOf(c.product[i])));
        out[i] = list[ctx.rng.index(list.length)];
      }
      return numberColumn(ctx.column, 'int', out);
    },
  };
}

/** The price of a product: typical price × brand tier × line × lognormal(0, 0.15) noise within [0.5, 2]; 70 % end in .99. */
export function productPrice(nameColumn: string, min: number, max: number): Strategy {
  return {
    kind: 'product_price',
    generate(ctx): Column {
      ctx.col(nameColumn);
      const c = combos(ctx, nameColumn);
      const out = new Float64Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) {
        let noise = 1;
        for (let k = 0; k < 16; k++) {
          noise = ctx.rng.lognormal(0, 0.15);
          if (noise >= 0.5 && noise <= 2) break;
        }
        const x = PRODUCT_PRICES[c.product[i]] * BRAND_TIERS[c.brand[i] % 3] * LINES[c.line[i]][1] * Math.min(2, Math.max(0.5, noise));
        const priced = ctx.rng.uniform() < 0.7 ? Math.max(1, Math.ceil(x)) - 0.01 : Math.round(x * 100) / 100;
        out[i] = Math.min(max, Math.max(min, priced));
      }
      return numberColumn(ctx.column, 'float', out);
    },
  };
}
