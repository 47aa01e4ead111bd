import { create } from 'zustand';
import type { ReadError } from '../../core/inputs/types';
import type { DataTableSummary, SerializedError } from '../../worker/protocol';
import type { DownloadState, JobStatus, Progress } from '../store';

/** The page's scales: the larger presets are for the CLI (spec/domains.md). */
export const PAGE_SCALES = ['fixture', 'fabric_demo', 'small', 'medium'] as const;

/** A table of the data set as the page shows it (its preview lives in previews.ts). */
export type TableInfo = Omit<DataTableSummary, 'ipc'> & {
  /** Bumped when the worker sends a new version (after a retype), so previews redraw. */
  readonly version: number;
};

/** The domain form's raw values: validated by the domain's schema, never inside components. */
export interface DomainDraft {
  readonly domain: string;
  readonly scale: string;
  readonly seed: unknown;
  /** `YYYY-MM-DD` or '' for the model range. */
  readonly startDate: string;
  readonly endDate: string;
  /** Explicit rows of anchor tables (as typed; empty means the scale's count). */
  readonly rows: Readonly<Record<string, unknown>>;
  /** Money columns as doubles or as exact DECIMAL(18,2). */
  readonly money: 'float' | 'decimal';
}

export interface UploadEntry {
  readonly key: number;
  readonly file: string;
  readonly bytes: number;
  readonly status: 'reading' | 'done' | 'error';
  /** The table it became (done). */
  readonly table?: string;
  readonly note?: string;
  readonly error?: ReadError;
}

export interface DataState {
  readonly draft: DomainDraft;
  readonly generate: { readonly status: JobStatus; readonly progress?: Progress; readonly error?: SerializedError; readonly cancelling?: boolean };
  readonly tables: readonly TableInfo[];
  readonly selected: string | null;
  /** Tables left out of the download (all others are included). */
  readonly excluded: readonly string[];
  readonly uploads: readonly UploadEntry[];
  readonly download: DownloadState;
  /** A message about the whole set (the worker restarted and its tables are gone). */
  readonly notice?: string;
  /** A link or file whose settings were not loaded, and why. */
  readonly settingsNotice?: string;
  /** What generating does when generated tables exist: replace them, or add the new ones beside them. */
  readonly generateMode: 'replace' | 'add';
  setDraft(patch: Partial<DomainDraft>): void;
  patch(patch: Partial<Omit<DataState, 'setDraft' | 'patch' | 'patchUpload' | 'patchDownload'>>): void;
  patchUpload(key: number, patch: Partial<UploadEntry>): void;
  patchDownload(patch: Partial<DataState['download']>): void;
}

export const DEFAULT_DATA_DRAFT: DomainDraft = { domain: 'retail', scale: 'small', seed: 42, startDate: '', endDate: '', rows: {}, money: 'float' };
const SAVED = 'spindle.data.draft';

/** The settings saved in this browser, validated on the way in (see draftImport.ts: wired at start-up). */
export const savedDraft = {
  read(): unknown {
    try {
      const text = localStorage.getItem(SAVED);
      return text === null ? null : JSON.parse(text);
    } catch {
      return null;
    }
  },
  write(draft: DomainDraft): void {
    try {
      localStorage.setItem(SAVED, JSON.stringify(draft));
    } catch {
      // private mode or a full quota: the settings just do not survive a reload
    }
  },
};

export const useDataSet = create<DataState>((set) => ({
  draft: DEFAULT_DATA_DRAFT,
  generate: { status: 'idle' },
  generateMode: 'replace',
  tables: [],
  selected: null,
  excluded: [],
  uploads: [],
  download: { status: 'idle', format: 'parquet' },
  setDraft: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
  patch: (patch) => set(patch),
  patchUpload: (key, patch) => set((s) => ({ uploads: s.uploads.map((u) => (u.key === key ? { ...u, ...patch } : u)) })),
  patchDownload: (patch) => set((s) => ({ download: { ...s.download, ...patch } })),
}));
