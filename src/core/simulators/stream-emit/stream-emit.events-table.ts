/**
 * The flattened `events` table (when `eventsTable` is on): one row per sent envelope, in
 * emission order, with the envelope's keys as columns, `data` as compact JSON text, and the
 * replay flag and time (null for primary events). Times are TIMESTAMP(µs) in Parquet, so the
 * microseconds of `emitted_at` survive.
 */
import { ByteSink } from '../../output/bytes';
import { boolColumn, dictColumn, Float64Growable, makeTable, numberColumn, Uint8Growable, Utf8Builder, type Table } from '../../table/column';
import type { StreamPlan } from './stream-emit.plan';
import { walkEvents } from './stream-emit.tally';

/** Builds the table in emission order (each primary event, then its replay burst). */
export async function eventsTable(plan: StreamPlan, tick: (done: number, total: number) => Promise<void>): Promise<Table> {
  const { source, rows, schedule, settings } = plan;
  const { emittedAt } = schedule;
  const n = plan.totalEvents;
  const writer = plan.envelopes;
  const ids = new Utf8Builder(n, 36);
  const data = new Utf8Builder(n, 200);
  const tableCodes = new Int32Array(n);
  const time = new Float64Array(n);
  const emitted = new Float64Array(n);
  const replay = new Uint8Array(n);
  const replayTime = new Float64Growable(n);
  const replayValid = new Uint8Growable(n);
  const scratch = new ByteSink(1 << 12);
  let e = 0;
  const add = (pos: number, replayAt: number | null) => {
    const g = rows[pos];
    const ti = source.tableOf[g];
    writer.idInto(ids.bytes, ids.reserveRaw(36), g);
    scratch.pos = 0;
    writer.writeData(scratch, g);
    data.appendBytes(scratch.buf.subarray(0, scratch.pos));
    tableCodes[e] = ti;
    const et = source.eventTime[g];
    time[e] = et === et ? et : emittedAt[pos];
    emitted[e] = emittedAt[pos];
    replay[e] = replayAt === null ? 0 : 1;
    replayTime.push(replayAt ?? 0);
    replayValid.push(replayAt === null ? 0 : 1);
    e++;
  };
  await walkEvents(plan, (pos, atUs, isReplay) => add(pos, isReplay ? atUs : null), tick);
  const topicOfTable = source.tables.map((t) => t.topic);
  const topicCodes = tableCodes.map((ti) => topicOfTable[ti]);
  const constant = (name: string, value: string) => dictColumn(name, [value], new Int32Array(n));
  return makeTable('events', [
    ids.finish('id'),
    constant('source', settings.source),
    dictColumn('type', source.topics.map((t) => `spindle.${t}`), topicCodes),
    numberColumn('time', 'timestamp', time),
    numberColumn('emitted_at', 'timestamp', emitted),
    constant('specversion', '1.0'),
    constant('datacontenttype', 'application/json'),
    dictColumn('topic', source.topics, topicCodes),
    constant('schema_version', settings.schemaVersion),
    constant('correlation_id', settings.correlationId),
    data.finish('data'),
    dictColumn('table', source.tables.map((t) => t.table.name), tableCodes),
    boolColumn('replay', replay),
    numberColumn('replay_time', 'timestamp', replayTime.finish(), replayValid.finish()),
  ]);
}
