import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileBytes, streamedRunFiles } from '../../output/tree';
import { streamSimulator } from '../../run';
import { configArb, rows, runOl, type OlRun } from './operational-log.test-util';
import { operationalLogSimulator } from './index';

interface AnyValue {
  stringValue?: string;
  intValue?: string;
  doubleValue?: number;
}
interface KeyValue {
  key: string;
  value: AnyValue;
}
interface LogRecord {
  timeUnixNano: string;
  severityNumber: number;
  severityText: string;
  body: AnyValue;
  attributes: KeyValue[];
  traceId?: string;
  spanId?: string;
  flags?: number;
}
interface Span {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status: { code: number };
}
interface Resource {
  resource: { attributes: KeyValue[] };
}
interface LogsRequest {
  resourceLogs: (Resource & { scopeLogs: { scope: { name: string }; logRecords: LogRecord[] }[] })[];
}
interface TraceRequest {
  resourceSpans: (Resource & { scopeSpans: { scope: { name: string }; spans: Span[] }[] })[];
}

async function parseFiles(r: OlRun): Promise<{ logs: LogsRequest; traces: TraceRequest }> {
  const files = r.result.files ?? [];
  expect(files.map((f) => f.path)).toEqual(['otlp/logs.json', 'otlp/traces.json']);
  // produced when written, in chunks
  const [logs, traces] = await Promise.all(files.map(async (f) => new TextDecoder().decode(await fileBytes(f))));
  // one line each: also a valid input line for the Collector's otlpjsonfile receiver
  expect(logs.trimEnd().includes('\n')).toBe(false);
  return { logs: JSON.parse(logs) as LogsRequest, traces: JSON.parse(traces) as TraceRequest };
}

const attr = (kv: KeyValue[], key: string) => kv.find((a) => a.key === key)?.value;
const nanos = (us: number) => (BigInt(us) * 1000n).toString();
const SEVERITY: Record<string, number> = { INFO: 9, WARN: 13, ERROR: 17 };

describe('OTLP/JSON export', () => {
  const config = { eventsPerHour: 40, durationHours: 4, latencySpikeProbability: 0.3, outageProbability: 0.3, errorBurstProbability: 0.5, errorBurstCount: 4, seed: 5 };

  it('logs.json is an ExportLogsServiceRequest with one resource per service and every log as a record', async () => {
    const r = await runOl(config);
    const { logs } = await parseFiles(r);
    const table = rows(r.logs);
    const byUid = new Map(table.map((row) => [row.log_id as string, row]));
    expect(logs.resourceLogs.map((rl) => attr(rl.resource.attributes, 'service.name')?.stringValue)).toEqual(rows(r.health).map((h) => h.service));
    let count = 0;
    for (const rl of logs.resourceLogs) {
      const service = attr(rl.resource.attributes, 'service.name')!.stringValue;
      expect(rl.scopeLogs).toHaveLength(1);
      expect(rl.scopeLogs[0].scope.name).toBe('spindle.operational-log');
      let prev = -1n;
      for (const rec of rl.scopeLogs[0].logRecords) {
        count++;
        const row = byUid.get(attr(rec.attributes, 'log.record.uid')!.stringValue!)!;
        expect(row).toBeDefined();
        expect(row.service).toBe(service);
        expect(rec.timeUnixNano).toBe(nanos(row.timestamp as number));
        expect(BigInt(rec.timeUnixNano) >= prev).toBe(true);
        prev = BigInt(rec.timeUnixNano);
        expect(rec.severityText).toBe(row.level);
        expect(rec.severityNumber).toBe(SEVERITY[row.level as string]);
        expect(rec.body.stringValue).toBe(row.message);
        expect(attr(rec.attributes, 'http.method')!.stringValue).toBe(row.method);
        expect(attr(rec.attributes, 'http.route')!.stringValue).toBe(row.endpoint);
        expect(attr(rec.attributes, 'http.status_code')!.intValue).toBe(String(row.status_code));
        expect(attr(rec.attributes, 'latency_ms')!.doubleValue).toBe(row.latency_ms);
        expect(rec.traceId).toBe(row.trace_id);
        expect(rec.spanId).toBe(row.span_id);
      }
    }
    expect(count).toBe(r.logs.length);
  });

  it('traces.json is an ExportTraceServiceRequest whose spans equal the traces table', async () => {
    const r = await runOl(config);
    const { traces, logs } = await parseFiles(r);
    const table = rows(r.traces);
    const bySpan = new Map(table.map((s) => [s.span_id as string, s]));
    let count = 0;
    for (const rs of traces.resourceSpans) {
      const service = attr(rs.resource.attributes, 'service.name')!.stringValue;
      for (const span of rs.scopeSpans[0].spans) {
        count++;
        const row = bySpan.get(span.spanId)!;
        expect(row).toBeDefined();
        expect(row.service).toBe(service);
        expect(span.traceId).toBe(row.trace_id);
        expect(span.parentSpanId ?? null).toBe(row.parent_span_id);
        expect(span.name).toBe(row.operation);
        expect(span.kind).toBe(2);
        expect(span.status.code).toBe(row.status === 'ERROR' ? 2 : 1);
        expect(span.startTimeUnixNano).toBe(nanos(row.timestamp as number));
        const durationNs = BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano);
        expect(Number(durationNs) / 1e6).toBeCloseTo(row.duration_ms as number, 9);
      }
    }
    expect(count).toBe(r.traces.length);
    // a sampled log carries the W3C sampled flag, and its ids name a root span
    const sampled = logs.resourceLogs.flatMap((rl) => rl.scopeLogs[0].logRecords).filter((rec) => rec.flags === 1);
    expect(sampled.length).toBe(table.filter((s) => s.parent_span_id === null).length);
    for (const rec of sampled) expect(bySpan.get(rec.spanId!)?.parent_span_id).toBeNull();
  });

  it('with tracing off, records have no ids and traces.json has no resources', async () => {
    const r = await runOl({ ...config, traceEnabled: false });
    const { logs, traces } = await parseFiles(r);
    const records = logs.resourceLogs.flatMap((rl) => rl.scopeLogs[0].logRecords);
    expect(records).toHaveLength(r.logs.length);
    for (const rec of records) {
      expect(rec.traceId).toBeUndefined();
      expect(rec.spanId).toBeUndefined();
    }
    expect(traces.resourceSpans).toEqual([]);
  });

  it('user services with tiers and JSON-special names survive the round trip', async () => {
    const services = [
      { name: 'edge "proxy"', tier: 'edge' },
      { name: 'bäckend\\svc', tier: 'core' },
    ];
    const r = await runOl({ ...config, services });
    const { logs } = await parseFiles(r);
    expect(logs.resourceLogs.map((rl) => [attr(rl.resource.attributes, 'service.name')!.stringValue, attr(rl.resource.attributes, 'service.tier')!.stringValue])).toEqual(
      services.map((s) => [s.name, s.tier]),
    );
  });
});

