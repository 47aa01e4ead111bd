import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countingChunks } from '../../../../test/stream-chunks';
import { treeHash } from '../../../../test/tree-hash';
import { buildTree, materialise, streamedRunFiles, zipTree } from '../../output/tree';
import { AbortError } from '../../simulator';
import { runSimulator, streamSimulator } from '../../run';
import { formatIssue } from '../../schema/config';
import { tableRows } from '../../table/column';
import { parseInstant, US_PER_HOUR } from '../../time';
import { workflowSimulator } from '.';
import { entityIds } from './workflow';
import { workflowConfig, type WorkflowConfig } from './workflow.config';
import { getPresetWorkflow, PRESET_NAMES } from './workflow.presets';

type Ev = {
  event_id: string;
  entity_id: string;
  from_state: string;
  to_state: string;
  transitioned_at: number;
  dwell_hours: number;
  is_anomaly: boolean;
  anomaly_type: string;
  sequence: number;
};
type Summary = {
  entity_id: string;
  initial_state: string;
  final_state: string;
  total_transitions: number;
  total_hours: number;
  is_complete: boolean;
  started_at: number;
  ended_at: number;
};

async function simulate(raw: Record<string, unknown>) {
  const run = await runSimulator(workflowSimulator, raw);
  const [events, summary] = run.result.tables;
  return {
    run,
    config: run.config as unknown as WorkflowConfig,
    events: tableRows(events) as unknown as Ev[],
    summary: tableRows(summary) as unknown as Summary[],
    stats: run.result.stats as Record<string, unknown> & { anomalies_by_type: Record<string, number>; state_distribution: Record<string, number> },
    key: tableRows(run.result.answerKey.finish()),
  };
}

/** Random valid state machines: 2–7 states, at least one initial, rules leaving non-terminal states only. */
const arbMachine = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.record({
      initial: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      terminal: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      rules: fc.array(
        fc.record({
          from: fc.nat(n - 1),
          to: fc.nat(n - 1),
          p: fc.double({ min: 0.01, max: 5, noNaN: true }),
          mean: fc.double({ min: 0, max: 50, noNaN: true }),
          std: fc.double({ min: 0, max: 20, noNaN: true }),
          min: fc.double({ min: 0, max: 2, noNaN: true }),
        }),
        { maxLength: 16 },
      ),
    }),
  )
  .map(({ initial, terminal, rules }) => {
    const n = initial.length;
    if (!initial.some(Boolean)) initial[0] = true;
    const states = Array.from({ length: n }, (_, i) => ({ name: `s${i}`, isInitial: initial[i], isTerminal: terminal[i] }));
    const transitions = rules
      .filter((r) => !terminal[r.from])
      .map((r) => ({ fromState: `s${r.from}`, toState: `s${r.to}`, probability: r.p, dwellHoursMean: r.mean, dwellHoursStd: r.std, minDwellHours: r.min }));
    return { preset: 'custom', states, transitions };
  });

const arbAnomalies = fc
  .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([a, b, c]) => {
    const scale = Math.max(1, a + b + c);
    return { anomalySkipProbability: a / scale / 1.0000001, anomalyStuckProbability: b / scale / 1.0000001, anomalyBackwardProbability: c / scale / 1.0000001 };
  });

const arbConfig = fc.oneof(
  { arbitrary: arbMachine, weight: 3 },
  { arbitrary: fc.constantFrom(...PRESET_NAMES).map((preset) => ({ preset })), weight: 2 },
).chain((machine) =>
  fc.record({
    anomalies: arbAnomalies,
    entityCount: fc.integer({ min: 0, max: 60 }),
    maxTransitionsPerEntity: fc.integer({ min: 0, max: 25 }),
    anomalyEnabled: fc.boolean(),
    seed: fc.integer({ min: 0, max: 10_000 }),
  }).map(({ anomalies, ...rest }) => ({ ...machine, ...anomalies, ...rest })),
);

