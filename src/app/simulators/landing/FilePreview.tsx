import { tableFromIPC, type Table as ArrowTable } from 'apache-arrow';
import { useEffect, useState } from 'react';
import type { FileIndex } from '../../../core/landing/charts';
import { DataTable, type ColumnMeta } from '../../components/DataTable';
import { ScrollRegion } from '../../components/ScrollRegion';
import { engine } from '../../engine';
import { formatBytes, formatInt } from '../../format';
import { KIND_LABEL, landingTime } from './landingFormat';

type Loaded = { kind: 'table'; table: ArrowTable; columns: readonly ColumnMeta[]; rows: number } | { kind: 'text'; text: string } | { kind: 'error'; message: string };

/** Rows shown of a data file (the download has them all). */
const PREVIEW_ROWS = 1_000;

/** A manifest as indented JSON (it is already), `_done` as its text. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * One landed file, read from the run the worker holds: a data file's rows in a grid, a
 * manifest's JSON, a done flag's text. `at` is the replay's instant: a file that had not landed
 * by then says so.
 */
export function FilePreview({ runId, index, file, atUs }: { runId: number; index: FileIndex; file: number; atUs: number | null }) {
  const path = `${index.folders[index.folder[file]]}/${index.name[file]}`;
  const [loaded, setLoaded] = useState<{ path: string; value: Loaded }>();
  useEffect(() => {
    let live = true;
    const job = engine.landedFile(runId, path, PREVIEW_ROWS);
    job.promise.then(
      (r) => {
        if (!live) return;
        setLoaded({ path, value: r.kind === 'table' ? { kind: 'table', table: tableFromIPC(r.table.ipc), columns: r.table.columns, rows: r.table.rows } : { kind: 'text', text: r.text } });
      },
      (e: Error) => live && setLoaded({ path, value: { kind: 'error', message: e.message } }),
    );
    return () => {
      live = false;
    };
  }, [runId, path]);
  const kind = index.kinds[index.kind[file]];
  const landedAt = index.landedAtUs[file];
  const value = loaded?.path === path ? loaded.value : undefined;
  const notYet = atUs !== null && landedAt > atUs;
  return (
    <section className="landing-preview" aria-label={`File ${index.name[file]}`} aria-busy={!value}>
      <header className="landing-preview-head">
        <h3 className="landing-mono">{index.name[file]}</h3>
        <p className="field-hint landing-mono landing-path">{index.folders[index.folder[file]]}/</p>
        <dl className="landing-facts">
          <div>
            <dt>Kind</dt>
            <dd>
              <span className={`landing-kind landing-kind-${kind}`}>{KIND_LABEL[kind] ?? kind}</span>
            </dd>
          </div>
          <div>
            <dt>Landed</dt>
            <dd>{landingTime(landedAt)}</dd>
          </div>
          {index.rows[file] >= 0 && (
            <div>
              <dt>Rows</dt>
              <dd>{formatInt(index.rows[file])}</dd>
            </div>
          )}
          <div>
            <dt>Size</dt>
            <dd>{formatBytes(index.bytes[file])}</dd>
          </div>
        </dl>
      </header>
      {notYet && (
        <p className="callout" role="note">
          At the replay’s {landingTime(atUs)} this file had not landed yet: it lands {landingTime(landedAt)}.
        </p>
      )}
      {!value ? (
        <div className="landing-preview-loading" role="status">
          <div className="spinner" /> Reading the file…
        </div>
      ) : value.kind === 'error' ? (
        <p className="callout callout-error" role="alert">
          {value.message}
        </p>
      ) : value.kind === 'text' ? (
        <ScrollRegion className="landing-json" label={`${index.name[file]} contents`}>
          <pre>{pretty(value.text)}</pre>
        </ScrollRegion>
      ) : (
        <DataTable table={value.table} columns={value.columns} totalRows={value.rows} label={`${index.name[file]} rows`} />
      )}
    </section>
  );
}
