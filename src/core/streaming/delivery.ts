/**
 * The delivery log of a sink that sends batches over the network: one record per request —
 * which events it carried (stream positions and envelope ids), how many attempts it took, the
 * last status and whether it was delivered — so a failed or stopped delivery never loses track
 * of which events were sent. It renders as the delivery answer key (CSV, one row per event).
 */
import { lineAt, type StreamBatch } from './batch';

export type DeliveryOutcome = 'delivered' | 'failed';

export interface DeliveryRecord {
  /** 1-based request number, in sending order. */
  readonly request: number;
  readonly attempts: number;
  /** The last HTTP status, or null when no response came (network error, timeout, CORS). */
  readonly status: number | null;
  readonly outcome: DeliveryOutcome;
  /** Why the last attempt failed ('' when delivered). */
  readonly error: string;
  /** Stream position of each event in the request. */
  readonly seq: Float64Array;
  /** Topic index of each event. */
  readonly topic: Uint16Array;
  /** The envelope ids, 36 ASCII bytes each (empty for a line without an id). */
  readonly ids: readonly string[];
}

export interface DeliverySummary {
  readonly requests: number;
  readonly deliveredRequests: number;
  readonly failedRequests: number;
  /** Requests sent again after a failed attempt (every retry counts). */
  readonly retries: number;
  readonly deliveredEvents: number;
  readonly failedEvents: number;
  /** Events whose request needed at least one retry (delivered or not). */
  readonly retriedEvents: number;
  /** The last failure's words, or null. */
  readonly lastError: string | null;
}

const decoder = new TextDecoder();
const ID_KEY = '{"id":"';

/** An envelope line's `id` (the first key of every envelope), or '' when the line has none. */
export function envelopeId(line: Uint8Array): string {
  const head = decoder.decode(line.subarray(0, Math.min(line.length, 200)));
  if (!head.startsWith(ID_KEY)) return '';
  const end = head.indexOf('"', ID_KEY.length);
  return end < 0 ? '' : head.slice(ID_KEY.length, end);
}

/** RFC 4180: quote a field that holds a comma, a quote or a line break. */
const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export class DeliveryLog {
  private readonly records: DeliveryRecord[] = [];
  private totals = { deliveredRequests: 0, failedRequests: 0, retries: 0, deliveredEvents: 0, failedEvents: 0, retriedEvents: 0 };
  private lastError: string | null = null;

  /** Record one request over the events of `batch` (all of them). */
  add(batch: StreamBatch, result: { attempts: number; status: number | null; outcome: DeliveryOutcome; error: string }): DeliveryRecord {
    const record: DeliveryRecord = {
      request: this.records.length + 1,
      ...result,
      seq: batch.seq.slice(),
      topic: batch.topic.slice(),
      ids: Array.from({ length: batch.count }, (_, i) => envelopeId(lineAt(batch, i))),
    };
    this.records.push(record);
    const t = this.totals;
    if (result.outcome === 'delivered') {
      t.deliveredRequests++;
      t.deliveredEvents += batch.count;
    } else {
      t.failedRequests++;
      t.failedEvents += batch.count;
      this.lastError = result.error;
    }
    t.retries += result.attempts - 1;
    if (result.attempts > 1) t.retriedEvents += batch.count;
    return record;
  }

  get entries(): readonly DeliveryRecord[] {
    return this.records;
  }

  summary(): DeliverySummary {
    return { requests: this.records.length, ...this.totals, lastError: this.lastError };
  }

  /**
   * The delivery answer key as CSV: one row per event sent, in sending order —
   * `event_id, stream_position, topic, request, attempts, status, outcome, error` (status empty
   * when no response came). `topics` names the topic indexes.
   */
  toCsv(topics: readonly string[]): Uint8Array {
    const lines = ['event_id,stream_position,topic,request,attempts,status,outcome,error'];
    for (const r of this.records) {
      const tail = `${r.request},${r.attempts},${r.status ?? ''},${r.outcome},${csvField(r.error)}`;
      for (let i = 0; i < r.ids.length; i++) lines.push(`${r.ids[i]},${r.seq[i]},${csvField(topics[r.topic[i]] ?? '')},${tail}`);
    }
    return new TextEncoder().encode(`${lines.join('\n')}\n`);
  }
}
