/**
 * The HTTP sink: a stream's events POSTed in batches — NDJSON or a CloudEvents JSON batch — with
 * the user's headers (an Authorization token), bounded retries with exponential backoff and a
 * delivery log of every request. The network comes in as an argument (`post`), so core does no
 * I/O: the CLI passes Node's fetch, the worker the browser's (which adds the CORS diagnosis).
 */
import { lineAt, sliceBatch, type StreamBatch } from './batch';
import { DeliveryLog, type DeliveryRecord, type DeliverySummary } from './delivery';
import type { StreamSink } from './sink';

export const HTTP_FORMATS = ['ndjson', 'cloudevents_batch'] as const;
export type HttpFormat = (typeof HTTP_FORMATS)[number];

export const CONTENT_TYPES: Record<HttpFormat, string> = {
  ndjson: 'application/x-ndjson',
  cloudevents_batch: 'application/cloudevents-batch+json',
};

/** What one POST gave back: a status (any), and Retry-After when the server sent one. */
export interface HttpAnswer {
  readonly status: number;
  readonly retryAfter?: string | null;
}

/** Send one POST; resolves with the status, rejects when no response came (network, timeout, CORS). */
export type HttpPost = (url: string, request: { readonly body: Uint8Array; readonly headers: Readonly<Record<string, string>>; readonly timeoutMs: number }) => Promise<HttpAnswer>;

export interface HttpSinkSettings {
  readonly url: string;
  readonly format: HttpFormat;
  /** Events per POST at most. */
  readonly batchSize: number;
  /** Retries after a failed attempt (so at most 1 + maxRetries attempts per request). */
  readonly maxRetries: number;
  /** The first retry's delay; each further retry doubles it (Retry-After wins when longer, up to a minute). */
  readonly retryBackoffMs: number;
  readonly timeoutMs: number;
  /** Extra headers (Authorization, …): given to the sink only, never kept in a config. */
  readonly headers: Readonly<Record<string, string>>;
  /** Stop the stream after this many requests in a row have failed (the endpoint is down); default 3. */
  readonly stopAfterFailedRequests?: number;
}

export interface HttpIo {
  readonly post: HttpPost;
  sleep(ms: number): Promise<void>;
  /** Words for a failed attempt without a response (the browser's CORS diagnosis lives here). */
  describeError?(error: unknown, url: string): Promise<string> | string;
}

/** The sink stopped: too many failed requests in a row. Its log still says what was sent. */
export class DeliveryStoppedError extends Error {
  constructor(
    message: string,
    readonly summary: DeliverySummary,
  ) {
    super(message);
    this.name = 'DeliveryStoppedError';
  }
}

/** Statuses worth another attempt: timeouts, throttling and server errors. */
export function isRetryable(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Retry-After as milliseconds (seconds or an HTTP date is not followed: seconds only), or null. */
function retryAfterMs(value: string | null | undefined): number | null {
  if (!value || !/^\d+$/.test(value.trim())) return null;
  return Math.min(60_000, Number(value.trim()) * 1000);
}

/** The request body: the NDJSON lines as they are, or a JSON array of the envelopes. */
export function encodeBody(batch: StreamBatch, format: HttpFormat): Uint8Array {
  if (format === 'ndjson') return batch.bytes;
  // each line is one JSON object + LF: drop the LFs, join with commas
  const out = new Uint8Array(batch.bytes.length + 2);
  let o = 0;
  out[o++] = 0x5b;
  for (let i = 0; i < batch.count; i++) {
    const line = lineAt(batch, i);
    if (i > 0) out[o++] = 0x2c;
    out.set(line.subarray(0, line.length - 1), o);
    o += line.length - 1;
  }
  out[o++] = 0x5d;
  return out.subarray(0, o);
}

/** The user's headers plus Content-Type (theirs wins when they give one). */
function requestHeaders(settings: HttpSinkSettings): Record<string, string> {
  const given = Object.keys(settings.headers).some((k) => k.toLowerCase() === 'content-type');
  return given ? { ...settings.headers } : { 'Content-Type': CONTENT_TYPES[settings.format], ...settings.headers };
}

export class HttpSink implements StreamSink {
  readonly log = new DeliveryLog();
  private failedInARow = 0;
  private readonly headers: Record<string, string>;

  constructor(
    private readonly settings: HttpSinkSettings,
    private readonly io: HttpIo,
    /** Called after each request with its record (live counts on the page). */
    private readonly onRequest?: (record: DeliveryRecord, summary: DeliverySummary) => void,
  ) {
    this.headers = requestHeaders(settings);
  }

  async write(batch: StreamBatch): Promise<void> {
    const size = this.settings.batchSize;
    for (let from = 0; from < batch.count; from += size) await this.send(sliceBatch(batch, from, Math.min(batch.count, from + size)));
  }

  async close(): Promise<void> {}

  private async send(batch: StreamBatch): Promise<void> {
    const { url, maxRetries, retryBackoffMs, timeoutMs } = this.settings;
    const body = encodeBody(batch, this.settings.format);
    let attempts = 0;
    let status: number | null;
    let error: string;
    for (;;) {
      attempts++;
      let wait: number | null = null;
      try {
        const answer = await this.io.post(url, { body, headers: this.headers, timeoutMs });
        status = answer.status;
        if (status >= 200 && status < 300) {
          error = '';
          break;
        }
        error = `HTTP ${status}`;
        if (!isRetryable(status)) break;
        wait = retryAfterMs(answer.retryAfter);
      } catch (e) {
        status = null;
        error = this.io.describeError ? await this.io.describeError(e, url) : e instanceof Error ? e.message : String(e);
      }
      if (attempts > maxRetries) break;
      await this.io.sleep(Math.max(wait ?? 0, retryBackoffMs * 2 ** (attempts - 1)));
    }
    const outcome = error === '' ? 'delivered' : 'failed';
    const record = this.log.add(batch, { attempts, status, outcome, error });
    this.onRequest?.(record, this.log.summary());
    this.failedInARow = outcome === 'failed' ? this.failedInARow + 1 : 0;
    const stopAfter = this.settings.stopAfterFailedRequests ?? 3;
    if (this.failedInARow >= stopAfter) {
      const s = this.log.summary();
      throw new DeliveryStoppedError(
        `the HTTP sink stopped after ${stopAfter} failed requests in a row (last: ${error}); ${s.deliveredEvents} events delivered, ${s.failedEvents} failed — the delivery log lists which`,
        s,
      );
    }
  }
}

/** Words for a fetch that got no response: a timeout, a refused or reset connection, an unknown host. */
export function describeFetchError(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no answer within ${timeoutMs / 1000} s (timeout)`;
  const code = err?.cause?.code;
  if (code === 'ECONNREFUSED') return 'the connection was refused (nothing listens at that address: ECONNREFUSED)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `the host name was not found (${code})`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `the connection was closed before an answer came (${code})`;
  if (code) return `${err.cause?.message ?? 'network error'} (${code})`;
  return err?.message ?? String(e);
}

/**
 * An {@link HttpPost} over a fetch function (Node's or the browser's; passed in, so core does no
 * I/O of its own): POST with a timeout, the answer's body read and dropped.
 */
export function fetchPost(fetchFn: typeof fetch): HttpPost {
  return async (url, { body, headers, timeoutMs }) => {
    const r = await fetchFn(url, { method: 'POST', body: body as Uint8Array<ArrayBuffer>, headers, signal: AbortSignal.timeout(timeoutMs) });
    await r.arrayBuffer().catch(() => undefined);
    return { status: r.status, retryAfter: r.headers.get('retry-after') };
  };
}
