/**
 * Reading one landed file, or one business key's history, from a held landing-zone run (the file
 * drop, the SCD2 drop, the hybrid's batch phase): what the page's landing-zone explorer and
 * key-history view ask for. The engines expose this as `result.explore` (not serialised): data
 * files are rebuilt from the run's plan, control files are the bytes the run landed.
 */
import type { RunOutput } from '../core/run';
import type { KeyHistory } from '../core/simulators/scd2-file-drop/scd2.history';
import type { Table } from '../core/table/column';
import { preview } from './preview';
import type { TablePreview } from './protocol';

/** A landed file as the page shows it: a data file's first rows, or a control file's text. */
export type LandedFileResult = { readonly kind: 'table'; readonly table: TablePreview } | { readonly kind: 'text'; readonly text: string };

export interface KeyHistoryResult {
  /** Null when the table has no such key. */
  readonly history: KeyHistory | null;
}

interface Explore {
  fileTable?(path: string): Table | undefined;
  keyHistory?(entity: string, key: string): KeyHistory | null;
}

function exploreOf(out: RunOutput): Explore {
  return (out.result as { explore?: Explore }).explore ?? {};
}

/** The file at `path` of a run: rows as an Arrow preview (its buffer in `transfer`), or text. */
export function landedFile(out: RunOutput, path: string, previewRows: number): { data: LandedFileResult; transfer: ArrayBuffer[] } {
  const table = exploreOf(out).fileTable?.(path);
  if (table) {
    const p = preview(table, previewRows);
    return { data: { kind: 'table', table: p.preview }, transfer: [p.transfer] };
  }
  const file = out.result.files?.find((f) => f.path === path);
  if (file && 'bytes' in file) return { data: { kind: 'text', text: new TextDecoder().decode(file.bytes) }, transfer: [] };
  throw new Error(`This run landed no file at ${path}.`);
}

/** Every landed row of one key of a table (SCD2 runs); an error for runs that keep no key histories. */
export function keyHistory(out: RunOutput, entity: string, key: string): KeyHistoryResult {
  const explore = exploreOf(out);
  if (!explore.keyHistory) throw new Error(`The ${out.simulator} run keeps no key histories.`);
  return { history: explore.keyHistory(entity, key) };
}
