import { memo, useCallback, useEffect, useMemo, useRef } from 'react';
import type { SimulatorSpec } from '../../core/simulator';
import { ConfigForm } from '../components/ConfigForm';
import { TablePicker } from '../components/inputs/TablePicker';
import { useDataSet } from '../data/store';
import { DownloadPanel } from '../components/DownloadPanel';
import { EmptyState, ProgressBar } from '../components/EmptyState';
import { ShareMenu } from '../components/ShareMenu';
import { StatCards } from '../components/StatCards';
import { TablesPanel } from '../components/TablesPanel';
import { engine, storePreviews } from '../engine';
import { formatDuration, formatInt } from '../format';
import { replaceParams, useRoute } from '../router';
import { decodeConfig, diffFromDefaults, encodeConfig } from '../share';
import { useStudio, type RunMeta, type SimulatorState } from '../store';
import { uiFor } from '../simulators';

const PHASES: Record<string, string> = { simulate: 'Simulating', write: 'Writing files', zip: 'Compressing' };

/** Cancel handles of runs in progress, by simulator id (functions stay out of the store). */
const cancelRuns = new Map<string, () => void>();

function useDefaults(def: SimulatorSpec) {
  return useMemo(() => def.schema.defaults() as Record<string, unknown>, [def]);
}

/**
 * The page of one simulator: settings on the left (generated from its schema), results on the
 * right (stats, charts, table previews, download), all computed in the engine worker.
 */
export function SimulatorPage({ def }: { def: SimulatorSpec }) {
  const ui = uiFor(def.id);
  const defaults = useDefaults(def);
  const ensure = useStudio((s) => s.ensure);
  const setDraft = useStudio((s) => s.setDraft);
  const patch = useStudio((s) => s.patch);
  // narrow selectors: progress updates re-render only the footer, not the form or the charts
  const draft = useStudio((s) => s.sims[def.id]?.draft);
  const status = useStudio((s) => s.sims[def.id]?.status);
  const route = useRoute();
  const sharedParam = route.params.get('config');
  const loadedParam = useRef<string | null>(null);

  useEffect(() => ensure(def.id, () => structuredClone(defaults)), [def.id, defaults, ensure]);

  const applyImported = useCallback(
    (imported: unknown) => {
      const parsed = def.schema.parse(imported);
      const raw = typeof imported === 'object' && imported !== null && !Array.isArray(imported) ? (imported as Record<string, unknown>) : {};
      setDraft(def.id, parsed.ok ? (parsed.value as Record<string, unknown>) : { ...structuredClone(defaults), ...raw });
    },
    [def, defaults, setDraft],
  );

  // A shared link restores the form once (and again if the link itself changes).
  useEffect(() => {
    if (!sharedParam || sharedParam === loadedParam.current || !draft) return;
    loadedParam.current = sharedParam;
    try {
      applyImported(decodeConfig(sharedParam));
    } catch {
      patch(def.id, { error: { name: 'ShareError', message: 'The link’s settings could not be read; the defaults are shown instead.' } });
    }
  }, [sharedParam, draft, applyImported, patch, def.id]);
  const validation = useMemo(() => (draft ? def.schema.parse(draft) : undefined), [def, draft]);
  const issues = validation && !validation.ok ? validation.issues : [];

  // Keep the URL in step with the form so the address is always a shareable link.
  useEffect(() => {
    if (!draft) return;
    const compact = ui.compactDraft ? ui.compactDraft(draft, defaults) : diffFromDefaults(draft, defaults);
    const encoded = Object.keys(compact).length ? encodeConfig(compact) : '';
    loadedParam.current = encoded || null;
    replaceParams(def.id, encoded ? { config: encoded } : {});
  }, [draft, defaults, def.id, ui]);

  const running = status === 'running';
  const canRun = !!validation?.ok && !running;

  const run = useCallback(async (mode = 'run'): Promise<RunMeta | undefined> => {
    if (!draft || !validation?.ok) return undefined;
    patch(def.id, { status: 'running', progress: undefined, error: undefined });
    // simulators that read tables read the Data sources page's set (empty: their default domain)
    const dataSet = def.inputs ? useDataSet.getState().tables.map((t) => t.name) : [];
    const job = engine.run(def.id, draft, (p) => patch(def.id, { progress: p }), 5_000, dataSet.length ? dataSet : undefined);
    cancelRuns.set(def.id, job.cancel);
    try {
      const summary = await job.promise;
      storePreviews(summary.runId, [...summary.tables, summary.answerKey]);
      const meta = (t: (typeof summary.tables)[number]) => ({ name: t.name, rows: t.rows, columns: t.columns });
      const done: RunMeta = {
        runId: summary.runId,
        config: summary.config,
        stats: summary.stats,
        charts: summary.charts,
        tables: summary.tables.map(meta),
        answerKey: meta(summary.answerKey),
        elapsedMs: summary.elapsedMs,
      };
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
  }, [def, draft, validation, patch, ui]);

  // Ctrl/⌘ + Enter runs, Escape cancels.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && canRun) {
        e.preventDefault();
        void run();
      } else if (e.key === 'Escape' && running) cancelRuns.get(def.id)?.();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [canRun, running, run, def.id]);

  if (!draft) return null;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{def.title}</h1>
          <p>{ui.description || def.summary}</p>
        </div>
        <ShareMenu simulator={def.id} draft={draft} onImport={applyImported} />
      </header>
      <div className="workspace">
        <aside className="panel config-panel" aria-label="Settings">
          <div className="panel-header">
            <h2>Settings</h2>
            <button type="button" className="btn btn-small" onClick={() => setDraft(def.id, structuredClone(defaults))}>
              Reset
            </button>
          </div>
          <div className="panel-body">
            {def.inputs?.kind === 'tables' && <TablePicker spec={def} draft={draft} onChange={(d) => setDraft(def.id, d)} />}
            <ConfigForm shape={def.schema.shape} draft={draft} issues={issues} custom={ui.form} onChange={(d) => setDraft(def.id, d)} />
          </div>
          <div className="config-footer">
            {running && <RunProgress id={def.id} />}
            <div className="btn-row">
              {running ? (
                <button type="button" className="btn btn-danger grow" onClick={() => cancelRuns.get(def.id)?.()}>
                  Cancel
                </button>
              ) : (
                <button type="button" className="btn btn-primary grow" onClick={() => void run()} disabled={!canRun} title="Ctrl + Enter">
                  Run simulation
                </button>
              )}
            </div>
            {ui.RunExtras && <ui.RunExtras simulator={def.id} draft={draft} setDraft={(d) => setDraft(def.id, d)} canRun={canRun} running={running} run={run} />}
            <span className="field-hint">
              {issues.length
                ? `Fix ${issues.length === 1 ? 'the highlighted field' : `${issues.length} highlighted fields`} to run.`
                : running
                  ? 'Running in a background worker; the page stays responsive. Esc cancels.'
                  : 'Ctrl + Enter runs. Same settings and seed, same bytes.'}
            </span>
          </div>
        </aside>
        <Results def={def} validConfig={validation?.ok ? validation.value : undefined} />
      </div>
    </div>
  );
}