describe('OTLP/JSON export, streamed', () => {
  it('is produced in chunks of a few MB when written, never as one buffer, and the same bytes each time', async () => {
    const r = await runOl({ eventsPerHour: 400, durationHours: 24, seed: 8 });
    const logs = (r.result.files ?? [])[0];
    if (!('produce' in logs)) throw new Error('OTLP files are produced when written');
    const sizes: number[] = [];
    const chunks: Uint8Array[] = [];
    for await (const c of logs.produce()) {
      sizes.push(c.length);
      chunks.push(c);
    }
    expect(sizes.length).toBeGreaterThan(2);
    expect(Math.max(...sizes)).toBeLessThan(5 << 20);
    expect(Buffer.concat(chunks).equals(Buffer.from(await fileBytes(logs)))).toBe(true);
    expect(JSON.parse(Buffer.concat(chunks).toString()).resourceLogs.length).toBeGreaterThan(0);
  });
});

describe('OTLP export of a streamed run (written from the raw rows, no tables)', () => {
  it("gives the bytes of the held run's export, built from its tables, for any config", async () => {
    // two runs in three with deep, sampled traces over several services: parents at every depth
    const deep = fc.record({ serviceCount: fc.integer({ min: 3, max: 8 }), traceDepthMean: fc.double({ min: 2, max: 8, noNaN: true }), traceSampleRate: fc.constantFrom(0.5, 1), traceEnabled: fc.constant(true) });
    await fc.assert(
      fc.asyncProperty(configArb, fc.option(deep, { freq: 2 }), async (c, d) => {
        const config = { ...c, ...d, otlpExport: true };
        const held = await runOl(config);
        const streamed = await streamSimulator(operationalLogSimulator, config);
        const files = streamedRunFiles(streamed, 'csv');
        // the stream's tables are read first, as a writer does
        for (const t of streamed.result.tables) for await (const chunk of t.chunks()) void chunk;
        for (const path of ['otlp/logs.json', 'otlp/traces.json']) {
          const want = held.result.files!.find((f) => f.path === path)!;
          const got = files.find((f) => f.path === path)!;
          expect(Buffer.from(await fileBytes(got)).equals(Buffer.from(await fileBytes(want))), path).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });
});
