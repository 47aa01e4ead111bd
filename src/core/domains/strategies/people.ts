/**
 * People and places (spec §2 "faker" and "record_sample/field"): gendered first names, last
 * names, emails built from the row's names, phones, street addresses, "first last" names and
 * zip-record fields. Text is written as bytes; names are dictionary codes into the lists.
 */
import { dictColumn, numberColumn, Utf8Builder, type Column, type DictColumn } from '../../table/column';
import type { GenContext, Strategy } from '../model';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from '../reference/names';
import { STATE_CODES, zipRecords } from '../reference/places';
import { EMAIL_DOMAINS, STREET_SUFFIXES, STREETS } from '../reference/words';

const encoder = new TextEncoder();
/** All given names: female first, then male; the dictionary of first-name columns. */
const FIRST_NAMES: readonly string[] = [...FEMALE_FIRST_NAMES, ...MALE_FIRST_NAMES];
const MALE_START = FEMALE_FIRST_NAMES.length;

/** A first name matching the row's gender (`gender` = M/F); without a gender column, either list. */
export function firstName(gender?: string): Strategy {
  return {
    kind: 'faker_first_name',
    generate(ctx) {
      const g = gender ? (ctx.col(gender) as DictColumn) : null;
      const male = g ? g.dict.indexOf('M') : -1;
      const codes = new Int32Array(ctx.n);
      const nf = FEMALE_FIRST_NAMES.length;
      const nm = MALE_FIRST_NAMES.length;
      for (let i = 0; i < ctx.n; i++) {
        const isMale = g ? g.codes[i] === male : ctx.rng.uniform() < 0.5;
        codes[i] = isMale ? MALE_START + ctx.rng.index(nm) : ctx.rng.index(nf);
      }
      return dictColumn(ctx.column, FIRST_NAMES, codes);
    },
  };
}

export function lastName(): Strategy {
  return {
    kind: 'faker_last_name',
    generate(ctx) {
      const codes = new Int32Array(ctx.n);
      for (let i = 0; i < ctx.n; i++) codes[i] = ctx.rng.index(LAST_NAMES.length);
      return dictColumn(ctx.column, LAST_NAMES, codes);
    },
  };
}

/** Lower-case letters and digits of each entry as bytes (email local parts). */
const localPart = (list: readonly string[]) => list.map((s) => encoder.encode(s.toLowerCase().replace(/[^a-z0-9]/g, '')));

/** `first.last{1..998}@domain` from the row's names, lower case, letters and digits only. */
export function email(first: string, last: string): Strategy {
  return {
    bytesPerRow: 36,
    kind: 'faker_email',
    generate(ctx) {
      const f = ctx.col(first) as DictColumn;
      const l = ctx.col(last) as DictColumn;
      const fb = localPart(f.dict);
      const lb = localPart(l.dict);
      const domains = EMAIL_DOMAINS.map((d) => encoder.encode(`@${d}`));
      const b = new Utf8Builder(ctx.n, 32);
      for (let i = 0; i < ctx.n; i++) {
        const a = fb[f.codes[i]];
        const c = lb[l.codes[i]];
        const num = 1 + ctx.rng.index(998);
        const d = domains[ctx.rng.index(domains.length)];
        const digits = num < 10 ? 1 : num < 100 ? 2 : 3;
        const at = b.reserveRaw(a.length + 1 + c.length + digits + d.length);
        const buf = b.bytes;
        buf.set(a, at);
        buf[at + a.length] = 46;
        buf.set(c, at + a.length + 1);
        const o = at + a.length + 1 + c.length + digits;
        for (let v = num, k = 1; k <= digits; k++, v = Math.floor(v / 10)) buf[o - k] = 48 + (v % 10);
        buf.set(d, o);
      }
      return b.finish(ctx.column);
    },
  };
}

function writeInt(buf: Uint8Array, at: number, v: number, width: number): void {
  for (let k = width - 1; k >= 0; k--, v = Math.floor(v / 10)) buf[at + k] = 48 + (v % 10);
}

