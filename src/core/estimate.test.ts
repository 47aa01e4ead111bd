import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINE_LIMITS, formatBytes, sizeIssues, totalsOf, type RunEstimate } from './estimate';
import { findDomain, generateDomain } from './domains';
import { shapeOf, type TableShape } from './inputs/contract';
import { SIMULATORS } from './registry';
import type { SimulatorDef } from './simulator';
import { ConfigError, resolveConfig, runSimulator, streamableBytes } from './run';
import { formatIssue } from './schema/config';
import { expectedTransitions } from './simulators/workflow/workflow.estimate';
import { PRESET_NAMES } from './simulators/workflow/workflow.presets';
import { workflowSpec } from './simulators/workflow/spec';
import { operationalLogSpec } from './simulators/operational-log/spec';
import { clickstreamSpec } from './simulators/clickstream/spec';
import { MAX_ENTITIES } from './simulators/workflow/workflow.config';
import type { Column } from './table/column';

const bytesOf = (c: Column) => Object.values(c).reduce((a: number, v) => a + (ArrayBuffer.isView(v) ? v.byteLength : 0), 0);

/** a → b, then from b back to a or on to the terminal c: 2 transitions per round, rounds ~ Geometric(½). */
const CYCLE = {
  preset: 'custom',
  states: [{ name: 'a', isInitial: true }, { name: 'b' }, { name: 'c', isTerminal: true }],
  transitions: [
    { fromState: 'a', toState: 'b' },
    { fromState: 'b', toState: 'a' },
    { fromState: 'b', toState: 'c' },
  ],
};

function parsed<T>(spec: { schema: { parse(raw: unknown): { ok: true; value: T } | { ok: false; issues: readonly { path: string; message: string }[] } } }, raw: unknown): T {
  const r = spec.schema.parse(raw);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('; '));
  return r.value;
}

/** The shapes of the tables a default run reads: its default domain, generated with the run's seed. */
async function defaultInputShapes(def: SimulatorDef, seed: number): Promise<TableShape[] | undefined> {
  const d = def.inputs?.defaultDomain;
  if (!d) return def.inputs ? [] : undefined;
  const out = await generateDomain(findDomain(d.domain)!, { ...d.config, scale: d.scale }, { seed });
  return out.tables.map(shapeOf);
}

