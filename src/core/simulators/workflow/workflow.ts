import { AnswerKeyBuilder, jsonText } from '../../answer-key';
import { kernelThreads, runChunks } from '../../kernels';
import { countBins } from '../../histogram';
import type { RunContext, SimResult, StreamedResult } from '../../simulator';
import { concatArrays } from '../../table/concat';
import { boolColumn, dictColumn, makeTable, numberColumn, type Table } from '../../table/column';
import { DWELL_EDGES, summarizeWorkflow, type WorkflowCharts } from './workflow.charts';
import { ANOMALY_TYPES, BACKWARD, compile, ENTITY_BLOCK, entityIds, NONE, round4, SIMULATING, SKIP, STUCK, workflowBlocks, type Machine, type WorkflowChunk, type WorkflowChunkInput } from './workflow.chunk';
import { estimateWorkflow } from './workflow.estimate';
import type { WorkflowConfig } from './workflow.config';

export { ANOMALY_TYPES, ENTITY_BLOCK, entityIds } from './workflow.chunk';

/** The last phase: the event table, the answer key and the entity summary. */
const BUILDING = 'Building the tables';
/** Entity blocks per chunk of work (65,536 entities): a few tenths of a second each, so cancel and progress stay prompt. */
const BLOCKS_PER_CHUNK = 8;

export interface WorkflowOutput extends SimResult {
  readonly charts?: WorkflowCharts;
}

/** A run of events in (entity, sequence) order: a chunk's, or the whole run's put together. */
type Events = Pick<WorkflowChunk, 'entity' | 'seq' | 'from' | 'to' | 'type' | 'time' | 'dwell' | 'eventId' | 'eventEntityId'>;
/** A run of entities in order: a chunk's, or the whole run's. */
type Entities = Pick<WorkflowChunk, 'entityId' | 'initial' | 'final' | 'count' | 'start' | 'end' | 'hours'>;

/**
 * The run's totals, added to chunk by chunk in entity order: a held run adds all its rows at
 * once, a streamed run one chunk at a time, and both come to the same numbers (the same
 * additions in the same order).
 */
class Tally {
  events = 0;
  readonly anomalyCounts = [0, 0, 0, 0];
  readonly pairCounts: Float64Array;
  readonly dwellCounts = new Array<number>(DWELL_EDGES.length - 1).fill(0);
  readonly finalCounts: number[];
  completeCount = 0;
  completeHours = 0;

  constructor(
    readonly mc: Machine,
    /** Count what only the charts need (dwell bins). */
    readonly charts: boolean,
  ) {
    this.pairCounts = new Float64Array(mc.names.length ** 2);
    this.finalCounts = new Array<number>(mc.names.length).fill(0);
  }

  addPairs(pairCounts: Float64Array): void {
    for (let k = 0; k < pairCounts.length; k++) this.pairCounts[k] += pairCounts[k];
  }
}

/** The events table of `ev` (counted into `tally`). */
function eventsTable(tally: Tally, entity: ReturnType<typeof entityIds>, ev: Events): Table {
  const m = ev.entity.length;
  const types = ev.type;
  const offsets = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) offsets[i + 1] = (i + 1) * 36;
  const isAnomaly = new Uint8Array(m);
  const counts = tally.anomalyCounts;
  for (let i = 0; i < m; i++) {
    if (types[i] !== NONE) isAnomaly[i] = 1;
    counts[types[i]]++;
  }
  tally.events += m;
  if (tally.charts) countBins(ev.dwell, DWELL_EDGES, (i) => types[i] !== STUCK, tally.dwellCounts);
  const names = tally.mc.names;
  return makeTable('events', [
    { name: 'event_id', type: 'string', encoding: 'utf8', offsets, bytes: ev.eventId },
    entity.column('entity_id', ev.eventEntityId),
    dictColumn('from_state', names, ev.from),
    dictColumn('to_state', names, ev.to),
    numberColumn('transitioned_at', 'timestamp', ev.time),
    numberColumn('dwell_hours', 'float', ev.dwell),
    boolColumn('is_anomaly', isAnomaly),
    dictColumn('anomaly_type', ANOMALY_TYPES, Int32Array.from(types)),
    numberColumn('sequence', 'int', ev.seq),
  ]);
}

/** The answer key's rows for a chunk's anomalies (`anomalies`: index within the chunk, expected state), its first event at `first` in `ev`. */
function addAnomalies(key: AnswerKeyBuilder, stateJson: readonly string[], entity: ReturnType<typeof entityIds>, ev: Events, anomalies: Int32Array, first: number): void {
  const { entity: entityOf, seq, from, to, type, time, eventId } = ev;
  for (let j = 0; j < anomalies.length; j += 2) {
    const i = first + anomalies[j];
    // the details' JSON from cached parts: the text JSON.stringify gives for
    // { entity_id, sequence, from_state, to_state, expected_to_state }
    const details = `{"entity_id":${jsonText(entity.text(entityOf[i]))},"sequence":${seq[i]},"from_state":${stateJson[from[i]]},"to_state":${stateJson[to[i]]},"expected_to_state":${stateJson[anomalies[j + 1]]}}`;
    key.addJson(ANOMALY_TYPES[type[i]], 'events', eventId.subarray(i * 36, i * 36 + 36), time[i], details);
  }
}

