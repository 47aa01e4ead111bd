import { memo, use, useCallback, useEffect, useMemo, useRef } from 'react';
import type { SimulatorSpec } from '../../core/simulator';
import { ConfigForm } from '../components/ConfigForm';
import { inputFields, TablePicker } from '../components/inputs/TablePicker';
import { isWithin } from '../components/inputs/paths';
import { RoleMapper } from '../components/inputs/RoleMapper';
import { MAPPING_FIELD, useRoleResolution } from '../components/inputs/roleResolution';
import { DownloadPanel } from '../components/DownloadPanel';
import { EmptyState } from '../components/EmptyState';
import { ShareMenu } from '../components/ShareMenu';
import { StatCards } from '../components/StatCards';
import { TablesPanel } from '../components/TablesPanel';
import { formatDuration } from '../format';
import { replaceParams, useRoute } from '../router';
import { diffFromDefaults, encodeConfig } from '../share';
import { readConfigFile, readLinkConfig } from '../configImport';
import { SectionBoundary } from '../components/SectionBoundary';
import { useStudio, type RunMeta, type SimulatorState } from '../store';
import { RunOutcome, RunProgress, RunRing } from '../run/RunStatus';
import { useSimulatorRun } from '../run/useSimulatorRun';
import { iconFor, loadUi } from '../simulators';
import type { SimulatorUi } from '../simulators/types';

function useDefaults(def: SimulatorSpec) {
  return useMemo(() => def.schema.defaults() as Record<string, unknown>, [def]);
}

/**
 * The page of one simulator: settings on the left (generated from its schema), results on the
 * right (stats, charts, table previews, download), all computed in the engine worker.
 */
export function SimulatorPage({ def }: { def: SimulatorSpec }) {
  // the page's own additions load with it (Suspense shows the loading state meanwhile)
  const ui = use(loadUi(def.id));
  const defaults = useDefaults(def);
  const ensure = useStudio((s) => s.ensure);
  const setDraft = useStudio((s) => s.setDraft);
  const patch = useStudio((s) => s.patch);
  // narrow selectors: progress updates re-render only the footer, not the form or the charts
  const draft = useStudio((s) => s.sims[def.id]?.draft);
  const notice = useStudio((s) => s.sims[def.id]?.notice);
  const route = useRoute();
  const sharedParam = route.params.get('config');
  /** The last `config` parameter this page wrote or read: a link is applied once. */
  const seenParam = useRef<string | null>(null);

  useEffect(() => ensure(def.id, () => structuredClone(defaults)), [def.id, defaults, ensure]);

  // A shared link restores the form once (and again if the link itself changes); one that
  // cannot be read or is not valid keeps the settings the page had and says what was wrong.
  useEffect(() => {
    if (!draft || sharedParam === seenParam.current) return;
    seenParam.current = sharedParam;
    if (!sharedParam) return;
    const read = readLinkConfig(def.schema, def.id, sharedParam);
    if (read.ok) setDraft(def.id, read.value);
    else patch(def.id, { notice: { kind: 'error', text: `The link’s settings were not loaded: ${read.problem}. Your previous settings are kept.` } });
  }, [sharedParam, draft, patch, setDraft, def]);

  const onImport = useCallback(
    (text: string, fileName: string) => {
      const read = readConfigFile(def.schema, def.id, text);
      if (!read.ok) {
        const message = `${fileName} was not loaded: ${read.problem}. Your settings are unchanged.`;
        patch(def.id, { notice: { kind: 'error', text: message } });
        return message;
      }
      setDraft(def.id, read.value);
      patch(def.id, { notice: undefined });
      return `Loaded ${fileName}${read.note ? `, ${read.note}` : ''}.`;
    },
    [def, patch, setDraft],
  );
  const validation = useMemo(() => (draft ? def.schema.parse(draft) : undefined), [def, draft]);
  // role-based inputs are resolved against the data set's shapes here too: a missing column blocks Run
  const roles = useRoleResolution(def, draft);
  const issues = useMemo(() => [...(validation && !validation.ok ? validation.issues : []), ...roles.issues], [validation, roles.issues]);
  const byRoles = def.inputs?.kind === 'roles';
  // fields the page edits outside the generated form: the role mapping, or the table picker's
  // choices; their issues are shown there, and the form leaves them out
  const elsewhere = useMemo(() => inputFields(def), [def]);
  const isElsewhere = (path: string) => elsewhere.some((f) => isWithin(path, f));
  const formShape = useMemo(() => Object.fromEntries(Object.entries(def.schema.shape).filter(([k]) => !elsewhere.includes(k))), [def, elsewhere]);
  const limits = useMemo(() => (draft ? def.schema.limits?.(draft) : undefined), [def, draft]);

  // Keep the URL in step with valid settings, so the address is always a link that loads.
  useEffect(() => {
    if (!draft || !validation?.ok) return;
    const compact = ui.compactDraft ? ui.compactDraft(draft, defaults) : diffFromDefaults(draft, defaults);
    const encoded = Object.keys(compact).length ? encodeConfig(compact) : '';
    seenParam.current = encoded || null;
    replaceParams(def.id, encoded ? { config: encoded } : {});
  }, [draft, validation, defaults, def.id, ui]);

  // a role simulator's run records the resolved mapping: compare like with like
  const validConfig = useMemo(
    () => (validation?.ok ? (byRoles && roles.resolved ? { ...(validation.value as Record<string, unknown>), [MAPPING_FIELD]: roles.resolved } : validation.value) : undefined),
    [validation, byRoles, roles.resolved],
  );

  const { running, canRun, run, cancel } = useSimulatorRun(def, ui, draft, !!validation?.ok && !roles.issues.length);

  if (!draft) return null;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{def.title}</h1>
          <p>{ui.description || def.summary}</p>
        </div>
        <ShareMenu stem={def.id} exportValue={() => draft} onImport={onImport} />
      </header>
      {notice && (
        <div className={`callout page-notice${notice.kind === 'error' ? ' callout-error' : ''}`} role="alert">
          <div className="grow">{notice.text}</div>
          <button type="button" className="btn btn-small" onClick={() => patch(def.id, { notice: undefined })}>
            Dismiss
          </button>
        </div>
      )}
      <div className="workspace">
        <aside className="panel config-panel" aria-labelledby={`${def.id}-settings`}>
          <div className="panel-header">
            <h2 id={`${def.id}-settings`}>Settings</h2>
            <button type="button" className="btn btn-small" onClick={() => setDraft(def.id, structuredClone(defaults))}>
              Reset
            </button>
          </div>
          <div className="panel-body">
            <SectionBoundary name="the settings" resetKey={draft}>
              {def.inputs?.kind === 'tables' && <TablePicker spec={def} draft={draft} issues={issues.filter((i) => isElsewhere(i.path))} onChange={(d) => setDraft(def.id, d)} />}
              {byRoles && <RoleMapper spec={def} draft={draft} view={roles} issues={issues.filter((i) => isElsewhere(i.path))} onChange={(d) => setDraft(def.id, d)} />}
              <ConfigForm shape={formShape} draft={draft} issues={issues.filter((i) => !isElsewhere(i.path))} custom={ui.form} limits={limits} onChange={(d) => setDraft(def.id, d)} />
            </SectionBoundary>
          </div>
          <div className="config-footer">
            {running && <RunProgress id={def.id} />}
            <div className="btn-row">
              {/* Run stays where it is while running (disabled): a double click never lands on Cancel */}
              <button
                type="button"
                id="run-simulation"
                className="btn btn-primary grow"
                onClick={() => void run()}
                disabled={!canRun}
                aria-keyshortcuts="Control+Enter"
                title="Ctrl + Enter"
              >
                {running ? 'Running…' : 'Run simulation'}
              </button>
              {running && (
                <button type="button" className="btn btn-danger" onClick={cancel}>
                  Cancel
                </button>
              )}
            </div>
            {ui.RunExtras && <ui.RunExtras simulator={def.id} draft={draft} setDraft={(d) => setDraft(def.id, d)} canRun={canRun} running={running} run={run} />}
            <span className="field-hint" aria-live="polite">
              {issues.length
                ? `Fix ${issues.length === 1 ? 'the highlighted field' : `${issues.length} highlighted fields`} to run.`
                : running
                  ? 'Running in a background worker; the page stays responsive. Esc cancels.'
                  : 'Ctrl + Enter runs. Same settings and seed, same bytes.'}
            </span>
          </div>
        </aside>
        <Results def={def} ui={ui} validConfig={validConfig} />
      </div>
    </div>
  );
}

