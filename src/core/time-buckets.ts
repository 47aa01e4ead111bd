import { formatIso, US_PER_MINUTE } from './time';

/**
 * Time buckets for charts over a simulated window: the bucket width is the smallest of a few
 * clock-friendly widths that keeps the count at most {@link MAX_BUCKETS}, so a chart stays small
 * (and readable) for a one-hour window and a one-year window alike.
 */
export const BUCKET_MINUTES = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080] as const;
export const MAX_BUCKETS = 300;

/** The bucket width for a window of `minutes`. */
export function bucketMinutesFor(minutes: number): number {
  return BUCKET_MINUTES.find((b) => Math.ceil(minutes / b) <= MAX_BUCKETS) ?? BUCKET_MINUTES[BUCKET_MINUTES.length - 1];
}

/** Buckets covering [startUs, endUs): width, count, and the bucket of an instant. */
export class TimeBuckets {
  readonly bucketMinutes: number;
  readonly count: number;
  readonly widthUs: number;

  /** @param minMinutes the narrowest bucket wanted (e.g. 60 for per-hour counts) */
  constructor(
    readonly startUs: number,
    readonly endUs: number,
    minMinutes = 1,
  ) {
    const minutes = Math.max(0, endUs - startUs) / US_PER_MINUTE;
    this.bucketMinutes = Math.max(minMinutes, bucketMinutesFor(minutes));
    this.count = Math.max(1, Math.ceil(minutes / this.bucketMinutes));
    this.widthUs = this.bucketMinutes * US_PER_MINUTE;
  }

  /** The bucket of instant `t`, or −1 when it lies outside [start, end). */
  index(t: number): number {
    if (!(t >= this.startUs && t < this.endUs)) return -1;
    return Math.min(this.count - 1, Math.floor((t - this.startUs) / this.widthUs));
  }

  /** Bucket start instants as ISO text. */
  starts(): string[] {
    return Array.from({ length: this.count }, (_, b) => formatIso(this.startUs + b * this.widthUs));
  }
}
