/**
 * The expected size of a workflow run: events = entities × the expected transitions per
 * entity, computed from the state machine itself (a cyclic machine runs to
 * maxTransitionsPerEntity; order fulfillment takes about 2.7 steps).
 */
import type { RunEstimate } from '../../estimate';
import type { WorkflowConfig } from './workflow.config';

type Machine = Pick<WorkflowConfig, 'states' | 'transitions'>;

/**
 * Expected transitions per entity, capped at `cap`: the state distribution is carried step by
 * step. Stuck anomalies end an entity; a backward move is counted as staying in place (it
 * returns to a state already visited, so the true count is a little higher); skips take one
 * step like a normal transition.
 */
export function expectedTransitions(m: Machine, cap: number, pStuck = 0, pBack = 0): number {
  const index = new Map(m.states.map((s, i) => [s.name, i]));
  const n = m.states.length;
  const out = m.states.map(() => [] as { to: number; p: number }[]);
  for (const t of m.transitions) {
    const from = index.get(t.fromState);
    const to = index.get(t.toState);
    if (from !== undefined && to !== undefined) out[from].push({ to, p: t.probability });
  }
  const moves = out.map((rules, s) => {
    const total = rules.reduce((a, r) => a + r.p, 0);
    return m.states[s].isTerminal || total === 0 ? [] : rules.map((r) => ({ to: r.to, p: r.p / total }));
  });
  const initial = m.states.flatMap((s, i) => (s.isInitial ? [i] : []));
  let dist = new Float64Array(n);
  for (const i of initial) dist[i] = 1 / initial.length;
  const forward = 1 - pStuck - pBack;
  let expected = 0;
  for (let step = 0; step < cap; step++) {
    const next = new Float64Array(n);
    let active = 0;
    for (let s = 0; s < n; s++) {
      const mass = dist[s];
      if (mass === 0 || moves[s].length === 0) continue; // terminal or a dead end: the entity stops here
      active += mass;
      next[s] += mass * pBack;
      for (const r of moves[s]) next[r.to] += mass * forward * r.p;
    }
    expected += active;
    if (active < 1e-12) break;
    dist = next;
  }
  return expected;
}

/** Bytes per row measured on the presets (entity ids of 13 characters; the rest scales with the id width). */
const EVENTS = { memory: 81, file: { parquet: 54, csv: 100, jsonl: 230 } };
const SUMMARY = { memory: 45, file: { parquet: 32, csv: 84, jsonl: 210 } };

/** The expected size of a parsed (preset-expanded) workflow config. */
export function estimateWorkflow(c: WorkflowConfig): RunEstimate {
  const pad = Math.max(6, String(Math.max(0, c.entityCount - 1)).length);
  const idWidth = c.entityPrefix.length + 1 + pad;
  const anomalies = c.anomalyEnabled;
  const perEntity = expectedTransitions(c, c.maxTransitionsPerEntity, anomalies ? c.anomalyStuckProbability : 0, anomalies ? c.anomalyBackwardProbability : 0);
  const perRow = (base: { memory: number; file: { parquet: number; csv: number; jsonl: number } }, idColumns: number) => ({
    memoryBytesPerRow: base.memory + idWidth,
    fileBytesPerRow: { parquet: base.file.parquet, csv: base.file.csv + idColumns * idWidth, jsonl: base.file.jsonl + idColumns * idWidth },
  });
  return {
    tables: [
      { name: 'events', rows: c.entityCount * perEntity, textBytesPerRow: Math.max(36, idWidth), ...perRow(EVENTS, 1) },
      { name: 'entity_summary', rows: c.entityCount, textBytesPerRow: idWidth, ...perRow(SUMMARY, 1) },
    ],
    drivers: ['entityCount', 'maxTransitionsPerEntity'],
  };
}
