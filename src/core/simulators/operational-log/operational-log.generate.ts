import { WeightedChoice, type Rng } from '../../rng';
import { US_PER_MS } from '../../time';
import {
  BURST_LATENCY_MAX_MS,
  BURST_LATENCY_MIN_MS,
  BURST_STATUS,
  CHILD_SPAN_ERROR_PROBABILITY,
  ENDPOINTS,
  ERROR_MESSAGES,
  METHOD_WEIGHTS,
  MSG_ERROR_BASE,
  MSG_HANDLED,
  MSG_REJECTED,
  OUTAGE_STATUS,
  REQUEST_STATUS_WEIGHTS,
  rootOperation,
  STATUS_CODES,
} from './operational-log.constants';
import { FLAG_BURST, FLAG_OUTAGE, FLAG_SAMPLED, FLAG_SPIKE, type RawLogs, type RawSpans } from './operational-log.raw';

/** What the per-event draws need, resolved once from the config. */
export interface GenParams {
  readonly nServices: number;
  /** Parameters of the underlying normal, moment-matched to the configured mean and std (D8). */
  readonly mu: number;
  readonly sigma: number;
  readonly spikeMultiplier: number;
  readonly outageErrorRate: number;
  readonly traceEnabled: boolean;
  readonly traceSampleRate: number;
  readonly traceDepthMean: number;
}

