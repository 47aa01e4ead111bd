import { describe, expect, it } from 'vitest';
import { parseInstant, US_PER_HOUR } from './time';
import { bucketMinutesFor, MAX_BUCKETS, TimeBuckets } from './time-buckets';

describe('time buckets', () => {
  it('5 min for a day, at most 300 buckets for any window', () => {
    expect(bucketMinutesFor(24 * 60)).toBe(5);
    expect(bucketMinutesFor(60)).toBe(1);
    for (const hours of [0.01, 1, 5, 24, 72, 168, 720, 8784]) expect(Math.ceil((hours * 60) / bucketMinutesFor(hours * 60))).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it('places instants in their bucket and refuses those outside the window', () => {
    const start = parseInstant('2024-01-01T00:00:00Z');
    const b = new TimeBuckets(start, start + 24 * US_PER_HOUR);
    expect([b.bucketMinutes, b.count]).toEqual([5, 288]);
    expect(b.index(start)).toBe(0);
    expect(b.index(start + 5 * 60e6 - 1)).toBe(0);
    expect(b.index(start + 5 * 60e6)).toBe(1);
    expect(b.index(start - 1)).toBe(-1);
    expect(b.index(start + 24 * US_PER_HOUR)).toBe(-1);
    expect(b.starts()[1]).toBe('2024-01-01T00:05:00.000Z');
    const hourly = new TimeBuckets(start, start + 24 * US_PER_HOUR, 60);
    expect([hourly.bucketMinutes, hourly.count, hourly.index(start + US_PER_HOUR)]).toEqual([60, 24, 1]);
  });
});
