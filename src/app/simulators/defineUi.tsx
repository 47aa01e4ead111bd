import type { ComponentType } from 'react';
import { readRun, type ReadResult, type ResultView } from '../../core/view/result-view';
import { fits } from '../../core/view/shape';
import type { RunMeta } from '../store';
import type { RunView, SimulatorUi, TypedUi } from './types';

/**
 * A page's typed additions as the generic page holds them: every run is read through the
 * simulator's view once (cached per run), and the page's cards, charts and explorers get it typed.
 * A run that does not fit never reaches them: the run module refuses it with the problem (`check`).
 */
export function defineUi<S, C>(view: ResultView<S, C>, ui: TypedUi<S, C>): SimulatorUi {
  const cache = new WeakMap<RunMeta, ReadResult<RunMeta, S, C>>();
  const read = (run: RunMeta) => {
    let r = cache.get(run);
    if (!r) cache.set(run, (r = readRun(view, run)));
    return r;
  };
  const typed = (Part: ComponentType<{ run: RunView<S, C> }> | undefined, name: string) => {
    if (!Part) return undefined;
    const Checked = ({ run }: { run: RunMeta }) => {
      const r = read(run);
      return r.ok ? <Part run={r.run} /> : null;
    };
    Checked.displayName = name;
    return Checked;
  };
  const { afterRun } = ui;
  return {
    description: ui.description,
    statCards: (stats, config, charts) => (fits(view.stats, stats) && fits(view.charts, charts) ? ui.statCards(stats, config, charts) : []),
    Charts: typed(ui.Charts, 'Charts'),
    Explorer: typed(ui.Explorer, 'Explorer'),
    form: ui.form,
    RunExtras: ui.RunExtras,
    afterRun: afterRun
      ? (simulator, run, mode, draft) => {
          const r = read(run);
          if (r.ok) afterRun(simulator, r.run, mode, draft);
        }
      : undefined,
    compactDraft: ui.compactDraft,
    check: (run) => {
      const r = read(run);
      return r.ok ? undefined : r.problem;
    },
  };
}
