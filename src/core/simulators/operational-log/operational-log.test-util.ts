/** Helpers shared by the operational-log tests: run a config and read tables back as rows. */
import { runSimulator, type RunOutput } from '../../run';
import { cellAt, type CellValue, type Table } from '../../table/column';
import { operationalLogSimulator } from './index';
import type { OperationalLogOutput } from './operational-log';

export type Row = Record<string, CellValue>;

/** Every row of a table as a plain object (small tables only). */
export function rows(t: Table): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < t.length; i++) {
    const r: Row = {};
    for (const c of t.columns) r[c.name] = cellAt(c, i);
    out.push(r);
  }
  return out;
}

export interface OlRun {
  readonly run: RunOutput;
  readonly result: OperationalLogOutput;
  readonly logs: Table;
  readonly traces: Table;
  readonly health: Table;
  readonly config: Record<string, unknown>;
}

export async function runOl(raw: Record<string, unknown>): Promise<OlRun> {
  const run = await runSimulator(operationalLogSimulator, raw);
  const result = run.result as OperationalLogOutput;
  const [logs, traces, health] = result.tables;
  return { run, result, logs, traces, health, config: run.config };
}

/** Answer-key rows with their details parsed. */
export function windowsOf(result: OperationalLogOutput): { kind: string; key: string; time: number; details: Record<string, unknown> }[] {
  return rows(result.answerKey.finish()).map((r) => ({
    kind: r.kind as string,
    key: r.key as string,
    time: r.time as number,
    details: JSON.parse(r.details as string) as Record<string, unknown>,
  }));
}
