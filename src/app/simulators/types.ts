import type { ComponentType } from 'react';
import type { ResultView, Typed } from '../../core/view/result-view';
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

/** A finished run as a page reads it: its stats and chart data typed by the simulator's view (core/view). */
export type RunView<S, C> = Typed<RunMeta, S, C>;

/**
 * What a simulator's page adds to the generic page, typed by its view: its story, stat cards,
 * charts, explorers, form widgets. `defineUi(view, ui)` turns it into a {@link SimulatorUi}.
 */
export interface TypedUi<S, C> {
  /** One or two sentences for the page header: who uses it and for what. */
  readonly description: string;
  statCards(stats: S, config: Record<string, unknown>, charts: C): StatCard[];
  readonly Charts?: ComponentType<{ run: RunView<S, C> }>;
  /** Extra explorers under the charts (a session explorer, a trace waterfall, …). */
  readonly Explorer?: ComponentType<{ run: RunView<S, C> }>;
  readonly form?: FormCustomisation;
  /** More ways to run, beside Run simulation (rendered in the settings footer). */
  readonly RunExtras?: ComponentType<RunExtrasProps>;
  /** Called after each successful run with how it was started (`run`: the Run simulation button). */
  afterRun?(simulator: string, run: RunView<S, C>, mode: string, draft: Record<string, unknown>): void;
  /** Shorten a draft for share links (defaults: drop fields equal to the defaults). */
  compactDraft?(draft: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown>;
}

/**
 * A page's additions as the generic page holds them (any simulator's, so untyped runs). Pages
 * declare a {@link TypedUi} and `defineUi` checks each run against the simulator's view before
 * their code sees it; `check` is that check, which the run module uses to refuse a malformed run.
 */
export interface SimulatorUi {
  readonly description: string;
  statCards(stats: Record<string, unknown>, config: Record<string, unknown>, charts: unknown): StatCard[];
  readonly Charts?: ComponentType<{ run: RunMeta }>;
  readonly Explorer?: ComponentType<{ run: RunMeta }>;
  readonly form?: FormCustomisation;
  readonly RunExtras?: ComponentType<RunExtrasProps>;
  afterRun?(simulator: string, run: RunMeta, mode: string, draft: Record<string, unknown>): void;
  compactDraft?(draft: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown>;
  /** The first problem in a run's stats or chart data (a dotted path, what was found), if any. */
  check?(run: RunMeta): string | undefined;
}

/** The run a page of this view reads: `RunOf<typeof workflowView>`. */
export type RunOf<V> = V extends ResultView<infer S, infer C> ? RunView<S, C> : never;
