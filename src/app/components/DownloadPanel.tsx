import { OUTPUT_FORMATS, type OutputFormat } from '../../core/output/formats';
import { engine, saveBytes } from '../engine';
import { formatBytes, formatDuration } from '../format';
import { useStudio, type SimulatorState } from '../store';
import { ProgressBar } from './EmptyState';

/** Cancel handles of downloads in progress (functions: kept out of the store). */
const cancelDownloads = new Map<string, () => void>();

const FORMAT_HELP: Record<OutputFormat, string> = {
  parquet: 'Typed, compressed; for Spark, DuckDB, Fabric, Databricks.',
  csv: 'RFC 4180, ISO 8601 UTC times; opens anywhere.',
  jsonl: 'One JSON object per line; for event pipelines.',
};

/** Download the last run's output tree as a zip, in the chosen format, built in the worker. */
export function DownloadPanel({ simulator, state, stale }: { simulator: string; state: SimulatorState; stale: boolean }) {
  const patchDownload = useStudio((s) => s.patchDownload);
  const { download, run } = state;
  const busy = download.status === 'running';

  const start = async () => {
    if (!run) return;
    const format = download.format;
    patchDownload(simulator, { status: 'running', progress: undefined, error: undefined, files: undefined });
    const job = engine.package(run.runId, format, (p) => patchDownload(simulator, { progress: p }));
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
          <div className="segmented" role="radiogroup" aria-label="File format">
            {OUTPUT_FORMATS.map((f) => (
              <label key={f} title={FORMAT_HELP[f]}>
                <input
                  type="radio"
                  name={`${simulator}-format`}
                  value={f}
                  checked={download.format === f}
                  disabled={busy}
                  onChange={() => patchDownload(simulator, { format: f, status: 'idle', files: undefined })}
                />
                {f === 'jsonl' ? 'JSONL' : f === 'csv' ? 'CSV' : 'Parquet'}
              </label>
            ))}
          </div>
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
        {download.status === 'error' && (
          <div className="callout callout-error" role="alert">
            The download failed and no file was saved: {download.error}
          </div>
        )}
        {download.status === 'done' && download.files && (
          <div>
            <div className="callout callout-ok" role="status">
              Saved a {formatBytes(download.zipBytes ?? 0)} zip with {download.files.length} files.
            </div>
            <ul className="file-list" aria-label="Files in the zip" style={{ marginTop: 8 }}>
              {download.files.map((f) => (
                <li key={f.path}>
                  <span>{f.path}</span>
                  <span>{formatBytes(f.bytes)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {run && download.status !== 'done' && !busy && (
          <span className="field-hint">Last run took {formatDuration(run.elapsedMs)} in the browser worker.</span>
        )}
      </div>
    </section>
  );
}
