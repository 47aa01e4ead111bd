/**
 * The fixed vocabulary of the operational-log simulator (spec/operational-log.md §2): the
 * default service estate, endpoints, weighted methods and status codes, levels and messages.
 */

export interface ServiceSpec {
  readonly name: string;
  readonly port: number | null;
  readonly tier: string;
}

/** The eight default services in order; `serviceCount` takes the first N. */
export const DEFAULT_SERVICES: readonly ServiceSpec[] = [
  { name: 'api-gateway', port: 8080, tier: 'edge' },
  { name: 'auth-service', port: 8081, tier: 'middleware' },
  { name: 'order-service', port: 8082, tier: 'core' },
  { name: 'inventory-service', port: 8083, tier: 'core' },
  { name: 'payment-service', port: 8084, tier: 'core' },
  { name: 'notification-service', port: 8085, tier: 'support' },
  { name: 'search-service', port: 8086, tier: 'core' },
  { name: 'analytics-service', port: 8087, tier: 'support' },
];

/** Route templates, drawn uniformly; `{id}` stays literal. */
export const ENDPOINTS = [
  '/api/v1/orders',
  '/api/v1/orders/{id}',
  '/api/v1/products',
  '/api/v1/products/search',
  '/api/v1/users/auth',
  '/api/v1/users/profile',
  '/api/v1/cart',
  '/api/v1/checkout',
  '/api/v1/inventory/check',
  '/api/v1/payments/process',
  '/api/v1/notifications/send',
  '/healthz',
  '/readyz',
] as const;

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'] as const;
export const METHOD_WEIGHTS = [0.5, 0.25, 0.1, 0.05, 0.05, 0.03, 0.02];

/** Every status code any event can carry: the weighted request codes, then 504 and 429. */
export const STATUS_CODES = [200, 201, 204, 301, 302, 400, 401, 403, 404, 500, 502, 503, 504, 429] as const;
/** Weights of the first 12 codes for ordinary requests. */
export const REQUEST_STATUS_WEIGHTS = [0.6, 0.1, 0.05, 0.02, 0.02, 0.05, 0.03, 0.02, 0.04, 0.03, 0.02, 0.02];
/** Indices into STATUS_CODES: outage failures draw uniformly from {500, 502, 503, 504}. */
export const OUTAGE_STATUS = [9, 10, 11, 12] as const;
/** Indices into STATUS_CODES: burst events draw uniformly from {500, 502, 503, 429}. */
export const BURST_STATUS = [9, 10, 11, 13] as const;

/** Levels that occur (the reference's DEBUG and FATAL never do). Codes index this list. */
export const LEVELS = ['INFO', 'WARN', 'ERROR'] as const;
export const INFO = 0;
export const WARN = 1;
export const ERROR = 2;
/** OTLP severity numbers of LEVELS (INFO 9, WARN 13, ERROR 17). */
export const SEVERITY_NUMBERS = [9, 13, 17] as const;

/** The level rule (D9): ≥500 ERROR, ≥400 WARN, else INFO. */
export function levelOf(code: number): number {
  return code >= 500 ? ERROR : code >= 400 ? WARN : INFO;
}

export const ERROR_MESSAGES = [
  'Connection timeout after 30000ms',
  'Circuit breaker open for downstream service',
  'Rate limit exceeded (429)',
  'Database connection pool exhausted',
  'Upstream service returned 503',
  'SSL handshake failed',
  'Request payload exceeds max size',
  'Invalid authentication token',
  'Deadlock detected on table lock',
  'Out of memory: heap space',
  'DNS resolution failed',
  'Kafka producer send failed: NOT_LEADER_FOR_PARTITION',
] as const;

/** Message codes: 0 "Handled request in …", 1 "Request rejected with … in …", 2+k ERROR_MESSAGES[k]. */
export const MSG_HANDLED = 0;
export const MSG_REJECTED = 1;
export const MSG_ERROR_BASE = 2;

export const SPAN_STATUS = ['OK', 'ERROR'] as const;
/** A child span's chance of status ERROR (kept from the reference). */
export const CHILD_SPAN_ERROR_PROBABILITY = 0.05;

/** Error-burst geometry (D11): bursts start within the first 3300 s of their hour and last 300 s. */
export const BURST_START_SPAN_SECONDS = 3300;
export const BURST_LENGTH_SECONDS = 300;
/** Burst latencies are uniform in [5000, 30000) ms. */
export const BURST_LATENCY_MIN_MS = 5000;
export const BURST_LATENCY_MAX_MS = 30000;

/** At most this many spans per trace: child span ids are keyed (chunk, event·MAX_SPANS + depth). */
export const MAX_SPANS = 64;

/** The second key of the span id at `depth` of the trace of the log keyed (k0, k1): the ids hash (k0, spanKey(k1, depth)). */
export const spanKey = (k1: number, depth: number): number => k1 * MAX_SPANS + depth;

/**
 * Span operation names: the bare endpoints (child spans, as in the reference), then
 * "{method} {endpoint}" for roots (D6) at ENDPOINTS.length + method·ENDPOINTS.length + endpoint.
 */
export const OPERATIONS: readonly string[] = [...ENDPOINTS, ...METHODS.flatMap((m) => ENDPOINTS.map((e) => `${m} ${e}`))];

export function rootOperation(method: number, endpoint: number): number {
  return ENDPOINTS.length + method * ENDPOINTS.length + endpoint;
}
