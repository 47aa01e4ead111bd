import { ConfigError, formatIssue } from './schema/config';
import type { Table } from './table/column';
import { makeContext, type RunHooks, type SimResult, type SimulatorDef } from './simulator';

/** A finished run: which simulator, its resolved config (every default filled, seed included) and its result. */
export interface RunOutput {
  readonly simulator: string;
  readonly config: { seed: number } & Record<string, unknown>;
  readonly result: SimResult;
}

/** Validate a raw config (throws {@link ConfigError} naming each bad field) and fill its defaults. */
export function resolveConfig(def: SimulatorDef, raw: unknown, seed?: number): { seed: number } & Record<string, unknown> {
  const input = raw === undefined || raw === null ? {} : raw;
  if (typeof input !== 'object' || Array.isArray(input)) throw new ConfigError([{ path: '', message: 'the config must be a JSON object' }]);
  // an explicit seed (--seed, the page's seed box) wins over the config's own
  const merged = seed === undefined ? input : { ...input, seed };
  const r = def.schema.parse(merged);
  if (!r.ok) throw new ConfigError(r.issues);
  return r.value as { seed: number } & Record<string, unknown>;
}

/** Run a simulator on a raw config. The same (simulator, config, seed) always gives the same output. */
export async function runSimulator(
  def: SimulatorDef,
  raw: unknown,
  hooks: RunHooks & { seed?: number; inputs?: ReadonlyMap<string, Table> } = {},
): Promise<RunOutput> {
  const config = resolveConfig(def, raw, hooks.seed);
  const ctx = makeContext(config.seed, hooks, hooks.inputs);
  const result = await def.run(config, ctx);
  return { simulator: def.id, config, result };
}

export { ConfigError, formatIssue };
