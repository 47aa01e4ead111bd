import { OUTPUT_FORMATS, type OutputFormat } from '../../core/output/formats';
import { formatBytes } from '../format';
import type { DownloadState } from '../store';

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

/** What a finished or failed download says: the error (nothing saved), or the zip's files and sizes. */
export function DownloadOutcome({ download }: { download: DownloadState }) {
  if (download.status === 'error') {
    return (
      <div className="callout callout-error" role="alert">
        The download failed and no file was saved: {download.error}
      </div>
    );
  }
  if (download.status !== 'done' || !download.files) return null;
  return (
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
  );
}