/** `(200–998) 200–998-1000–9998`. */
export function phone(): Strategy {
  return {
    bytesPerRow: 18,
    kind: 'faker_phone',
    generate(ctx) {
      const bytes = new Uint8Array(ctx.n * 14);
      const offsets = new Int32Array(ctx.n + 1);
      for (let i = 0; i < ctx.n; i++) {
        const o = i * 14;
        bytes[o] = 40;
        writeInt(bytes, o + 1, ctx.rng.int(200, 998), 3);
        bytes[o + 4] = 41;
        bytes[o + 5] = 32;
        writeInt(bytes, o + 6, ctx.rng.int(200, 998), 3);
        bytes[o + 9] = 45;
        writeInt(bytes, o + 10, ctx.rng.int(1000, 9998), 4);
        offsets[i + 1] = o + 14;
      }
      return { name: ctx.column, type: 'string', encoding: 'utf8', offsets, bytes };
    },
  };
}

/** `{100–9998} {street} {St|Ave|…}`. */
export function streetAddress(): Strategy {
  return {
    bytesPerRow: 28,
    kind: 'faker_street_address',
    generate(ctx) {
      const streets = STREETS.map((s) => encoder.encode(` ${s} `));
      const suffixes = STREET_SUFFIXES.map((s) => encoder.encode(s));
      const b = new Utf8Builder(ctx.n, 24);
      for (let i = 0; i < ctx.n; i++) {
        const num = ctx.rng.int(100, 9998);
        const s = streets[ctx.rng.index(streets.length)];
        const x = suffixes[ctx.rng.index(suffixes.length)];
        const w = num < 1000 ? 3 : 4;
        const at = b.reserveRaw(w + s.length + x.length);
        writeInt(b.bytes, at, num, w);
        b.bytes.set(s, at + w);
        b.bytes.set(x, at + w + s.length);
      }
      return b.finish(ctx.column);
    },
  };
}

/** `first last` (performed_by, issued_by). */
export function personName(): Strategy {
  return {
    bytesPerRow: 20,
    kind: 'faker_name',
    generate(ctx) {
      const firsts = FIRST_NAMES.map((s) => encoder.encode(`${s} `));
      const lasts = LAST_NAMES.map((s) => encoder.encode(s));
      const b = new Utf8Builder(ctx.n, 16);
      for (let i = 0; i < ctx.n; i++) {
        const f = firsts[ctx.rng.index(firsts.length)];
        const l = lasts[ctx.rng.index(lasts.length)];
        const at = b.reserveRaw(f.length + l.length);
        b.bytes.set(f, at);
        b.bytes.set(l, at + f.length);
      }
      return b.finish(ctx.column);
    },
  };
}

export type ZipField = 'city' | 'state' | 'zip_code' | 'lat' | 'lng';

/** One `us_zip_locations` record per row feeds city, state, zip, lat and lng (drawn once per table). */
export function zipField(field: ZipField): Strategy {
  return {
    kind: 'record_field',
    generate(ctx: GenContext): Column {
      const z = zipRecords();
      const rows = ctx.shared('zip_record', () => {
        const r = ctx.streamOf('zip_record');
        const out = new Int32Array(ctx.n);
        for (let i = 0; i < ctx.n; i++) out[i] = r.index(z.length);
        return out;
      });
      const n = ctx.n;
      switch (field) {
        case 'city':
          return dictColumn(ctx.column, z.cityNames, Int32Array.from(rows, (r) => z.city[r]));
        case 'state':
          return dictColumn(ctx.column, STATE_CODES, Int32Array.from(rows, (r) => z.state[r]));
        case 'zip_code':
          return dictColumn(ctx.column, z.zip, rows.slice(0, n));
        default: {
          const src = field === 'lat' ? z.lat : z.lng;
          return numberColumn(ctx.column, 'float', Float64Array.from(rows, (r) => src[r]));
        }
      }
    },
  };
}
