/**
 * The one protocol between the UI and the engine worker (after DuckDB-Wasm's): requests and
 * responses are discriminated unions with ids; progress arrives unsolicited for a request id;
 * errors travel as data; big results travel as transferred buffers (Arrow IPC for previews,
 * bytes for files), never as structured-cloned row objects.
 */
import type { OutputFormat } from '../core/output/formats';
import type { Issue } from '../core/schema/fields';
import type { ColumnType } from '../core/table/column';

export type WorkerRequest =
  | { readonly id: number; readonly type: 'run'; readonly simulator: string; readonly config: unknown; readonly previewRows: number }
  | { readonly id: number; readonly type: 'package'; readonly runId: number; readonly format: OutputFormat }
  | { readonly id: number; readonly type: 'cancel'; readonly target: number };

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  /** Config errors: each issue names the field, the value and what is allowed. */
  readonly issues?: readonly Issue[];
}

export interface TablePreview {
  readonly name: string;
  readonly rows: number;
  readonly columns: readonly { readonly name: string; readonly type: ColumnType }[];
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
}

export interface PackageResult {
  readonly zip: Uint8Array;
  readonly format: OutputFormat;
  readonly files: readonly { readonly path: string; readonly bytes: number }[];
  readonly elapsedMs: number;
}

export type WorkerResponse =
  | { readonly id: number; readonly type: 'progress'; readonly phase: string; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'ok'; readonly data: RunSummary | PackageResult | null }
  | { readonly id: number; readonly type: 'error'; readonly error: SerializedError };

export type Post = (message: WorkerResponse, transfer?: Transferable[]) => void;

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) {
    const issues = (e as { issues?: readonly Issue[] }).issues;
    return { name: e.name, message: e.message, stack: e.stack, ...(issues ? { issues: [...issues] } : {}) };
  }
  return { name: 'Error', message: String(e) };
}
