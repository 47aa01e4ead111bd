/**
 * `us_zip_locations` (spec §3 "Reference data"): a fixed subset of zip records derived from
 * the city list in `cities.ts` — each city gets several 5-digit zips under its 3-digit prefix
 * (40 for the 30 largest cities, 20 for the next 70, 8 elsewhere) placed a few km around its
 * centre. Built once at load, columnar, deterministic: part of the golden hashes.
 */
import { hashString32 } from '../../ids';
import { CITY_LINES } from './cities';

/** The 50 states and DC. */
export const STATE_CODES: readonly string[] = `AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY`.split(' ');

export interface ZipRecords {
  readonly length: number;
  /** 5-character zip strings. */
  readonly zip: readonly string[];
  /** Distinct city names; `city[i]` indexes it. */
  readonly cityNames: readonly string[];
  readonly city: Int32Array;
  /** Index into {@link STATE_CODES}. */
  readonly state: Int32Array;
  readonly lat: Float64Array;
  readonly lng: Float64Array;
}

interface City {
  readonly name: string;
  readonly state: string;
  readonly lat: number;
  readonly lng: number;
  readonly prefix: number;
}

export const CITIES: readonly City[] = CITY_LINES.split('\n').map((line) => {
  const [name, state, lat, lng, prefix] = line.split(',');
  return { name, state, lat: Number(lat), lng: Number(lng), prefix: Number(prefix) };
});

/** The 100 largest cities (the list's first 100 lines). */
export const LARGEST_CITIES: readonly string[] = CITIES.slice(0, 100).map((c) => c.name);

const zipsFor = (rank: number) => (rank < 30 ? 40 : rank < 100 ? 20 : 8);

/** A deterministic offset in [-0.06°, 0.06°) from a key (about ±6 km). */
function jitter(key: string, salt: number): number {
  return ((hashString32(key, salt) / 4294967296) * 12 - 6) / 100;
}

function build(): ZipRecords {
  const used = new Map<number, number>();
  const zip: string[] = [];
  const cityNames: string[] = [];
  const cityIndex = new Map<string, number>();
  const city: number[] = [];
  const state: number[] = [];
  const lat: number[] = [];
  const lng: number[] = [];
  CITIES.forEach((c, rank) => {
    if (!STATE_CODES.includes(c.state)) throw new Error(`cities: unknown state ${c.state}`);
    if (!cityIndex.has(c.name)) {
      cityIndex.set(c.name, cityNames.length);
      cityNames.push(c.name);
    }
    let prefix = c.prefix;
    for (let k = 0; k < zipsFor(rank); k++) {
      // the next free zip under this prefix (a full prefix spills into the next one)
      let next = used.get(prefix) ?? 1;
      while (next > 99) {
        prefix++;
        next = used.get(prefix) ?? 1;
      }
      used.set(prefix, next + 1);
      const z = String(prefix * 100 + next).padStart(5, '0');
      zip.push(z);
      city.push(cityIndex.get(c.name)!);
      state.push(STATE_CODES.indexOf(c.state));
      lat.push(Math.round((c.lat + (k ? jitter(z, 1) : 0)) * 1e4) / 1e4);
      lng.push(Math.round((c.lng + (k ? jitter(z, 2) : 0)) * 1e4) / 1e4);
    }
  });
  return {
    length: zip.length,
    zip,
    cityNames,
    city: Int32Array.from(city),
    state: Int32Array.from(state),
    lat: Float64Array.from(lat),
    lng: Float64Array.from(lng),
  };
}

/** The zip records (built on first use). */
let records: ZipRecords | undefined;
export function zipRecords(): ZipRecords {
  return (records ??= build());
}
