import { describe, expect, it } from 'vitest';
import { makeTable, columnFromValues } from '../src/core/table/column';
import { expectFileHolds, readCsv } from './readers';

describe('the independent test readers', () => {
  it('CSV: quotes, doubled quotes, commas and newlines inside quotes; empty unquoted is null, "" the empty string', () => {
    expect(readCsv('s\nplain\n"a,b"\n"say ""hi"""\n""\n\n" pad"\n')).toEqual([['s'], ['plain'], ['a,b'], ['say "hi"'], [''], [null], [' pad']]);
    expect(readCsv('a,b,c\n1,,"x\ny"\n')).toEqual([['a', 'b', 'c'], ['1', null, 'x\ny']]);
    expect(() => readCsv('"unterminated\n')).toThrow(/unterminated quote/);
  });

  it('a file that does not hold the table is caught, naming the column and the first row that differs', async () => {
    const t = makeTable('t', [columnFromValues('n', 'int', [1, 2, 3]), columnFromValues('at', 'timestamp', [0, 1_000, 2_000_000])]);
    const csv = (text: string) => new TextEncoder().encode(text);
    await expectFileHolds(csv('n,at\n1,1970-01-01T00:00:00.000Z\n2,1970-01-01T00:00:00.001Z\n3,1970-01-01T00:00:02.000Z\n'), 'csv', t, 'good');
    await expect(expectFileHolds(csv('n,at\n1,1970-01-01T00:00:00.000Z\n2,1970-01-01T00:00:00.002Z\n3,1970-01-01T00:00:02.000Z\n'), 'csv', t, 'bad')).rejects.toThrow(
      /bad: at \(timestamp\) differs in 1 rows, first row 1/,
    );
    await expect(expectFileHolds(csv('n,at\n1,1970-01-01T00:00:00.000Z\n'), 'csv', t, 'short')).rejects.toThrow(/short: rows/);
    await expect(expectFileHolds(csv('{"n":1,"at":"1970-01-01T00:00:00.000Z"}\n{"n":2,"at":"1970-01-01T00:00:00.001Z"}\n{"n":4,"at":"1970-01-01T00:00:02.000Z"}\n'), 'jsonl', t, 'jsonl')).rejects.toThrow(
      /jsonl: n \(int\) differs in 1 rows, first row 2: wrote 3, read 4/,
    );
  });
});
