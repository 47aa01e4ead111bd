/**
 * The one protocol between the UI and the engine worker (after DuckDB-Wasm's): requests and
 * responses are discriminated unions with ids; progress arrives unsolicited for a request id;
 * errors travel as data; big results travel as transferred buffers (Arrow IPC for previews,
 * bytes for files), never as structured-cloned row objects.
 */
import type { DomainTable } from '../core/domains/model';
import type { DeclaredTable } from '../core/inputs/declared';
import type { ReadError } from '../core/inputs/types';
import type { ColumnSummary } from '../core/inputs/summary';
import type { OutputFormat } from '../core/output/formats';
import type { Issue } from '../core/schema/fields';
import type { ColumnType } from '../core/table/column';
import type { DeviceDetailResult, DeviceSearchResult } from './iot-explore';
import type { KeyHistoryResult, LandedFileResult } from './landing-explore';
import type { DownloadTarget } from './sinks';
import type { PlaySummary, StreamPlayWorkerRequest, StreamTick } from './stream-play';

export type WorkerRequest =
  | {
      readonly id: number;
      readonly type: 'run';
      readonly simulator: string;
      readonly config: unknown;
      readonly previewRows: number;
      /** Tables of the data set (held in the worker) the simulator may read, by name. */
      readonly inputs?: readonly string[];
      /** Web Workers for files the run writes while it runs (a landing zone's); default 1: the engine worker itself. */
      readonly threads?: number;
    }
  /**
   * Write a run's output tree to a target: a zip Blob (default), a picked zip file or a picked
   * folder; encoded on `threads` Web Workers (default 1: the engine worker itself). `csvSafe`:
   * spreadsheet-safe CSV (formula-looking text cells prefixed with '), else verbatim.
   */
  | { readonly id: number; readonly type: 'package'; readonly runId: number; readonly format: OutputFormat; readonly target?: DownloadTarget; readonly threads?: number; readonly csvSafe?: boolean }
  | { readonly id: number; readonly type: 'cancel'; readonly target: number }
  /** Generate a domain into the data set (replacing the previously generated tables). */
  | { readonly id: number; readonly type: 'domain'; readonly domain: string; readonly config: unknown; readonly previewRows: number; readonly mode?: 'replace' | 'add' }
  /** Read an uploaded file (its bytes transferred) into a table of the data set. */
  | {
      readonly id: number;
      readonly type: 'upload';
      readonly file: string;
      readonly bytes: Uint8Array;
      readonly previewRows: number;
      /** The file's entry in a `_spindle/tables.json` dropped with it: its column types win over inference. */
      readonly declared?: DeclaredTable;
    }
  /** Change the type of one column of an uploaded table. */
  | { readonly id: number; readonly type: 'retype'; readonly table: string; readonly column: string; readonly to: ColumnType; readonly previewRows: number }
  | { readonly id: number; readonly type: 'drop'; readonly tables: readonly string[] }
  /** Write chosen tables of the data set with `_spindle/config.json` and `_spindle/tables.json` to a target. */
  | {
      readonly id: number;
      readonly type: 'packageData';
      readonly tables: readonly string[];
      readonly format: OutputFormat;
      readonly target?: DownloadTarget;
      readonly threads?: number;
      readonly csvSafe?: boolean;
    }
  /** One landed file of a held landing-zone run: a data file's first rows, or a control file's text (landing-explore.ts). */
  | { readonly id: number; readonly type: 'landedFile'; readonly runId: number; readonly path: string; readonly previewRows: number }
  /** Every landed row of one business key of a held SCD2 run. */
  | { readonly id: number; readonly type: 'keyHistory'; readonly runId: number; readonly entity: string; readonly key: string }
  /** One device of a held IoT telemetry run: its readings, alerts and battery (iot-explore.ts). */
  | { readonly id: number; readonly type: 'deviceDetail'; readonly runId: number; readonly deviceId: string }
  /** Device ids of a held IoT telemetry run's fleet that contain `query`. */
  | { readonly id: number; readonly type: 'deviceSearch'; readonly runId: number; readonly query: string; readonly limit: number }
  /** Play a stream run's events to the page (and an HTTP endpoint), control it, get its delivery log: stream-play.ts. */
  | StreamPlayWorkerRequest;

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** Config errors: each issue names the field, the value and what is allowed. */
  readonly issues?: readonly Issue[];
  /** Unreadable uploads: the file, the line or row, the column and the problem. */
  readonly read?: ReadError;
}

