/**
 * The Stream emitter (spec/stream-emit.md, every "Req"): the input tables' rows as CloudEvents
 * envelopes on a simulated clock — canonical order by event time, a cap, out-of-order moves,
 * rate with jitter, burst windows and a time-of-day pattern, replay bursts from a time window —
 * written lazily as one JSONL file per topic, with stats, charts and an answer key.
 */
import type { RunContext, SimResult } from '../../simulator';
import type { StreamEmitCharts } from './stream-emit.charts';
import { streamCharts } from './stream-emit.charts';
import type { StreamEmitConfig } from './stream-emit.config';
import { eventsTable } from './stream-emit.events-table';
import { topicFiles } from './stream-emit.files';
import { planStream, type StreamOptions, type StreamPlan } from './stream-emit.plan';
import { streamAnswerKey, streamStats } from './stream-emit.report';
import { tally } from './stream-emit.tally';

export interface StreamEmitOutput extends SimResult {
  readonly charts?: StreamEmitCharts;
  /** The decided stream: hosts open cursors on it to pace events to a sink (console, HTTP, stdout). */
  readonly plan: StreamPlan;
}

/** Options of a composed run (the hybrid): its correlation id, error-path prefix and output folder. */
export interface StreamRunOptions extends StreamOptions {
  /** Prefix of the topic folder in the output tree (e.g. `stream/`); default none. */
  readonly folderPrefix?: string;
}

/**
 * Run the stream emitter over `ctx.inputs` (in input order). Nothing is serialised here: the
 * topic files are produced batch by batch when the tree is written, and a host can open its
 * own cursors on `plan` to deliver the same events to other sinks.
 */
export async function runStreamEmit(config: StreamEmitConfig, ctx: RunContext, options: StreamRunOptions = {}): Promise<StreamEmitOutput> {
  const plan = await planStream(config, [...ctx.inputs.values()], ctx, options);
  const counts = tally(plan);
  const answerKey = await streamAnswerKey(plan, config, (done, total) => ctx.checkpoint('Recording the answer key', done, total));
  const tables = config.eventsTable ? [await eventsTable(plan, (done, total) => ctx.checkpoint('Building the events table', done, total))] : [];
  return {
    tables,
    stats: streamStats(plan, counts),
    answerKey,
    ...(ctx.charts ? { charts: streamCharts(plan, config, counts) } : {}),
    files: topicFiles(plan, `${options.folderPrefix ?? ''}${config.sinkConnection.path}`, Array.from(counts.events)),
    plan,
  };
}
