import type { ComponentType } from 'react';
import type { FormCustomisation } from '../components/ConfigForm';
import type { StatCard } from '../components/StatCards';
import type { RunMeta } from '../store';

/** What a page's extra run controls get (the stream emitter's Play beside Run simulation). */
export interface RunExtrasProps {
  readonly simulator: string;
  readonly draft: Record<string, unknown>;
  setDraft(draft: Record<string, unknown>): void;
  /** The settings are valid and nothing runs. */
  readonly canRun: boolean;
  readonly running: boolean;
  /** Run with the current settings; resolves with the finished run (undefined if it failed or was cancelled). */
  run(mode: string): Promise<RunMeta | undefined>;
}

/** What a simulator's page adds to the generic page: its story, stat cards, charts, form widgets. */
export interface SimulatorUi {
  /** One or two sentences for the page header: who uses it and for what. */
  readonly description: string;
  statCards(stats: Record<string, unknown>, config: Record<string, unknown>, charts: unknown): StatCard[];
  readonly Charts?: ComponentType<{ run: RunMeta }>;
  /** Extra explorers under the charts (a session explorer, a trace waterfall, …). */
  readonly Explorer?: ComponentType<{ run: RunMeta }>;
  readonly form?: FormCustomisation;
  /** More ways to run, beside Run simulation (rendered in the settings footer). */
  readonly RunExtras?: ComponentType<RunExtrasProps>;
  /** Called after each successful run with how it was started (`run`: the Run simulation button). */
  afterRun?(simulator: string, run: RunMeta, mode: string, draft: Record<string, unknown>): void;
  /** Shorten a draft for share links (defaults: drop fields equal to the defaults). */
  compactDraft?(draft: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown>;
}
