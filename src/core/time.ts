/**
 * The simulated clock: instants are whole microseconds since the Unix epoch, UTC, held in a
 * float64 (exact for centuries). Nothing here reads the wall clock.
 */

export const US_PER_MS = 1_000;
export const US_PER_SECOND = 1_000_000;
export const US_PER_MINUTE = 60 * US_PER_SECOND;
export const US_PER_HOUR = 60 * US_PER_MINUTE;
export const US_PER_DAY = 24 * US_PER_HOUR;

const ISO_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$/;

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Year, month 1-12 and day 1-31 of `z` days since the epoch into out[0..2] (no array made: the
 * ISO writer calls it once per day it meets, millions of times). Within a 400-year era every
 * quantity is a non-negative int32, so `| 0` truncates as Math.floor would.
 */
function civilInto(z: number, out: Int32Array): void {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0));
  const mp = ((5 * doy + 2) / 153) | 0;
  const m = mp < 10 ? mp + 3 : mp - 9;
  out[0] = yoe + era * 400 + (m <= 2 ? 1 : 0);
  out[1] = m;
  out[2] = doy - (((153 * mp + 2) / 5) | 0) + 1;
}

const civilScratch = new Int32Array(3);

/** [year, month 1-12, day 1-31] for days since the epoch. */
export function civilFromDays(z: number): [number, number, number] {
  civilInto(z, civilScratch);
  return [civilScratch[0], civilScratch[1], civilScratch[2]];
}

export class TimeParseError extends Error {}

/**
 * Parse an ISO 8601 date or date-time into epoch microseconds. A value without an offset is
 * UTC (the reference's naive datetimes). Throws {@link TimeParseError} with the reason.
 */
export function parseInstant(text: string): number {
  const m = ISO_RE.exec(text.trim());
  if (!m) throw new TimeParseError(`"${text}" is not an ISO 8601 date or date-time (e.g. 2024-01-01T00:00:00Z)`);
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const y = Number(ys);
  const mo = Number(mos);
  const d = Number(ds);
  const h = hs ? Number(hs) : 0;
  const mi = mis ? Number(mis) : 0;
  const s = ss ? Number(ss) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) {
    throw new TimeParseError(`"${text}" is not a valid calendar date-time`);
  }
  let us = (((daysFromCivil(y, mo, d) * 24 + h) * 60 + mi) * 60 + s) * US_PER_SECOND;
  // digits past microseconds are floored (never rounded up into the next µs): integer arithmetic, no float fraction
  if (frac) us += Number(frac.padEnd(9, '0').slice(0, 6));
  if (zone && zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) throw new TimeParseError(`"${text}" has an invalid UTC offset`);
    us -= sign * (oh * 60 + om) * US_PER_MINUTE;
  }
  return us;
}

