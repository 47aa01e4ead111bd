/**
 * The expected size of an operational-log run: log rows from traffic and error bursts, trace
 * spans from the sample rate and the trace depth, and the OTLP exports (each built whole in
 * one buffer, at the capacity otlp.ts reserves per record).
 */
import type { RunEstimate } from '../../estimate';
import type { OperationalLogConfig } from './operational-log.config';

/** Expected request logs and burst errors of a config (the config's own cap reads these too). */
export function expectedLogs(c: OperationalLogConfig): { requests: number; bursts: number } {
  const services = c.services.length || c.serviceCount;
  const requests = services * c.durationHours * c.eventsPerHour;
  const bursts = c.errorBurstEnabled ? services * Math.ceil(c.durationHours) * c.errorBurstProbability * c.errorBurstCount : 0;
  return { requests, bursts };
}

/** E[min(max(1, X), n)] for X ~ Poisson(μ): the spans of a sampled trace over n services. */
export function meanSpansPerTrace(mu: number, n: number): number {
  let p = Math.exp(-mu); // P(X = 0); underflows to 0 for a large μ, leaving all the mass at n
  let below = p;
  let mean = p; // X = 0 still makes one span
  for (let k = 1; k < n; k++) {
    p *= mu / k;
    below += p;
    mean += k * p;
  }
  return mean + n * Math.max(0, 1 - below);
}

/** Capacity otlp.ts reserves per log record and per span (the buffers are allocated whole). */
const OTLP_LOG_BYTES = 540;
const OTLP_SPAN_BYTES = 245;

export function estimateOperationalLog(c: OperationalLogConfig): RunEstimate {
  const { requests, bursts } = expectedLogs(c);
  const logs = requests + bursts;
  const services = c.services.length || c.serviceCount;
  const spans = c.traceEnabled ? logs * c.traceSampleRate * meanSpansPerTrace(c.traceDepthMean, services) : 0;
  // bytes per row measured on the default config
  return {
    tables: [
      { name: 'logs', rows: logs, memoryBytesPerRow: 175, textBytesPerRow: 40, fileBytesPerRow: { parquet: 102, csv: 219, jsonl: 405 } },
      { name: 'traces', rows: spans, memoryBytesPerRow: 108, textBytesPerRow: 36, fileBytesPerRow: { parquet: 49, csv: 134, jsonl: 254 } },
      { name: 'service_health', rows: services, memoryBytesPerRow: 90, textBytesPerRow: 64, fileBytesPerRow: { parquet: 450, csv: 90, jsonl: 210 } },
    ],
    files: c.otlpExport
      ? [
          { path: 'otlp/logs.json', bytes: logs * OTLP_LOG_BYTES, whole: true, switch: 'otlpExport' },
          { path: 'otlp/traces.json', bytes: spans * OTLP_SPAN_BYTES, whole: true, switch: 'otlpExport' },
        ]
      : [],
    drivers: ['eventsPerHour', 'durationHours', 'traceSampleRate', 'traceDepthMean'],
  };
}
