import { CsvSafeToggle, DownloadOutcome, FormatPicker } from '../components/DownloadParts';
import { ProgressBar } from '../components/EmptyState';
import { cancelDataDownload, downloadDataSet } from './actions';
import { useDataSet } from './store';

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
          <FormatPicker name="data-format" value={download.format} disabled={busy} onChange={(format) => patchDownload({ format, status: 'idle', files: undefined })} />
          {download.format === 'csv' && (
            <CsvSafeToggle id="data-csv-safe" checked={!!download.csvSafe} disabled={busy} onChange={(csvSafe) => patchDownload({ csvSafe, status: 'idle', files: undefined })} />
          )}
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
        <DownloadOutcome download={download} />
      </div>
    </section>
  );
}
