// Envelope edge cases the generated tables rarely reach: times far outside 0000–9999, a table
// without columns, text that needs escaping in every envelope field.
import { describe, expect, it } from 'vitest';
import { columnFromValues, makeTable } from '../../table/column';
import { formatIso, formatIsoMicros } from '../../time';
import { emit, parseStream } from './stream-emit.test-utils';

describe('envelopes', () => {
  it('stay valid JSON for event times beyond year 9999 or long before the epoch, and for a table without columns', async () => {
    const times = [Date.UTC(20000, 0, 1) * 1000, -1e17, 0];
    const far = makeTable('far', [columnFromValues('at', 'timestamp', times)]);
    const { result } = await emit({ ratePerSec: 1 }, [
      { table: far, times },
      { table: makeTable('bare', []), times: [] },
    ]);
    const events = parseStream(result);
    // canonical order: by event time
    expect(events.map((e) => e.time)).toEqual([times[1], times[2], times[0]].map(formatIsoMicros));
    expect(events.map((e) => e.data)).toEqual([1, 2, 0].map((row) => ({ at: formatIso(times[row]), _spindle_table: 'far', _spindle_seq: row })));
    expect(formatIsoMicros(times[0])).toMatch(/^20000-01-01T00:00:00\.000000Z$/);
  });

  it('escape quotes, backslashes and controls in the source, schema version, topic and table names', async () => {
    const t = makeTable('we"ird\\name', [columnFromValues('s', 'string', ['line\nbreak "q" \u0001'])]);
    const { result } = await emit({ envelopeSource: 'a"b\\c', envelopeSchemaVersion: 'v\t2', topics: ['ok'] }, [{ table: t, times: [null] }]);
    const [e] = parseStream(result);
    expect(e.source).toBe('a"b\\c');
    expect(e.schema_version).toBe('v\t2');
    expect(e.data).toEqual({ s: 'line\nbreak "q" \u0001', _spindle_table: 'we"ird\\name', _spindle_seq: 0 });
    expect(e.line.split('\n').length).toBe(2);
  });
});