function byEntity(events: Ev[]): Map<string, Ev[]> {
  const m = new Map<string, Ev[]>();
  for (const e of events) {
    const list = m.get(e.entity_id) ?? [];
    list.push(e);
    m.set(e.entity_id, list);
  }
  return m;
}

describe('workflow invariants (spec §6), over random machines and the presets', () => {
  it('every invariant holds', async () => {
    await fc.assert(
      fc.asyncProperty(arbConfig, async (raw) => {
        const { config, events, summary, stats, key } = await simulate(raw);
        const base = parseInstant(config.startTime);
        const states = new Map(config.states.map((s) => [s.name, s]));
        const rules = config.transitions;
        const hasRule = (a: string, b: string) => rules.some((r) => r.fromState === a && r.toState === b);
        const groups = byEntity(events);

        expect(summary).toHaveLength(config.entityCount);
        expect(new Set(summary.map((s) => s.entity_id)).size).toBe(config.entityCount);
        for (const s of summary) {
          const evs = groups.get(s.entity_id) ?? [];
          expect(s.started_at).toBeGreaterThanOrEqual(base);
          expect(s.started_at).toBeLessThanOrEqual(base + US_PER_HOUR);
          expect(states.get(s.initial_state)?.isInitial).toBe(true);
          expect(s.total_transitions).toBe(evs.length);
          expect(evs.length).toBeLessThanOrEqual(config.maxTransitionsPerEntity);
          expect(s.final_state).toBe(evs.length ? evs[evs.length - 1].to_state : s.initial_state);
          expect(s.is_complete).toBe(states.get(s.final_state)!.isTerminal);
          expect(s.ended_at).toBe(evs.length ? evs[evs.length - 1].transitioned_at : s.started_at);
          expect(Math.abs(s.total_hours - (s.ended_at - s.started_at) / US_PER_HOUR)).toBeLessThan(1e-4 + 1e-6);

          const visited = [s.initial_state];
          let prevTime = s.started_at;
          evs.forEach((e, k) => {
            expect(e.sequence).toBe(k);
            expect(e.from_state).toBe(k === 0 ? s.initial_state : evs[k - 1].to_state);
            expect(states.get(e.from_state)!.isTerminal).toBe(false); // no event after a terminal state
            const gapHours = (e.transitioned_at - prevTime) / US_PER_HOUR;
            expect(Math.abs(gapHours - e.dwell_hours)).toBeLessThan(1e-4 + 1e-6);
            if (e.anomaly_type === 'stuck') {
              expect(e.to_state).toBe(e.from_state);
              expect(e.dwell_hours).toBe(0);
              expect(e.transitioned_at).toBe(prevTime);
              expect(k).toBe(evs.length - 1);
            } else {
              expect(e.transitioned_at).toBeGreaterThanOrEqual(prevTime);
            }
            expect(e.is_anomaly).toBe(e.anomaly_type !== '');
            if (!config.anomalyEnabled) expect(e.anomaly_type).toBe('');
            if (e.anomaly_type === '') {
              const candidates = rules.filter((r) => r.fromState === e.from_state && r.toState === e.to_state);
              expect(candidates.length).toBeGreaterThan(0);
              expect(e.dwell_hours).toBeGreaterThanOrEqual(Math.min(...candidates.map((r) => r.minDwellHours)) - 5e-5);
            } else if (e.anomaly_type === 'skip') {
              expect(rules.some((r) => r.fromState === e.from_state && hasRule(r.toState, e.to_state))).toBe(true);
              expect(e.to_state).not.toBe(e.from_state);
            } else if (e.anomaly_type === 'backward') {
              expect(visited).toContain(e.to_state);
              expect(states.get(e.to_state)!.isTerminal).toBe(false);
              expect(e.to_state).not.toBe(e.from_state);
            }
            visited.push(e.to_state);
            prevTime = e.transitioned_at;
          });
        }

        const dist = stats.state_distribution;
        expect(Object.values(dist).reduce((a, b) => a + b, 0)).toBe(config.entityCount);
        expect(stats.total_events).toBe(events.length);
        expect(stats.total_entities).toBe(config.entityCount);
        expect(stats.anomaly_count).toBe(events.filter((e) => e.is_anomaly).length);
        expect(key).toHaveLength(events.filter((e) => e.is_anomaly).length);
        const anomalous = new Map(events.filter((e) => e.is_anomaly).map((e) => [e.event_id, e]));
        for (const row of key) {
          const e = anomalous.get(row.key as string);
          expect(e).toBeDefined();
          expect(row.kind).toBe(e!.anomaly_type);
          expect(row.time).toBe(e!.transitioned_at);
        }
        const counts = Object.values(dist);
        expect([...counts].sort((a, b) => b - a)).toEqual(counts); // count descending
      }),
      { numRuns: 120 },
    );
  });
});

