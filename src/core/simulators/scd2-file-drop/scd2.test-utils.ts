/** Test harness for the SCD2 drop: generated dimension tables and configs, and a run with its files written. */
import fc from 'fast-check';
import { landRun, type Landed } from '../../../../test/landing';
import { columnFromValues, makeTable, type CellValue, type ColumnType, type Table } from '../../table/column';
import { scd2FileDropSimulator } from './index';

const word = fc.constantFrom('alpha', 'beta', 'x_v2', 'y_v1', 'Zoë', 'a,"b"', '', 'c_v3_v1');

/**
 * `dim`: a unique key (int in random order, or text like "C17"), tracked-type columns with
 * nulls, zeros and `_v{n}`-looking text, a foreign key `region_id` and an untracked time;
 * `zone`: a small second table keyed by `zone_id`.
 */
export const arbTables = fc
  .record({
    textKeys: fc.boolean(),
    keys: fc.oneof({ arbitrary: fc.uniqueArray(fc.integer({ min: -20, max: 500 }), { minLength: 1, maxLength: 25 }), weight: 6 }, { arbitrary: fc.constant<number[]>([]), weight: 1 }),
    zones: fc.integer({ min: 0, max: 4 }),
  })
  .chain(({ textKeys, keys, zones }) =>
    fc
      .record({
        name: fc.array(fc.option(word, { freq: 5 }), { minLength: keys.length, maxLength: keys.length }),
        level: fc.array(fc.option(fc.integer({ min: -3, max: 40 }), { freq: 5 }), { minLength: keys.length, maxLength: keys.length }),
        score: fc.array(fc.option(fc.oneof(fc.constant(0), fc.double({ min: -1e4, max: 1e4, noNaN: true })), { freq: 5 }), { minLength: keys.length, maxLength: keys.length }),
        active: fc.array(fc.option(fc.boolean(), { freq: 5 }), { minLength: keys.length, maxLength: keys.length }),
        region: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: keys.length, maxLength: keys.length }),
        since: fc.array(fc.integer({ min: 1_600_000_000_000, max: 1_700_000_000_000 }), { minLength: keys.length, maxLength: keys.length }),
      })
      .map((v) => {
        const cols: [string, ColumnType, CellValue[]][] = [
          ['id', textKeys ? 'string' : 'int', keys.map((k) => (textKeys ? `C${k}` : k))],
          ['name', 'string', v.name],
          ['level', 'int', v.level],
          ['score', 'float', v.score],
          ['active', 'bool', v.active],
          ['region_id', 'int', v.region],
          ['since', 'timestamp', v.since.map((ms) => ms * 1000)],
        ];
        const dim = makeTable('dim', cols.map(([n, t, x]) => columnFromValues(n, t, x)));
        const zone = makeTable('zone', [
          columnFromValues('zone_id', 'int', Array.from({ length: zones }, (_, i) => i + 1)),
          columnFromValues('label', 'string', Array.from({ length: zones }, (_, i) => `z${i}`)),
        ]);
        return [dim, zone] as Table[];
      }),
  );

const rate = fc.oneof({ arbitrary: fc.double({ min: 0.05, max: 1, noNaN: true }), weight: 4 }, { arbitrary: fc.constantFrom(0, 1), weight: 1 });

export const arbConfig = fc.record({
  entities: fc.constantFrom([], ['dim'], ['dim']),
  businessKeyColumn: fc.constantFrom('', 'id'),
  scd2Columns: fc.constantFrom([], ['name'], ['level', 'score'], ['active', 'name', 'score'], ['level']),
  numDeltaDays: fc.oneof({ arbitrary: fc.integer({ min: 1, max: 5 }), weight: 5 }, { arbitrary: fc.constant(0), weight: 1 }),
  dailyChangeRate: rate,
  dailyNewRate: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 0.5, noNaN: true })),
  formats: fc.subarray(['csv', 'jsonl', 'parquet'] as const, { minLength: 1 }),
  manifestEnabled: fc.boolean(),
  effectiveDateColumn: fc.constantFrom('valid_from', 'start_at'),
  initialLoadDate: fc.constantFrom('2024-01-01', '2024-02-28'),
  seed: fc.nat(1000),
});

export type GenConfig = typeof arbConfig extends fc.Arbitrary<infer C> ? C : never;

export type { Landed };

/** Run the simulator on `tables` and write every landed file. */
export const land = (config: Record<string, unknown>, tables: readonly Table[]): Promise<Landed> => landRun(scd2FileDropSimulator, config, tables);
