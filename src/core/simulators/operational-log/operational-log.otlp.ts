/**
 * OTLP/JSON export (OpenTelemetry protocol, JSON encoding): `otlp/logs.json` holds one
 * ExportLogsServiceRequest and `otlp/traces.json` one ExportTraceServiceRequest, one resource per
 * service. Written compactly on one line, so each file is also a valid input line for the
 * Collector's `otlpjsonfile` receiver. Built as bytes, from the finished columns of a held run or
 * straight from the raw rows of a streamed one (the same bytes): no object tree, no per-record
 * strings; and produced in chunks of a few MB only when the file is written
 * (`produce`), so even a 10 M-row export (5 GB of JSON) never exists in memory at once.
 *
 * OTLP/JSON rules followed: 64-bit integers (times, intValue) are decimal strings; trace and
 * span ids are lower-case hex (not base64); enums are integers (severityNumber INFO 9, WARN 13,
 * ERROR 17; span kind SERVER 2; status code OK 1, ERROR 2).
 */
import type { StreamFile } from '../../output/files';
import { getColumn, type DictColumn, type NumberColumn, type Table, type Utf8Column } from '../../table/column';
import { idView } from '../../ids';
import { ENGINE_VERSION } from '../../version';
import { ENDPOINTS, LEVELS, levelOf, METHODS, OPERATIONS, SEVERITY_NUMBERS, spanKey, SPAN_STATUS, STATUS_CODES } from './operational-log.constants';
import { FLAG_SAMPLED, type RawLogs, type RawSpans } from './operational-log.raw';
import { writeMessage, type IdStreams } from './operational-log.tables';
import { ascii, TextBytes } from './operational-log.text';

const SCOPE = `{"scope":{"name":"spindle.operational-log","version":${JSON.stringify(ENGINE_VERSION)}}`;

function resourceHead(service: string, tier: string): Uint8Array {
  return ascii(
    `{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":${JSON.stringify(service)}}},` +
      `{"key":"service.tier","value":{"stringValue":${JSON.stringify(tier)}}}]},`,
  );
}

/** Rows of each service code, in table order (a stable counting sort). */
export function rowsByService(codes: ArrayLike<number>, nServices: number): Int32Array[] {
  const count = new Int32Array(nServices);
  for (let i = 0; i < codes.length; i++) count[codes[i]]++;
  const out = Array.from(count, (c) => new Int32Array(c));
  const fill = new Int32Array(nServices);
  for (let i = 0; i < codes.length; i++) out[codes[i]][fill[codes[i]]++] = i;
  return out;
}

/** A stretch of one service's records: a writer over a table's rows, and which rows, in order. */
export interface RecordChunk {
  readonly write: (out: TextBytes, row: number) => void;
  readonly rows: ArrayLike<number>;
}

/**
 * What an export writes: the services (config order) with their record counts, and each
 * service's records in table order, in stretches (the whole table's rows of that service when
 * the run is held; tables built a stretch at a time when it is streamed).
 */
export interface ExportSource {
  readonly names: readonly string[];
  readonly counts: ArrayLike<number>;
  records(service: number): Iterable<RecordChunk> | AsyncIterable<RecordChunk>;
}

/** A chunk of the export is handed out once it holds this many bytes (the size never changes the bytes). */
const CHUNK_BYTES = 4 << 20;

/**
 * The request envelope: one resource per service that has records (config order), one scope,
 * then the records of that service in table order; yielded in chunks of about {@link CHUNK_BYTES}.
 */
async function* writeExport(kind: 'Logs' | 'Spans', itemsKey: string, source: ExportSource, tiers: readonly string[]): AsyncGenerator<Uint8Array> {
  let out = new TextBytes(CHUNK_BYTES + (64 << 10));
  out.text(`{"resource${kind}":[`);
  let resources = 0;
  for (let s = 0; s < source.names.length; s++) {
    if (source.counts[s] === 0) continue;
    out.ensure(4096);
    if (resources++ > 0) out.byte(44);
    out.put(resourceHead(source.names[s], tiers[s]));
    out.text(`"scope${kind}":[${SCOPE},"${itemsKey}":[`);
    let first = true;
    for await (const { write, rows } of source.records(s)) {
      for (let r = 0; r < rows.length; r++) {
        if (out.pos >= CHUNK_BYTES) {
          yield out.finish();
          out = new TextBytes(CHUNK_BYTES + (64 << 10));
        }
        if (!first) {
          out.ensure(1);
          out.byte(44);
        }
        first = false;
        write(out, rows[r]);
      }
    }
    out.text(']}]}');
  }
  out.text(']}\n');
  yield out.finish();
}

