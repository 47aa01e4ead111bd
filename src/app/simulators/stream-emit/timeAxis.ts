/** Time axes for simulated streams, from milliseconds to years: round ticks and UTC labels. */

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5, 2592e6, 31536e6];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = 864e5;

/** Round tick instants (epoch ms) over [from, to], at most about `max`. */
export function timeTicks(from: number, to: number, max = 7): number[] {
  const step = STEPS.find((s) => (to - from) / s <= max) ?? STEPS[STEPS.length - 1];
  const out: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to && out.length < 50; t += step) out.push(t);
  return out;
}

/** A tick label fitting the span: seconds with ms, clock time, or the date (UTC). */
export function timeLabel(ms: number, spanMs: number): string {
  const iso = new Date(ms).toISOString();
  const d = new Date(ms);
  if (spanMs > 2 * DAY) return spanMs > 400 * DAY ? `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` : `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
  if (spanMs > 10 * 6e4) return iso.slice(11, 16);
  if (spanMs > 10e3) return iso.slice(11, 19);
  return iso.slice(17, 23);
}

/** "2024-01-01 00:03:12.345678 UTC" from epoch µs. */
export function formatMicros(us: number): string {
  const ms = Math.floor(us / 1000);
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}${String(Math.round(us - ms * 1000)).padStart(3, '0')} UTC`;
}

/** A duration of simulated time in words: "2 min 27 s", "3.5 s", "41 ms". */
export function formatSpan(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60e3) return `${(ms / 1000).toFixed(ms < 10e3 ? 1 : 0)} s`;
  if (ms < 36e5) return `${Math.floor(ms / 6e4)} min ${Math.round((ms % 6e4) / 1000)} s`;
  if (ms < 2 * DAY) return `${Math.floor(ms / 36e5)} h ${Math.round((ms % 36e5) / 6e4)} min`;
  return `${(ms / DAY).toFixed(1)} days`;
}
