import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, daysFromCivil, formatDate, formatIso, formatIsoMicros, IsoWriter, parseInstant, US_PER_MS } from './time';

// Date (with arguments) is the independent oracle here; the engine itself never reads the clock.
const MIN = Date.UTC(1900, 0, 1);
const MAX = Date.UTC(2200, 0, 1);

describe('simulated clock', () => {
  it('formats instants like Date.toISOString (ms) for any instant 1900–2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), (ms) => {
        expect(formatIso(ms * US_PER_MS)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 500 },
    );
  });

  it('parses what it formats, and ISO text with offsets', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), (ms) => {
        expect(parseInstant(new Date(ms).toISOString())).toBe(ms * US_PER_MS);
      }),
    );
    expect(parseInstant('2024-01-01')).toBe(Date.UTC(2024, 0, 1) * 1000);
    expect(parseInstant('2024-01-01T00:00:00')).toBe(Date.UTC(2024, 0, 1) * 1000);
    expect(parseInstant('2024-01-01T02:00:00+02:00')).toBe(Date.UTC(2024, 0, 1) * 1000);
    expect(parseInstant('2023-12-31T19:30:00-04:30')).toBe(Date.UTC(2024, 0, 1) * 1000);
    expect(parseInstant('2024-01-01T00:00:00.123456Z')).toBe(Date.UTC(2024, 0, 1) * 1000 + 123_456);
  });

  it('refuses what is not a valid date-time', () => {
    for (const bad of ['', 'yesterday', '2024-13-01', '2024-02-30', '2024-01-01T25:00', '2024-01-01T00:00:00+25:00', '01/02/2024']) {
      expect(() => parseInstant(bad)).toThrow();
    }
  });

  it('civil dates round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (d) => {
        const [y, m, day] = civilFromDays(d);
        expect(daysFromCivil(y, m, day)).toBe(d);
      }),
    );
    expect(formatDate(0)).toBe('1970-01-01');
    expect(formatDate(daysFromCivil(2024, 2, 29))).toBe('2024-02-29');
  });

  it('IsoWriter writes the same text as formatIso (formatIsoMicros when there are microseconds), as bytes', () => {
    const w = new IsoWriter();
    const buf = new Uint8Array(32);
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), fc.integer({ min: 0, max: 999 }), (ms, micro) => {
        const us = ms * 1000 + micro;
        const end = w.write(buf, 0, us);
        expect(new TextDecoder().decode(buf.subarray(0, end))).toBe(micro === 0 ? formatIso(us) : formatIsoMicros(us));
      }),
      { numRuns: 500 },
    );
  });

  it('floors digits past microseconds when parsing (never rounds up)', () => {
    expect(parseInstant('2024-01-01T00:00:00.123456789Z')).toBe(Date.UTC(2024, 0, 1) * 1000 + 123_456);
    expect(parseInstant('2024-01-01T00:00:00.0000009Z')).toBe(Date.UTC(2024, 0, 1) * 1000);
    expect(parseInstant('2024-01-01T00:00:00.3Z')).toBe(Date.UTC(2024, 0, 1) * 1000 + 300_000);
  });

  it('keeps microseconds when asked (stream envelopes)', () => {
    expect(formatIsoMicros(Date.UTC(2024, 0, 1) * 1000 + 1_234_567)).toBe('2024-01-01T00:00:01.234567Z');
  });

  it('IsoWriter agrees with formatIso across the years 0000-9999 and past them (the slow path), in any order of days', () => {
    const w = new IsoWriter();
    const buf = new Uint8Array(40);
    // µs instants a double holds exactly: any µs within ±2^53 (1685-2255), whole seconds far wider
    const safeUs = fc.tuple(fc.integer({ min: -9_007_199_254_739, max: 9_007_199_254_739 }), fc.integer({ min: 0, max: 999 })).map(([ms, micro]) => ms * 1000 + micro);
    const wholeSeconds = fc.integer({ min: Date.UTC(-200, 0, 1) / 1000, max: Date.UTC(10_200, 0, 1) / 1000 }).map((sec) => sec * 1e6);
    fc.assert(
      fc.property(fc.array(fc.oneof(safeUs, wholeSeconds), { minLength: 1, maxLength: 8 }), (instants) => {
        for (const us of instants) {
          const end = w.write(buf, 1, us);
          expect(new TextDecoder().decode(buf.subarray(1, end))).toBe(us % 1000 === 0 ? formatIso(us) : formatIsoMicros(us));
        }
      }),
      { numRuns: 1000 },
    );
    for (const iso of ['0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z', '2000-02-29T12:00:00.000Z', '1969-12-31T23:59:59.999Z']) {
      const us = Date.parse(iso) * 1000;
      expect(new TextDecoder().decode(buf.subarray(0, w.write(buf, 0, us)))).toBe(iso);
    }
  });

  it('IsoWriter.writeMicros writes the same text as formatIsoMicros, as bytes', () => {
    const w = new IsoWriter();
    const buf = new Uint8Array(40);
    expect(new TextDecoder().decode(buf.subarray(0, w.writeMicros(buf, 3, -1))).slice(3)).toBe('1969-12-31T23:59:59.999999Z');
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), fc.integer({ min: 0, max: 999 }), (ms, micro) => {
        const us = ms * 1000 + micro;
        const end = w.writeMicros(buf, 0, us);
        expect(new TextDecoder().decode(buf.subarray(0, end))).toBe(formatIsoMicros(us));
      }),
      { numRuns: 500 },
    );
  });
});
