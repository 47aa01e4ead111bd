import { runDownload, type DownloadKind } from '../download';
import { engine } from '../engine';
import { formatBytes, formatDuration } from '../format';
import { CsvSafeToggle, DownloadActions, DownloadOutcome, DownloadProgress, FORMAT_HELP, FormatPicker } from './DownloadParts';
import { useStudio, type SimulatorState } from '../store';

/** Cancel handles of downloads in progress (functions: kept out of the store). */
const cancelDownloads = new Map<string, () => void>();

/** Write the last run's output tree, in the chosen format, as a zip or into a folder, from the worker. */
export function DownloadPanel({ simulator, state, stale }: { simulator: string; state: SimulatorState; stale: boolean }) {
  const patchDownload = useStudio((s) => s.patchDownload);
  const { download, run } = state;
  const busy = download.status === 'running';

  const start = (kind: DownloadKind) => {
    if (!run) return;
    const format = download.format;
    void runDownload({
      kind,
      zipName: `spindle-${simulator}-seed${String(run.config.seed)}-${format}.zip`,
      start: (target, onProgress) => engine.package(run.runId, format, onProgress, { target, csvSafe: format === 'csv' && !!download.csvSafe }),
      patch: (p) => patchDownload(simulator, p),
      onCancel: (cancel) => (cancel ? cancelDownloads.set(simulator, cancel) : cancelDownloads.delete(simulator)),
    });
  };

  return (
    <section className="panel" aria-label="Download">
      <div className="panel-header">
        <h2>Download</h2>
        <span className="field-hint">The landing-folder output: tables, config, stats and answer key, as a zip or straight into a folder.</span>
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
          <DownloadActions busy={busy} disabled={!run} onStart={start} onCancel={() => cancelDownloads.get(simulator)?.()} />
        </div>
        {stale && run && <div className="callout">The download holds the last run. Run again to include your latest changes.</div>}
        {run && run.held === false && (
          <div className="callout" role="note">
            This run's tables take {formatBytes(run.heldBytes)}, more than the page keeps in memory, so only its charts, stats and previews were kept. Download runs it again
            with the same settings and seed and streams the files as they are made: identical bytes, in about the time the run took plus the writing.
          </div>
        )}
        <DownloadProgress download={download} />
        <DownloadOutcome download={download} />
        {run && download.status !== 'done' && !busy && (
          <span className="field-hint">Last run took {formatDuration(run.elapsedMs)} in the browser worker.</span>
        )}
      </div>
    </section>
  );
}
