/**
 * OTLP/JSON export (OpenTelemetry protocol, JSON encoding): `otlp/logs.json` holds one
 * ExportLogsServiceRequest and `otlp/traces.json` one ExportTraceServiceRequest, one resource per
 * service. Written compactly on one line, so each file is also a valid input line for the
 * Collector's `otlpjsonfile` receiver. Built as bytes from the finished columns: no object tree,
 * no per-record strings, so a 2 M-row export costs memory for its bytes only.
 *
 * OTLP/JSON rules followed: 64-bit integers (times, intValue) are decimal strings; trace and
 * span ids are lower-case hex (not base64); enums are integers (severityNumber INFO 9, WARN 13,
 * ERROR 17; span kind SERVER 2; status code OK 1, ERROR 2).
 */
import { ByteSink } from '../../output/bytes';
import type { OutputFile } from '../../output/tree';
import { getColumn, type DictColumn, type NumberColumn, type Table, type Utf8Column } from '../../table/column';
import { ENGINE_VERSION } from '../../version';
import { LEVELS, SEVERITY_NUMBERS } from './operational-log.constants';
import { ascii, writeCents, writeUint } from './operational-log.text';

const SCOPE = `{"scope":{"name":"spindle.operational-log","version":${JSON.stringify(ENGINE_VERSION)}}`;

function resourceHead(service: string, tier: string): Uint8Array {
  return ascii(
    `{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":${JSON.stringify(service)}}},` +
      `{"key":"service.tier","value":{"stringValue":${JSON.stringify(tier)}}}]},`,
  );
}

/** Rows of each service code, in table order (a stable counting sort). */
function rowsByService(codes: Int32Array, nServices: number): Int32Array[] {
  const count = new Int32Array(nServices);
  for (let i = 0; i < codes.length; i++) count[codes[i]]++;
  const out = Array.from(count, (c) => new Int32Array(c));
  const fill = new Int32Array(nServices);
  for (let i = 0; i < codes.length; i++) out[codes[i]][fill[codes[i]]++] = i;
  return out;
}

/** Big exports keep their buffer rather than copying a gigabyte for a few percent of slack. */
function finish(out: ByteSink): Uint8Array {
  return out.pos > out.buf.length * 0.8 ? out.buf.subarray(0, out.pos) : out.buf.slice(0, out.pos);
}

/** µs since the epoch as a decimal string of nanoseconds (exceeds 2^53, so never a JS number). */
function writeNanos(out: ByteSink, us: number): void {
  out.buf[out.pos++] = 34;
  if (us < 0) out.buf[out.pos++] = 45; // before 1970: not a valid fixed64, but never silently wrong
  out.pos = writeUint(out.buf, out.pos, Math.abs(us));
  out.buf[out.pos++] = 48;
  out.buf[out.pos++] = 48;
  out.buf[out.pos++] = 48;
  out.buf[out.pos++] = 34;
}

function writeSlice(out: ByteSink, c: Utf8Column, i: number): void {
  const b = c.bytes;
  for (let k = c.offsets[i], e = c.offsets[i + 1]; k < e; k++) out.buf[out.pos++] = b[k];
}

/** True when the column has a value at row i. */
const present = (c: Utf8Column, i: number) => !c.valid || c.valid[i] === 1;

/**
 * `otlp/logs.json` from the finished `logs` table. `sampled[i]` sets the W3C sampled flag
 * (`flags: 1`) on log i, whose trace is in `traces`.
 */