/** The entity summary of `en` (counted into `tally`), and the hours of its complete entities (for the charts). */
function summaryTable(tally: Tally, entity: ReturnType<typeof entityIds>, en: Entities): { table: Table; completeHours: Float64Array } {
  const { mc, finalCounts } = tally;
  const n = en.final.length;
  const complete = new Uint8Array(n);
  const first = tally.completeCount;
  for (let e = 0; e < n; e++) {
    finalCounts[en.final[e]]++;
    if (mc.terminal[en.final[e]]) {
      complete[e] = 1;
      tally.completeCount++;
      tally.completeHours += en.hours[e];
    }
  }
  const completeHours = new Float64Array(tally.charts ? tally.completeCount - first : 0);
  if (tally.charts) for (let e = 0, k = 0; e < n; e++) if (complete[e] === 1) completeHours[k++] = en.hours[e];
  const table = makeTable('entity_summary', [
    entity.column('entity_id', en.entityId),
    dictColumn('initial_state', mc.names, en.initial),
    dictColumn('final_state', mc.names, en.final),
    numberColumn('total_transitions', 'int', en.count),
    numberColumn('total_hours', 'float', en.hours),
    boolColumn('is_complete', complete),
    numberColumn('started_at', 'timestamp', en.start),
    numberColumn('ended_at', 'timestamp', en.end),
  ]);
  return { table, completeHours };
}

/** The run's stats from its totals. */
function workflowStats(config: WorkflowConfig, tally: Tally) {
  const { mc, finalCounts, anomalyCounts } = tally;
  const n = config.entityCount;
  const stateDistribution = Object.fromEntries(
    mc.names
      .map((name, i) => [name, finalCounts[i]] as const)
      .filter(([, c]) => c > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
  );
  return {
    total_events: tally.events,
    total_entities: n,
    anomaly_count: tally.events - anomalyCounts[NONE],
    anomalies_by_type: { skip: anomalyCounts[SKIP], stuck: anomalyCounts[STUCK], backward: anomalyCounts[BACKWARD] },
    mean_completion_hours: tally.completeCount ? round4(tally.completeHours / tally.completeCount) : 0,
    incomplete_entities: n - tally.completeCount,
    state_distribution: stateDistribution,
    config_seed: config.seed,
  };
}

/** The charts from the run's totals and the hours of its complete entities (reordered). */
function workflowCharts(tally: Tally, completeHours: Float64Array): WorkflowCharts {
  const { mc } = tally;
  return summarizeWorkflow({ names: mc.names, terminal: mc.terminal, pairCounts: tally.pairCounts, finalCounts: tally.finalCounts, dwellCounts: tally.dwellCounts, anomalyCounts: tally.anomalyCounts, completeHours });
}

/**
 * Simulate each entity through the state machine (spec/workflow.md, with every "Require"):
 * anomaly branches chosen by one draw's interval, weighted skip targets that never loop back,
 * backward moves to distinct earlier states, `started_at`/`ended_at` kept, and events ordered
 * by (entity, sequence).
 */
export async function runWorkflow(config: WorkflowConfig, ctx: RunContext): Promise<WorkflowOutput> {
  const mc = compile(config);
  const n = config.entityCount;

  // the entity blocks: in chunks on the run's threads, put together in block order; or here as
  // one chunk (nothing to put together), with a checkpoint after each block
  const blocks = Math.ceil(n / ENTITY_BLOCK);
  const chunks: WorkflowChunk[] = [];
  const threads = kernelThreads(ctx.encoder);
  if (threads) {
    const inputs = chunkInputs(config, ctx.seed);
    await runChunks(ctx, threads, 'workflow:entities', inputs, (chunk, i) => (chunks[i] = chunk), {
      phase: SIMULATING,
      total: n,
      done: (i) => Math.min(n, inputs[i].endBlock * ENTITY_BLOCK),
    });
  }
  // here: no threads to spare (or no entities, whose one empty chunk still gives both tables)
  if (chunks.length === 0) chunks.push(await simulateHere({ config, seed: ctx.seed, firstBlock: 0, endBlock: blocks }, ctx));
  // each field put together once, and the chunks' copies let go at once (peak: the run plus one field twice)
  const all = <K extends keyof WorkflowChunk>(key: K): WorkflowChunk[K] => {
    if (chunks.length === 1) return chunks[0][key];
    const joined = concatArrays(chunks.map((c) => c[key] as never)) as WorkflowChunk[K];
    for (const c of chunks) (c as Record<K, unknown>)[key] = undefined;
    return joined;
  };
  const eventsPerChunk = chunks.map((c) => c.entity.length);
  const entity = entityIds(config.entityPrefix, n);
  const tally = new Tally(mc, ctx.charts);
  for (const c of chunks) tally.addPairs(c.pairCounts);
  const ev: Events = {
    entity: all('entity'),
    seq: all('seq'),
    eventId: all('eventId'),
    eventEntityId: all('eventEntityId'),
    type: all('type'),
    from: all('from'),
    to: all('to'),
    time: all('time'),
    dwell: all('dwell'),
  };
  const events = eventsTable(tally, entity, ev);
  // final from here: a host writing files starts encoding it while the rest is summarised
  ctx.publish(events);
  await ctx.checkpoint(BUILDING, 1, 3);

  const key = new AnswerKeyBuilder();
  key.reserve(tally.events - tally.anomalyCounts[NONE], 160);
  const stateJson = mc.names.map((name) => JSON.stringify(name));
  let first = 0;
  for (const [k, c] of chunks.entries()) {
    addAnomalies(key, stateJson, entity, ev, c.anomalies, first);
    first += eventsPerChunk[k];
  }
  await ctx.checkpoint(BUILDING, 2, 3);

  const summary = summaryTable(tally, entity, {
    entityId: all('entityId'),
    initial: all('initial'),
    final: all('final'),
    count: all('count'),
    start: all('start'),
    end: all('end'),
    hours: all('hours'),
  });
  ctx.publish(summary.table);
  await ctx.checkpoint(BUILDING, 3, 3);

  const tables = [events, summary.table];
  const stats = workflowStats(config, tally);
  if (!ctx.charts) return { tables, stats, answerKey: key };
  return { tables, stats, answerKey: key, charts: workflowCharts(tally, summary.completeHours) };
}

/** The run's blocks in chunks of {@link BLOCKS_PER_CHUNK}: one, empty, when there are no entities. */
function chunkInputs(config: WorkflowConfig, seed: number): WorkflowChunkInput[] {
  const blocks = Math.ceil(config.entityCount / ENTITY_BLOCK);
  const inputs: WorkflowChunkInput[] = [];
  for (let b = 0; b < blocks; b += BLOCKS_PER_CHUNK) inputs.push({ config, seed, firstBlock: b, endBlock: Math.min(blocks, b + BLOCKS_PER_CHUNK) });
  return inputs.length ? inputs : [{ config, seed, firstBlock: 0, endBlock: 0 }];
}

/** A chunk simulated on this thread, with a checkpoint at each of its steps (progress, cancel). */
async function simulateHere(input: WorkflowChunkInput, ctx: RunContext, only?: string): Promise<WorkflowChunk> {
  const steps = workflowBlocks(input);
  let last = Math.min(input.config.entityCount, input.firstBlock * ENTITY_BLOCK);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    const { phase, done, total } = r.value;
    if (only === undefined) await ctx.checkpoint(phase, done, total);
    else if (phase === only) await ctx.checkpoint(phase, (last = done), total);
    else await ctx.checkpoint(only, last, input.config.entityCount);
  }
}