function RunProgress({ id }: { id: string }) {
  const progress = useStudio((s) => s.sims[id]?.progress);
  if (!progress) return <ProgressBar done={0} total={1} label="Starting…" />;
  return (
    <ProgressBar
      done={progress.done}
      total={progress.total}
      label={`${PHASES[progress.phase] ?? progress.phase} · ${formatInt(progress.done)} of ${formatInt(progress.total)}`}
    />
  );
}

/** The right-hand side: memoised, so typing in the form or progress ticks never redraw the charts. */
const Results = memo(function Results({ def, validConfig }: { def: SimulatorSpec; validConfig: unknown }) {
  const ui = uiFor(def.id);
  const state = useStudio((s) => s.sims[def.id]) as SimulatorState | undefined;
  const status = state?.status;
  const run = state?.run;
  const error = state?.error;
  const body = useMemo(() => {
    if (!run) return null;
    const { Charts, Explorer } = ui;
    return (
      <>
        <StatCards cards={[...ui.statCards(run.stats, run.config, run.charts), { label: 'Run time', value: formatDuration(run.elapsedMs), sub: 'in the browser worker' }]} />
        {Charts && <Charts run={run} />}
        {Explorer && <Explorer run={run} />}
        <TablesPanel run={run} />
      </>
    );
  }, [run, ui]);
  if (!state) return null;
  const stale = !!run && validConfig !== undefined && JSON.stringify(validConfig) !== JSON.stringify(run.config);
  return (
    <div className="results">
      {status === 'error' && error && (
        <div className="callout callout-error" role="alert">
          <div>
            <strong>{error.name === 'ConfigError' ? 'The settings are not valid' : 'The run failed'}</strong>
            <div>{error.message}</div>
          </div>
        </div>
      )}
      {status === 'cancelled' && <div className="callout">The run was cancelled; nothing was kept from it.</div>}
      {run ? (
        <>
          {body}
          <DownloadPanel simulator={def.id} state={state} stale={stale} />
        </>
      ) : status === 'running' ? (
        <EmptyState icon={<div className="spinner" />} title="Simulating…">
          <p>The engine runs in a Web Worker. Cancel any time.</p>
        </EmptyState>
      ) : (
        <EmptyState icon={ui.icon} title="No run yet">
          <p>Adjust the settings, then press Run simulation. Charts, table previews and downloads appear here.</p>
        </EmptyState>
      )}
    </div>
  );
});