export function otlpLogs(logs: Table, tiers: readonly string[], sampled: Uint8Array): OutputFile {
  const n = logs.length;
  const logId = getColumn(logs, 'log_id') as Utf8Column;
  const ts = (getColumn(logs, 'timestamp') as NumberColumn).values;
  const service = getColumn(logs, 'service') as DictColumn;
  const level = (getColumn(logs, 'level') as DictColumn).codes;
  const method = getColumn(logs, 'method') as DictColumn;
  const endpoint = getColumn(logs, 'endpoint') as DictColumn;
  const status = (getColumn(logs, 'status_code') as NumberColumn).values;
  const latency = (getColumn(logs, 'latency_ms') as NumberColumn).values;
  const message = getColumn(logs, 'message') as Utf8Column;
  const traceId = getColumn(logs, 'trace_id') as Utf8Column;
  const spanId = getColumn(logs, 'span_id') as Utf8Column;
  const severity = LEVELS.map((l, i) => ascii(`,"severityNumber":${SEVERITY_NUMBERS[i]},"severityText":"${l}","body":{"stringValue":`));
  const methods = method.dict.map((m) => ascii(`"}},{"key":"http.method","value":{"stringValue":${JSON.stringify(m)}}},`));
  const routes = endpoint.dict.map((e) => ascii(`{"key":"http.route","value":{"stringValue":${JSON.stringify(e)}}},`));
  const head = ascii('{"timeUnixNano":');
  const uid = ascii('},"attributes":[{"key":"log.record.uid","value":{"stringValue":"');
  const code = ascii('{"key":"http.status_code","value":{"intValue":"');
  const lat = ascii('"}},{"key":"latency_ms","value":{"doubleValue":');
  const ids = ascii('}}],"traceId":"');
  const span = ascii('","spanId":"');
  const endTraced = ascii('"}');
  const endSampled = ascii('","flags":1}');
  const endPlain = ascii('}}]}');

  const out = new ByteSink(Math.max(1 << 16, n * 560));
  out.ascii('{"resourceLogs":[');
  rowsByService(service.codes, service.dict.length).forEach((rows, s) => {
    if (s > 0) out.byte(44);
    out.bytes(resourceHead(service.dict[s], tiers[s]));
    out.ascii(`"scopeLogs":[${SCOPE},"logRecords":[`);
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      out.ensure(1024 + (message.offsets[i + 1] - message.offsets[i]));
      if (r > 0) out.buf[out.pos++] = 44;
      out.bytes(head);
      writeNanos(out, ts[i]);
      out.bytes(severity[level[i]]);
      out.buf[out.pos++] = 34;
      writeSlice(out, message, i); // fixed ASCII texts without quotes or backslashes
      out.buf[out.pos++] = 34;
      out.bytes(uid);
      writeSlice(out, logId, i);
      out.bytes(methods[method.codes[i]]);
      out.bytes(routes[endpoint.codes[i]]);
      out.bytes(code);
      out.pos = writeUint(out.buf, out.pos, status[i]);
      out.bytes(lat);
      out.pos = writeCents(out.buf, out.pos, latency[i]);
      if (present(traceId, i)) {
        out.bytes(ids);
        writeSlice(out, traceId, i);
        out.bytes(span);
        writeSlice(out, spanId, i);
        out.bytes(sampled[i] ? endSampled : endTraced);
      } else out.bytes(endPlain);
    }
    out.ascii(']}]}');
  });
  out.ascii(']}\n');
  return { path: 'otlp/logs.json', bytes: finish(out) };
}

/** `otlp/traces.json` from the finished `traces` table: every span SERVER-kind, roots without parentSpanId. */
export function otlpTraces(traces: Table, tiers: readonly string[]): OutputFile {
  const n = traces.length;
  const traceId = getColumn(traces, 'trace_id') as Utf8Column;
  const spanId = getColumn(traces, 'span_id') as Utf8Column;
  const parent = getColumn(traces, 'parent_span_id') as Utf8Column;
  const service = getColumn(traces, 'service') as DictColumn;
  const operation = getColumn(traces, 'operation') as DictColumn;
  const ts = (getColumn(traces, 'timestamp') as NumberColumn).values;
  const duration = (getColumn(traces, 'duration_ms') as NumberColumn).values;
  const status = (getColumn(traces, 'status') as DictColumn).codes;
  const names = operation.dict.map((o) => ascii(`","name":${JSON.stringify(o)},"kind":2,"startTimeUnixNano":`));
  const head = ascii('{"traceId":"');
  const spanKey = ascii('","spanId":"');
  const parentKey = ascii('","parentSpanId":"');
  const end = ascii(',"endTimeUnixNano":');
  const statusDict = (getColumn(traces, 'status') as DictColumn).dict;
  const statusBytes = statusDict.map((s) => ascii(`,"status":{"code":${s === 'ERROR' ? 2 : 1}}}`));

  const out = new ByteSink(Math.max(1 << 16, n * 300));
  out.ascii('{"resourceSpans":[');
  rowsByService(service.codes, service.dict.length).forEach((rows, s) => {
    if (s > 0) out.byte(44);
    out.bytes(resourceHead(service.dict[s], tiers[s]));
    out.ascii(`"scopeSpans":[${SCOPE},"spans":[`);
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r];
      out.ensure(1024);
      if (r > 0) out.buf[out.pos++] = 44;
      out.bytes(head);
      writeSlice(out, traceId, i);
      out.bytes(spanKey);
      writeSlice(out, spanId, i);
      if (present(parent, i)) {
        out.bytes(parentKey);
        writeSlice(out, parent, i);
      }
      out.bytes(names[operation.codes[i]]);
      writeNanos(out, ts[i]);
      out.bytes(end);
      // durations have 2 decimals of a ms, i.e. whole multiples of 10 µs: the end stays exact
      writeNanos(out, ts[i] + Math.round(duration[i] * 100) * 10);
      out.bytes(statusBytes[status[i]]);
    }
    out.ascii(']}]}');
  });
  out.ascii(']}\n');
  return { path: 'otlp/traces.json', bytes: finish(out) };
}
