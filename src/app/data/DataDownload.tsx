import { OUTPUT_FORMATS } from '../../core/output/formats';
import { ProgressBar } from '../components/EmptyState';
import { formatBytes } from '../format';
import { cancelDataDownload, downloadDataSet } from './actions';
import { useDataSet } from './store';

const FORMAT_NAME = { parquet: 'Parquet', csv: 'CSV', jsonl: 'JSONL' } as const;

/** Download the ticked tables as a zip (one file per table, plus `_spindle/` metadata), built in the worker. */
export function DataDownload() {
  const download = useDataSet((s) => s.download);
  const tables = useDataSet((s) => s.tables);
  const excluded = useDataSet((s) => s.excluded);
  const patchDownload = useDataSet((s) => s.patchDownload);
  const busy = download.status === 'running';
  const included = tables.filter((t) => !excluded.includes(t.name)).length;

  return (
    <section className="panel" aria-label="Download">
      <div className="panel-header">
        <h2>Download the data set</h2>
        <span className="field-hint">
          {included} of {tables.length} tables (tick them in the list above)
        </span>
      </div>
      <div className="panel-body data-download">
        <div className="btn-row">
          <div className="segmented" role="radiogroup" aria-label="File format">
            {OUTPUT_FORMATS.map((f) => (
              <label key={f}>
                <input type="radio" name="data-format" value={f} checked={download.format === f} disabled={busy} onChange={() => patchDownload({ format: f, status: 'idle', files: undefined })} />
                {FORMAT_NAME[f]}
              </label>
            ))}
          </div>
          <span className="field-hint grow">One file per table, named after it, with _spindle/config.json and _spindle/tables.json (keys, references, types).</span>
          {busy ? (
            <button type="button" className="btn btn-danger" onClick={cancelDataDownload}>
              Cancel
            </button>
          ) : (
            <button type="button" className="btn btn-primary" disabled={included === 0} onClick={() => void downloadDataSet()}>
              Download .zip
            </button>
          )}
        </div>
        {busy && (
          <ProgressBar
            done={download.progress?.done ?? 0}
            total={download.progress?.total ?? 1}
            label={download.progress?.phase === 'zip' ? 'Compressing the zip…' : `Writing tables · ${download.progress?.done ?? 0} of ${download.progress?.total ?? included}`}
          />
        )}
        {download.status === 'cancelled' && <div className="callout">The download was cancelled.</div>}
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
            <ul className="file-list data-file-list" aria-label="Files in the zip">
              {download.files.map((f) => (
                <li key={f.path}>
                  <span>{f.path}</span>
                  <span>{formatBytes(f.bytes)}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
