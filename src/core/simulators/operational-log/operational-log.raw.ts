/**
 * Generated rows before sorting, held as parallel typed arrays in generation order (slot,
 * service, requests then burst events). Capacity is reserved per chunk, so the hot loops write
 * by index with no per-row bounds logic.
 */

type Column = Float64Array | Int32Array | Uint8Array;

/** Reallocate every listed typed-array field of `owner` to `size` rows, keeping the contents. */
function growFields(owner: object, fields: readonly string[], size: number): void {
  const o = owner as Record<string, Column>;
  for (const f of fields) {
    const next = new (o[f].constructor as new (n: number) => Column)(size);
    next.set(o[f]);
    o[f] = next;
  }
}

/** The new capacity when `need` rows do not fit in `capacity`, else 0. */
function grownSize(need: number, capacity: number): number {
  return need <= capacity ? 0 : Math.max(need, Math.ceil(capacity * 1.5));
}

const LOG_FIELDS = ['ts', 'latency', 'k0', 'k1', 'service', 'method', 'endpoint', 'status', 'message', 'flags'] as const;
const SPAN_FIELDS = ['log', 'ts', 'duration', 'depth', 'service', 'operation', 'status'] as const;

/** Flag bits of a log row. */
export const FLAG_SPIKE = 1;
export const FLAG_OUTAGE = 2;
export const FLAG_BURST = 4;
export const FLAG_SAMPLED = 8;

export class RawLogs {
  length = 0;
  ts: Float64Array;
  latency: Float64Array;
  /** Chunk id and index within the chunk: the stable key of the row's ids. */
  k0: Int32Array;
  k1: Int32Array;
  service: Uint8Array;
  method: Uint8Array;
  endpoint: Uint8Array;
  /** Index into STATUS_CODES. */
  status: Uint8Array;
  /** Message code (MSG_HANDLED, MSG_REJECTED, MSG_ERROR_BASE + k). */
  message: Uint8Array;
  flags: Uint8Array;

  constructor(capacity: number) {
    const n = Math.max(1024, capacity);
    this.ts = new Float64Array(n);
    this.latency = new Float64Array(n);
    this.k0 = new Int32Array(n);
    this.k1 = new Int32Array(n);
    this.service = new Uint8Array(n);
    this.method = new Uint8Array(n);
    this.endpoint = new Uint8Array(n);
    this.status = new Uint8Array(n);
    this.message = new Uint8Array(n);
    this.flags = new Uint8Array(n);
  }

  /** Make room for `extra` more rows. */
  reserve(extra: number): void {
    const size = grownSize(this.length + extra, this.ts.length);
    if (size) growFields(this, LOG_FIELDS, size);
  }

  /** Appends a row; room must have been reserved. */
  push(ts: number, latency: number, k0: number, k1: number, service: number, method: number, endpoint: number, status: number, message: number, flags: number): void {
    const g = this.length++;
    this.ts[g] = ts;
    this.latency[g] = latency;
    this.k0[g] = k0;
    this.k1[g] = k1;
    this.service[g] = service;
    this.method[g] = method;
    this.endpoint[g] = endpoint;
    this.status[g] = status;
    this.message[g] = message;
    this.flags[g] = flags;
  }
}

/** Spans in generation order: each trace's root, then its children by depth. */
export class RawSpans {
  length = 0;
  /** Generation index of the log the trace belongs to. */
  log: Int32Array;
  ts: Float64Array;
  duration: Float64Array;
  depth: Uint8Array;
  service: Uint8Array;
  /** Index into the operation dictionary (see operationNames). */
  operation: Uint8Array;
  /** 0 OK, 1 ERROR. */
  status: Uint8Array;

  constructor(capacity: number) {
    const n = Math.max(1024, capacity);
    this.log = new Int32Array(n);
    this.ts = new Float64Array(n);
    this.duration = new Float64Array(n);
    this.depth = new Uint8Array(n);
    this.service = new Uint8Array(n);
    this.operation = new Uint8Array(n);
    this.status = new Uint8Array(n);
  }

  reserve(extra: number): void {
    const size = grownSize(this.length + extra, this.ts.length);
    if (size) growFields(this, SPAN_FIELDS, size);
  }

  /** Appends a span; room must have been reserved. */
  push(log: number, ts: number, duration: number, depth: number, service: number, operation: number, status: number): void {
    const k = this.length++;
    this.log[k] = log;
    this.ts[k] = ts;
    this.duration[k] = duration;
    this.depth[k] = depth;
    this.service[k] = service;
    this.operation[k] = operation;
    this.status[k] = status;
  }
}
