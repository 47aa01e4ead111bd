import { findDomain, generateDomain } from './domains';
import { describeEstimate, overLimit, sizeIssues, totalsOf } from './estimate';
import { asRoleInputs, resolveRoles, shapeOf, type InputProvenance, type RoleMapping } from './inputs/contract';
import { ConfigError, formatIssue } from './schema/config';
import type { Table } from './table/column';
import { makeContext, type RunHooks, type SimResult, type SimulatorDef, type StreamedResult } from './simulator';

/** A finished run: which simulator, its resolved config (every default filled, seed included) and its result. */
export interface RunOutput {
  readonly simulator: string;
  readonly config: { seed: number } & Record<string, unknown>;
  readonly result: SimResult;
  /** Where the input tables came from (simulators that read tables). */
  readonly inputs?: InputProvenance;
}

/**
 * Validate a raw config (throws {@link ConfigError} naming each bad field) and fill its
 * defaults; a run larger than this engine holds is refused with its estimate (estimate.ts).
 */
export function resolveConfig(def: Pick<SimulatorDef, 'schema' | 'estimate' | 'inputs' | 'stream'>, raw: unknown, seed?: number): { seed: number } & Record<string, unknown> {
  const input = raw === undefined || raw === null ? {} : raw;
  if (typeof input !== 'object' || Array.isArray(input)) throw new ConfigError([{ path: '', message: 'the config must be a JSON object' }]);
  // an explicit seed (--seed, the page's seed box) wins over the config's own
  const merged = seed === undefined ? input : { ...input, seed };
  const r = def.schema.parse(merged);
  if (!r.ok) throw new ConfigError(r.issues);
  // schemas refuse oversized runs themselves (so forms show it); this covers any that do not
  // (simulators that read tables are checked in runSimulator, once their inputs are known).
  // A simulator that streams is held to what a streamed run holds; runSimulator checks a held one.
  const tooLarge = def.estimate && !def.inputs ? sizeIssues(def.estimate(r.value), def.stream !== undefined) : [];
  if (tooLarge.length) throw new ConfigError(tooLarge);
  return r.value as { seed: number } & Record<string, unknown>;
}

/**
 * The tables a run reads: the host's, else the simulator's default domain generated with the
 * run's seed (so every simulator works on first open, in the CLI and the browser alike).
 */
async function inputTables(
  def: SimulatorDef,
  seed: number,
  given: ReadonlyMap<string, Table> | undefined,
  hooks: RunHooks,
): Promise<{ tables: ReadonlyMap<string, Table>; provenance?: InputProvenance }> {
  if (!def.inputs) return { tables: given ?? new Map() };
  if (given && given.size > 0) return { tables: given, provenance: { source: 'tables', tables: [...given.values()].map((t) => ({ name: t.name, rows: t.length })) } };
  const dflt = def.inputs.defaultDomain;
  if (!dflt) return { tables: new Map() };
  const domain = findDomain(dflt.domain);
  if (!domain) throw new Error(`${def.id}: unknown default domain ${dflt.domain}`);
  // the inputs are not the run's results: none of their tables is handed to the writer early;
  // the domain engine names its phases by table, which progress says in words
  const onProgress = hooks.onProgress;
  const out = await generateDomain(
    domain,
    { ...dflt.config, scale: dflt.scale },
    { ...hooks, onTable: undefined, onFile: undefined, seed, ...(onProgress ? { onProgress: (p) => onProgress({ ...p, phase: `Generating the ${domain.title} input tables: ${p.phase}` }) } : {}) },
  );
  const provenance: InputProvenance = { source: 'domain', domain: dflt.domain, scale: dflt.scale, seed, ...(dflt.config ? { config: dflt.config } : {}) };
  return { tables: new Map(out.tables.map((t) => [t.name, t])), provenance };
}

type RunRequest = RunHooks & { seed?: number; inputs?: ReadonlyMap<string, Table> };

/** A run's resolved config (inputs mapped), its input tables and their provenance: what `run` and `stream` start from. */
async function prepare(def: SimulatorDef, raw: unknown, hooks: RunRequest) {
  let config = resolveConfig(def, raw, hooks.seed);
  const given = await inputTables(def, config.seed, hooks.inputs, hooks);
  const provenance = given.provenance;
  let tables = given.tables;
  const roles = def.inputs?.kind === 'roles' ? def.inputs.roles : undefined;
  if (roles) {
    // every role and column resolved before anything runs; the resolved mapping is what the config records
    const shapes = [...tables.values()].map(shapeOf);
    const r = resolveRoles(roles, (config.inputs ?? {}) as RoleMapping, shapes);
    if (!r.ok) throw new ConfigError(r.issues);
    const issues = def.inputs?.refine?.(r.mapping, config, shapes) ?? [];
    if (issues.length) throw new ConfigError(issues);
    config = { ...config, inputs: r.mapping };
    tables = asRoleInputs(roles, r.mapping, tables);
  }
  if (def.inputs && def.estimate) {
    const tooLarge = sizeIssues(def.estimate(config, [...tables.values()].map(shapeOf)));
    if (tooLarge.length) throw new ConfigError(tooLarge);
  }
  return { config, ctx: makeContext(config.seed, hooks, tables), provenance };
}

/** Run a simulator on a raw config. The same (simulator, config, seed, inputs) always gives the same output. */
export async function runSimulator(def: SimulatorDef, raw: unknown, hooks: RunRequest = {}): Promise<RunOutput> {
  const { config, ctx, provenance } = await prepare(def, raw, hooks);
  const estimate = def.stream && def.estimate && !def.inputs ? def.estimate(config) : undefined;
  const over = estimate && overLimit(estimate);
  if (over) {
    const where = 'written to files, it is streamed instead (the CLI with --out or --zip, the page\'s Download)';
    throw new ConfigError([{ path: estimate!.drivers[0] ?? '', message: `${describeEstimate(estimate!)} is too large to hold in memory: ${over.why}; ${where}` }]);
  }
  const result = await def.run(config, ctx);
  return { simulator: def.id, config, result, ...(provenance ? { inputs: provenance } : {}) };
}

/**
 * The memory a run's tables are expected to take (its estimate), for a simulator that can stream
 * them; 0 for one that cannot (it runs whole), or whose size depends on its input tables. Hosts
 * stream a run above their own limit.
 */
export function streamableBytes(def: SimulatorDef, config: { seed: number } & Record<string, unknown>): number {
  if (!def.stream || !def.estimate || def.inputs) return 0;
  return totalsOf(def.estimate(config)).memoryBytes;
}

/** A streamed run ({@link SimulatorDef.stream}): its tables are produced as they are read. */
export interface StreamedRunOutput extends Omit<RunOutput, 'result'> {
  readonly result: StreamedResult;
}

/**
 * Run a simulator that streams its tables (`def.stream`): nothing is simulated until its tables
 * are read. Its files are the bytes {@link runSimulator}'s run writes (output/tree.ts,
 * `streamedRunFiles`); hooks' progress and cancel apply while the tables are read.
 */
export async function streamSimulator(def: SimulatorDef, raw: unknown, hooks: RunRequest = {}): Promise<StreamedRunOutput> {
  if (!def.stream) throw new Error(`${def.id} does not stream its tables`);
  const { config, ctx, provenance } = await prepare(def, raw, hooks);
  const result = def.stream(config, ctx);
  return { simulator: def.id, config, result, ...(provenance ? { inputs: provenance } : {}) };
}

export { ConfigError, formatIssue };
