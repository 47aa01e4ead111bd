import { AnswerKeyBuilder, jsonText } from '../../answer-key';
import { kernelThreads, runChunks } from '../../kernels';
import type { RunContext, SimResult } from '../../simulator';
import { concatArrays } from '../../table/concat';
import { boolColumn, dictColumn, makeTable, numberColumn, type Table } from '../../table/column';
import { summarizeWorkflow, type WorkflowCharts } from './workflow.charts';
import { ANOMALY_TYPES, BACKWARD, compile, ENTITY_BLOCK, entityIds, NONE, round4, SIMULATING, SKIP, STUCK, workflowBlocks, type WorkflowChunk, type WorkflowChunkInput } from './workflow.chunk';
import type { WorkflowConfig } from './workflow.config';

export { ANOMALY_TYPES, ENTITY_BLOCK, entityIds } from './workflow.chunk';

/** The last phase: the event table, the answer key and the entity summary. */
const BUILDING = 'Building the tables';
/** Entity blocks per chunk of work (65,536 entities): a few tenths of a second each, so cancel and progress stay prompt. */
const BLOCKS_PER_CHUNK = 8;

export interface WorkflowOutput extends SimResult {
  readonly charts?: WorkflowCharts;
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
  const n = config.entityCount;

  // the entity blocks: in chunks on the run's threads, put together in block order; or here as
  // one chunk (nothing to put together), with a checkpoint after each block
  const blocks = Math.ceil(n / ENTITY_BLOCK);
  const chunks: WorkflowChunk[] = [];
  const threads = kernelThreads(ctx.encoder);
  if (threads) {
    const inputs: WorkflowChunkInput[] = [];
    for (let b = 0; b < blocks; b += BLOCKS_PER_CHUNK) inputs.push({ config, seed: ctx.seed, firstBlock: b, endBlock: Math.min(blocks, b + BLOCKS_PER_CHUNK) });
    await runChunks(ctx, threads, 'workflow:entities', inputs, (chunk, i) => (chunks[i] = chunk), {
      phase: SIMULATING,
      total: n,
      done: (i) => Math.min(n, inputs[i].endBlock * ENTITY_BLOCK),
    });
  }
  // here: no threads to spare (or no entities, whose one empty chunk still gives both tables)
  if (chunks.length === 0) {
    const steps = workflowBlocks({ config, seed: ctx.seed, firstBlock: 0, endBlock: blocks });
    for (;;) {
      const r = steps.next();
      if (r.done) {
        chunks.push(r.value);
        break;
      }
      await ctx.checkpoint(r.value.phase, r.value.done, r.value.total);
    }
  }
  // each field put together once, and the chunks' copies let go at once (peak: the run plus one field twice)
  const all = <K extends keyof WorkflowChunk>(key: K): WorkflowChunk[K] => {
    if (chunks.length === 1) return chunks[0][key];
    const joined = concatArrays(chunks.map((c) => c[key] as never)) as WorkflowChunk[K];
    for (const c of chunks) (c as Record<K, unknown>)[key] = undefined;
    return joined;
  };
  const eventsPerChunk = chunks.map((c) => c.entity.length);
  const entity = entityIds(config.entityPrefix, n);
  const entityOf = all('entity');
  const seqOf = all('seq');
  const m = entityOf.length;
  const eventIdBytes = all('eventId');
  const eventIdOffsets = new Int32Array(m + 1);
  for (let i = 0; i < m; i++) eventIdOffsets[i + 1] = (i + 1) * 36;
  const types = all('type');
  const isAnomaly = new Uint8Array(m);
  const anomalyCounts = [0, 0, 0, 0];
  for (let i = 0; i < m; i++) {
    if (types[i] !== NONE) isAnomaly[i] = 1;
    anomalyCounts[types[i]]++;
  }
  const fromCodes = all('from');
  const toCodes = all('to');
  const times = all('time');
  const dwells = all('dwell');
  const pairCounts = new Float64Array(nStates * nStates);
  for (const c of chunks) for (let k = 0; k < pairCounts.length; k++) pairCounts[k] += c.pairCounts[k];
  const events: Table = makeTable('events', [
    { name: 'event_id', type: 'string', encoding: 'utf8', offsets: eventIdOffsets, bytes: eventIdBytes },
    entity.column('entity_id', all('eventEntityId')),
    dictColumn('from_state', mc.names, fromCodes),
    dictColumn('to_state', mc.names, toCodes),
    numberColumn('transitioned_at', 'timestamp', times),
    numberColumn('dwell_hours', 'float', dwells),
    boolColumn('is_anomaly', isAnomaly),
    dictColumn('anomaly_type', ANOMALY_TYPES, Int32Array.from(types)),
    numberColumn('sequence', 'int', seqOf),
  ]);
  // final from here: a host writing files starts encoding it while the rest is summarised
  ctx.publish(events);
  await ctx.checkpoint(BUILDING, 1, 3);

  const key = new AnswerKeyBuilder();
  key.reserve(m - anomalyCounts[NONE], 160);
  const stateJson = mc.names.map((name) => JSON.stringify(name));
  let first = 0;
  for (const [k, c] of chunks.entries()) {
    const anomalyIndex = c.anomalies;
    for (let j = 0; j < anomalyIndex.length; j += 2) {
      const i = first + anomalyIndex[j];
      // the details' JSON from cached parts: the text JSON.stringify gives for
      // { entity_id, sequence, from_state, to_state, expected_to_state }
      const details = `{"entity_id":${jsonText(entity.text(entityOf[i]))},"sequence":${seqOf[i]},"from_state":${stateJson[fromCodes[i]]},"to_state":${stateJson[toCodes[i]]},"expected_to_state":${stateJson[anomalyIndex[j + 1]]}}`;
      key.addJson(ANOMALY_TYPES[types[i]], 'events', eventIdBytes.subarray(i * 36, i * 36 + 36), times[i], details);
    }
    first += eventsPerChunk[k];
  }
  await ctx.checkpoint(BUILDING, 2, 3);

  const sInitial = all('initial');
  const sFinal = all('final');
  const sHours = all('hours');
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
    entity.column('entity_id', all('entityId')),
    dictColumn('initial_state', mc.names, sInitial),
    dictColumn('final_state', mc.names, sFinal),
    numberColumn('total_transitions', 'int', all('count')),
    numberColumn('total_hours', 'float', sHours),
    boolColumn('is_complete', complete),
    numberColumn('started_at', 'timestamp', all('start')),
    numberColumn('ended_at', 'timestamp', all('end')),
  ]);
  ctx.publish(summary);
  await ctx.checkpoint(BUILDING, 3, 3);

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
  const tables = [events, summary];
  if (!ctx.charts) return { tables, stats, answerKey: key };
  return { tables, stats, answerKey: key, charts: summarizeWorkflow({ names: mc.names, terminal: mc.terminal, pairCounts, finalCounts, dwells, types, sHours, complete }) };
}
