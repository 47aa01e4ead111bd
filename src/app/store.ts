import { create } from 'zustand';
import type { OutputFormat } from '../core/output/formats';
import type { RunSummary, SerializedError, TablePreview } from '../worker/protocol';

export type JobStatus = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** A result table as the store keeps it: the preview's metadata without its Arrow bytes. */
export type TableMeta = Omit<TablePreview, 'ipc'>;

/** What the page shows of a finished run (the previews themselves live in engine.ts). */
export type RunMeta = Omit<RunSummary, 'simulator' | 'tables' | 'answerKey'> & {
  readonly tables: readonly TableMeta[];
  readonly answerKey: TableMeta;
};

export interface Progress {
  readonly phase: string;
  readonly done: number;
  readonly total: number;
}

export interface SimulatorState {
  /** The form's raw values: validated by the simulator's schema, never inside components. */
  readonly draft: Record<string, unknown>;
  readonly status: JobStatus;
  readonly progress?: Progress;
  readonly error?: SerializedError;
  readonly run?: RunMeta;
  readonly download: DownloadState;
  /** A message about the settings: a link or file that could not be read (the settings were kept). */
  readonly notice?: Notice;
}

export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
}

/** A download written by the worker (a zip, or files into a folder): format, progress, and what it wrote. */
export interface DownloadState {
  readonly status: JobStatus;
  readonly format: OutputFormat;
  /** CSV only: spreadsheet-safe cells (formula-looking text prefixed with '); verbatim when absent. */
  readonly csvSafe?: boolean;
  readonly progress?: Progress;
  readonly error?: string;
  readonly files?: readonly { path: string; bytes: number }[];
  /** Where the last download went: a zip (downloaded or a picked file) or a picked folder. */
  readonly target?: 'zip' | 'folder';
  /** Bytes written: the zip's size, or the files' total. */
  readonly bytes?: number;
  /** The picked folder's name. */
  readonly folder?: string;
  /** The run was simulated again for this download (it was too large to keep). */
  readonly regenerated?: boolean;
}

export type Theme = 'light' | 'dark';

interface StudioState {
  readonly theme: Theme;
  readonly sims: Record<string, SimulatorState>;
  setTheme(theme: Theme): void;
  /** Create a simulator's state with its defaults if it has none yet. */
  ensure(id: string, defaults: () => Record<string, unknown>): void;
  setDraft(id: string, draft: Record<string, unknown>): void;
  patch(id: string, patch: Partial<SimulatorState>): void;
  patchDownload(id: string, patch: Partial<SimulatorState['download']>): void;
}

function initialTheme(): Theme {
  const saved = localStorage.getItem('spindle.theme');
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export const useStudio = create<StudioState>((set, get) => ({
  theme: initialTheme(),
  sims: {},
  setTheme(theme) {
    localStorage.setItem('spindle.theme', theme);
    set({ theme });
  },
  ensure(id, defaults) {
    if (get().sims[id]) return;
    set((s) => ({ sims: { ...s.sims, [id]: { draft: defaults(), status: 'idle', download: { status: 'idle', format: 'parquet' } } } }));
  },
  setDraft(id, draft) {
    set((s) => ({ sims: { ...s.sims, [id]: { ...s.sims[id], draft } } }));
  },
  patch(id, patch) {
    set((s) => ({ sims: { ...s.sims, [id]: { ...s.sims[id], ...patch } } }));
  },
  patchDownload(id, patch) {
    set((s) => ({ sims: { ...s.sims, [id]: { ...s.sims[id], download: { ...s.sims[id].download, ...patch } } } }));
  },
}));
