import { engine, saveBytes } from '../engine';
import { formatDuration } from '../format';
import { CsvSafeToggle, DownloadOutcome, FORMAT_HELP, FormatPicker } from './DownloadParts';
import { useStudio, type SimulatorState } from '../store';
import { ProgressBar } from './EmptyState';

/** Cancel handles of downloads in progress (functions: kept out of the store). */
const cancelDownloads = new Map<string, () => void>();


/** Download the last run's output tree as a zip, in the chosen format, built in the worker. */
export function DownloadPanel({ simulator, state, stale }: { simulator: string; state: SimulatorState; stale: boolean }) {
  const patchDownload = useStudio((s) => s.patchDownload);
  const { download, run } = state;
  const busy = download.status === 'running';

  const start = async () => {
    if (!run) return;
    const format = download.format;
    patchDownload(simulator, { status: 'running', progress: undefined, error: undefined, files: undefined });
    const job = engine.package(run.runId, format, (p) => patchDownload(simulator, { progress: p }), format === 'csv' && !!download.csvSafe);
    cancelDownloads.set(simulator, job.cancel);
    try {
      const result = await job.promise;
      saveBytes(result.zip, `spindle-${simulator}-seed${String(run.config.seed)}-${format}.zip`, 'application/zip');
      patchDownload(simulator, { status: 'done', files: result.files, zipBytes: result.zip.length, progress: undefined });
    } catch (e) {
      const cancelled = (e as Error).name === 'AbortError';
      patchDownload(simulator, { status: cancelled ? 'cancelled' : 'error', error: cancelled ? undefined : (e as Error).message, progress: undefined });
    }
  };

  return (
    <section className="panel" aria-label="Download">
      <div className="panel-header">
        <h2>Download</h2>
        <span className="field-hint">A zip of the landing-folder output: tables, config, stats and answer key.</span>
      </div>
      <div className="panel-body" style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        <div className="btn-row">
          <FormatPicker
            name={`${simulator}-format`}
            value={download.format}
            disabled={busy}
            onChange={(format) => patchDownload(simulator, { format, status: 'idle', files: undefined })}
          />
          {download.format === 'csv' && (
            <CsvSafeToggle id={`${simulator}-csv-safe`} checked={!!download.csvSafe} disabled={busy} onChange={(csvSafe) => patchDownload(simulator, { csvSafe, status: 'idle', files: undefined })} />
          )}
          <span className="field-hint grow">{FORMAT_HELP[download.format]}</span>
          {busy ? (
            <button type="button" className="btn btn-danger" onClick={() => cancelDownloads.get(simulator)?.()}>
              Cancel
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={start} disabled={!run}>
              Download .zip
            </button>
          )}
        </div>
        {stale && run && <div className="callout">The download holds the last run. Run again to include your latest changes.</div>}
        {busy && (
          <ProgressBar
            done={download.progress?.done ?? 0}
            total={download.progress?.total ?? 1}
            label={download.progress?.phase === 'zip' ? 'Compressing the zip…' : 'Writing files…'}
          />
        )}
        <DownloadOutcome download={download} />
        {run && download.status !== 'done' && !busy && (
          <span className="field-hint">Last run took {formatDuration(run.elapsedMs)} in the browser worker.</span>
        )}
      </div>
    </section>
  );
}