/** The records of a held table: per service, its rows of that service, all at once. */
function heldSource(table: Table, write: RecordChunk['write']): ExportSource {
  const service = getColumn(table, 'service') as DictColumn;
  const rows = rowsByService(service.codes, service.dict.length);
  return { names: service.dict, counts: rows.map((r) => r.length), records: (s) => [{ write, rows: rows[s] }] };
}

/** µs since the epoch as a quoted decimal string of nanoseconds (exceeds 2^53, so never a JS number). */
function writeNanos(out: TextBytes, us: number): void {
  out.byte(34);
  if (us >= 0 && us < 1e16) {
    // two integer halves: small-integer digit loops instead of 16 float divisions
    const hi = Math.floor(us / 1e8);
    out.digits8(hi, us - hi * 1e8);
  } else {
    if (us < 0) out.byte(45); // before 1970: not a valid fixed64, but never silently wrong
    out.uint(Math.abs(us));
  }
  out.byte(48);
  out.byte(48);
  out.byte(48);
  out.byte(34);
}

function writeSlice(out: TextBytes, c: Utf8Column, i: number): void {
  out.putRange(c.bytes, c.offsets[i], c.offsets[i + 1]);
}

/** True when the column has a value at row i. */
const present = (c: Utf8Column, i: number) => !c.valid || c.valid[i] === 1;

/** Bytes a log record takes in the export, about (progress). */
const LOG_RECORD_BYTES = 540;
/** Bytes a span record takes, about. */
const SPAN_RECORD_BYTES = 245;

/**
 * `otlp/logs.json` from the finished `logs` table, produced when written. `sampled[i]` sets the
 * W3C sampled flag (`flags: 1`) on log i, whose trace is in `traces`.
 */
export function otlpLogs(logs: Table, tiers: readonly string[], sampled: Uint8Array): StreamFile {
  return otlpLogsOf(heldSource(logs, logRecords(logs, sampled)), tiers, logs.length);
}

/** `otlp/logs.json` from any source of log records (`n` records in all). */
export function otlpLogsOf(source: ExportSource, tiers: readonly string[], n: number): StreamFile {
  return { path: 'otlp/logs.json', produce: () => writeExport('Logs', 'logRecords', source, tiers), sizeHint: n * LOG_RECORD_BYTES };
}

/**
 * The fixed parts of a log record. Fields are ordered so that everything fixed by (status,
 * method, route) is one fragment, copied in one native call; the per-row parts are fixed-width
 * ids and a few numbers.
 */
function logFragments(methods: readonly string[], endpoints: readonly string[]) {
  const combos = new Map<number, Uint8Array>();
  const combo = (code: number, m: number, e: number): Uint8Array => {
    const key = (code * 16 + m) * 64 + e;
    let bytes = combos.get(key);
    if (!bytes) {
      const lv = levelOf(code);
      bytes = ascii(
        `,"severityNumber":${SEVERITY_NUMBERS[lv]},"severityText":"${LEVELS[lv]}","attributes":[` +
          `{"key":"http.method","value":{"stringValue":${JSON.stringify(methods[m])}}},` +
          `{"key":"http.route","value":{"stringValue":${JSON.stringify(endpoints[e])}}},` +
          `{"key":"http.status_code","value":{"intValue":"${code}"}},{"key":"log.record.uid","value":{"stringValue":"`,
      );
      combos.set(key, bytes);
    }
    return bytes;
  };
  return {
    combo,
    head: ascii('{"timeUnixNano":'),
    ids: ascii(',"traceId":"'),
    span: ascii('","spanId":"'),
    flagged: ascii('","flags":1'),
    unflagged: ascii('"'),
    lat: ascii('"}},{"key":"latency_ms","value":{"doubleValue":'),
    body: ascii('}}],"body":{"stringValue":"'),
    end: ascii('"}}'),
  };
}

