/**
 * `--input` for the CLI: `DOMAIN:SCALE` generates a domain (seed 42 unless given); a folder
 * loads every .csv, .parquet and .jsonl file in it as a table named after the file.
 */
import { findDomain, generateDomain, SCALES } from '../core/domains';
import type { Table } from '../core/table/column';
import { UsageError } from './args';

export interface LoadedInputs {
  readonly tables: readonly Table[];
  /** Per table, the timestamp columns whose text carried a UTC offset or zone. */
  readonly zoned?: Readonly<Record<string, readonly string[]>>;
}

const DOMAIN_SCALE = /^([a-z_]+):([a-z_]+)$/;

export async function loadInputs(spec: string, seed?: number): Promise<LoadedInputs> {
  const m = DOMAIN_SCALE.exec(spec);
  if (m && findDomain(m[1])) {
    if (!(SCALES as readonly string[]).includes(m[2])) throw new UsageError(`--input ${spec}: unknown scale "${m[2]}"; known: ${SCALES.join(', ')}`);
    const out = await generateDomain(findDomain(m[1])!, { scale: m[2] }, seed === undefined ? {} : { seed });
    return { tables: out.tables };
  }
  throw new UsageError(`--input ${spec}: not a folder of CSV/Parquet/JSONL files or DOMAIN:SCALE`);
}
