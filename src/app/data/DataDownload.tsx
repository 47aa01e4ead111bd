import { CsvSafeToggle, DownloadActions, DownloadOutcome, DownloadProgress, FormatPicker } from '../components/DownloadParts';
import { cancelDataDownload, downloadDataSet } from './actions';
import { useDataSet } from './store';

/** Download the ticked tables as a zip or into a folder (one file per table, plus `_spindle/` metadata), written by the worker. */
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
          <DownloadActions busy={busy} disabled={included === 0} onStart={(kind) => void downloadDataSet(kind)} onCancel={cancelDataDownload} />
        </div>
        <DownloadProgress download={download} />
        <DownloadOutcome download={download} />
      </div>
    </section>
  );
}