/** Writes the records of rows of a `logs` table (a whole one, or a stretch); `sampled` as in {@link otlpLogs}. */
export function logRecords(logs: Table, sampled: Uint8Array): RecordChunk['write'] {
  const logId = getColumn(logs, 'log_id') as Utf8Column;
  const ts = (getColumn(logs, 'timestamp') as NumberColumn).values;
  const method = getColumn(logs, 'method') as DictColumn;
  const endpoint = getColumn(logs, 'endpoint') as DictColumn;
  const latency = (getColumn(logs, 'latency_ms') as NumberColumn).values;
  const message = getColumn(logs, 'message') as Utf8Column;
  const traceId = getColumn(logs, 'trace_id') as Utf8Column;
  const spanId = getColumn(logs, 'span_id') as Utf8Column;
  const statusCodes = (getColumn(logs, 'status_code') as NumberColumn).values;
  const f = logFragments(method.dict, endpoint.dict);

  const record = (out: TextBytes, i: number) => {
    out.ensure(1024 + (message.offsets[i + 1] - message.offsets[i]));
    out.put(f.head);
    writeNanos(out, ts[i]);
    if (present(traceId, i)) {
      out.put(f.ids);
      writeSlice(out, traceId, i);
      out.put(f.span);
      writeSlice(out, spanId, i);
      out.put(sampled[i] ? f.flagged : f.unflagged);
    }
    out.block(f.combo(statusCodes[i], method.codes[i], endpoint.codes[i]));
    writeSlice(out, logId, i);
    out.put(f.lat);
    out.cents(latency[i]);
    out.put(f.body);
    writeSlice(out, message, i); // fixed ASCII texts without quotes or backslashes
    out.put(f.end);
  };
  return record;
}

/** A DataView over the output's current buffer, for the ids' word-at-a-time writes (made again when the buffer changes). */
function bufferViews(): (out: TextBytes) => DataView {
  let buf: Uint8Array | undefined;
  let view: DataView | undefined;
  return (out) => {
    if (out.buf !== buf) {
      buf = out.buf;
      view = idView(buf);
    }
    return view!;
  };
}

/**
 * Writes the record of generation row `g` of the raw logs, its ids and message written straight
 * into the export (no table in between): the bytes {@link logRecords} writes for that row of the
 * `logs` table. For a streamed run, which holds only the raw rows.
 */
export function rawLogRecords(raw: RawLogs, ids: IdStreams, traced: boolean): RecordChunk['write'] {
  const f = logFragments(METHODS, ENDPOINTS);
  const view = bufferViews();
  return (out: TextBytes, g: number) => {
    out.ensure(1024);
    const v = view(out);
    const k0 = raw.k0[g];
    const k1 = raw.k1[g];
    out.put(f.head);
    writeNanos(out, raw.ts[g]);
    if (traced) {
      out.put(f.ids);
      ids.trace.hex128Into(v, out.pos, k0, k1);
      out.pos += 32;
      out.put(f.span);
      ids.span.hex64Into(v, out.pos, k0, spanKey(k1, 0));
      out.pos += 16;
      out.put(raw.flags[g] & FLAG_SAMPLED ? f.flagged : f.unflagged);
    }
    const status = raw.status[g];
    out.block(f.combo(STATUS_CODES[status], raw.method[g], raw.endpoint[g]));
    ids.log.uuidInto(out.buf, out.pos, k0, k1, v);
    out.pos += 36;
    out.put(f.lat);
    const latency = raw.latency[g];
    out.cents(latency);
    out.put(f.body);
    out.pos = writeMessage(out.buf, out.pos, raw.message[g], status, latency);
    out.put(f.end);
  };
}

