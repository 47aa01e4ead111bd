import type { OutputFile } from '../output/files';
import type { OutputFormat, WriteOptions } from '../output/formats';
import { jsonBytes } from '../output/tree';
import { ENGINE_VERSION } from '../version';
import type { DomainConfig } from './config';
import type { DomainOutput } from './engine';

/** What `_spindle/config.json` of a data set holds: the domain's resolved config (and any uploads beside it). */
export function domainManifest(domain: string, config: DomainConfig, format: OutputFormat, uploads?: readonly { table: string; file: string }[]) {
  const { scale, seed, startDate, endDate } = config;
  return { domain, scale, seed, startDate, endDate, engineVersion: ENGINE_VERSION, format, config, ...(uploads?.length ? { uploads } : {}) };
}

/**
 * The output tree of a domain run: one file per table, then `_spindle/config.json` and
 * `_spindle/tables.json` (each table's pk, fks, event-time column and enum sets). The CLI's
 * `domain` command and the Data sources page's download both write exactly this.
 */
export function domainTree(out: DomainOutput, format: OutputFormat, options: WriteOptions = {}): OutputFile[] {
  // tables are encoded when the tree writer streams them
  const files: OutputFile[] = out.tables.map((table) => ({ path: `${table.name}.${format}`, table, format, options }));
  files.push({ path: '_spindle/config.json', bytes: jsonBytes(domainManifest(out.domain, out.config, format)) });
  files.push({ path: '_spindle/tables.json', bytes: jsonBytes(out.meta) });
  return files;
}
