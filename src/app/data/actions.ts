/**
 * What the Data sources page asks of the engine worker, and how the answers land in the page's
 * store. Decoded previews (Arrow tables, not plain data) live here, outside the store.
 */
import { tableFromIPC, type Table as ArrowTable } from 'apache-arrow';
import { findDomain } from '../../core/domains';
import { INPUT_EXTENSIONS, tableNameOf } from '../../core/inputs';
import { parseTablesJson, type DeclaredTable } from '../../core/inputs/declared';
import type { ColumnType } from '../../core/table/column';
import type { DataTableSummary, SerializedError } from '../../worker/protocol';
import { WorkerError } from '../../worker/client';
import { runDownload, type DownloadKind } from '../download';
import { engine } from '../engine';
import { formatBytes, formatCount, formatInt } from '../format';
import { useDataSet, type TableInfo } from './store';

const previews = new Map<string, ArrowTable>();
let version = 0;

export function getDataPreview(table: string): ArrowTable | undefined {
  return previews.get(table);
}

/** A worker summary → the store's metadata, its preview decoded and kept here. */
function receive(t: DataTableSummary): TableInfo {
  const { ipc, ...info } = t;
  previews.set(t.name, tableFromIPC(ipc));
  return { ...info, version: ++version };
}

const errorOf = (e: unknown): SerializedError => (e instanceof WorkerError ? e.detail : { name: (e as Error).name, message: (e as Error).message });
const state = () => useDataSet.getState();

// The worker holds the tables: when it is replaced they are gone, and the page says so.
engine.onReset(() => {
  if (state().tables.length === 0) return;
  previews.clear();
  state().patch({
    tables: [],
    selected: null,
    excluded: [],
    notice: 'The engine worker was restarted (a cancelled step did not stop in time, or it ran out of memory), so the data set was cleared. Generate or upload again.',
  });
});

let cancelGenerate: (() => void) | undefined;

/** A domain config as the page's form gives it. */
export interface GenerateConfig {
  readonly scale: string;
  readonly seed: number;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly rows: Record<string, number>;
  readonly money: 'float' | 'decimal';
}

/** Generate the drafted domain: the previous generated tables are replaced, or kept beside the new ones (the user's choice); uploads stay. */
export async function generate(config: GenerateConfig): Promise<void> {
  const { draft, patch } = state();
  const mode = state().tables.some((t) => t.origin.kind === 'domain') ? state().generateMode : 'replace';
  patch({ generate: { status: 'running' }, notice: undefined });
  const job = engine.generateDomain(draft.domain, config, (p) => state().patch({ generate: { ...state().generate, progress: p } }), undefined, mode);
  cancelGenerate = job.cancel;
  try {
    const r = await job.promise;
    for (const name of r.removed) previews.delete(name);
    const renamedTo = new Map(r.renamed.map((x) => [x.from, x.to]));
    const kept = state()
      .tables.filter((t) => !r.removed.includes(t.name))
      .map((t) => {
        const to = renamedTo.get(t.name);
        if (!to) return t;
        const p = previews.get(t.name);
        previews.delete(t.name);
        if (p) previews.set(to, p);
        return { ...t, name: to };
      });
    const generated = r.tables.map(receive);
    const title = findDomain(r.domain)?.title ?? r.domain;
    const notes = r.renamed.map((x) => `“${x.from}” is now “${x.to}”: the ${title} domain has a table of that name.`);
    if (mode === 'add') notes.unshift(`Added the ${formatInt(generated.length)} ${title} tables beside the ${formatInt(kept.length)} already here.`);
    const selected = state().selected;
    patch({
      tables: [...generated, ...kept],
      selected: selected && kept.some((u) => u.name === selected) ? selected : (generated[0]?.name ?? null),
      excluded: state().excluded.filter((n) => kept.some((u) => u.name === n)),
      generate: { status: 'done' },
      notice: notes.length ? notes.join(' ') : undefined,
      download: { ...state().download, status: 'idle', files: undefined },
    });
  } catch (e) {
    const err = errorOf(e);
    patch({ generate: err.name === 'AbortError' ? { status: 'cancelled' } : { status: 'error', error: err } });
  } finally {
    cancelGenerate = undefined;
  }
}

export function cancelGeneration(): void {
  if (!cancelGenerate) return;
  state().patch({ generate: { ...state().generate, cancelling: true } });
  cancelGenerate();
}

/** The browser reads files in memory: past this size the CLI's `--input` is the way. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;
let uploadKey = 0;

/** Column types from the last `tables.json` dropped (a download of this studio, unzipped), by table name. */
const declaredTables = new Map<string, DeclaredTable>();

const isTablesJson = (f: File) => f.name.toLowerCase() === 'tables.json';

