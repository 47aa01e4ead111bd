import { formatIso, US_PER_MINUTE } from '../../time';
import { bucketMinutesFor } from '../../time-buckets';
import { LEVELS, levelOf, STATUS_CODES, type ServiceSpec } from './operational-log.constants';
import type { ServiceHealth } from './operational-log.health';
import type { RawLogs } from './operational-log.raw';
import type { TimeGrid, Windows } from './operational-log.windows';

/** Chart data for the Operational logs page, aggregated next to the data so the UI stays light. */
export interface OperationalLogCharts {
  /** Width of a time bucket (time-buckets.ts: at most MAX_BUCKETS buckets). */
  readonly bucketMinutes: number;
  /** Bucket start instants (ISO, UTC). */
  readonly bucketStarts: string[];
  /** Per service, in config order: requests, errors (status ≥ 500) and error rate per bucket. */
  readonly series: { service: string; requests: number[]; errors: number[]; errorRate: number[] }[];
  /** Injected windows for shading, in start order within each kind. */
  readonly windows: { kind: string; id: string; start: string; end: string }[];
  readonly latency: { service: string; p50: number; p95: number; p99: number; mean: number }[];
  /** Status-code mix, codes that occurred, ascending. */
  readonly statusCodes: { code: number; count: number }[];
  readonly levels: { level: string; count: number }[];
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Window ids as they appear in the answer key, e.g. `spike-0003`. */
export const WINDOW_PREFIX: Record<Windows['kind'], string> = { latency_spike: 'spike', outage: 'outage', error_burst: 'burst' };

export function windowId(kind: Windows['kind'], i: number): string {
  return `${WINDOW_PREFIX[kind]}-${String(i + 1).padStart(4, '0')}`;
}

/** One pass over the logs for the time series and mixes; latency percentiles come from the health rows. */
export function summarizeOperationalLog(input: {
  raw: RawLogs;
  grid: TimeGrid;
  services: readonly ServiceSpec[];
  windows: readonly Windows[];
  health: readonly ServiceHealth[];
}): OperationalLogCharts {
  const { raw, grid, services, windows, health } = input;
  const minutes = (grid.endUs - grid.startUs) / US_PER_MINUTE;
  const bucketMinutes = bucketMinutesFor(minutes);
  const nb = Math.max(1, Math.ceil(minutes / bucketMinutes));
  const width = bucketMinutes * US_PER_MINUTE;
  const k = services.length;
  const requests = new Float64Array(k * nb);
  const errors = new Float64Array(k * nb);
  const codes = new Float64Array(STATUS_CODES.length);
  for (let g = 0; g < raw.length; g++) {
    const b = Math.min(nb - 1, Math.floor((raw.ts[g] - grid.startUs) / width));
    const at = raw.service[g] * nb + b;
    requests[at]++;
    const st = raw.status[g];
    codes[st]++;
    if (STATUS_CODES[st] >= 500) errors[at]++;
  }
  const levelCounts = [0, 0, 0];
  STATUS_CODES.forEach((code, i) => (levelCounts[levelOf(code)] += codes[i]));
  return {
    bucketMinutes,
    bucketStarts: Array.from({ length: nb }, (_, b) => formatIso(grid.startUs + b * width)),
    series: services.map((s, i) => {
      const req = Array.from(requests.subarray(i * nb, (i + 1) * nb));
      const err = Array.from(errors.subarray(i * nb, (i + 1) * nb));
      return { service: s.name, requests: req, errors: err, errorRate: req.map((r, b) => (r ? round4(err[b] / r) : 0)) };
    }),
    windows: windows.flatMap((w) => w.start.map((s, i) => ({ kind: w.kind, id: windowId(w.kind, i), start: formatIso(s), end: formatIso(w.end[i]) }))),
    latency: health.map((h) => ({ service: h.service, p50: h.p50, p95: h.p95, p99: h.p99, mean: h.mean })),
    statusCodes: STATUS_CODES.map((code, i) => ({ code, count: codes[i] }))
      .filter((c) => c.count > 0)
      .sort((a, b) => a.code - b.code),
    levels: LEVELS.map((level, i) => ({ level, count: levelCounts[i] })),
  };
}