describe('workflow anomaly rates and required behaviour', () => {
  it('anomaly rates match the configured probabilities per applicable step', async () => {
    const p = { skip: 0.05, stuck: 0.03, backward: 0.04 };
    const { events, config } = await simulate({
      preset: 'support_ticket',
      entityCount: 40_000,
      anomalySkipProbability: p.skip,
      anomalyStuckProbability: p.stuck,
      anomalyBackwardProbability: p.backward,
    });
    const terminal = new Set(config.states.filter((s) => s.isTerminal).map((s) => s.name));
    const rulesFrom = (s: string) => config.transitions.filter((r) => r.fromState === s);
    // P(a skip is possible | from): the drawn next state has a rule that does not lead back
    const skipChance = (from: string) => {
      const rs = rulesFrom(from);
      const total = rs.reduce((a, r) => a + r.probability, 0);
      return rs.reduce((a, r) => a + (rulesFrom(r.toState).some((q) => q.toState !== from) ? r.probability / total : 0), 0);
    };
    let expectedSkips = 0;
    let backwardApplicable = 0;
    let visited: string[] = [];
    events.forEach((e, i) => {
      if (e.sequence === 0) visited = [e.from_state];
      expectedSkips += p.skip * skipChance(e.from_state);
      if (visited.some((s) => s !== e.from_state && !terminal.has(s))) backwardApplicable++;
      visited.push(e.to_state);
      if (i + 1 < events.length && events[i + 1].sequence === 0) visited = [];
    });
    const count = (t: string) => events.filter((e) => e.anomaly_type === t).length;
    const within = (actual: number, n: number, q: number) => expect(Math.abs(actual - n * q)).toBeLessThan(4 * Math.sqrt(n * q * (1 - q)) + 1);
    within(count('stuck'), events.length, p.stuck); // every step can get stuck
    within(count('backward'), backwardApplicable, p.backward);
    expect(Math.abs(count('skip') - expectedSkips)).toBeLessThan(4 * Math.sqrt(expectedSkips) + 1);
  });

  it('D2: a skip that cannot happen is a normal transition, never a backward move', async () => {
    const { events } = await simulate({ entityCount: 300, anomalySkipProbability: 0.5, anomalyStuckProbability: 0, anomalyBackwardProbability: 0 });
    expect(events.filter((e) => e.anomaly_type === 'backward')).toHaveLength(0);
    // shipped → delivered/returned: the next states are terminal, so no skip from "shipped"
    expect(events.filter((e) => e.anomaly_type === 'skip' && e.from_state === 'shipped')).toHaveLength(0);
    expect(events.filter((e) => e.anomaly_type === 'skip').length).toBeGreaterThan(100);
  });

  it('D3: skip targets never loop back to the current state and charge both dwells', async () => {
    const { events } = await simulate({ preset: 'support_ticket', entityCount: 3000, anomalySkipProbability: 1, anomalyStuckProbability: 0, anomalyBackwardProbability: 0 });
    const skips = events.filter((e) => e.anomaly_type === 'skip');
    expect(skips.length).toBeGreaterThan(1000);
    expect(skips.every((e) => e.from_state !== e.to_state)).toBe(true);
    // opened → triaged (≥0.1) → in_progress (≥0.1): a skip from opened charges at least 0.2 h
    expect(skips.filter((e) => e.from_state === 'opened').every((e) => e.dwell_hours >= 0.2 - 5e-5)).toBe(true);
  });

  it('D5: every entity is summarised, including those starting in a terminal state', async () => {
    const { summary, events } = await simulate({
      preset: 'custom',
      states: [
        { name: 'start', isInitial: true },
        { name: 'done', isInitial: true, isTerminal: true },
      ],
      transitions: [{ fromState: 'start', toState: 'done' }],
      entityCount: 200,
    });
    expect(summary).toHaveLength(200);
    const idle = summary.filter((s) => s.total_transitions === 0);
    expect(idle.length).toBeGreaterThan(50);
    for (const s of idle) {
      expect(s.final_state).toBe(s.initial_state);
      expect(s.is_complete).toBe(s.initial_state === 'done');
      expect(s.ended_at).toBe(s.started_at);
    }
    // only entities created in "start" have events: exactly one each (the move to "done", or a stuck event)
    const starters = summary.filter((s) => s.initial_state === 'start').map((s) => s.entity_id);
    expect(events.map((e) => e.entity_id)).toEqual(starters);
  });

  it('D7: ids keep one width, so string order is index order past a million entities', () => {
    const ids = entityIds('entity', 1_000_001);
    expect(ids.text(1_000_000)).toBe('entity_1000000');
    expect(ids.text(100_001)).toBe('entity_0100001');
    expect(ids.text(100_001) < ids.text(1_000_000)).toBe(true);
    expect(entityIds('e', 10).text(3)).toBe('e_000003');
    const block = ids.block(999_999, 2);
    expect(new TextDecoder().decode(block)).toBe('entity_0999999entity_1000000');
    const col = ids.column('entity_id', ids.block(0, 1));
    expect(new TextDecoder().decode(col.bytes)).toBe('entity_0000000');
    expect([...col.offsets]).toEqual([0, 14]);
  });

  it('maxTransitionsPerEntity leaves entities incomplete', async () => {
    const { summary, stats } = await simulate({ preset: 'support_ticket', entityCount: 500, maxTransitionsPerEntity: 2, anomalyEnabled: false });
    expect(summary.every((s) => s.total_transitions <= 2)).toBe(true);
    expect(stats.incomplete_entities).toBe(summary.filter((s) => !s.is_complete).length);
    expect(stats.incomplete_entities).toBeGreaterThan(400);
  });

  it('anomalies off gives no anomaly at all', async () => {
    const { events, key, stats } = await simulate({ preset: 'employee_onboarding', entityCount: 2000, anomalyEnabled: false });
    expect(events.every((e) => !e.is_anomaly && e.anomaly_type === '')).toBe(true);
    expect(key).toHaveLength(0);
    expect(stats.anomaly_count).toBe(0);
  });

  it('stats agree with the tables', async () => {
    const { events, summary, stats } = await simulate({ entityCount: 5000 });
    const complete = summary.filter((s) => s.is_complete);
    const mean = complete.reduce((a, s) => a + s.total_hours, 0) / complete.length;
    expect(Math.abs((stats.mean_completion_hours as number) - mean)).toBeLessThan(1e-3);
    expect(stats.anomalies_by_type.skip + stats.anomalies_by_type.stuck + stats.anomalies_by_type.backward).toBe(stats.anomaly_count);
    expect(stats.total_events).toBe(events.length);
  });
});

