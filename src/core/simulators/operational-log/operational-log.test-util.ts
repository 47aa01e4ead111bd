/** Helpers shared by the operational-log tests: run a config and read tables back as rows. */
import fc from 'fast-check';
import { runSimulator, type RunOutput } from '../../run';
import { cellAt, type CellValue, type Table } from '../../table/column';
import { operationalLogSimulator } from './index';
import type { OperationalLogOutput } from './operational-log';

export type Row = Record<string, CellValue>;

/** Every row of a table as a plain object (small tables only). */
export function rows(t: Table): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < t.length; i++) {
    const r: Row = {};
    for (const c of t.columns) r[c.name] = cellAt(c, i);
    out.push(r);
  }
  return out;
}

export interface OlRun {
  readonly run: RunOutput;
  readonly result: OperationalLogOutput;
  readonly logs: Table;
  readonly traces: Table;
  readonly health: Table;
  readonly config: Record<string, unknown>;
}

export async function runOl(raw: Record<string, unknown>): Promise<OlRun> {
  const run = await runSimulator(operationalLogSimulator, raw);
  const result = run.result as OperationalLogOutput;
  const [logs, traces, health] = result.tables;
  return { run, result, logs, traces, health, config: run.config };
}

/** Answer-key rows with their details parsed. */
export function windowsOf(result: OperationalLogOutput): { kind: string; key: string; time: number; details: Record<string, unknown> }[] {
  return rows(result.answerKey.finish()).map((r) => ({
    kind: r.kind as string,
    key: r.key as string,
    time: r.time as number,
    details: JSON.parse(r.details as string) as Record<string, unknown>,
  }));
}

/** Small random configs covering every feature flag and edge (partial slots, zero rates, long windows). */
export const configArb = fc.record({
  serviceCount: fc.integer({ min: 1, max: 8 }),
  durationHours: fc.oneof(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.constantFrom(1, 2.5, 3)),
  startTime: fc.constantFrom('2024-01-01T00:00:00Z', '2023-06-15T13:27:45.123Z', '2024-02-29T23:30:00+02:00', '2024-03-10T08:00:00'),
  eventsPerHour: fc.integer({ min: 0, max: 120 }),
  latencyMeanMs: fc.double({ min: 0.2, max: 400, noNaN: true }),
  latencyStdMs: fc.double({ min: 0, max: 600, noNaN: true }),
  latencySpikeEnabled: fc.boolean(),
  latencySpikeProbability: fc.constantFrom(0, 0.4, 1),
  latencySpikeMultiplier: fc.double({ min: 1, max: 20, noNaN: true }),
  latencySpikeDurationMinutes: fc.double({ min: 0.5, max: 150, noNaN: true }),
  outageEnabled: fc.boolean(),
  outageProbability: fc.constantFrom(0, 0.4, 1),
  outageDurationMinutes: fc.double({ min: 0.5, max: 150, noNaN: true }),
  outageErrorRate: fc.double({ min: 0, max: 1, noNaN: true }),
  traceEnabled: fc.boolean(),
  traceDepthMean: fc.double({ min: 0, max: 8, noNaN: true }),
  traceSampleRate: fc.constantFrom(0, 0.3, 1),
  errorBurstEnabled: fc.boolean(),
  errorBurstProbability: fc.constantFrom(0, 0.5, 1),
  errorBurstCount: fc.integer({ min: 0, max: 25 }),
  otlpExport: fc.constant(false),
  seed: fc.integer({ min: 0, max: 10_000 }),
});
