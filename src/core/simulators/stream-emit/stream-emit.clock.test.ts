// The simulated clock: rate multipliers (burst windows, time-of-day patterns, the 0.001 floor)
// and the schedule's replay bursts against the spec's rules, recomputed independently.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../rng';
import { parseInstant, US_PER_MINUTE } from '../../time';
import { RateShape, schedule } from './stream-emit.clock';
import { streamEmitConfig, type StreamEmitConfig } from './stream-emit.config';

const config = (raw: Record<string, unknown>): StreamEmitConfig => {
  const r = streamEmitConfig.parse(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
};
const at = (iso: string) => parseInstant(iso);
const noTick = () => Promise.resolve();

describe('RateShape', () => {
  it('multiplies the windows open at [start, start + duration) and floors the product at 0.001', () => {
    const start = at('2024-01-01T00:00:00Z');
    const shape = new RateShape(
      config({
        burstWindows: [
          { startOffsetSeconds: 10, durationSeconds: 10, multiplier: 4 },
          { startOffsetSeconds: 15, durationSeconds: 10, multiplier: 0.5 },
          { startOffsetSeconds: 30, durationSeconds: 1, multiplier: 0 },
        ],
      }),
      start,
    );
    const s = (sec: number) => shape.at(start + sec * 1e6);
    expect(s(9.999999)).toBe(1);
    expect(s(10)).toBe(4);
    expect(s(15)).toBe(2);
    expect(s(20)).toBe(0.5);
    expect(s(25)).toBe(1);
    expect(s(30.5)).toBe(0.001);
    expect(s(31)).toBe(1);
  });

  it('business_hours and retail_peak follow the reference presets by UTC hour and weekday', () => {
    const bh = new RateShape(config({ timePattern: 'business_hours' }), 0);
    const rp = new RateShape(config({ timePattern: 'retail_peak' }), 0);
    // 2024-01-01 is a Monday
    expect(bh.at(at('2024-01-01T07:59:59Z'))).toBe(0.3);
    expect(bh.at(at('2024-01-01T08:00:00Z'))).toBe(1.5);
    expect(bh.at(at('2024-01-01T17:59:59Z'))).toBe(1.5);
    expect(bh.at(at('2024-01-01T18:00:00Z'))).toBe(1.0);
    expect(bh.at(at('2024-01-01T20:59:59Z'))).toBe(1.0);
    expect(bh.at(at('2024-01-01T21:00:00Z'))).toBe(0.3);
    expect(bh.at(at('2024-01-06T09:00:00Z'))).toBeCloseTo(1.5 * 0.4, 12); // Saturday
    expect(bh.at(at('2024-01-07T09:00:00Z'))).toBeCloseTo(1.5 * 0.2, 12); // Sunday
    expect(rp.at(at('2024-01-03T11:00:00Z'))).toBe(0.4);
    expect(rp.at(at('2024-01-03T12:00:00Z'))).toBe(1.2);
    expect(rp.at(at('2024-01-03T14:59:00Z'))).toBe(1.2);
    expect(rp.at(at('2024-01-03T19:00:00Z'))).toBe(2.0);
    expect(rp.at(at('2024-01-03T22:59:00Z'))).toBe(2.0);
    expect(rp.at(at('2024-01-03T23:00:00Z'))).toBe(0.4);
    expect(rp.at(at('2024-01-07T20:00:00Z'))).toBeCloseTo(2.0 * 1.8, 12);
    expect(rp.at(at('1969-12-28T20:00:00Z'))).toBeCloseTo(2.0 * 1.8, 12); // a Sunday before the epoch
  });
});

describe('schedule', () => {
  it('gaps are round(1e6 / (rate × multiplier at the clock)), jitter is added before each event, and the draws are jitter, u, then s', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 80 }),
        fc.record({
          ratePerSec: fc.constantFrom(0, 0.7, 10, 3000),
          jitterMs: fc.constantFrom(0, 2.5, 400),
          replayEnabled: fc.boolean(),
          replayProbability: fc.constantFrom(0, 0.3, 1),
          replayBurstSize: fc.integer({ min: 1, max: 6 }),
          replayWindowMinutes: fc.constantFrom(0.0001, 0.01, 3),
          timePattern: fc.constantFrom('none', 'retail_peak'),
          burstWindows: fc.constantFrom([], [{ startOffsetSeconds: 0.2, durationSeconds: 3, multiplier: 8 }]),
        }),
        fc.string(),
        async (n, raw, seed) => {
          const c = config(raw);
          const got = await schedule(n, c, new Rng(seed), noTick);
          // the oracle: the spec's loop written out plainly
          const rng = new Rng(seed);
          const shape = new RateShape(c, at(c.streamStart));
          const emitted: number[] = [];
          const bursts: [number, number, number][] = [];
          let clock = at(c.streamStart);
          for (let k = 0; k < n; k++) {
            if (c.jitterMs > 0) clock += Math.round(rng.uniform() * c.jitterMs * 1000);
            emitted.push(clock);
            if (c.replayEnabled && rng.uniform() < c.replayProbability) {
              const windowStart = clock - Math.round(c.replayWindowMinutes * US_PER_MINUTE);
              const cand = emitted.map((t, i) => [t, i]).filter(([t]) => t >= windowStart).map(([, i]) => i);
              const b = c.replayBurstSize;
              const s = cand.length > b ? rng.int(0, cand.length - b) : 0;
              bursts.push([k, cand[s], Math.min(b, cand.length)]);
            }
            if (c.ratePerSec > 0) clock += Math.round(1e6 / (c.ratePerSec * shape.at(clock)));
          }
          expect(Array.from(got.emittedAt)).toEqual(emitted);
          expect(Array.from(got.after)).toEqual(bursts.map((x) => x[0]));
          expect(Array.from(got.first)).toEqual(bursts.map((x) => x[1]));
          expect(Array.from(got.count)).toEqual(bursts.map((x) => x[2]));
          expect(got.replayEvents).toBe(bursts.reduce((a, x) => a + x[2], 0));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a clock that would pass the year 9999', async () => {
    const c = config({ ratePerSec: 1e-9 });
    await expect(schedule(400, c, new Rng('x'), noTick)).rejects.toThrow(/year 9999/);
  });
});
