/**
 * Generated rows before sorting, held as parallel typed arrays in generation order (slot,
 * service, requests then burst events). Capacity is reserved per chunk, so the hot loops write
 * by index with no per-row bounds logic.
 */

function grow<A extends Float64Array | Int32Array | Uint8Array>(a: A, size: number): A {
  const next = new (a.constructor as new (n: number) => A)(size);
  next.set(a);
  return next;
}

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
    const need = this.length + extra;
    if (need <= this.ts.length) return;
    const size = Math.max(need, Math.ceil(this.ts.length * 1.5));
    this.ts = grow(this.ts, size);
    this.latency = grow(this.latency, size);
    this.k0 = grow(this.k0, size);
    this.k1 = grow(this.k1, size);
    this.service = grow(this.service, size);
    this.method = grow(this.method, size);
    this.endpoint = grow(this.endpoint, size);
    this.status = grow(this.status, size);
    this.message = grow(this.message, size);
    this.flags = grow(this.flags, size);
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
    const need = this.length + extra;
    if (need <= this.ts.length) return;
    const size = Math.max(need, Math.ceil(this.ts.length * 1.5));
    this.log = grow(this.log, size);
    this.ts = grow(this.ts, size);
    this.duration = grow(this.duration, size);
    this.depth = grow(this.depth, size);
    this.service = grow(this.service, size);
    this.operation = grow(this.operation, size);
    this.status = grow(this.status, size);
  }
}