export interface TablePreview {
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType; readonly precision?: number; readonly scale?: number }[];
  /** Arrow IPC stream of the first `previewRows` rows. */
  readonly ipc: Uint8Array;
}

export interface RunSummary {
  readonly runId: number;
  readonly simulator: string;
  readonly config: Record<string, unknown>;
  readonly stats: Record<string, unknown>;
  readonly charts: unknown;
  readonly tables: readonly TablePreview[];
  readonly answerKey: TablePreview;
  /** Time the simulation took in the worker, ms (host clock, not part of the output). */
  readonly elapsedMs: number;
  /** Memory the run's tables take in the worker. */
  readonly heldBytes: number;
  /** False when the run was too large to keep: Download simulates it again (the same bytes). */
  readonly held: boolean;
}

/** A finished download: where it went, its files, and (for a zip Blob) the zip to save. */
export interface PackageResult {
  readonly format: OutputFormat;
  readonly target: DownloadTarget['kind'];
  /** The zip, when the target was a Blob (the page saves it as a download). */
  readonly blob?: Blob;
  /** Bytes written: the zip's size, or the files' total in a folder. */
  readonly bytes: number;
  /** Each file's path and size (before zip compression). */
  readonly files: readonly { readonly path: string; readonly bytes: number }[];
  /** The run was not held, so it was simulated again for this download. */
  readonly regenerated: boolean;
  readonly elapsedMs: number;
}

/** Where a table of the data set came from. */
export type DataOrigin =
  | { readonly kind: 'domain'; readonly domain: string; readonly scale: string; readonly seed: number }
  | { readonly kind: 'upload'; readonly file: string };

/** A table of the data set as the page sees it: metadata, a preview and per-column summaries. */
export interface DataTableSummary {
  readonly name: string;
  readonly rows: number;
  readonly origin: DataOrigin;
  /** Generated tables: the primary key; uploads: null. */
  readonly pk: string | null;
  readonly fks: DomainTable['fks'];
  readonly eventTimeColumn: string | null;
  /**
   * `zone`: a timestamp column whose text carried a zone or offset (stored as UTC); `note`: what
   * the file held that could not be kept as written (shown on the column's card); decimals carry
   * their precision and scale.
   */
  readonly columns: readonly {
    readonly name: string;
    readonly type: ColumnType;
    readonly precision?: number;
    readonly scale?: number;
    readonly zone?: boolean;
    readonly note?: string;
  }[];
  readonly summaries: readonly ColumnSummary[];
  /** Arrow IPC stream of the first `previewRows` rows. */
  readonly ipc: Uint8Array;
}

export interface DomainResult {
  readonly domain: string;
  /** The resolved domain config (scale, seed, dates, every default). */
  readonly config: Record<string, unknown>;
  readonly tables: readonly DataTableSummary[];
  /** Previously generated tables this run replaced. */
  readonly removed: readonly string[];
  /** Kept tables (uploads, or generated ones when adding) renamed because a new table took their name. */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  readonly elapsedMs: number;
}

export interface UploadResult {
  readonly table: DataTableSummary;
  /** An earlier upload of the same name was replaced. */
  readonly replaced: boolean;
  /** The name the file asked for, when a generated table held it and a suffix was added. */
  readonly wanted: string | null;
  readonly elapsedMs: number;
}

export interface RetypeResult {
  readonly table: DataTableSummary;
}

export interface DropResult {
  readonly dropped: readonly string[];
}

export type WorkerResponse =
  | { readonly id: number; readonly type: 'progress'; readonly phase: string; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'ok'; readonly data: RunSummary | PackageResult | DomainResult | UploadResult | RetypeResult | DropResult | PlaySummary | LandedFileResult | KeyHistoryResult | DeviceDetailResult | DeviceSearchResult | { csv: Uint8Array } | null }
  | { readonly id: number; readonly type: 'error'; readonly error: SerializedError }
  | StreamTick;

export type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;

/** The error name of a request for a run the worker no longer holds (the page says so rather than failing). */
export const RUN_NOT_HELD = 'RunNotHeld';

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) {
    const { issues, read } = e as { issues?: readonly Issue[]; read?: ReadError };
    return { name: e.name, message: e.message, stack: e.stack, ...(issues ? { issues: [...issues] } : {}), ...(read ? { read: { ...read } } : {}) };
  }
  return { name: 'Error', message: String(e) };
}
