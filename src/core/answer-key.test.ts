import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnswerKeyBuilder, jsonText } from './answer-key';
import { stringAt } from './table/column';

describe('answer key', () => {
  it('jsonText is JSON.stringify for any string (escapes, control characters, lone surrogates)', () =>
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' })), (s) => {
      expect(jsonText(s)).toBe(JSON.stringify(s));
    }), { numRuns: 500 }));

  it('takes a key as text or as its UTF-8 bytes, with the same row', () => {
    const a = new AnswerKeyBuilder();
    const b = new AnswerKeyBuilder();
    a.add('late', 'order', 'ORD-1 é', 5, { n: 1 });
    b.addJson('late', 'order', new TextEncoder().encode('ORD-1 é'), 5, '{"n":1}');
    const [ta, tb] = [a.finish(), b.finish()];
    for (let c = 0; c < ta.columns.length; c++) {
      const [x, y] = [ta.columns[c], tb.columns[c]];
      if (x.type === 'string' && y.type === 'string') expect(stringAt(y, 0)).toBe(stringAt(x, 0));
      else expect(y).toEqual(x);
    }
  });

  it('a finished key stays as it was while the builder goes on (its texts share the builder’s memory)', () => {
    const b = new AnswerKeyBuilder();
    const rowsOf = (t: ReturnType<AnswerKeyBuilder['finish']>) =>
      Array.from({ length: t.length }, (_, i) => t.columns.map((c) => (c.type === 'string' ? stringAt(c, i) : c.valid?.[i] === 0 ? null : c.values[i])));
    const seen: { table: ReturnType<AnswerKeyBuilder['finish']>; rows: unknown[][] }[] = [];
    for (let round = 0; round < 12; round++) {
      // enough rows that the builder fills its buffers (views) and grows them (new buffers) along the way
      for (let i = 0; i < 40 * (round + 1); i++) b.add(round % 2 ? 'late_row' : 'duplicate', 'order', `k${round}-${i}`, i % 7 ? i : null, { round, i, pad: 'x'.repeat(i % 50) });
      const table = b.finish();
      seen.push({ table, rows: rowsOf(table) });
    }
    for (const { table, rows } of seen) expect(rowsOf(table)).toEqual(rows);
    expect(seen.at(-1)!.table.length).toBe(b.length);
  });

  it('takes a key and details written as UTF-8 into one reused buffer (addEncoded), with the same rows as addJson', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 90 });
    const fault = fc.record({ kind: fc.constantFrom('late_row', 'duplicate'), key: text, time: fc.option(fc.integer({ min: 0, max: 2 ** 52 })), details: text });
    fc.assert(
      fc.property(fc.array(fault, { maxLength: 20 }), (faults) => {
        const a = new AnswerKeyBuilder();
        const b = new AnswerKeyBuilder();
        const buffer = new Uint8Array(1024).fill(65);
        const utf8 = new TextEncoder();
        for (const f of faults) {
          a.addJson(f.kind, 'order', f.key, f.time, f.details);
          const keyEnd = utf8.encodeInto(f.key, buffer).written;
          const end = keyEnd + utf8.encodeInto(f.details, buffer.subarray(keyEnd)).written;
          b.addEncoded(f.kind, 'order', f.time, buffer, keyEnd, end);
        }
        expect(b.finish()).toEqual(a.finish());
        expect(b.countsByKind()).toEqual(a.countsByKind());
      }),
      { numRuns: 200 },
    );
  });
});
