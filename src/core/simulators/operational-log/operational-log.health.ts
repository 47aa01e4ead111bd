import { quantilesInPlace } from '../../histogram';
import { makeTable, numberColumn, stringColumn, type Table } from '../../table/column';
import { STATUS_CODES, type ServiceSpec } from './operational-log.constants';
import type { RawLogs } from './operational-log.raw';

const round2 = (x: number) => Math.round(x * 100) / 100;
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Per-service request counts, errors (status ≥ 500) and latency percentiles. */
export interface ServiceHealth {
  readonly service: string;
  readonly tier: string;
  readonly totalRequests: number;
  readonly errorCount: number;
  readonly errorRate: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

/**
 * Health per service in config order (spec §3.8, D12): one pass buckets every latency by
 * service, then selections give the NumPy-style interpolated percentiles of each bucket.
 * Linear overall instead of one scan of all rows per service, or a sort per service.
 */
export function serviceHealth(raw: RawLogs, services: readonly ServiceSpec[]): ServiceHealth[] {
  const k = services.length;
  const n = raw.length;
  const count = new Int32Array(k);
  const errors = new Int32Array(k);
  const sum = new Float64Array(k);
  for (let g = 0; g < n; g++) {
    const s = raw.service[g];
    count[s]++;
    sum[s] += raw.latency[g];
    if (STATUS_CODES[raw.status[g]] >= 500) errors[s]++;
  }
  const start = new Int32Array(k + 1);
  for (let s = 0; s < k; s++) start[s + 1] = start[s] + count[s];
  const fill = start.slice(0, k);
  const byService = new Float64Array(n);
  for (let g = 0; g < n; g++) byService[fill[raw.service[g]]++] = raw.latency[g];
  return services.map((svc, s) => {
    const c = count[s];
    const values = byService.subarray(start[s], start[s + 1]);
    let max = 0;
    for (let j = 0; j < c; j++) if (values[j] > max) max = values[j];
    const [p50, p95, p99] = quantilesInPlace(values, [0.5, 0.95, 0.99]);
    return {
      service: svc.name,
      tier: svc.tier,
      totalRequests: c,
      errorCount: errors[s],
      errorRate: round4(errors[s] / Math.max(c, 1)),
      p50: round2(p50),
      p95: round2(p95),
      p99: round2(p99),
      mean: c ? round2(sum[s] / c) : 0,
      max,
    };
  });
}

/** The `service_health` table. */
export function healthTable(health: readonly ServiceHealth[]): Table {
  const num = (f: (h: ServiceHealth) => number) => Float64Array.from(health, f);
  return makeTable('service_health', [
    stringColumn('service', health.map((h) => h.service)),
    stringColumn('tier', health.map((h) => h.tier)),
    numberColumn('total_requests', 'int', num((h) => h.totalRequests)),
    numberColumn('error_count', 'int', num((h) => h.errorCount)),
    numberColumn('error_rate', 'float', num((h) => h.errorRate)),
    numberColumn('p50_latency_ms', 'float', num((h) => h.p50)),
    numberColumn('p95_latency_ms', 'float', num((h) => h.p95)),
    numberColumn('p99_latency_ms', 'float', num((h) => h.p99)),
    numberColumn('mean_latency_ms', 'float', num((h) => h.mean)),
  ]);
}
