import { DataDownload } from '../data/DataDownload';
import { DataSetPanel } from '../data/DataSetPanel';
import { DomainPanel } from '../data/DomainPanel';
import { TableDetail } from '../data/TableDetail';
import { UploadPanel } from '../data/UploadPanel';
import { useDataSet } from '../data/store';
import { EmptyState } from '../components/EmptyState';
import { findDomain } from '../../core/domains';

/**
 * The Data sources page (`#/data`): generate a relational domain or upload files, look at each
 * table (preview, column summaries, keys and references), and download the set. The tables
 * stay in the engine worker, where the simulators that take input tables read them.
 */
export function DataSourcesPage() {
  const tables = useDataSet((s) => s.tables);
  const selected = useDataSet((s) => s.selected);
  const notice = useDataSet((s) => s.notice);
  const generating = useDataSet((s) => s.generate.status === 'running');
  const draft = useDataSet((s) => s.draft);
  const current = tables.find((t) => t.name === selected) ?? tables[0];

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Data sources</h1>
          <p>
            Base tables for the simulators that take input: realistic retail, financial and IoT domains with valid keys and references, or your own CSV,
            Parquet and JSONL files. Everything stays in this browser.
          </p>
        </div>
      </header>
      <div className="workspace data-workspace">
        <aside className="data-side" aria-label="Sources">
          <DomainPanel />
          <UploadPanel />
        </aside>
        <div className="results">
          {notice && (
            <div className="callout" role="status">
              {notice}
            </div>
          )}
          {tables.length > 0 ? (
            <>
              <DataSetPanel />
              {current && <TableDetail key={current.name} table={current} />}
              <DataDownload />
            </>
          ) : generating ? (
            <EmptyState icon={<div className="spinner" />} title={`Generating ${findDomain(draft.domain)?.title ?? draft.domain} (${draft.scale})…`}>
              <p>The tables are built in a Web Worker; the page stays responsive. Cancel any time.</p>
            </EmptyState>
          ) : (
            <EmptyState icon="▦" title="No tables yet">
              <p>Generate a domain, or drop CSV, Parquet or JSONL files into the upload box. Previews, column summaries and the keys between tables appear here.</p>
            </EmptyState>
          )}
        </div>
      </div>
    </div>
  );
}