describe('workflow config validation (D6)', () => {
  const errors = (raw: unknown) => {
    const r = workflowConfig.parse(raw);
    return r.ok ? [] : r.issues.map(formatIssue);
  };

  it('refuses a machine without an initial state', () => {
    expect(errors({ preset: 'custom', states: [{ name: 'a' }, { name: 'b', isTerminal: true }], transitions: [] })).toEqual([
      'states: has no initial state; allowed: at least one state with isInitial = true',
    ]);
  });

  it('refuses unknown and duplicate state names, rules leaving terminal states', () => {
    const e = errors({
      preset: 'custom',
      states: [{ name: 'a', isInitial: true }, { name: 'a' }, { name: 'z', isTerminal: true }],
      transitions: [
        { fromState: 'a', toState: 'nowhere' },
        { fromState: 'z', toState: 'a' },
      ],
    });
    expect(e).toContain('states.1.name: "a" is a duplicate state name; allowed: unique names');
    expect(e).toContain('transitions.0.toState: "nowhere" is not a defined state; allowed: one of a, z');
    expect(e).toContain('transitions.1.fromState: "z" is a terminal state; allowed: rules leave non-terminal states only');
  });

  it('refuses zero and negative weights, negative dwell and anomaly sums above 1', () => {
    expect(errors({ transitions: [{ fromState: 'created', toState: 'confirmed', probability: 0 }] })[0]).toBe(
      'transitions.0.probability: 0 is out of range; allowed: a number greater than 0 and at most 1,000,000',
    );
    expect(errors({ transitions: [{ fromState: 'created', toState: 'confirmed', probability: -1 }] })[0]).toMatch(/probability: -1 is out of range/);
    expect(errors({ transitions: [{ fromState: 'created', toState: 'confirmed', dwellHoursStd: -1 }] })[0]).toMatch(/dwellHoursStd: -1 is out of range/);
    expect(errors({ anomalySkipProbability: 0.6, anomalyStuckProbability: 0.3, anomalyBackwardProbability: 0.2 })).toEqual([
      'anomalySkipProbability: skip + stuck + backward = 1.1 is above 1; allowed: the three probabilities sum to at most 1',
    ]);
    expect(errors({ preset: 'custom' })[0]).toMatch(/^states: is empty/);
    expect(errors({ preset: 'nope' })[0]).toMatch(/^preset: "nope" is not a known value/);
  });

  it('accepts the reference snake_case config', () => {
    const r = workflowConfig.parse({
      states: [
        { name: 'new', is_initial: true },
        { name: 'done', is_terminal: true },
      ],
      transitions: [{ from_state: 'new', to_state: 'done', dwell_hours_mean: 3, dwell_hours_std: 1, min_dwell_hours: 0.5 }],
      entity_count: 10,
      anomaly_skip_probability: 0.1,
    });
    expect(r.ok).toBe(true);
  });

  it('expands the preset into explicit states and transitions, idempotently', () => {
    const once = workflowConfig.parse({ preset: 'support_ticket' });
    expect(once.ok).toBe(true);
    if (!once.ok) return;
    expect(once.value.states.map((s) => s.name)).toEqual(getPresetWorkflow('support_ticket').states.map((s) => s.name));
    const twice = workflowConfig.parse(once.value);
    expect(twice.ok && twice.value).toEqual(once.value);
  });

  it('getPresetWorkflow returns fresh copies and names unknown presets', () => {
    const a = getPresetWorkflow('order_fulfillment');
    a.states[0].name = 'mutated';
    a.transitions.pop();
    expect(getPresetWorkflow('order_fulfillment').states[0].name).toBe('created');
    expect(getPresetWorkflow('order_fulfillment').transitions).toHaveLength(6);
    expect(() => getPresetWorkflow('x')).toThrow("Unknown preset 'x'. Available: employee_onboarding, order_fulfillment, support_ticket");
  });
});