/** σ² = ln(1 + (std/mean)²), μ = ln(mean) − σ²/2: the lognormal whose mean and std are the configured ones. */
export function momentMatched(mean: number, std: number): { mu: number; sigma: number } {
  const s2 = Math.log(1 + (std / mean) ** 2);
  return { mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const methodChoice = new WeightedChoice(METHOD_WEIGHTS);
const statusChoice = new WeightedChoice(REQUEST_STATUS_WEIGHTS);
const N_ENDPOINTS = ENDPOINTS.length;
const N_MESSAGES = ERROR_MESSAGES.length;

/** Message code of a non-outage event by its status (D9). */
function messageFor(code: number, rng: Rng): number {
  if (code >= 500) return MSG_ERROR_BASE + rng.index(N_MESSAGES);
  return code >= 400 ? MSG_REJECTED : MSG_HANDLED;
}

/** True when `t` lies in one of the (at most two) intervals [iv0, iv1), [iv2, iv3). */
function inside(iv: Float64Array, t: number): boolean {
  return (t >= iv[0] && t < iv[1]) || (t >= iv[2] && t < iv[3]);
}

/**
 * Writes the events of one chunk (one slot × one service, requests or a burst) into the raw
 * logs, and the traces of its sampled events into the raw spans. Each chunk draws from its own
 * stream, and its rows' ids are keyed (chunk id, index in chunk), so nothing depends on how
 * the work is scheduled.
 */
export class LogGenerator {
  private readonly pool: Int32Array;

  constructor(
    private readonly p: GenParams,
    private readonly logs: RawLogs,
    private readonly spans: RawSpans,
  ) {
    this.pool = new Int32Array(p.nServices);
  }

  /**
   * `count` request events of `service` at uniform milliseconds of [from, from + lengthUs):
   * lognormal latency (× multiplier inside a spike), outage failures, weighted status, method and
   * endpoint, then the trace context. `spikes`/`outages` are the window intervals overlapping the span.
   */
  requests(rng: Rng, chunk: number, service: number, from: number, lengthUs: number, count: number, spikes: Float64Array, outages: Float64Array): void {
    const { mu, sigma, spikeMultiplier, outageErrorRate } = this.p;
    const L = this.logs;
    L.reserve(count);
    const lengthMs = lengthUs / US_PER_MS;
    for (let j = 0; j < count; j++) {
      const ts = from + Math.floor(rng.uniform() * lengthMs) * US_PER_MS;
      let flags = 0;
      let latency = Math.max(0.5, rng.lognormal(mu, sigma));
      if (inside(spikes, ts)) {
        flags |= FLAG_SPIKE;
        latency *= spikeMultiplier;
      }
      latency = round2(latency);
      let status: number;
      let message: number;
      if (inside(outages, ts)) {
        flags |= FLAG_OUTAGE;
        if (rng.uniform() < outageErrorRate) {
          status = OUTAGE_STATUS[rng.index(4)];
          message = MSG_ERROR_BASE + rng.index(N_MESSAGES);
        } else {
          status = statusChoice.draw(rng);
          message = messageFor(STATUS_CODES[status], rng);
        }
      } else {
        status = statusChoice.draw(rng);
        message = messageFor(STATUS_CODES[status], rng);
      }
      const method = methodChoice.draw(rng);
      const endpoint = rng.index(N_ENDPOINTS);
      this.emit(rng, chunk, j, service, ts, latency, method, endpoint, status, message, flags);
    }
  }

  /**
   * `count` error-burst events of `service` in [from, from + lengthUs) (D10, D11): burst codes,
   * latency uniform in [5 s, 30 s), window flags by their own timestamp, the usual trace rules.
   */
  burst(rng: Rng, chunk: number, service: number, from: number, lengthUs: number, count: number, spikes: Float64Array, outages: Float64Array): void {
    const L = this.logs;
    L.reserve(count);
    const lengthMs = lengthUs / US_PER_MS;
    for (let j = 0; j < count; j++) {
      const ts = from + Math.floor(rng.uniform() * lengthMs) * US_PER_MS;
      const method = methodChoice.draw(rng);
      const endpoint = rng.index(N_ENDPOINTS);
      const status = BURST_STATUS[rng.index(4)];
      const latency = round2(rng.between(BURST_LATENCY_MIN_MS, BURST_LATENCY_MAX_MS));
      const message = messageFor(STATUS_CODES[status], rng);
      let flags = FLAG_BURST;
      if (inside(spikes, ts)) flags |= FLAG_SPIKE;
      if (inside(outages, ts)) flags |= FLAG_OUTAGE;
      this.emit(rng, chunk, j, service, ts, latency, method, endpoint, status, message, flags);
    }
  }

  /** Writes one log row (key: chunk, j) after its draws, then draws its trace. */
  private emit(rng: Rng, chunk: number, j: number, service: number, ts: number, latency: number, method: number, endpoint: number, status: number, message: number, flags: number): void {
    const g = this.logs.length;
    const traced = this.maybeTrace(rng, g, service, ts, latency, rootOperation(method, endpoint), STATUS_CODES[status] >= 500);
    this.logs.push(ts, latency, chunk, j, service, method, endpoint, status, message, flags | traced);
  }

  /**
   * With probability traceSampleRate, the log's trace (D6, D7): the root span is the request
   * itself; then a linear chain of distinct services, each child starting inside its parent and
   * ending before it. Returns FLAG_SAMPLED when a trace was written.
   */
  private maybeTrace(rng: Rng, log: number, service: number, ts: number, latency: number, op: number, isError: boolean): number {
    const p = this.p;
    if (!p.traceEnabled || !(rng.uniform() < p.traceSampleRate)) return 0;
    const n = p.nServices;
    const depth = Math.min(Math.max(1, rng.poisson(p.traceDepthMean)), n);
    const S = this.spans;
    S.reserve(depth);
    S.push(log, ts, latency, 0, service, op, isError ? 1 : 0);
    if (depth === 1) return FLAG_SAMPLED;
    // depth distinct services by a partial Fisher–Yates; the chain skips the entry service
    const pool = this.pool;
    for (let i = 0; i < n; i++) pool[i] = i;
    let chained = 1;
    let start = ts;
    let duration = latency;
    for (let i = 0; i < depth && chained < depth; i++) {
      const r = i + rng.index(n - i);
      const s = pool[r];
      pool[r] = pool[i];
      pool[i] = s;
      if (s === service) continue;
      const d = round2(duration * rng.between(0.5, 0.9));
      start += Math.floor(rng.uniform() * (duration - d)) * US_PER_MS;
      duration = d;
      const op = rng.index(N_ENDPOINTS);
      S.push(log, start, d, chained, s, op, rng.uniform() < CHILD_SPAN_ERROR_PROBABILITY ? 1 : 0);
      chained++;
    }
    return FLAG_SAMPLED;
  }
}