/** `otlp/traces.json` from the finished `traces` table (produced when written): every span SERVER-kind, roots without parentSpanId. */
export function otlpTraces(traces: Table, tiers: readonly string[]): StreamFile {
  return otlpTracesOf(heldSource(traces, spanRecords(traces)), tiers, traces.length);
}

/** `otlp/traces.json` from any source of span records (`n` in all). */
export function otlpTracesOf(source: ExportSource, tiers: readonly string[], n: number): StreamFile {
  return { path: 'otlp/traces.json', produce: () => writeExport('Spans', 'spans', source, tiers), sizeHint: n * SPAN_RECORD_BYTES };
}

/** The fixed parts of a span record: (operation, status) fixes the middle of a span, one fragment, one native copy. */
function spanFragments(operations: readonly string[], statuses: readonly string[]) {
  return {
    named: statuses.map((st) => operations.map((o) => ascii(`","name":${JSON.stringify(o)},"kind":2,"status":{"code":${st === 'ERROR' ? 2 : 1}},"startTimeUnixNano":`))),
    head: ascii('{"traceId":"'),
    spanKey: ascii('","spanId":"'),
    parentKey: ascii('","parentSpanId":"'),
    end: ascii(',"endTimeUnixNano":'),
  };
}

/** A span's end: durations have 2 decimals of a ms, i.e. whole multiples of 10 µs, so the end stays exact. */
function writeTimes(out: TextBytes, end: Uint8Array, ts: number, duration: number): void {
  writeNanos(out, ts);
  out.put(end);
  writeNanos(out, ts + Math.round(duration * 100) * 10);
  out.byte(125);
}

/** Writes the records of rows of a `traces` table (a whole one, or a stretch). */
export function spanRecords(traces: Table): RecordChunk['write'] {
  const traceId = getColumn(traces, 'trace_id') as Utf8Column;
  const spanId = getColumn(traces, 'span_id') as Utf8Column;
  const parent = getColumn(traces, 'parent_span_id') as Utf8Column;
  const operation = getColumn(traces, 'operation') as DictColumn;
  const ts = (getColumn(traces, 'timestamp') as NumberColumn).values;
  const duration = (getColumn(traces, 'duration_ms') as NumberColumn).values;
  const status = getColumn(traces, 'status') as DictColumn;
  const f = spanFragments(operation.dict, status.dict);

  const record = (out: TextBytes, i: number) => {
    out.ensure(1024);
    out.put(f.head);
    writeSlice(out, traceId, i);
    out.put(f.spanKey);
    writeSlice(out, spanId, i);
    if (present(parent, i)) {
      out.put(f.parentKey);
      writeSlice(out, parent, i);
    }
    out.block(f.named[status.codes[i]][operation.codes[i]]);
    writeTimes(out, f.end, ts[i], duration[i]);
  };
  return record;
}

/**
 * Writes the record of generation row `g` of the raw spans, ids hashed straight into the export:
 * the bytes {@link spanRecords} writes for that row of the `traces` table (ids as
 * `buildTracesTable` keys them: the log's trace id, the span keyed (log, depth), its parent
 * (log, depth − 1)).
 */
export function rawSpanRecords(raw: RawSpans, logs: RawLogs, ids: IdStreams): RecordChunk['write'] {
  const f = spanFragments(OPERATIONS, SPAN_STATUS);
  const view = bufferViews();
  return (out: TextBytes, g: number) => {
    out.ensure(1024);
    const v = view(out);
    const l = raw.log[g];
    const d = raw.depth[g];
    const k0 = logs.k0[l];
    const k1 = logs.k1[l];
    out.put(f.head);
    ids.trace.hex128Into(v, out.pos, k0, k1);
    out.pos += 32;
    out.put(f.spanKey);
    ids.span.hex64Into(v, out.pos, k0, spanKey(k1, d));
    out.pos += 16;
    if (d > 0) {
      out.put(f.parentKey);
      ids.span.hex64Into(v, out.pos, k0, spanKey(k1, d - 1));
      out.pos += 16;
    }
    out.block(f.named[raw.status[g]][raw.operation[g]]);
    writeTimes(out, f.end, raw.ts[g], raw.duration[g]);
  };
}