describe('workflow determinism (golden hashes)', () => {
  const GOLDEN: Record<string, string> = {
    parquet: '5a04ba7c301d5ea1e9b8bcc8f1569fac690d6aa38fa3ea07eedffb74ec303cfb',
    csv: '3c5920993582cde82f9ac8486f95bd51a77189e6ca1137ffac51f7899dedfb19',
    jsonl: 'd5829f7e18ce8600793dcc2cc1d39b43361e3b30b8748e7be638aeb3c5266a1b',
  };

  it.each(['parquet', 'csv', 'jsonl'] as const)('the same config and seed give the recorded %s tree', async (format) => {
    const a = await runSimulator(workflowSimulator, { preset: 'support_ticket', entityCount: 500, seed: 7 });
    const b = await runSimulator(workflowSimulator, { preset: 'support_ticket', entityCount: 500, seed: 7 });
    const ha = treeHash(await buildTree(a, format));
    expect(treeHash(await buildTree(b, format))).toBe(ha);
    expect(ha).toBe(GOLDEN[format]);
  });

  it('a different seed gives different output; the zip is byte-identical run to run', async () => {
    const a = await runSimulator(workflowSimulator, { entityCount: 200, seed: 1 });
    const b = await runSimulator(workflowSimulator, { entityCount: 200, seed: 2 });
    expect(treeHash(await buildTree(a, 'csv'))).not.toBe(treeHash(await buildTree(b, 'csv')));
    const z1 = await zipTree(await buildTree(a, 'parquet'));
    const z2 = await zipTree(await buildTree(await runSimulator(workflowSimulator, { entityCount: 200, seed: 1 }), 'parquet'));
    expect(Buffer.from(z1).equals(Buffer.from(z2))).toBe(true);
  });

  it('output does not depend on how many entities precede a block (streams are per block)', async () => {
    const small = await simulate({ entityCount: 10, seed: 3 });
    const large = await simulate({ entityCount: 20_000, seed: 3 });
    expect(large.events.slice(0, small.events.length).map((e) => e.event_id)).toEqual(small.events.map((e) => e.event_id));
    expect(large.summary.slice(0, 10).map((s) => [s.final_state, s.total_hours])).toEqual(small.summary.map((s) => [s.final_state, s.total_hours]));
  });
});

