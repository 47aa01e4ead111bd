import { OUTPUT_FORMATS, type OutputFormat } from '../../core/output/formats';
import type { DownloadKind } from '../download';
import { formatBytes } from '../format';
import { canSaveToFolder } from '../save';
import type { DownloadState } from '../store';
import { ProgressBar } from './EmptyState';

const FORMAT_NAME: Record<OutputFormat, string> = { parquet: 'Parquet', csv: 'CSV', jsonl: 'JSONL' };

export const FORMAT_HELP: Record<OutputFormat, string> = {
  parquet: 'Typed, compressed; for Spark, DuckDB, Fabric, Databricks.',
  csv: 'RFC 4180, ISO 8601 UTC times; opens anywhere.',
  jsonl: 'One JSON object per line; for event pipelines.',
};

/** The Parquet / CSV / JSONL radio group of a download panel. */
export function FormatPicker({ name, value, disabled, onChange }: { name: string; value: OutputFormat; disabled: boolean; onChange(f: OutputFormat): void }) {
  return (
    <div className="segmented" role="radiogroup" aria-label="File format">
      {OUTPUT_FORMATS.map((f) => (
        <label key={f} title={FORMAT_HELP[f]}>
          <input type="radio" name={name} value={f} checked={value === f} disabled={disabled} onChange={() => onChange(f)} />
          {FORMAT_NAME[f]}
        </label>
      ))}
    </div>
  );
}

/**
 * The CSV option: verbatim by default (as pandas and DuckDB write it), or spreadsheet-safe (text
 * cells that start with =, +, -, @ get a leading ' so Excel does not run them as formulas).
 */
export function CsvSafeToggle({ id, checked, disabled, onChange }: { id: string; checked: boolean; disabled: boolean; onChange(v: boolean): void }) {
  return (
    <label className="switch" htmlFor={id} title="Text cells that start with =, +, - or @ get a leading ' so spreadsheets show them instead of running them as formulas. Leave off for pipelines: cells are then written verbatim.">
      <input id={id} type="checkbox" role="switch" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>Spreadsheet-safe CSV</span>
    </label>
  );
}

/** Download .zip and Save to folder… (where the browser can write a folder), or Cancel while one runs. */
export function DownloadActions({ busy, disabled, onStart, onCancel }: { busy: boolean; disabled: boolean; onStart(kind: DownloadKind): void; onCancel(): void }) {
  if (busy) {
    return (
      <button type="button" className="btn btn-danger" onClick={onCancel}>
        Cancel
      </button>
    );
  }
  return (
    <>
      {canSaveToFolder() && (
        <button type="button" className="btn" disabled={disabled} onClick={() => onStart('folder')} title="Write the files straight into a folder you choose (e.g. one synced to your lakehouse)">
          Save to folder…
        </button>
      )}
      <button type="button" className="btn btn-primary" disabled={disabled} onClick={() => onStart('zip')}>
        Download .zip
      </button>
    </>
  );
}

/** The progress of a running download, in the worker's words ("Writing events.parquet, 1 of 5 files"). */
export function DownloadProgress({ download }: { download: DownloadState }) {
  if (download.status !== 'running') return null;
  return <ProgressBar done={download.progress?.done ?? 0} total={download.progress?.total ?? 1} label={download.progress?.phase ?? 'Starting…'} />;
}

/** What a finished, failed or cancelled download says: never "saved" unless every file was written. */
export function DownloadOutcome({ download }: { download: DownloadState }) {
  const folder = download.target === 'folder';
  if (download.status === 'error') {
    return (
      <div className="callout callout-error" role="alert">
        {folder ? 'Saving to the folder failed; it may hold some of the files, but not the whole output' : 'The download failed and no file was saved'}: {download.error}
      </div>
    );
  }
  if (download.status === 'cancelled') {
    return (
      <div className="callout" role="status">
        {folder ? 'Cancelled: the folder may hold some of the files, but not the whole output.' : 'The download was cancelled; nothing was saved.'}
      </div>
    );
  }
  if (download.status !== 'done' || !download.files) return null;
  const count = `${download.files.length} files`;
  return (
    <div>
      <div className="callout callout-ok" role="status">
        {folder ? `Saved ${count} (${formatBytes(download.bytes ?? 0)}) to the folder “${download.folder ?? ''}”.` : `Saved a ${formatBytes(download.bytes ?? 0)} zip with ${count}.`}
        {download.regenerated && ' The run was simulated again for this download, with the same settings and seed: the files are identical.'}
      </div>
      <ul className="file-list" aria-label={folder ? 'Files saved' : 'Files in the zip'} style={{ marginTop: 8 }}>
        {download.files.map((f) => (
          <li key={f.path}>
            <span>{f.path}</span>
            <span>{formatBytes(f.bytes)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
