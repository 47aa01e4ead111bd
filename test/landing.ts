import { fileBytes } from '../src/core/output/tree';
import { runSimulator, type RunOutput } from '../src/core/run';
import type { SimulatorDef } from '../src/core/simulator';
import type { Table } from '../src/core/table/column';

/** A landing-zone run and every file it landed, by path, in output order. */
export interface Landed {
  readonly run: RunOutput;
  readonly files: Map<string, Uint8Array>;
}

/** Run a landing simulator on `tables` and write every file (a path written twice fails). */
export async function landRun(def: SimulatorDef, config: Record<string, unknown>, tables: readonly Table[]): Promise<Landed> {
  const run = await runSimulator(def, config, { inputs: new Map(tables.map((t) => [t.name, t])) });
  const files = new Map<string, Uint8Array>();
  for (const f of run.result.files ?? []) {
    if (files.has(f.path)) throw new Error(`path written twice: ${f.path}`);
    files.set(f.path, await fileBytes(f));
  }
  return { run, files };
}
