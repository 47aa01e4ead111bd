/**
 * The data set the worker holds for the Data sources page and the simulators that take input
 * tables: generated domain tables and uploaded files, by name. Later `run` requests name the
 * tables they read (`inputs`), so no table crosses the worker boundary twice.
 *
 * Naming rules (table names are unique): generating a domain replaces the previously generated
 * tables; an upload replaces an earlier upload of the same name (a corrected file); generated
 * tables keep their domain names (their foreign keys refer to them), so an upload that would
 * take one gets a numeric suffix (`customer_2`), and uploads give way the same way when a
 * domain is generated after them.
 */
import { findDomain, generateDomain, type DomainTable } from '../core/domains';
import { domainManifest } from '../core/domains/tree';
import type { DomainConfig } from '../core/domains/config';
import { formatReadError, readTableFile, retypeColumn, tableNameOf } from '../core/inputs';
import { applyDeclared, type DeclaredTable } from '../core/inputs/declared';
import { summarizeTable } from '../core/inputs/summary';
import { columnInfo, type ColumnInfo, type ReadError } from '../core/inputs/types';
import { uploadEntry, uploadsManifest, type UploadedTable } from '../core/inputs/upload-tree';
import type { OutputFile } from '../core/output/files';
import type { OutputFormat, WriteOptions } from '../core/output/formats';
import { jsonBytes } from '../core/output/tree';
import { ConfigError } from '../core/schema/config';
import type { RunHooks } from '../core/simulator';
import { columnSchema, type ColumnType, type Table } from '../core/table/column';
import { preview } from './preview';
import type { DataOrigin, DataTableSummary, DomainResult, UploadResult } from './protocol';

/** An unreadable upload: the message names the file, line or row and problem; `read` holds them as data. */
export class ReadFileError extends Error {
  constructor(
    message: string,
    readonly read: ReadError,
  ) {
    super(message);
    this.name = 'ReadError';
  }
}

interface Held {
  readonly table: Table;
  readonly origin: DataOrigin;
  /** Generated tables: the domain's metadata (pk, fks, event time, enums), written to tables.json as is. */
  readonly domainMeta: DomainTable | null;
  /** Uploads: each column as read (zone, note), in table order. */
  readonly info: readonly ColumnInfo[];
  /** Uploads: the file's entry in a tables.json given with it (types applied; keys kept for the download). */
  readonly declared?: DeclaredTable;
}

/** An upload as the shared upload tree sees it. */
function asUpload(name: string, h: Held): UploadedTable {
  return { name, table: h.table, file: (h.origin as { file: string }).file, columns: h.info, ...(h.declared ? { declared: h.declared } : {}) };
}

/** Characters a file system or zip reader would refuse in a name become `_`. */
export function safeTableName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const s = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]/g, '_').trim();
  return s === '' || /^\.+$/.test(s) ? 'table' : s;
}

/** A summary with its preview buffer, for a transfer list. */
export interface Summarised {
  readonly summary: DataTableSummary;
  readonly transfer: ArrayBuffer;
}

export class DataSet {
  /** In data-set order: generated tables (domain order) first, then uploads in upload order. */
  private held = new Map<string, Held>();
  private generated: { domain: string; config: DomainConfig } | null = null;

  names(): string[] {
    return [...this.held.keys()];
  }

  private freeName(wanted: string): string {
    if (!this.held.has(wanted)) return wanted;
    for (let k = 2; ; k++) if (!this.held.has(`${wanted}_${k}`)) return `${wanted}_${k}`;
  }

  summarise(name: string, previewRows: number): Summarised {
    const h = this.held.get(name)!;
    const p = preview(h.table, previewRows);
    const m = h.domainMeta;
    const summary: DataTableSummary = {
      name,
      rows: h.table.length,
      origin: h.origin,
      pk: m?.pk ?? null,
      fks: m?.fks ?? [],
      eventTimeColumn: m?.eventTimeColumn ?? null,
      columns: h.table.columns.map((c) => {
        const i = h.info.find((x) => x.name === c.name);
        return { ...columnSchema(c), ...(i?.zone ? { zone: true } : {}), ...(i?.note ? { note: i.note } : {}) };
      }),
      summaries: summarizeTable(h.table),
      ipc: p.preview.ipc,
    };
    return { summary, transfer: p.transfer };
  }

  /**
   * Generate a domain. `replace` (the default): the previous generated tables go, uploads stay.
   * `add`: every table stays beside the new ones. A kept table whose name a new table takes is
   * renamed `name_2` (and kept tables' foreign keys follow the rename).
   */
  async generate(
    domain: string,
    config: unknown,
    hooks: RunHooks,
    mode: 'replace' | 'add' = 'replace',
  ): Promise<{ names: string[]; result: Omit<DomainResult, 'tables' | 'elapsedMs'> }> {
    const def = findDomain(domain);
    if (!def) throw new ConfigError([{ path: 'domain', message: `"${domain}" is not a domain; allowed: retail, financial, iot` }]);
    const out = await generateDomain(def, config, hooks);
    const removed = mode === 'add' ? [] : [...this.held].filter(([, h]) => h.origin.kind === 'domain').map(([n]) => n);
    const uploads = [...this.held].filter(([n]) => !removed.includes(n));
    const taken = new Set(out.tables.map((t) => t.name));
    const next = new Map<string, Held>();
    const origin: DataOrigin = { kind: 'domain', domain: def.id, scale: out.config.scale, seed: out.config.seed };
    out.tables.forEach((t, i) => next.set(t.name, { table: t, origin, domainMeta: out.meta[i], info: [] }));
    const renamed: { from: string; to: string }[] = [];
    for (const [name, h] of uploads) {
      let to = name;
      for (let k = 2; taken.has(to) || next.has(to); k++) to = `${name}_${k}`;
      if (to !== name) renamed.push({ from: name, to });
      next.set(to, to === name ? h : { ...h, table: { ...h.table, name: to } });
    }
    if (renamed.length) {
      const to = new Map(renamed.map((r) => [r.from, r.to]));
      for (const [name, h] of next) {
        const meta = h.domainMeta;
        if (!meta || h.origin === origin || !meta.fks.some((fk) => to.has(fk.table))) continue;
        next.set(name, { ...h, domainMeta: { ...meta, fks: meta.fks.map((fk) => ({ ...fk, table: to.get(fk.table) ?? fk.table })) } });
      }
    }
    this.held = next;
    this.generated = { domain: def.id, config: out.config };
    return {
      names: out.tables.map((t) => t.name),
      result: { domain: def.id, config: out.config as unknown as Record<string, unknown>, removed, renamed },
    };
  }