/** The stat cards of a run (a component, so a simulator's card code that throws is caught by its boundary). */
function RunStats({ ui, run }: { ui: SimulatorUi; run: RunMeta }) {
  return <StatCards cards={[...ui.statCards(run.stats, run.config, run.charts), { label: 'Run time', value: formatDuration(run.elapsedMs), sub: 'in the browser worker' }]} />;
}

/** The right-hand side: memoised, so typing in the form or progress ticks never redraw the charts. */
const Results = memo(function Results({ def, ui, validConfig }: { def: SimulatorSpec; ui: SimulatorUi; validConfig: unknown }) {
  const state = useStudio((s) => s.sims[def.id]) as SimulatorState | undefined;
  const status = state?.status;
  const run = state?.run;
  const error = state?.error;
  const body = useMemo(() => {
    if (!run) return null;
    const { Charts, Explorer } = ui;
    return (
      <>
        <SectionBoundary name="the run statistics" resetKey={run}>
          <RunStats ui={ui} run={run} />
        </SectionBoundary>
        {Charts && (
          // a new run mounts its charts afresh, so each waits for its turn to draw (drawQueue)
          // rather than all redrawing in one long task
          <SectionBoundary key={run.runId} name="the charts" resetKey={run}>
            <Charts run={run} />
          </SectionBoundary>
        )}
        {Explorer && (
          <SectionBoundary name="the explorer" resetKey={run}>
            <Explorer run={run} />
          </SectionBoundary>
        )}
        <SectionBoundary name="the table previews" resetKey={run}>
          <TablesPanel run={run} />
        </SectionBoundary>
      </>
    );
  }, [run, ui]);
  if (!state) return null;
  const stale = !!run && validConfig !== undefined && JSON.stringify(validConfig) !== JSON.stringify(run.config);
  return (
    <div className="results">
      <RunOutcome status={status} error={error} />
      {run ? (
        <>
          {body}
          <SectionBoundary name="the download" resetKey={run}>
            <DownloadPanel simulator={def.id} state={state} stale={stale} />
          </SectionBoundary>
        </>
      ) : status === 'running' ? (
        <EmptyState icon={<RunRing id={def.id} />} title="Simulating…">
          <p>The engine runs in a Web Worker. Cancel any time.</p>
        </EmptyState>
      ) : (
        <EmptyState icon={iconFor(def.id)} title="No run yet">
          <p>Adjust the settings, then press Run simulation. Charts, table previews and downloads appear here.</p>
        </EmptyState>
      )}
    </div>
  );
});
