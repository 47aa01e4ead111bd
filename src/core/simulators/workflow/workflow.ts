import { AnswerKeyBuilder } from '../../answer-key';
import type { RunContext, SimResult } from '../../simulator';
import {
  boolColumn,
  dictColumn,
  Float64Growable,
  Int32Growable,
  makeTable,
  numberColumn,
  Uint8Growable,
  type Table,
} from '../../table/column';
import { parseInstant, US_PER_HOUR, US_PER_MS } from '../../time';
import { summarizeWorkflow, type WorkflowCharts } from './workflow.charts';
import type { WorkflowConfig } from './workflow.config';

/** Entities per chunk: each chunk has its own stream, so output never depends on how work is split. */
export const ENTITY_BLOCK = 8_192;
/** Event ids are ASCII: the answer key reads them back from the column rather than hashing again. */
const ascii = new TextDecoder();

export const ANOMALY_TYPES = ['', 'skip', 'stuck', 'backward'] as const;
const NONE = 0;
const SKIP = 1;
const STUCK = 2;
const BACKWARD = 3;

/** The machine in flat arrays: rules of state s are ruleStart[s] .. ruleStart[s+1]-1. */
interface Machine {
  names: string[];
  initial: number[];
  terminal: Uint8Array;
  ruleStart: Int32Array;
  ruleTo: Int32Array;
  ruleWeight: Float64Array;
  /** Cumulative normalised weight within the source state. */
  ruleCum: Float64Array;
  ruleMean: Float64Array;
  ruleStd: Float64Array;
  ruleMin: Float64Array;
}