/**
 * The same run streamed (SimulatorDef.stream): the events produced chunk by chunk of
 * {@link BLOCKS_PER_CHUNK} entity blocks as the table is read, each chunk let go once read;
 * only the entity summary (a tenth of the events' bytes), the answer key and the totals are kept.
 * Read the events, then the summary, then `finish`: the same tables, stats, answer key and
 * charts as {@link runWorkflow}.
 */
export function streamWorkflow(config: WorkflowConfig, ctx: RunContext): StreamedResult {
  const mc = compile(config);
  const entity = entityIds(config.entityPrefix, config.entityCount);
  const tally = new Tally(mc, ctx.charts);
  const key = new AnswerKeyBuilder();
  const stateJson = mc.names.map((name) => JSON.stringify(name));
  const [eventsEstimate, summaryEstimate] = estimateWorkflow(config).tables;
  const summaries: Table[] = [];
  const completeHours: Float64Array[] = [];
  let state: 'new' | 'events' | 'summary' = 'new';
  const read = (table: string, after: typeof state) => {
    if (state !== after) throw new Error(`workflow stream: ${table} read out of order (read the events, then the entity summary, each once)`);
  };

  async function* events(): AsyncGenerator<Table> {
    read('events', 'new');
    for (const input of chunkInputs(config, ctx.seed)) {
      // progress in entities (this chunk's event ids are a step of it)
      const c = await simulateHere(input, ctx, SIMULATING);
      tally.addPairs(c.pairCounts);
      const table = eventsTable(tally, entity, c);
      addAnomalies(key, stateJson, entity, c, c.anomalies, 0);
      const summary = summaryTable(tally, entity, c);
      summaries.push(summary.table);
      completeHours.push(summary.completeHours);
      yield table;
    }
    state = 'events';
  }

  async function* summary(): AsyncGenerator<Table> {
    read('the entity summary', 'events');
    state = 'summary';
    while (summaries.length) yield summaries.shift()!;
  }

  let rest: ReturnType<StreamedResult['finish']> | undefined;
  return {
    tables: [
      { name: 'events', rowsHint: eventsEstimate.rows, chunks: events },
      { name: 'entity_summary', rowsHint: summaryEstimate.rows, chunks: summary },
    ],
    finish() {
      read('the result', 'summary');
      const stats = workflowStats(config, tally);
      return (rest ??= ctx.charts ? { stats, answerKey: key, charts: workflowCharts(tally, concatArrays(completeHours)) } : { stats, answerKey: key });
    },
  };
}