  /**
   * Read one uploaded file; nothing is kept unless the whole file reads. `declared`: the file's
   * entry in a `_spindle/tables.json` given with it, whose column types win over inference.
   */
  upload(file: string, bytes: Uint8Array, declared?: DeclaredTable): { name: string; result: Pick<UploadResult, 'replaced' | 'wanted'> } {
    let r = readTableFile(file, bytes);
    if (r.ok && declared) {
      const typed = applyDeclared(file, r.table, r.columns, declared);
      r = typed.ok ? { ok: true, table: typed.table, columns: typed.columns } : { ok: false, error: typed.error };
    }
    if (!r.ok) throw new ReadFileError(formatReadError(r.error), r.error);
    const wanted = safeTableName(tableNameOf(file));
    const before = this.held.get(wanted);
    const replaced = before?.origin.kind === 'upload';
    const name = replaced ? wanted : this.freeName(wanted);
    const held: Held = { table: { ...r.table, name }, origin: { kind: 'upload', file }, domainMeta: null, info: r.columns, ...(declared ? { declared } : {}) };
    this.held.set(name, held);
    return { name, result: { replaced, wanted: name === wanted ? null : wanted } };
  }

  /** Change an uploaded table's column type (generated tables keep their declared types). */
  retype(table: string, column: string, to: ColumnType): void {
    const h = this.held.get(table);
    if (!h) throw new Error(`There is no table "${table}" in the data set.`);
    if (h.origin.kind !== 'upload') throw new Error(`${table} is a generated table; its column types are declared by the ${h.origin.domain} domain.`);
    const r = retypeColumn(h.table, column, to);
    if (!r.ok) throw Object.assign(new Error(r.error), { name: 'RetypeError' });
    if (r.table === h.table) return;
    // the read's note described the old type; a retype re-reads the values and says what it changed, if anything
    const info = h.info.map((c) => (c.name === column ? columnInfo(column, to, to === 'timestamp' && c.zone, r.note) : c));
    this.held.set(table, { ...h, table: r.table, info });
  }

  drop(tables: readonly string[]): string[] {
    const dropped = tables.filter((t) => this.held.delete(t));
    if (![...this.held.values()].some((h) => h.origin.kind === 'domain')) this.generated = null;
    return dropped;
  }

  /** Held tables by name, for a simulator's `inputs`. */
  inputs(names: readonly string[]): Map<string, Table> {
    const out = new Map<string, Table>();
    for (const n of names) {
      const h = this.held.get(n);
      if (!h) throw new ConfigError([{ path: 'inputs', message: `"${n}" is not a table of the data set; allowed: ${this.names().join(', ') || 'none (generate or upload tables first)'}` }]);
      out.set(n, h.table);
    }
    return out;
  }

  /**
   * The output tree of chosen tables, in data-set order: `<table>.<format>` each, then
   * `_spindle/config.json` (the domain's config as the CLI's `domain` command writes it, plus the
   * uploads) and `_spindle/tables.json` (each table's metadata). A whole generated domain gives
   * the same files, byte for byte, as `sim domain <id> --scale … --format …`.
   */
  tree(names: readonly string[], format: OutputFormat, options: WriteOptions = {}): OutputFile[] {
    const missing = names.filter((n) => !this.held.has(n));
    if (missing.length) throw new Error(`Not in the data set: ${missing.join(', ')}`);
    if (names.length === 0) throw new Error('Choose at least one table to download.');
    const wanted = new Set(names);
    const chosen = [...this.held].filter(([n]) => wanted.has(n));
    // tables are encoded when the tree writer streams them
    const files: OutputFile[] = chosen.map(([name, h]) => ({ path: `${name}.${format}`, table: h.table, format, options }));
    const uploads = chosen.filter(([, h]) => h.origin.kind === 'upload').map(([name, h]) => asUpload(name, h));
    const g = chosen.some(([, h]) => h.origin.kind === 'domain') ? this.generated : null;
    const config = g ? domainManifest(g.domain, g.config, format, uploads.map((u) => ({ table: u.name, file: u.file }))) : uploadsManifest(format, uploads);
    files.push({ path: '_spindle/config.json', bytes: jsonBytes(config) });
    files.push({ path: '_spindle/tables.json', bytes: jsonBytes(chosen.map(([name, h]) => h.domainMeta ?? uploadEntry(asUpload(name, h)))) });
    return files;
  }
}
