/**
 * The workflow's unit of parallel work: a run of entity blocks simulated through the state
 * machine, on any thread (a kernel: src/core/kernels.ts). Each block has its own stream and
 * every id is a function of its key, so the blocks give the same rows whichever thread runs
 * them and however they are grouped; the run concatenates the chunks in block order.
 */
import { ROWS_PER_STEP } from '../../simulator';
import { idView, IdStream } from '../../ids';
import { Rng } from '../../rng';
import { Float64Growable, Int32Growable, Uint8Growable } from '../../table/column';
import { parseInstant, US_PER_HOUR, US_PER_MS } from '../../time';
import type { WorkflowConfig } from './workflow.config';

/** Entities per chunk: each chunk has its own stream, so output never depends on how work is split. */
export const ENTITY_BLOCK = 8_192;

export const ANOMALY_TYPES = ['', 'skip', 'stuck', 'backward'] as const;
export const NONE = 0;
export const SKIP = 1;
export const STUCK = 2;
export const BACKWARD = 3;

/** The machine in flat arrays: rules of state s are ruleStart[s] .. ruleStart[s+1]-1. */
export interface Machine {
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

export function compile(config: WorkflowConfig): Machine {
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

export const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
const toMs = (us: number) => Math.round(us / US_PER_MS) * US_PER_MS;

/** Entity ids `{prefix}_{index}`, every one padded to the same width (D7: max(6, digits(n−1))). */
export function entityIds(prefix: string, count: number) {
  const pad = Math.max(6, String(Math.max(0, count - 1)).length);
  const head = new TextEncoder().encode(`${prefix}_`);
  const width = head.length + pad;
  /** The ids of entities first … first+n−1, `width` bytes each. */
  const block = (first: number, n: number): Uint8Array => {
    const bytes = new Uint8Array(n * width);
    for (let k = 0; k < n; k++) {
      const o = k * width;
      bytes.set(head, o);
      let v = first + k;
      for (let d = width - 1; d >= head.length; d--) {
        bytes[o + d] = 48 + (v % 10);
        v = Math.floor(v / 10);
      }
    }
    return bytes;
  };
  return {
    width,
    text: (i: number) => `${prefix}_${String(i).padStart(pad, '0')}`,
    block,
    /** A fixed-width UTF-8 column of these bytes (`width` each). */
    column(name: string, bytes: Uint8Array) {
      const n = bytes.length / width;
      const offsets = new Int32Array(n + 1);
      for (let k = 1; k <= n; k++) offsets[k] = k * width;
      return { name, type: 'string' as const, encoding: 'utf8' as const, offsets, bytes };
    },
  };
}

/** Blocks [firstBlock, endBlock) of a run: what a thread needs (the config is plain JSON). */
export interface WorkflowChunkInput {
  readonly config: WorkflowConfig;
  readonly seed: number;
  readonly firstBlock: number;
  readonly endBlock: number;
}

/** A chunk's rows: its events in (entity, sequence) order, and one row per entity. */
export interface WorkflowChunk {
  // events
  readonly entity: Int32Array;
  readonly seq: Float64Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly type: Uint8Array;
  readonly time: Float64Array;
  readonly dwell: Float64Array;
  /** 36 ASCII bytes per event. */
  readonly eventId: Uint8Array;
  /** The entity id of each event, `width` bytes each. */
  readonly eventEntityId: Uint8Array;
  /** Anomalous events: (index within the chunk, the state the machine chose), in pairs. */
  readonly anomalies: Int32Array;
  // entities
  readonly initial: Int32Array;
  readonly final: Int32Array;
  readonly count: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly hours: Float64Array;
  /** The chunk's entity ids, `width` bytes each. */
  readonly entityId: Uint8Array;
  /** Events per (from, to) pair of states, nStates × nStates. */
  readonly pairCounts: Float64Array;
}

/** Where a chunk's simulation is: a phase in the user's words and its count. */
export interface ChunkStep {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

export const SIMULATING = 'Simulating entities';
export const WRITING_IDS = 'Writing event ids';

/** The chunk's entities simulated, all at once (the kernel a thread runs). */
export function simulateWorkflowChunk(input: WorkflowChunkInput): WorkflowChunk {
  const steps = workflowBlocks(input);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Simulate the chunk's entities (spec/workflow.md, with every "Require"): anomaly branches
 * chosen by one draw's interval, weighted skip targets that never loop back, backward moves to
 * distinct earlier states, `started_at`/`ended_at` kept. Yields a step after each block (the
 * entities done) and after each stretch of event ids, so a run in one thread can report
 * progress and take a cancel between them.
 */
export function* workflowBlocks({ config, seed, firstBlock, endBlock }: WorkflowChunkInput): Generator<ChunkStep, WorkflowChunk, void> {
  const mc = compile(config);
  const nStates = mc.names.length;
  const base = parseInstant(config.startTime);
  const n = config.entityCount;
  const e0 = Math.min(n, firstBlock * ENTITY_BLOCK);
  const e1 = Math.min(n, endBlock * ENTITY_BLOCK);
  const entities = e1 - e0;
  const maxT = config.maxTransitionsPerEntity;
  const anomalies = config.anomalyEnabled;
  const pStuck = config.anomalyStuckProbability;
  const pSkip = pStuck + config.anomalySkipProbability;
  const pBack = pSkip + config.anomalyBackwardProbability;

  const cap = Math.max(1024, Math.min(entities * 4, 1 << 24));
  const evEntity = new Int32Growable(cap);
  const evSeq = new Float64Growable(cap);
  const evFrom = new Int32Growable(cap);
  const evTo = new Int32Growable(cap);
  const evType = new Uint8Growable(cap);
  const evTime = new Float64Growable(cap);
  const evDwell = new Float64Growable(cap);
  const anomalyIndex = new Int32Growable(1024);
  const pairCounts = new Float64Array(nStates * nStates);

  const sInitial = new Int32Array(entities);
  const sFinal = new Int32Array(entities);
  const sCount = new Float64Array(entities);
  const sStart = new Float64Array(entities);
  const sEnd = new Float64Array(entities);
  const sHours = new Float64Array(entities);

  const visitMark = new Int32Array(nStates).fill(-1);
  const visited: number[] = [];
  const root = Rng.root(seed);

  for (let b = firstBlock; b < endBlock; b++) {
    const rng = root.fork(`workflow:block:${b}`);
    const end = Math.min(n, (b + 1) * ENTITY_BLOCK);
    for (let e = b * ENTITY_BLOCK; e < end; e++) {
      const k = e - e0;
      let cur = mc.initial.length === 1 ? mc.initial[0] : mc.initial[rng.index(mc.initial.length)];
      const started = base + rng.uniform() * US_PER_HOUR;
      let t = started;
      let seq = 0;
      visited.length = 0;
      visited.push(cur);
      visitMark[cur] = e;
      sInitial[k] = cur;
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
        if (type !== NONE) {
          anomalyIndex.push(evEntity.length - 1);
          anomalyIndex.push(next);
        }
        seq++;
        cur = actual;
        if (type === STUCK) break;
        if (visitMark[cur] !== e) {
          visitMark[cur] = e;
          visited.push(cur);
        }
      }
      sFinal[k] = cur;
      sCount[k] = seq;
      sStart[k] = toMs(started);
      sEnd[k] = toMs(t);
      sHours[k] = round4((t - started) / US_PER_HOUR);
    }
    yield { phase: SIMULATING, done: end, total: n };
  }

  // views, not copies: a copy of every event field would be as much fresh memory again (the
  // growables' unwritten tails, in buffers this large, are never touched)
  const entity = evEntity.view();
  const seq = evSeq.view();
  const m = entity.length;
  const ids = new IdStream(seed, 'workflow:events');
  const eventId = new Uint8Array(m * 36);
  const view = idView(eventId);
  for (let from = 0; from < m; from += ROWS_PER_STEP) {
    const to = Math.min(m, from + ROWS_PER_STEP);
    for (let i = from; i < to; i++) ids.uuidInto(eventId, i * 36, entity[i], seq[i], view);
    yield { phase: WRITING_IDS, done: to, total: m };
  }
  // each event's entity id copied from the chunk's ids (events are in entity order)
  const names = entityIds(config.entityPrefix, n);
  const w = names.width;
  const entityId = names.block(e0, entities);
  const eventEntityId = new Uint8Array(m * w);
  for (let i = 0; i < m; i++) {
    const src = (entity[i] - e0) * w;
    const dst = i * w;
    for (let j = 0; j < w; j++) eventEntityId[dst + j] = entityId[src + j];
  }
  return {
    entity,
    seq,
    from: evFrom.view(),
    to: evTo.view(),
    type: evType.view(),
    time: evTime.view(),
    dwell: evDwell.view(),
    eventId,
    eventEntityId,
    anomalies: anomalyIndex.finish(),
    initial: sInitial,
    final: sFinal,
    count: sCount,
    start: sStart,
    end: sEnd,
    hours: sHours,
    entityId,
    pairCounts,
  };
}
