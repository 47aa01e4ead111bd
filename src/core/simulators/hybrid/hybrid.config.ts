/**
 * The hybrid's config (spec/hybrid.md §2 with the §5 Reqs): routing, the link strategy, the two
 * child configs nested with their own fields — validated at parse time with dotted paths
 * (`streamConfig.ratePerSec`, `fileDropConfig.dateRangeEnd`), their cross-field rules included —
 * and the effective child configs: a child seed left out inherits the hybrid's (§5 #3) and an
 * omitted `streamStart` is the file drop's first day at 00:00 UTC (§5 #4).
 */
import { runIdOf } from '../../ids';
import { seedField } from '../../schema/common';
import { defineConfig } from '../../schema/config';
import { f, join, parseShape, type Field, type FieldMeta, type InferShape, type Issue, type Shape } from '../../schema/fields';
import { checkFileDrop, fileDropShape, type FileDropConfig } from '../file-drop/file-drop.config';
import { checkStreamEmit, identityConfig, streamEmitShape, type StreamEmitConfig } from '../stream-emit/stream-emit.config';

export const LINK_STRATEGIES = ['correlation_id', 'natural_keys'] as const;
export type LinkStrategy = (typeof LINK_STRATEGIES)[number];

/** A child's seed: none = the hybrid's seed (spec §5 #3). */
const childSeed = () =>
  f.nullable(seedField(), {
    default: null,
    label: 'Seed',
    help: 'This phase’s random seed; empty = the hybrid’s seed. The phase then equals the standalone simulator run with that seed.',
    group: 'Run',
  });

/** A nested child config: its own fields, all defaulted, so `{}` (or leaving it out) means every default. */
function childConfig<S extends Shape>(shape: S, meta: FieldMeta): Field<InferShape<S>> {
  const inner = f.object(shape, { ...meta, default: undefined });
  const dflt = parseShape(shape, {}, '', []);
  if (dflt === undefined) throw new Error('a child config shape has a field without a default');
  return { ...inner, default: dflt, describe: () => ({ ...inner.describe(), default: dflt }) };
}

const hybridStreamShape = {
  ...streamEmitShape,
  streamStart: f.nullable(f.instant({ help: 'When the stream’s clock starts.' }), {
    default: null,
    label: 'Stream start',
    help: 'When the simulated clock starts (UTC when no offset is given); empty = the file drop’s first day at 00:00 UTC, so both paths cover the same period.',
    group: 'Rate',
  }),
  seed: childSeed(),
};

const hybridFileDropShape = { ...fileDropShape, seed: childSeed() };

const tableList = (label: string, help: string) =>
  f.array(f.string({ minLength: 1, maxLength: 200, help: 'A table name.' }), { default: [], maxItems: 1_000, label, help, group: 'Routing' });

const shape = {
  streamTables: tableList('Stream tables', 'Tables for the stream phase, in this order; empty = every input table. Names that match no table are reported (unmatched_tables); no match at all skips the phase.'),
  batchTables: tableList('Batch tables', 'Tables for the file-drop phase, in this order; empty = every input table. Names that match no table are reported (unmatched_tables); no match at all skips the phase.'),
  linkStrategy: f.enumOf(LINK_STRATEGIES, {
    default: 'correlation_id',
    label: 'Link strategy',
    help: 'correlation_id: one id in every manifest, every envelope and a _correlation_id column; natural_keys: no column, each phase keeps its own run id and the business keys are the only link.',
    group: 'Routing',
  }),
  streamTo: f.enumOf(['eventhouse', 'lakehouse', 'both'], { default: 'eventhouse', label: 'Stream to', help: 'Where the stream is meant to land (informational).', group: 'Routing' }),
  microBatchTo: f.enumOf(['lakehouse_files'], { default: 'lakehouse_files', label: 'Micro-batches to', help: 'Where the batch files are meant to land (informational).', group: 'Routing' }),
  concurrent: f.bool({ default: false, label: 'Concurrent', help: 'Run both phases at once; the output is the same as one after the other.', group: 'Run' }),
  fileDropConfig: childConfig(hybridFileDropShape, { label: 'File drop', help: 'The batch phase: a file drop of the batch tables (every file-drop field).', group: 'File drop' }),
  streamConfig: childConfig(hybridStreamShape, { label: 'Stream', help: 'The stream phase: a stream emitter over the stream tables (every stream-emitter field).', group: 'Stream' }),
  seed: seedField(),
};

export type HybridConfig = InferShape<typeof shape>;

/** The stream phase's config as the standalone stream emitter would take it (seed and start filled in). */
export function effectiveStreamConfig(c: HybridConfig): StreamEmitConfig {
  return { ...c.streamConfig, seed: c.streamConfig.seed ?? c.seed, streamStart: c.streamConfig.streamStart ?? `${c.fileDropConfig.dateRangeStart}T00:00:00Z` };
}

/** The batch phase's config as the standalone file drop would take it (seed filled in). */
export function effectiveFileDropConfig(c: HybridConfig): FileDropConfig {
  return { ...c.fileDropConfig, seed: c.fileDropConfig.seed ?? c.seed };
}

/**
 * The run's correlation id (spec §5 #1): the seed and the config without what only decides how
 * or where events are delivered (the stream's sink and pacing settings) or how the phases are
 * scheduled (`concurrent`: the output is the same either way, so the id must be too).
 */
export function hybridCorrelationId(c: HybridConfig): string {
  const { concurrent: _scheduling, streamConfig, ...rest } = c;
  return runIdOf('hybrid', c.seed, { ...rest, streamConfig: identityConfig(streamConfig as unknown as StreamEmitConfig) });
}

function duplicates(list: readonly string[], path: string): Issue[] {
  const first = new Map<string, number>();
  const issues: Issue[] = [];
  list.forEach((t, i) => {
    const at = first.get(t);
    if (at !== undefined) issues.push({ path: join(path, String(i)), message: `"${t}" is listed twice (also ${path}.${at}); allowed: each table once` });
    else first.set(t, i);
  });
  return issues;
}

/** Both child configs' cross-field rules under their prefixes (spec §5 #9), and the routing lists. */
function checkHybrid(c: HybridConfig): Issue[] {
  return [
    ...duplicates(c.streamTables, 'streamTables'),
    ...duplicates(c.batchTables, 'batchTables'),
    ...checkFileDrop(effectiveFileDropConfig(c), 'fileDropConfig'),
    ...checkStreamEmit(effectiveStreamConfig(c), 'streamConfig'),
  ];
}

export const hybridConfig = defineConfig(shape, checkHybrid);