describe('workflow streamed (runs too large to hold)', () => {
  const config = { preset: 'support_ticket', entityCount: 70_000, seed: 11 };

  it('gives the held run\'s tree over several chunks of entities, and its stats, charts and answer key', async () => {
    const held = await runSimulator(workflowSimulator, config);
    for (const format of ['csv', 'parquet'] as const) {
      const streamed = await streamSimulator(workflowSimulator, config);
      const rows: number[] = [];
      const files = countingChunks(streamedRunFiles(streamed, format), `events.${format}`, rows);
      expect(treeHash(await materialise(files)), format).toBe(treeHash(await buildTree(held, format)));
      // produced in chunks, never whole: chunks of 65,536 entities
      expect(rows).toHaveLength(2);
      expect(rows.reduce((a, b) => a + b)).toBe(held.result.tables[0].length);
      const rest = streamed.result.finish();
      expect(rest.stats).toEqual(held.result.stats);
      expect(rest.charts).toEqual(held.result.charts);
    }
  });

  it('streams no entities as empty tables with their columns, like the held run', async () => {
    const held = await runSimulator(workflowSimulator, { entityCount: 0, seed: 1 });
    const streamed = await streamSimulator(workflowSimulator, { entityCount: 0, seed: 1 });
    expect(treeHash(await materialise(streamedRunFiles(streamed, 'csv')))).toBe(treeHash(await buildTree(held, 'csv')));
  });

  it('refuses to be read out of order, and stops at a cancel between chunks', async () => {
    const early = await streamSimulator(workflowSimulator, config);
    expect(() => early.result.finish()).toThrow(/out of order/);
    await expect(early.result.tables[1].chunks()[Symbol.asyncIterator]().next()).rejects.toThrow(/out of order/);

    const abort = new AbortController();
    const run = await streamSimulator(workflowSimulator, config, { signal: abort.signal });
    let chunks = 0;
    const read = async () => {
      for await (const c of run.result.tables[0].chunks()) {
        expect(c.length).toBeGreaterThan(0);
        chunks++;
        abort.abort();
      }
    };
    await expect(read()).rejects.toBeInstanceOf(AbortError);
    expect(chunks).toBe(1);
  });
});