function compile(config: WorkflowConfig): Machine {
  const names = config.states.map((s) => s.name);
  const index = new Map(names.map((n, i) => [n, i]));
  const n = names.length;
  const grouped: WorkflowConfig['transitions'][] = names.map(() => []);
  for (const t of config.transitions) grouped[index.get(t.fromState)!].push(t);
  const rules = grouped.flat();
  const m = rules.length;
  const machine: Machine = {
    names,
    initial: config.states.flatMap((s, i) => (s.isInitial ? [i] : [])),
    terminal: Uint8Array.from(config.states, (s) => (s.isTerminal ? 1 : 0)),
    ruleStart: new Int32Array(n + 1),
    ruleTo: new Int32Array(m),
    ruleWeight: new Float64Array(m),
    ruleCum: new Float64Array(m),
    ruleMean: new Float64Array(m),
    ruleStd: new Float64Array(m),
    ruleMin: new Float64Array(m),
  };
  let r = 0;
  grouped.forEach((list, s) => {
    machine.ruleStart[s] = r;
    const total = list.reduce((a, t) => a + t.probability, 0);
    let acc = 0;
    for (const t of list) {
      acc += t.probability / total;
      machine.ruleTo[r] = index.get(t.toState)!;
      machine.ruleWeight[r] = t.probability;
      machine.ruleCum[r] = acc;
      machine.ruleMean[r] = t.dwellHoursMean;
      machine.ruleStd[r] = t.dwellHoursStd;
      machine.ruleMin[r] = t.minDwellHours;
      r++;
    }
    if (list.length) machine.ruleCum[r - 1] = 1;
  });
  machine.ruleStart[n] = r;
  return machine;
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const toMs = (us: number) => Math.round(us / US_PER_MS) * US_PER_MS;

/** Entity ids `{prefix}_{index}`, every one padded to the same width (D7: max(6, digits(n−1))). */
export function entityIds(prefix: string, count: number) {
  const pad = Math.max(6, String(Math.max(0, count - 1)).length);
  const head = new TextEncoder().encode(`${prefix}_`);
  const width = head.length + pad;
  return {
    width,
    text: (i: number) => `${prefix}_${String(i).padStart(pad, '0')}`,
    /** All ids of `rows` (entity indices) as a fixed-width UTF-8 column. */
    column(name: string, rows: Int32Array | null, n: number) {
      const bytes = new Uint8Array(n * width);
      const offsets = new Int32Array(n + 1);
      for (let k = 0; k < n; k++) {
        const o = k * width;
        bytes.set(head, o);
        let v = rows ? rows[k] : k;
        for (let d = width - 1; d >= head.length; d--) {
          bytes[o + d] = 48 + (v % 10);
          v = Math.floor(v / 10);
        }
        offsets[k + 1] = o + width;
      }
      return { name, type: 'string' as const, encoding: 'utf8' as const, offsets, bytes };
    },
  };
}

export interface WorkflowOutput extends SimResult {
  readonly charts: WorkflowCharts;
}

/**
 * Simulate each entity through the state machine (spec/workflow.md, with every "Require"):
 * anomaly branches chosen by one draw's interval, weighted skip targets that never loop back,
 * backward moves to distinct earlier states, `started_at`/`ended_at` kept, and events ordered
 * by (entity, sequence).
 */
export async function runWorkflow(config: WorkflowConfig, ctx: RunContext): Promise<WorkflowOutput> {
  const mc = compile(config);
  const nStates = mc.names.length;
  const base = parseInstant(config.startTime);
  const n = config.entityCount;
  const maxT = config.maxTransitionsPerEntity;
  const anomalies = config.anomalyEnabled;
  const pStuck = config.anomalyStuckProbability;
  const pSkip = pStuck + config.anomalySkipProbability;
  const pBack = pSkip + config.anomalyBackwardProbability;

  const cap = Math.max(1024, Math.min(n * 4, 1 << 24));
  const evEntity = new Int32Growable(cap);
  const evSeq = new Int32Growable(cap);
  const evFrom = new Int32Growable(cap);
  const evTo = new Int32Growable(cap);
  const evType = new Uint8Growable(cap);
  const evTime = new Float64Growable(cap);
  const evDwell = new Float64Growable(cap);
  const pairCounts = new Float64Array(nStates * nStates);

  const sInitial = new Int32Array(n);
  const sFinal = new Int32Array(n);
  const sCount = new Int32Array(n);
  const sStart = new Float64Array(n);
  const sEnd = new Float64Array(n);
  const sHours = new Float64Array(n);

  const visitMark = new Int32Array(nStates).fill(-1);
  const visited: number[] = [];
  const key = new AnswerKeyBuilder();
  const anomalyIndex: number[] = [];

  const blocks = Math.ceil(n / ENTITY_BLOCK);
  for (let b = 0; b < blocks; b++) {
    const rng = ctx.rng.fork(`workflow:block:${b}`);
    const end = Math.min(n, (b + 1) * ENTITY_BLOCK);
    for (let e = b * ENTITY_BLOCK; e < end; e++) {
      let cur = mc.initial.length === 1 ? mc.initial[0] : mc.initial[rng.index(mc.initial.length)];
      const started = base + rng.uniform() * US_PER_HOUR;
      let t = started;
      let seq = 0;
      visited.length = 0;
      visited.push(cur);
      visitMark[cur] = e;
      sInitial[e] = cur;
      while (seq < maxT && mc.terminal[cur] === 0) {
        const rs = mc.ruleStart[cur];
        const re = mc.ruleStart[cur + 1];
        if (rs === re) break; // a dead end: the entity stays here, incomplete
        const u = rng.uniform();
        let r = rs;
        while (r < re - 1 && u >= mc.ruleCum[r]) r++;
        const next = mc.ruleTo[r];
        let actual = next;
        let type = NONE;
        let through = -1;
        if (anomalies) {
          const a = rng.uniform();
          if (a < pStuck) type = STUCK;
          else if (a < pSkip) {
            // D3: weighted among the rules leaving `next` that do not lead back to `cur`
            const ns = mc.ruleStart[next];
            const ne = mc.ruleStart[next + 1];
            let total = 0;
            for (let q = ns; q < ne; q++) if (mc.ruleTo[q] !== cur) total += mc.ruleWeight[q];
            if (total > 0) {
              let x = rng.uniform() * total;
              for (let q = ns; q < ne; q++) {
                if (mc.ruleTo[q] === cur) continue;
                through = q;
                x -= mc.ruleWeight[q];
                if (x < 0) break;
              }
              actual = mc.ruleTo[through];
              type = SKIP;
            }
          } else if (a < pBack) {
            // D4: distinct earlier states in first-visit order, minus cur and terminals
            let count = 0;
            for (const s of visited) if (s !== cur && mc.terminal[s] === 0) count++;
            if (count > 0) {
              let pick = rng.index(count);
              for (const s of visited) {
                if (s === cur || mc.terminal[s] !== 0) continue;
                if (pick-- === 0) {
                  actual = s;
                  break;
                }
              }
              type = BACKWARD;
            }
          }
        }
        let dwell = 0;
        if (type !== STUCK) {
          dwell = Math.max(mc.ruleMin[r], rng.normal(mc.ruleMean[r], mc.ruleStd[r]));
          if (type === SKIP) dwell += Math.max(mc.ruleMin[through], rng.normal(mc.ruleMean[through], mc.ruleStd[through]));
          t += dwell * US_PER_HOUR;
        } else actual = cur;
        evEntity.push(e);
        evSeq.push(seq);
        evFrom.push(cur);
        evTo.push(actual);
        evType.push(type);
        evTime.push(toMs(t));
        evDwell.push(round4(dwell));
        pairCounts[cur * nStates + actual]++;
        if (type !== NONE) anomalyIndex.push(evEntity.length - 1, next);
        seq++;
        cur = actual;
        if (type === STUCK) break;
        if (visitMark[cur] !== e) {
          visitMark[cur] = e;
          visited.push(cur);
        }
      }
      sFinal[e] = cur;
      sCount[e] = seq;
      sStart[e] = toMs(started);
      sEnd[e] = toMs(t);
      sHours[e] = round4((t - started) / US_PER_HOUR);
    }
    await ctx.checkpoint('simulate', end, n);
  }

  const ids = ctx.ids('workflow:events');
  const entity = entityIds(config.entityPrefix, n);
  const m = evEntity.length;
  const entityOf = evEntity.finish();
  const seqOf = evSeq.finish();
  const eventIdBytes = new Uint8Array(m * 36);
  const eventIdOffsets = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) {
    ids.uuidInto(eventIdBytes, i * 36, entityOf[i], seqOf[i]);
    eventIdOffsets[i + 1] = (i + 1) * 36;
  }
  const types = evType.finish();
  const isAnomaly = new Uint8Array(m);
  const anomalyCounts = [0, 0, 0, 0];
  for (let i = 0; i < m; i++) {
    if (types[i] !== NONE) isAnomaly[i] = 1;
    anomalyCounts[types[i]]++;
  }
  const fromCodes = evFrom.finish();
  const toCodes = evTo.finish();
  const times = evTime.finish();
  const dwells = evDwell.finish();
  const events: Table = makeTable('events', [
    { name: 'event_id', type: 'string', encoding: 'utf8', offsets: eventIdOffsets, bytes: eventIdBytes },
    entity.column('entity_id', entityOf, m),
    dictColumn('from_state', mc.names, fromCodes),
    dictColumn('to_state', mc.names, toCodes),
    numberColumn('transitioned_at', 'timestamp', times),
    numberColumn('dwell_hours', 'float', dwells),
    boolColumn('is_anomaly', isAnomaly),
    dictColumn('anomaly_type', ANOMALY_TYPES, Int32Array.from(types)),
    numberColumn('sequence', 'int', Float64Array.from(seqOf)),
  ]);
  // final from here: a host writing files starts encoding it while the rest is summarised
  ctx.publish(events);
  await ctx.checkpoint('simulate', n, n);

  for (let j = 0; j < anomalyIndex.length; j += 2) {
    const i = anomalyIndex[j];
    const details: Record<string, unknown> = {
      entity_id: entity.text(entityOf[i]),
      sequence: seqOf[i],
      from_state: mc.names[fromCodes[i]],
      to_state: mc.names[toCodes[i]],
      expected_to_state: mc.names[anomalyIndex[j + 1]],
    };
    key.add(ANOMALY_TYPES[types[i]], 'events', ascii.decode(eventIdBytes.subarray(i * 36, i * 36 + 36)), times[i], details);
  }
  await ctx.checkpoint('simulate', n, n);

  const complete = new Uint8Array(n);
  let completeHours = 0;
  let completeCount = 0;
  const finalCounts = new Array<number>(nStates).fill(0);
  for (let e = 0; e < n; e++) {
    finalCounts[sFinal[e]]++;
    if (mc.terminal[sFinal[e]]) {
      complete[e] = 1;
      completeCount++;
      completeHours += sHours[e];
    }
  }
  const summary = makeTable('entity_summary', [
    entity.column('entity_id', null, n),
    dictColumn('initial_state', mc.names, sInitial),
    dictColumn('final_state', mc.names, sFinal),
    numberColumn('total_transitions', 'int', Float64Array.from(sCount)),
    numberColumn('total_hours', 'float', sHours),
    boolColumn('is_complete', complete),
    numberColumn('started_at', 'timestamp', sStart),
    numberColumn('ended_at', 'timestamp', sEnd),
  ]);
  ctx.publish(summary);
  await ctx.checkpoint('simulate', n, n);

  const stateDistribution = Object.fromEntries(
    mc.names
      .map((name, i) => [name, finalCounts[i]] as const)
      .filter(([, c]) => c > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  );
  const stats = {
    total_events: m,
    total_entities: n,
    anomaly_count: m - anomalyCounts[NONE],
    anomalies_by_type: { skip: anomalyCounts[SKIP], stuck: anomalyCounts[STUCK], backward: anomalyCounts[BACKWARD] },
    mean_completion_hours: completeCount ? round4(completeHours / completeCount) : 0,
    incomplete_entities: n - completeCount,
    state_distribution: stateDistribution,
    config_seed: config.seed,
  };
  const charts = summarizeWorkflow({ names: mc.names, terminal: mc.terminal, pairCounts, finalCounts, dwells, types, sHours, complete });
  return { tables: [events, summary], stats, answerKey: key, charts };
}
