/** Number and time formatting for people: 1,234,567; 2.4 s; 12.3 MB; 45.2 %. */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatInt(n: number): string {
  return integer.format(n);
}

/** A count with its noun: "1 item", "2 items", "1,234 entries" (`many` when the plural is not `one` + "s"). */
export function formatCount(n: number, one: string, many = `${one}s`): string {
  return `${integer.format(n)} ${n === 1 ? one : many}`;
}

export function formatCompact(n: number): string {
  return Math.abs(n) < 10_000 ? integer.format(n) : compact.format(n);
}

/** Tick labels of an axis that reaches `top`, all in one style: 5K, 10K, 15K rather than 5,000, 10K, 15K. */
export function compactTicks(top: number): (n: number) => string {
  return Math.abs(top) < 10_000 ? (n) => integer.format(n) : (n) => compact.format(n);
}

/** Up to `digits` decimals, trailing zeros dropped, thousands separated. */
export function formatNumber(n: number, digits = 2): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n);
}

export function formatPercent(share: number, digits = 1): string {
  return `${formatNumber(share * 100, digits)} %`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${formatNumber(ms / 1000, 1)} s`;
  const m = Math.floor(ms / 60_000);
  return `${m} min ${Math.round((ms - m * 60_000) / 1000)} s`;
}

export function formatHours(h: number): string {
  if (h < 1) return `${formatNumber(h * 60, 0)} min`;
  if (h < 48) return `${formatNumber(h, 1)} h`;
  return `${formatNumber(h / 24, 1)} d`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${formatNumber(n / 1024, 1)} KB`;
  if (n < 1024 ** 3) return `${formatNumber(n / 1024 ** 2, 1)} MB`;
  return `${formatNumber(n / 1024 ** 3, 2)} GB`;
}

/** Label of a histogram bin in hours: "4–8 h", "≥ 336 h". */
export function binLabel(lo: number, hi: number, unit = 'h'): string {
  return Number.isFinite(hi) ? `${formatNumber(lo)}–${formatNumber(hi)} ${unit}` : `≥ ${formatNumber(lo)} ${unit}`;
}

/** `entity_count` / `anomaly_type` → "Entity count". */
export function humanize(key: string): string {
  const words = key.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "2024-01-01 13:05 UTC" from ISO text (simulated instants are UTC). */
export function formatUtcMinute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