/** Read a dropped `tables.json`: its types apply to the files dropped with it (and after it). */
async function readTablesJson(f: File, key: number): Promise<void> {
  const r = parseTablesJson(f.name, await f.text());
  if (!r.ok) {
    state().patchUpload(key, { status: 'error', error: r.error });
    return;
  }
  declaredTables.clear();
  for (const t of r.tables) declaredTables.set(t.name, t);
  state().patchUpload(key, { status: 'done', note: `column types for ${formatCount(r.tables.length, 'table')}, used for the files named after them` });
}

/** Read files one after another into the data set; each gets its own line with the outcome. */
export async function uploadFiles(picked: readonly File[]): Promise<void> {
  // a tables.json goes first, so that the tables dropped with it take its types
  const files = [...picked.filter(isTablesJson), ...picked.filter((f) => !isTablesJson(f))];
  const entries = files.map((f) => ({ key: ++uploadKey, file: f.name, bytes: f.size, status: 'reading' as const }));
  state().patch({ uploads: [...entries, ...state().uploads].slice(0, 30), notice: undefined });
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const key = entries[i].key;
    const lower = f.name.toLowerCase();
    if (isTablesJson(f)) {
      await readTablesJson(f, key);
      continue;
    }
    if (!INPUT_EXTENSIONS.some((e) => lower.endsWith(e))) {
      state().patchUpload(key, { status: 'error', error: { file: f.name, message: `unsupported file type; allowed: ${INPUT_EXTENSIONS.join(', ')}` } });
      continue;
    }
    if (f.size > MAX_UPLOAD_BYTES) {
      state().patchUpload(key, { status: 'error', error: { file: f.name, message: `${formatBytes(f.size)} is more than the browser can read (${formatBytes(MAX_UPLOAD_BYTES)}); use the CLI's --input for it` } });
      continue;
    }
    try {
      const bytes = new Uint8Array(await f.arrayBuffer());
      const r = await engine.upload(f.name, bytes, undefined, declaredTables.get(tableNameOf(f.name))).promise;
      const info = receive(r.table);
      const tables = state().tables;
      const at = tables.findIndex((t) => t.name === info.name);
      state().patch({
        tables: at >= 0 ? tables.map((t, j) => (j === at ? info : t)) : [...tables, info],
        selected: info.name,
        download: { ...state().download, status: 'idle', files: undefined },
      });
      const typed = declaredTables.has(tableNameOf(f.name)) ? 'types from tables.json' : undefined;
      const named = r.replaced ? `replaced the earlier ${info.name}` : r.wanted ? `named ${info.name}: ${r.wanted} is a generated table` : undefined;
      const note = [named, typed].filter(Boolean).join('; ') || undefined;
      state().patchUpload(key, { status: 'done', table: info.name, note });
    } catch (e) {
      const err = errorOf(e);
      state().patchUpload(key, { status: 'error', error: err.read ?? { file: f.name, message: err.message } });
    }
  }
}

/** Change an uploaded column's type; resolves to an error message, or null when it worked. */
export async function retype(table: string, column: string, to: ColumnType): Promise<string | null> {
  try {
    const r = await engine.retype(table, column, to).promise;
    const info = receive(r.table);
    state().patch({ tables: state().tables.map((t) => (t.name === table ? info : t)), download: { ...state().download, status: 'idle', files: undefined } });
    return null;
  } catch (e) {
    return errorOf(e).message;
  }
}

export async function dropTable(name: string): Promise<void> {
  await engine.dropTables([name]).promise;
  previews.delete(name);
  const tables = state().tables.filter((t) => t.name !== name);
  const selected = state().selected === name ? (tables[0]?.name ?? null) : state().selected;
  state().patch({ tables, selected, excluded: state().excluded.filter((n) => n !== name), download: { ...state().download, status: 'idle', files: undefined } });
}

let cancelDownload: (() => void) | undefined;

/** Write the included tables in the chosen format: a zip, or files into a picked folder. */
export async function downloadDataSet(kind: DownloadKind = 'zip'): Promise<void> {
  const { tables, excluded, download, patchDownload } = state();
  const names = tables.filter((t) => !excluded.includes(t.name)).map((t) => t.name);
  const format = download.format;
  const origin = tables.find((t) => t.origin.kind === 'domain' && names.includes(t.name))?.origin;
  const label = origin?.kind === 'domain' ? `${origin.domain}-${origin.scale}-seed${origin.seed}` : 'uploads';
  await runDownload({
    kind,
    zipName: `spindle-data-${label}-${format}.zip`,
    start: (target, onProgress) => engine.packageData(names, format, onProgress, { target, csvSafe: format === 'csv' && !!download.csvSafe }),
    patch: patchDownload,
    onCancel: (cancel) => (cancelDownload = cancel),
  });
}

export function cancelDataDownload(): void {
  cancelDownload?.();
}
