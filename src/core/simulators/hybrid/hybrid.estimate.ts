/**
 * The expected size of a hybrid run: its two phases' own estimates (the file drop's and the
 * stream emitter's, on their effective configs) over the tables routed to each, stamped with
 * the `_correlation_id` column when that is the link. Both phases' tables and held files stay
 * in memory until the tree is written, so their sizes add up.
 */
import { totalsOf, type RunEstimate } from '../../estimate';
import type { TableShape } from '../../inputs/contract';
import { estimateFileDrop } from '../file-drop/file-drop.estimate';
import { estimateStreamEmit } from '../stream-emit/stream-emit.estimate';
import { effectiveFileDropConfig, effectiveStreamConfig, type HybridConfig } from './hybrid.config';
import { CORRELATION_COLUMN, STREAM_FOLDER } from './hybrid.route';

/** The routed tables' shapes (hybrid.route.ts `route`), with the stamped column when it is added. */
function routed(names: readonly string[], inputs: readonly TableShape[], stamped: boolean): TableShape[] {
  const tables = names.length ? names.map((n) => inputs.find((t) => t.name === n)).filter((t): t is TableShape => t !== undefined) : [...inputs];
  // a correlation id is 36 characters, one dictionary value
  return stamped ? tables.map((t) => ({ ...t, columns: [...t.columns, { name: CORRELATION_COLUMN, type: 'string', nulls: 0, textBytes: 36, dictionary: true }] })) : tables;
}

const under = (prefix: string, e: RunEstimate) => e.drivers.map((d) => `${prefix}.${d}`);

export function estimateHybrid(c: HybridConfig, inputs: readonly TableShape[] = []): RunEstimate {
  const stamped = c.linkStrategy === 'correlation_id';
  const batchTables = routed(c.batchTables, inputs, stamped);
  const streamTables = routed(c.streamTables, inputs, stamped);
  // a phase with no routed table is skipped
  const batch = batchTables.length ? estimateFileDrop(effectiveFileDropConfig(c), batchTables) : null;
  const stream = streamTables.length ? estimateStreamEmit(effectiveStreamConfig(c), streamTables, `${STREAM_FOLDER}${c.streamConfig.sinkConnection.path}`) : null;
  const phases = [
    { e: batch, drivers: batch ? [...under('fileDropConfig', batch), 'batchTables'] : [] },
    { e: stream, drivers: stream ? [...under('streamConfig', stream), 'streamTables'] : [] },
  ];
  // the phase that takes more memory names the fields to lower first
  const memory = (e: RunEstimate | null) => (e ? totalsOf(e).memoryBytes : 0);
  if (memory(stream) > memory(batch)) phases.reverse();
  return {
    tables: [...(batch?.tables ?? []), ...(stream?.tables ?? [])],
    files: [...(batch?.files ?? []), ...(stream?.files ?? [])],
    drivers: phases.flatMap((p) => p.drivers),
  };
}
