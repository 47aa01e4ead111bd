// Shared by the hybrid's tests: generated tables and hybrid configs (routing with unknown names,
// both strategies, both modes, child configs over every field, seeds and stream starts given or
// left out), a run with every output file's bytes, and readers for manifests and envelopes.
import fc from 'fast-check';
import { fileBytes } from '../../output/tree';
import { runSimulator, type RunOutput } from '../../run';
import type { Table } from '../../table/column';
import { arbConfig, arbTables } from '../file-drop/file-drop.test-utils';
import { genConfig } from '../stream-emit/stream-emit.test-utils';
import { hybridSimulator } from '.';
import type { HybridOutput } from './hybrid';
import type { HybridConfig } from './hybrid.config';

/** A routing list: empty (all), or some of the tables (any order) with maybe an unknown name. */
const routing = (names: readonly string[]) =>
  fc.oneof(
    { arbitrary: fc.constant([] as string[]), weight: 2 },
    { arbitrary: fc.shuffledSubarray([...names, 'no_such_table']), weight: 3 },
  );

/** Omit a key half the time (a child seed or stream start left to the hybrid). */
const maybeOmit = <T extends Record<string, unknown>>(key: keyof T) => (o: T) =>
  fc.boolean().map((keep) => {
    if (keep) return o;
    const { [key]: _gone, ...rest } = o;
    return rest as T;
  });

/** A generated case: input tables and a raw hybrid config over them. */
export const arbHybridCase = fc.integer({ min: 1, max: 3 }).chain((days) =>
  arbTables(days).chain((tables) => {
    const names = tables.map((t) => t.name);
    return fc.record({ batchTables: routing(names), streamTables: routing(names) }).chain(({ batchTables, streamTables }) => {
      const streamed = streamTables.length ? streamTables.filter((n) => names.includes(n)) : names;
      const rows = tables.filter((t) => streamed.includes(t.name)).reduce((a, t) => a + t.length, 0);
      const landed = batchTables.length ? batchTables.filter((n) => names.includes(n)) : names;
      return fc
        .record({
          batchTables: fc.constant(batchTables),
          streamTables: fc.constant(streamTables),
          linkStrategy: fc.constantFrom('correlation_id', 'natural_keys'),
          concurrent: fc.boolean(),
          seed: fc.nat(1000),
          fileDropConfig: fc
            .record({ base: arbConfig, entities: landed.length ? fc.oneof(fc.constant([] as string[]), fc.shuffledSubarray(landed, { minLength: 1 })) : fc.constant([] as string[]) })
            .map(({ base, entities }) => ({ ...base, entities }))
            .chain(maybeOmit('seed')),
          streamConfig: genConfig(streamed, rows)
            .map((c) => ({ ...c, streamStart: c.streamStart }) as Record<string, unknown>)
            .chain(maybeOmit('seed'))
            .chain(maybeOmit('streamStart')),
        })
        .map((config) => ({ tables, config: config as Record<string, unknown>, days }));
    });
  }),
);

export interface HybridRun {
  readonly run: RunOutput;
  readonly config: HybridConfig;
  readonly result: HybridOutput;
  /** Every output file (landing zone and topic files) by path. */
  readonly files: Map<string, Uint8Array>;
}

export async function runHybridCase(raw: Record<string, unknown>, tables: readonly Table[]): Promise<HybridRun> {
  const run = await runSimulator(hybridSimulator, raw, { inputs: new Map(tables.map((t) => [t.name, t])) });
  const result = run.result as HybridOutput;
  const files = new Map<string, Uint8Array>();
  for (const f of result.files ?? []) {
    if (files.has(f.path)) throw new Error(`path written twice: ${f.path}`);
    files.set(f.path, await fileBytes(f));
  }
  return { run, config: run.config as unknown as HybridConfig, result, files };
}

const decoder = new TextDecoder();

/** Every manifest's parsed JSON, by path. */
export function manifestsOf(files: ReadonlyMap<string, Uint8Array>): Map<string, { correlation_id: string }> {
  const out = new Map<string, { correlation_id: string }>();
  for (const [p, b] of files) if (p.endsWith('/_manifest.json')) out.set(p, JSON.parse(decoder.decode(b)) as { correlation_id: string });
  return out;
}

export interface Envelope {
  id: string;
  topic: string;
  correlation_id: string;
  emitted_at: string;
  data: Record<string, unknown> & { _spindle_table: string; _spindle_seq: number };
  _replay?: true;
}

/** Every envelope of every topic file under `stream/`, parsed with JSON.parse, by file. */
export function envelopesOf(files: ReadonlyMap<string, Uint8Array>): Map<string, Envelope[]> {
  const out = new Map<string, Envelope[]>();
  for (const [p, b] of files) {
    if (!p.startsWith('stream/')) continue;
    const lines = decoder.decode(b).split('\n');
    if (lines.pop() !== '') throw new Error(`${p} does not end with LF`);
    out.set(
      p,
      lines.map((l) => JSON.parse(l) as Envelope),
    );
  }
  return out;
}