/** True when `text` parses with {@link parseInstant}. */
export function isInstant(text: string): boolean {
  try {
    parseInstant(text);
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/** `YYYY-MM-DD` for days since the epoch. */
export function formatDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** `YYYY-MM-DDTHH:MM:SS.sssZ` (milliseconds, the default text rendering of an instant). */
export function formatIso(us: number): string {
  const ms = Math.floor(us / US_PER_MS);
  const days = Math.floor(ms / 86_400_000);
  let r = ms - days * 86_400_000;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const mi = Math.floor(r / 60_000);
  r -= mi * 60_000;
  const s = Math.floor(r / 1000);
  return `${formatDate(days)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(r - s * 1000, 3)}Z`;
}

/** `YYYY-MM-DDTHH:MM:SS.ffffffZ` (microseconds, for stream envelopes' emission times). */
export function formatIsoMicros(us: number): string {
  const whole = Math.floor(us);
  // the millisecond text, then the three digits below the millisecond (any year width)
  return `${formatIso(whole).slice(0, -1)}${pad(whole - Math.floor(whole / US_PER_MS) * US_PER_MS, 3)}Z`;
}

/** Two decimal digits of 0 ≤ v < 100 at buf[o]. */
function twoDigits(buf: Uint8Array, o: number, v: number): void {
  const t = (v / 10) | 0;
  buf[o] = 48 + t;
  buf[o + 1] = 48 + v - t * 10;
}

/**
 * Writes ISO instants as ASCII bytes without building strings: the date part is cached per day
 * and everything below it is int32 arithmetic, which makes millions of timestamps cheap in the
 * CSV and JSONL writers.
 */
export class IsoWriter {
  private cachedDay = Number.NaN;
  private readonly dateBytes = new Uint8Array(10);
  private readonly ymd = new Int32Array(3);

  /** Fills the cached `YYYY-MM-DD` for `day` (days since 1970-01-01); false when the year is not 0000-9999. */
  private cacheDay(day: number): boolean {
    const ymd = this.ymd;
    civilInto(day, ymd);
    const y = ymd[0];
    const m = ymd[1];
    const d = ymd[2];
    if (y < 0 || y > 9999) return false;
    const b = this.dateBytes;
    twoDigits(b, 0, (y / 100) | 0);
    twoDigits(b, 2, y % 100);
    b[4] = 45;
    twoDigits(b, 5, m);
    b[7] = 45;
    twoDigits(b, 8, d);
    this.cachedDay = day;
    return true;
  }

  /**
   * Writes `YYYY-MM-DDTHH:MM:SS.sssZ` (24 bytes) at buf[o], or `…SS.ssssssZ` (27 bytes) when the
   * instant has microseconds (an uploaded µs timestamp keeps them); returns the new offset.
   */
  write(buf: Uint8Array, o: number, us: number): number {
    const ms = Math.floor(us / US_PER_MS);
    const day = Math.floor(ms / 86_400_000);
    if (day !== this.cachedDay && !this.cacheDay(day)) return this.writeSlow(buf, o, us);
    const date = this.dateBytes;
    // a loop, not set(): a native call costs more than copying ten bytes
    for (let i = 0; i < 10; i++) buf[o + i] = date[i];
    let r = (ms - day * 86_400_000) | 0;
    const h = (r / 3_600_000) | 0;
    r -= h * 3_600_000;
    const mi = (r / 60_000) | 0;
    r -= mi * 60_000;
    const s = (r / 1000) | 0;
    const f = r - s * 1000;
    buf[o + 10] = 84; // T
    twoDigits(buf, o + 11, h);
    buf[o + 13] = 58;
    twoDigits(buf, o + 14, mi);
    buf[o + 16] = 58;
    twoDigits(buf, o + 17, s);
    buf[o + 19] = 46;
    const f1 = (f / 100) | 0;
    buf[o + 20] = 48 + f1;
    twoDigits(buf, o + 21, f - f1 * 100);
    o += 23;
    const micro = (Math.floor(us) - ms * US_PER_MS) | 0;
    if (micro !== 0) {
      const m1 = (micro / 100) | 0;
      buf[o++] = 48 + m1;
      twoDigits(buf, o, micro - m1 * 100);
      o += 2;
    }
    buf[o++] = 90; // Z
    return o;
  }

  /**
   * Writes 27 bytes (`YYYY-MM-DDTHH:MM:SS.ffffffZ`, microseconds: stream envelopes' times, so
   * events at high rates stay ordered) at buf[o]; returns the new offset.
   */
  writeMicros(buf: Uint8Array, o: number, us: number): number {
    const whole = Math.floor(us);
    const end = this.write(buf, o, whole);
    // write() already gave the six fraction digits when the instant has microseconds
    if (whole % US_PER_MS !== 0) return end;
    buf[end - 1] = 48;
    buf[end] = 48;
    buf[end + 1] = 48;
    buf[end + 2] = 90; // Z
    return end + 3;
  }

  /** Years outside 0000-9999 (signed ISO text): rare, so the plain path. */
  private writeSlow(buf: Uint8Array, o: number, us: number): number {
    const text = us % US_PER_MS === 0 ? formatIso(us) : formatIsoMicros(us);
    for (let i = 0; i < text.length; i++) buf[o++] = text.charCodeAt(i);
    return o;
  }
}

/** Round an instant to whole milliseconds (the resolution of most simulated timestamps). */
export function roundToMs(us: number): number {
  return Math.round(us / US_PER_MS) * US_PER_MS;
}
