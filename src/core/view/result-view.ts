/**
 * The typed view of a run's result that a page reads: its stats and chart data, checked against
 * the simulator's declared shapes when they arrive from the worker. A simulator's `view.ts`
 * declares them (light: no engine), its spec carries them, and the page reads a `RunView` whose
 * `stats` and `charts` are typed, with no cast; a message of another shape is an error the page
 * shows, never drawn.
 */
import { type Shape, fits } from './shape';

export interface ResultView<S, C> {
  readonly stats: Shape<S>;
  readonly charts: Shape<C>;
}

export function defineView<S, C>(stats: Shape<S>, charts: Shape<C>): ResultView<S, C> {
  return { stats, charts };
}

/** A run as the page keeps it, with its stats and charts typed. */
export type Typed<R extends { readonly stats: unknown; readonly charts?: unknown }, S, C> = Omit<R, 'stats' | 'charts'> & { readonly stats: S; readonly charts: C };

export type ReadResult<R extends { readonly stats: unknown; readonly charts?: unknown }, S, C> = { readonly ok: true; readonly run: Typed<R, S, C> } | { readonly ok: false; readonly problem: string };

/** The run with typed stats and charts, or the first problem found in them (its dotted path, what was found). */
export function readRun<R extends { readonly stats: unknown; readonly charts?: unknown }, S, C>(view: ResultView<S, C>, run: R): ReadResult<R, S, C> {
  const { stats, charts } = run;
  if (!fits(view.stats, stats)) return { ok: false, problem: view.stats.problem(stats, 'stats') ?? 'stats' };
  if (!fits(view.charts, charts)) return { ok: false, problem: view.charts.problem(charts, 'charts') ?? 'charts' };
  return { ok: true, run: { ...run, stats, charts } };
}
