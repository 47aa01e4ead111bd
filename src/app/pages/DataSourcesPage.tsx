import { DataDownload } from '../data/DataDownload';
import { DataSetPanel } from '../data/DataSetPanel';
import { DomainPanel, GenerateRing } from '../data/DomainPanel';
import { TableDetail } from '../data/TableDetail';
import { UploadPanel } from '../data/UploadPanel';
import { useDataSet } from '../data/store';
import { EmptyState } from '../components/EmptyState';
import { findDomain } from '../../core/domains';
import { useCallback, useEffect, useRef } from 'react';
import { ShareMenu } from '../components/ShareMenu';
import { SectionBoundary } from '../components/SectionBoundary';
import { readDataFile, readDataLink, validateDataDraft } from '../data/draftImport';
import { DEFAULT_DATA_DRAFT, savedDraft, type DomainDraft } from '../data/store';
import { replaceParams, useRoute } from '../router';
import { diffFromDefaults, encodeConfig } from '../share';

// Settings survive a reload: saved in this browser on every change, validated when read back.
const saved = savedDraft.read();
if (saved !== null) {
  const read = validateDataDraft(saved);
  if (read.ok) useDataSet.getState().setDraft(read.value);
}
useDataSet.subscribe((s, prev) => {
  if (s.draft !== prev.draft) savedDraft.write(s.draft);
});

/** The page's settings as a link (only what differs from the defaults) and keeping the URL in step. */
function useSettingsLink() {
  const draft = useDataSet((s) => s.draft);
  const setDraft = useDataSet((s) => s.setDraft);
  const patch = useDataSet((s) => s.patch);
  const param = useRoute().params.get('config');
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (param === seen.current) return;
    seen.current = param;
    if (!param) return;
    const read = readDataLink(param);
    if (read.ok) setDraft(read.value);
    else patch({ settingsNotice: `The link’s settings were not loaded: ${read.problem}. Your previous settings are kept.` });
  }, [param, setDraft, patch]);
  useEffect(() => {
    if (!validateDataDraft(draft).ok) return;
    const diff = diffFromDefaults(draft as unknown as Record<string, unknown>, DEFAULT_DATA_DRAFT as unknown as Record<string, unknown>);
    // the domain always goes in: a link names what it generates
    const encoded = Object.keys(diff).length ? encodeConfig({ domain: draft.domain, ...diff }) : '';
    seen.current = encoded || null;
    replaceParams('data', encoded ? { config: encoded } : {});
  }, [draft]);
  const onImport = useCallback(
    (text: string, fileName: string) => {
      const read = readDataFile(text);
      if (!read.ok) {
        const message = `${fileName} was not loaded: ${read.problem}. Your settings are unchanged.`;
        patch({ settingsNotice: message });
        return message;
      }
      setDraft(read.value);
      patch({ settingsNotice: undefined });
      return `Loaded ${fileName}.`;
    },
    [setDraft, patch],
  );
  return { draft, onImport };
}

const exportable = (d: DomainDraft) => ({ domain: d.domain, scale: d.scale, seed: d.seed, startDate: d.startDate, endDate: d.endDate, rows: d.rows });

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
  const settingsNotice = useDataSet((s) => s.settingsNotice);
  const patch = useDataSet((s) => s.patch);
  const { draft, onImport } = useSettingsLink();
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
        <ShareMenu stem="data-sources" exportValue={() => exportable(draft)} onImport={onImport} />
      </header>
      {settingsNotice && (
        <div className="callout callout-error page-notice" role="alert">
          <div className="grow">{settingsNotice}</div>
          <button type="button" className="btn btn-small" onClick={() => patch({ settingsNotice: undefined })}>
            Dismiss
          </button>
        </div>
      )}
      <div className="workspace data-workspace">
        <aside className="data-side" aria-label="Sources">
          <SectionBoundary name="the domain settings">
            <DomainPanel />
          </SectionBoundary>
          <SectionBoundary name="the uploads">
            <UploadPanel />
          </SectionBoundary>
        </aside>
        <div className="results">
          {notice && (
            <div className="callout" role="status">
              {notice}
            </div>
          )}
          {tables.length > 0 ? (
            <>
              <SectionBoundary name="the table list">
                <DataSetPanel />
              </SectionBoundary>
              {current && (
                <SectionBoundary name={`the table ${current.name}`} resetKey={current}>
                  <TableDetail key={current.name} table={current} />
                </SectionBoundary>
              )}
              <SectionBoundary name="the download">
                <DataDownload />
              </SectionBoundary>
            </>
          ) : generating ? (
            <EmptyState icon={<GenerateRing />} title={`Generating ${findDomain(draft.domain)?.title ?? draft.domain} (${draft.scale})…`}>
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
