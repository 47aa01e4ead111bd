/**
 * The hybrid (spec/hybrid.md, every "Req"): a file-drop phase and a stream phase over the same
 * input tables, linked by one correlation id — stamped into every manifest, every envelope and a
 * `_correlation_id` column — or by the business keys alone. Each phase is the standalone
 * simulator run in a child context with its own seed (so its own streams and ids) on the routed,
 * stamped tables; run one after the other or concurrently, the output is the same.
 */
import { AnswerKeyBuilder } from '../../answer-key';
import { shapeOf } from '../../inputs/contract';
import { ConfigError } from '../../schema/config';
import { join, type Issue } from '../../schema/fields';
import type { RunContext, SimResult } from '../../simulator';
import type { Table } from '../../table/column';
import { runFileDrop, type FileDropOutput } from '../file-drop/file-drop';
import { resolveFileDropTables } from '../file-drop/file-drop.inputs';
import { runStreamEmit, type StreamEmitOutput } from '../stream-emit/stream-emit';
import type { StreamPlan } from '../stream-emit/stream-emit.plan';
import { resolveStreamSource } from '../stream-emit/stream-emit.source';
import { correlationTimeline, type HybridCharts } from './hybrid.charts';
import { effectiveFileDropConfig, effectiveStreamConfig, hybridCorrelationId, type HybridConfig } from './hybrid.config';
import { byName, route, stamp, stampIssues, STREAM_FOLDER } from './hybrid.route';

export { STREAM_FOLDER };

export interface HybridOutput extends SimResult {
  readonly charts?: HybridCharts;
  /** The stream phase's plan, for hosts that deliver it to a sink (stdout, HTTP); null when the phase was skipped. */
  readonly plan: StreamPlan | null;
  /** For the worker's explorer: the rows of any landed batch file. */
  readonly explore: { fileTable(path: string): Table | undefined };
}

/** The two phases' results (null = the phase was skipped: no routed table). */
interface Phases {
  readonly batch: FileDropOutput | null;
  readonly stream: StreamEmitOutput | null;
}

/** Run both phases as independent tasks and raise the first error in phase order once both have settled (spec §5 #7). */
async function concurrently(batch: () => Promise<FileDropOutput | null>, stream: () => Promise<StreamEmitOutput | null>): Promise<Phases> {
  const [b, s] = await Promise.allSettled([batch(), stream()]);
  if (b.status === 'rejected') throw b.reason;
  if (s.status === 'rejected') throw s.reason;
  return { batch: b.value, stream: s.value };
}

const prefixed = (issues: readonly Issue[], prefix: string) => issues.map((i) => ({ ...i, path: join(prefix, i.path) }));

/** The correlation id the manifests carry, read from the first one landed (null when manifests are off). */
function manifestId(batch: FileDropOutput | null): string | null {
  const file = batch?.files?.find((f) => f.path.endsWith('/_manifest.json'));
  if (!file || !('bytes' in file)) return null;
  return (JSON.parse(new TextDecoder().decode(file.bytes)) as { correlation_id: string }).correlation_id;
}

/** The answer key: the batch phase's rows, then the stream phase's. */
function answerKeyOf(p: Phases): AnswerKeyBuilder {
  const key = new AnswerKeyBuilder();
  if (p.batch) key.append(p.batch.answerKey.finish());
  if (p.stream) key.append(p.stream.answerKey.finish());
  return key;
}

export async function runHybrid(config: HybridConfig, ctx: RunContext): Promise<HybridOutput> {
  const correlationId = hybridCorrelationId(config);
  const stamped = config.linkStrategy === 'correlation_id';
  const batchRoute = route(config.batchTables, ctx.inputs);
  const streamRoute = route(config.streamTables, ctx.inputs);
  const fileDrop = effectiveFileDropConfig(config);
  const stream = effectiveStreamConfig(config);

  // everything that depends on the tables is checked before either phase writes anything
  const issues: Issue[] = stamped ? stampIssues([...new Set([...batchRoute.tables, ...streamRoute.tables])]) : [];
  if (issues.length) throw new ConfigError(issues);
  const copies = new Map<Table, Table>();
  const stampedCopy = (t: Table) => {
    if (!stamped) return t;
    if (!copies.has(t)) copies.set(t, stamp(t, correlationId));
    return copies.get(t)!;
  };
  const batchTables = batchRoute.tables.map(stampedCopy);
  const streamTables = streamRoute.tables.map(stampedCopy);
  if (batchTables.length) issues.push(...prefixed(resolveFileDropTables(fileDrop, batchTables.map(shapeOf)).issues, 'fileDropConfig'));
  if (streamTables.length) {
    const r = resolveStreamSource(stream, streamTables, 'streamConfig');
    if (!r.ok) issues.push(...r.issues);
  }
  if (issues.length) throw new ConfigError(issues);

  const link = stamped ? { correlationId } : {};
  const runBatch = async () => (batchTables.length ? runFileDrop(fileDrop, ctx.child('File drop', fileDrop.seed, byName(batchTables)), link) : null);
  const runStream = async () =>
    streamTables.length ? runStreamEmit(stream, ctx.child('Stream', stream.seed, byName(streamTables)), { ...link, pathPrefix: 'streamConfig', folderPrefix: STREAM_FOLDER }) : null;
  const phases: Phases = config.concurrent ? await concurrently(runBatch, runStream) : { batch: await runBatch(), stream: await runStream() };
  const { batch, stream: streamOut } = phases;

  const charts: HybridCharts | undefined = !ctx.charts ? undefined : {
    kind: 'hybrid',
    linkStrategy: config.linkStrategy,
    batch: batch?.charts ?? null,
    stream: streamOut?.charts ?? null,
    correlation: correlationTimeline(batch?.charts ?? null, streamOut?.plan ?? null, { correlationId: stamped ? correlationId : null, manifestId: manifestId(batch) }, fileDrop.formats[0]),
  };
  return {
    tables: [...(batch?.tables ?? []), ...(streamOut?.tables ?? [])],
    stats: {
      correlation_id: stamped ? correlationId : null,
      link_strategy: config.linkStrategy,
      batch_files: (batch?.stats.files as number | undefined) ?? 0,
      stream_events: (streamOut?.stats.total_events as number | undefined) ?? 0,
      batch_tables: batchRoute.tables.map((t) => t.name),
      stream_tables: streamRoute.tables.map((t) => t.name),
      unmatched_tables: { batch: batchRoute.unmatched, stream: streamRoute.unmatched },
      batch_seed: fileDrop.seed,
      stream_seed: stream.seed,
      stream_start: stream.streamStart,
      batch: batch?.stats ?? null,
      stream: streamOut?.stats ?? null,
    },
    answerKey: answerKeyOf(phases),
    ...(charts ? { charts } : {}),
    files: [...(batch?.files ?? []), ...(streamOut?.files ?? [])],
    plan: streamOut?.plan ?? null,
    explore: { fileTable: (path) => batch?.explore.fileTable(path) },
  };
}
