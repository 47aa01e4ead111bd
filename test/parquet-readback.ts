import { parquetReadObjects } from 'hyparquet';
import { expect } from 'vitest';
import { writeParquetBytes } from '../src/core/output/parquet';
import { tableRows, type Table } from '../src/core/table/column';

/**
 * Write a table as Parquet and read it back with an independent reader (hyparquet): the same
 * rows and values, dictionary and null columns expanded, timestamps to the millisecond, ints as
 * INT64.
 */
export async function expectParquetRoundTrip(t: Table): Promise<void> {
  const bytes = writeParquetBytes(t);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const got = (await parquetReadObjects({ file, utf8: true })) as Record<string, unknown>[];
  const want = tableRows(t);
  expect(got.length).toBe(want.length);
  got.forEach((row, i) => {
    for (const c of t.columns) {
      const v = want[i][c.name];
      const x = row[c.name] ?? null;
      if (v === null) expect(x).toBeNull();
      else if (c.type === 'timestamp') expect((x as Date).getTime()).toBe(Math.floor((v as number) / 1000));
      else if (c.type === 'int') expect(x).toBe(BigInt(v as number));
      else expect(x).toEqual(v);
    }
  });
}
