import type { ComponentType } from 'react';
import type { FormCustomisation } from '../components/ConfigForm';
import type { StatCard } from '../components/StatCards';
import type { RunMeta } from '../store';

/** What a simulator's page adds to the generic page: its story, stat cards, charts, form widgets. */
export interface SimulatorUi {
  /** One or two sentences for the page header: who uses it and for what. */
  readonly description: string;
  statCards(stats: Record<string, unknown>, config: Record<string, unknown>, charts: unknown): StatCard[];
  readonly Charts?: ComponentType<{ run: RunMeta }>;
  /** Extra explorers under the charts (a session explorer, a trace waterfall, …). */
  readonly Explorer?: ComponentType<{ run: RunMeta }>;
  readonly form?: FormCustomisation;
  /** Shorten a draft for share links (defaults: drop fields equal to the defaults). */
  compactDraft?(draft: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown>;
}
