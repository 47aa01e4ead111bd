import { useRef, useState, type DragEvent } from 'react';
import { INPUT_EXTENSIONS } from '../../core/inputs';
import { formatBytes } from '../format';
import { uploadFiles } from './actions';
import { useDataSet, type UploadEntry } from './store';

/** `line 3` / `row 3`, and the column when known. */
function where(e: NonNullable<UploadEntry['error']>): string {
  const at = e.line !== undefined ? `line ${e.line}` : e.row !== undefined ? `row ${e.row}` : '';
  return [at, e.column !== undefined ? `column “${e.column}”` : ''].filter(Boolean).join(', ');
}

function UploadLine({ u }: { u: UploadEntry }) {
  const select = useDataSet((s) => s.patch);
  if (u.status === 'error' && u.error) {
    const at = where(u.error);
    return (
      <li className="data-upload-item is-error">
        <span className="data-upload-file">{u.file}</span>
        <span className="data-upload-message">
          {at && <strong>{at}: </strong>}
          {u.error.message}
        </span>
      </li>
    );
  }
  return (
    <li className={`data-upload-item${u.status === 'reading' ? ' is-reading' : ''}`}>
      <span className="data-upload-file">{u.file}</span>
      <span className="data-upload-message">
        {u.status === 'reading' ? (
          `Reading ${formatBytes(u.bytes)}…`
        ) : u.table === undefined ? (
          (u.note ?? 'Read')
        ) : (
          <>
            Loaded as{' '}
            <button type="button" className="data-link" onClick={() => select({ selected: u.table })}>
              {u.table}
            </button>
            {u.note ? ` (${u.note})` : ''}
          </>
        )}
      </span>
    </li>
  );
}

/** Drop or pick CSV, Parquet and JSONL files; each file's outcome (or its error: line and problem) is listed. */
export function UploadPanel() {
  const uploads = useDataSet((s) => s.uploads);
  const patch = useDataSet((s) => s.patch);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const errors = uploads.filter((u) => u.status === 'error');

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length) void uploadFiles(files);
  };

  return (
    <section className="panel" aria-label="Upload your own tables">
      <div className="panel-header">
        <h2>Upload your own tables</h2>
        <span className="field-hint">Read here, never sent</span>
      </div>
      <div className="panel-body">
        <div
          className={`data-dropzone${over ? ' is-over' : ''}`}
          onDragOver={(e) => {
            e.preventDefault();
            e.dataTransfer.dropEffect = 'copy';
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
        >
          <span className="data-dropzone-icon" aria-hidden>
            ⇪
          </span>
          <span>
            Drop CSV, Parquet or JSONL files here, or{' '}
            <button type="button" className="data-link" onClick={() => input.current?.click()}>
              choose files
            </button>
          </span>
          <span className="field-hint">
            Each file becomes a table named after it; types are inferred and can be changed. Add a studio download’s _spindle/tables.json to keep the types it was written with.
          </span>
          <input
            ref={input}
            hidden
            tabIndex={-1}
            type="file"
            multiple
            accept={[...INPUT_EXTENSIONS, '.json'].join(',')}
            aria-label="Choose files to upload"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length) void uploadFiles(files);
            }}
          />
        </div>
        {uploads.length > 0 && (
          <div className="data-uploads">
            <div className="data-uploads-head">
              <span className="field-hint">{errors.length ? `${errors.length} of ${uploads.length} files could not be read; nothing of them was kept.` : `${uploads.length} files`}</span>
              <button type="button" className="btn btn-small" onClick={() => patch({ uploads: uploads.filter((u) => u.status === 'reading') })}>
                Clear list
              </button>
            </div>
            <ul className="data-upload-list" aria-label="Uploaded files" aria-live="polite">
              {uploads.map((u) => (
                <UploadLine key={u.key} u={u} />
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
