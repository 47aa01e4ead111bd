/**
 * Running a simulator from its page, in one place for every page: start a run in the engine
 * worker, report its progress, take its result (checked against the simulator's view), record an
 * error or a cancel, and keep the last run in the store. Ctrl/⌘ + Enter runs and Escape cancels.
 * Pages add only their charts and layout.
 */
import { useCallback, useEffect } from 'react';
import type { SimulatorSpec } from '../../core/simulator';
import { useDataSet } from '../data/store';
import { engine, storePreviews } from '../engine';
import type { SimulatorUi } from '../simulators/types';
import { useStudio, type JobStatus, type RunMeta } from '../store';
import type { RunSummary } from '../../worker/protocol';

/** Cancel handles of runs in progress, by simulator id (functions stay out of the store). */
const cancelRuns = new Map<string, () => void>();

/** Table previews posted with a run: at most this many rows each. */
const PREVIEW_ROWS = 5_000;

export interface SimulatorRun {
  readonly status: JobStatus | undefined;
  readonly running: boolean;
  /** The settings are valid and nothing runs. */
  readonly canRun: boolean;
  /** Run with the current settings (`mode`: how it was started, for the page's afterRun); resolves with the kept run. */
  run(mode?: string): Promise<RunMeta | undefined>;
  cancel(): void;
}

/** What the store keeps of a finished run (the previews' Arrow bytes go to engine.ts). */
function runMeta(summary: RunSummary): RunMeta {
  const meta = (t: (typeof summary.tables)[number]) => ({ name: t.name, rows: t.rows, columns: t.columns });
  return {
    runId: summary.runId,
    config: summary.config,
    stats: summary.stats,
    charts: summary.charts,
    tables: summary.tables.map(meta),
    answerKey: meta(summary.answerKey),
    elapsedMs: summary.elapsedMs,
    heldBytes: summary.heldBytes,
    held: summary.held,
  };
}

/**
 * The run controls of a simulator's page. `draft` is run when `ready` (valid settings, inputs
 * resolved); a second start while a run starts is ignored, never a cancel.
 */
export function useSimulatorRun(def: SimulatorSpec, ui: SimulatorUi, draft: Record<string, unknown> | undefined, ready: boolean): SimulatorRun {
  const patch = useStudio((s) => s.patch);
  const status = useStudio((s) => s.sims[def.id]?.status);
  const running = status === 'running';
  const canRun = ready && !running;

  const cancel = useCallback(() => cancelRuns.get(def.id)?.(), [def.id]);

  const run = useCallback(
    async (mode = 'run'): Promise<RunMeta | undefined> => {
      if (!draft || !ready || cancelRuns.has(def.id)) return undefined;
      patch(def.id, { status: 'running', progress: undefined, error: undefined });
      // simulators that read tables read the Data sources page's set (empty: their default domain)
      const dataSet = def.inputs ? useDataSet.getState().tables.map((t) => t.name) : [];
      const job = engine.run(def.id, draft, (p) => patch(def.id, { progress: p }), PREVIEW_ROWS, dataSet.length ? dataSet : undefined);
      cancelRuns.set(def.id, job.cancel);
      try {
        const summary = await job.promise;
        const done = runMeta(summary);
        // a result the page cannot read is an error, never drawn half
        const problem = ui.check?.(done);
        if (problem) {
          patch(def.id, { status: 'error', progress: undefined, error: { name: 'ResultError', message: `The run finished, but its results are not in the form this page reads (${problem}). Nothing was kept from it.` } });
          return undefined;
        }
        storePreviews(summary.runId, [...summary.tables, summary.answerKey]);
        patch(def.id, { status: 'done', progress: undefined, run: done, download: { ...useStudio.getState().sims[def.id].download, status: 'idle', files: undefined } });
        ui.afterRun?.(def.id, done, mode, draft);
        return done;
      } catch (e) {
        const err = e as Error & { detail?: { name: string; message: string; issues?: [] } };
        if (err.name === 'AbortError') patch(def.id, { status: 'cancelled', progress: undefined });
        else patch(def.id, { status: 'error', progress: undefined, error: err.detail ?? { name: err.name, message: err.message } });
        return undefined;
      } finally {
        cancelRuns.delete(def.id);
      }
    },
    [def, draft, ready, patch, ui],
  );

  // Ctrl/⌘ + Enter runs, Escape cancels.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && canRun) {
        e.preventDefault();
        void run();
      } else if (e.key === 'Escape' && running) cancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canRun, running, run, cancel]);

  return { status, running, canRun, run, cancel };
}