describe('run estimates', () => {
  it.each(SIMULATORS.map((s) => [s.id, s] as const))('%s: every registered simulator estimates its default run within 15 % (rows and memory, per table)', async (_, def) => {
    expect(def.estimate, `${def.id}: give its spec an estimate(config) (src/core/estimate.ts) so oversized runs are refused up front`).toBeTypeOf('function');
    const run = await runSimulator(def, {});
    const estimate = def.estimate!(run.config as never, await defaultInputShapes(def, run.config.seed));
    for (const t of run.result.tables) {
      const e = estimate.tables.find((x) => x.name === t.name);
      expect(e, `${def.id}: no estimate for table ${t.name}`).toBeDefined();
      expect(Math.abs(e!.rows - t.length), `${def.id}.${t.name} rows: estimated ${e!.rows}, got ${t.length}`).toBeLessThanOrEqual(0.15 * t.length + 5);
      const memory = t.columns.reduce((a, c) => a + bytesOf(c), 0);
      if (t.length > 1000) expect(Math.abs(e!.rows * e!.memoryBytesPerRow - memory) / memory, `${def.id}.${t.name} memory`).toBeLessThan(0.25);
    }
  });

  it('expected transitions: exact on order fulfillment (no anomalies) and on a geometric cycle, capped by maxTransitionsPerEntity', () => {
    const of = parsed(workflowSpec, { anomalyEnabled: false });
    // created → cancelled 0.1 (1 step); else confirmed → cancelled 0.05 (2) or shipped → delivered/returned (3)
    expect(expectedTransitions(of, 20)).toBeCloseTo(0.1 + 0.9 * (0.05 * 2 + 0.95 * 3), 12);
    const cycle = parsed(workflowSpec, CYCLE);
    expect(expectedTransitions(cycle, 1000)).toBeCloseTo(4, 9);
    expect(expectedTransitions(cycle, 3)).toBeCloseTo(2 * 0.5 + 3 * 0.5, 12);
    expect(expectedTransitions(cycle, 0)).toBe(0);
  });

  it('workflow: the estimate tracks the engine on generated machines (property)', async () => {
    const machine = fc.record({
      n: fc.integer({ min: 2, max: 6 }),
      edges: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.double({ min: 0.05, max: 5, noNaN: true })), { minLength: 1, maxLength: 12 }),
      cap: fc.integer({ min: 1, max: 30 }),
      anomalies: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(machine, async ({ n, edges, cap, anomalies }) => {
        const states = Array.from({ length: n }, (_, i) => ({ name: `s${i}`, isInitial: i === 0, isTerminal: i === n - 1 }));
        const transitions = edges.filter(([f]) => f % n !== n - 1).map(([f, t, p]) => ({ fromState: `s${f % n}`, toState: `s${t % n}`, probability: p }));
        const raw = { preset: 'custom', states, transitions, entityCount: 3000, maxTransitionsPerEntity: cap, anomalyEnabled: anomalies, seed: 3 };
        const run = await runSimulator(SIMULATORS.find((d) => d.id === 'workflow')!, raw).catch(() => undefined);
        if (!run) return; // a machine the schema refuses (no transitions) is not what this checks
        const events = run.result.tables[0].length;
        const estimated = workflowSpec.estimate!(run.config as never).tables[0].rows;
        // backward moves are counted as staying in place, so anomalies may add a little
        expect(Math.abs(estimated - events)).toBeLessThanOrEqual(0.1 * events + 60 + (anomalies ? 0.05 * events : 0));
      }),
      { numRuns: 25 },
    );
  });

  it('refuses, naming the field, the estimate, the limit and what to change: a cyclic workflow of 5 M entities × 1,000 transitions', () => {
    const r = workflowSpec.schema.parse({ ...CYCLE, transitions: [CYCLE.transitions[0], { ...CYCLE.transitions[1], probability: 999 }, CYCLE.transitions[2]], entityCount: MAX_ENTITIES, maxTransitionsPerEntity: 1000 });
    expect(r.ok).toBe(false);
    const line = r.ok ? '' : r.issues.map(formatIssue).join('; ');
    expect(line).toMatch(/^entityCount: about [\d,]{11,} rows \(≈ \d+ GB in memory, ≈ \d+ GB as Parquet\) is too large for this engine: more than the 4 GB of tables this engine holds in memory; lower entityCount or maxTransitionsPerEntity$/);
  });

  it('accepts what the engine holds: every preset at 5 M entities, clickstream at 1,000,000 users (its page-view cap), operational logs at 83,000 events/h without OTLP', () => {
    for (const preset of PRESET_NAMES) expect(workflowSpec.schema.parse({ preset, entityCount: MAX_ENTITIES, maxTransitionsPerEntity: 1000 }).ok, preset).toBe(true);
    expect(clickstreamSpec.schema.parse({ users: 1_000_000 }).ok).toBe(true);
    expect(operationalLogSpec.schema.parse({ eventsPerHour: 83_000, otlpExport: false }).ok).toBe(true);
  });

  it('operational logs: OTLP buffers past 4 GB and trace spans past the memory limit are refused, each with its way out', () => {
    const otlp = operationalLogSpec.schema.parse({ eventsPerHour: 83_000 });
    expect(otlp.ok ? '' : formatIssue(otlp.issues[0])).toMatch(/^eventsPerHour: about 19,\d{3},\d{3} rows .*otlp\/logs\.json would be built as one ≈ 5(\.\d)? GB buffer.*, or turn off otlpExport$/);
    const spans = operationalLogSpec.schema.parse({ serviceCount: 8, eventsPerHour: 50_000, traceSampleRate: 1, traceDepthMean: 1000, otlpExport: false });
    expect(spans.ok ? '' : formatIssue(spans.issues[0])).toMatch(/^eventsPerHour: about [\d,]+ rows \(≈ [\d.]+ GB in memory.*more than the 4 GB of tables/);
  });

  it('runSimulator refuses an oversized estimate even when the schema does not (the backstop every host goes through)', async () => {
    const huge: RunEstimate = {
      tables: [{ name: 't', rows: 1e10, memoryBytesPerRow: 8, textBytesPerRow: 0, fileBytesPerRow: { parquet: 4, csv: 10, jsonl: 20 } }],
      drivers: ['users'],
    };
    const def = { ...SIMULATORS.find((s) => s.id === 'clickstream')!, estimate: () => huge };
    await expect(runSimulator(def, {})).rejects.toThrow(ConfigError);
    await expect(runSimulator(def, {})).rejects.toThrow(/^users: about 10,000,000,000 rows \(≈ 75 GB in memory, ≈ 37 GB as Parquet\) is too large/);
  });

  it('a streamed run holds only its tables that are not streamed: clickstream at 1,000,000 users runs streamed and is refused held', async () => {
    const e: RunEstimate = {
      tables: [
        { name: 'held', rows: 1e6, memoryBytesPerRow: 100, textBytesPerRow: 36, fileBytesPerRow: { parquet: 1, csv: 1, jsonl: 1 } },
        { name: 'views', rows: 60e6, memoryBytesPerRow: 100, textBytesPerRow: 36, fileBytesPerRow: { parquet: 1, csv: 1, jsonl: 1 }, streamed: true },
      ],
      drivers: ['n'],
    };
    expect(sizeIssues(e)[0].message).toMatch(/more than the 4 GB of tables/);
    expect(sizeIssues(e, true)).toEqual([]);
    // a table held even when streamed still counts
    expect(sizeIssues({ ...e, tables: [{ ...e.tables[0], rows: 60e6 }, e.tables[1]] }, true)[0].message).toMatch(/more than the 4 GB/);

    const clickstream = SIMULATORS.find((s) => s.id === 'clickstream')!;
    const million = { users: 1_000_000, seed: 1 };
    expect(resolveConfig(clickstream, million).users).toBe(1_000_000);
    expect(streamableBytes(clickstream, resolveConfig(clickstream, million))).toBeGreaterThan(ENGINE_LIMITS.maxTableBytes);
    await expect(runSimulator(clickstream, million)).rejects.toThrow(/^users: about [\d,]+ rows \(≈ [\d.]+ GB in memory.*\) is too large to hold in memory: .*; written to files, it is streamed instead/);
  });

  it('text columns past 2 GB are refused even when the memory limit is not reached', () => {
    const e: RunEstimate = { tables: [{ name: 'ids', rows: 60e6, memoryBytesPerRow: 40, textBytesPerRow: 36, fileBytesPerRow: { parquet: 1, csv: 1, jsonl: 1 } }], drivers: ['n'] };
    expect(totalsOf(e).memoryBytes).toBeLessThan(ENGINE_LIMITS.maxTableBytes);
    expect(sizeIssues(e)[0].message).toMatch(/ids would hold ≈ 2(\.\d)? GB of text in one column, more than the 2 GB a column holds; lower n$/);
    expect(sizeIssues({ ...e, tables: [{ ...e.tables[0], rows: 50e6 }] })).toEqual([]);
  });

  it('formats bytes for people', () => {
    expect([0, 1023, 1024, 1536, 10 * 1024 ** 2, 4 * 1024 ** 3, 470.4 * 1024 ** 3].map(formatBytes)).toEqual(['0 B', '1023 B', '1 KB', '1.5 KB', '10 MB', '4 GB', '470 GB']);
  });
});
