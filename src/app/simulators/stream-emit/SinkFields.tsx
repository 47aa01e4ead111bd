import { useId, type ReactNode } from 'react';
import type { CustomField } from '../../components/ConfigForm';
import { toNumberOrText } from '../../components/fields';
import { HEADER_NAME, setHeaders, useHeaders, type HeaderRow } from './headers';

type Connection = Record<string, unknown>;

function Row({ label, hint, error, children, id }: { label: string; hint?: string; error?: string; children: ReactNode; id: string }) {
  return (
    <div className="field">
      <div className="field-label">
        <label htmlFor={id}>{label}</label>
      </div>
      {children}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : (
        hint && <span className="field-hint">{hint}</span>
      )}
    </div>
  );
}

function NumberRow({ name, label, unit, hint, value, error, set }: { name: string; label: string; unit?: string; hint: string; value: unknown; error?: string; set(name: string, v: unknown): void }) {
  const id = useId();
  return (
    <Row id={id} label={label} hint={hint} error={error}>
      <div className="input-unit">
        <input id={id} className="input" type="number" inputMode="numeric" aria-invalid={error ? true : undefined} value={value === undefined || value === null ? '' : String(value)} onChange={(e) => set(name, toNumberOrText(e.target.value))} />
        {unit && <span>{unit}</span>}
      </div>
    </Row>
  );
}

/** Headers for the HTTP sink, kept in page memory only (tokens are masked). */
function HeadersEditor({ simulator }: { simulator: string }) {
  const rows = useHeaders(simulator);
  const id = useId();
  const set = (i: number, patch: Partial<HeaderRow>) => setHeaders(simulator, rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="stream-headers">
      <legend>Headers</legend>
      {rows.map((r, i) => {
        const bad = r.name.trim() !== '' && !HEADER_NAME.test(r.name.trim());
        return (
          <div key={i} className="stream-header-row">
            <input className="input" aria-label={`Header ${i + 1} name`} placeholder="Authorization" value={r.name} aria-invalid={bad || undefined} onChange={(e) => set(i, { name: e.target.value })} />
            <input className="input" aria-label={`Header ${i + 1} value`} type="password" autoComplete="off" placeholder="Bearer …" value={r.value} onChange={(e) => set(i, { value: e.target.value })} />
            <button type="button" className="btn btn-small" aria-label={`Remove header ${i + 1}`} onClick={() => setHeaders(simulator, rows.filter((_, k) => k !== i))}>
              ✕
            </button>
            {bad && <span className="field-error">Not a header name: letters, digits and - only.</span>}
          </div>
        );
      })}
      <button type="button" className="btn btn-small" id={id} onClick={() => setHeaders(simulator, [...rows, { name: '', value: '' }])}>
        Add header
      </button>
      <span className="field-hint">Kept in this page’s memory only: never in the link, exported settings or _spindle/config.json. A reload forgets them.</span>
    </fieldset>
  );
}

/**
 * The sink connection as real controls for the chosen sink type: the topic folder (file), the
 * endpoint, body format, batching, retries and headers (http), or what console and stdout do
 * in the page. `simulator` keys the headers kept in memory.
 */
export function sinkConnectionField(simulator: string): CustomField {
  return function SinkConnection({ value, draft, setDraft, nested }) {
    const ids = { path: useId(), url: useId(), format: useId() };
    const c = (typeof value === 'object' && value !== null ? value : {}) as Connection;
    const set = (name: string, v: unknown) => setDraft({ ...draft, sinkConnection: { ...c, [name]: v } });
    const type = draft.sinkType;
    if (type === 'file' || type === undefined) {
      return (
        <Row id={ids.path} label="Topic folder" hint="One JSONL file per topic under this folder of the output tree (the download)." error={nested.get('path')}>
          <input id={ids.path} className="input" spellCheck={false} value={String(c.path ?? '')} onChange={(e) => set('path', e.target.value)} />
        </Row>
      );
    }
    if (type === 'console' || type === 'stdout') {
      return (
        <p className="field-hint stream-sink-note">
          {type === 'stdout' ? 'stdout is the command line’s sink (NDJSON, pipeable); in the page it works like Console. ' : ''}
          Events appear in the Console under the charts: all at once after Run simulation, or in real time with Play. The topic files are in the download either way.
        </p>
      );
    }
    return (
      <div className="stream-sink-http">
        <Row id={ids.url} label="Endpoint URL" hint="Batches are POSTed here. No credentials in the URL: put tokens in a header." error={nested.get('url')}>
          <input id={ids.url} className="input" type="url" spellCheck={false} placeholder="https://example.com/ingest" value={typeof c.url === 'string' ? c.url : ''} aria-invalid={nested.has('url') || undefined} onChange={(e) => set('url', e.target.value === '' ? null : e.target.value)} />
        </Row>
        <Row id={ids.format} label="Body" hint="NDJSON: one envelope per line (application/x-ndjson). CloudEvents batch: a JSON array (application/cloudevents-batch+json)." error={nested.get('format')}>
          <select id={ids.format} className="select" value={String(c.format ?? 'ndjson')} onChange={(e) => set('format', e.target.value)}>
            <option value="ndjson">NDJSON</option>
            <option value="cloudevents_batch">CloudEvents batch (JSON)</option>
          </select>
        </Row>
        <div className="stream-sink-grid">
          <NumberRow name="batchSize" label="Batch size" unit="events" hint="Events per request (1–10,000)." value={c.batchSize} error={nested.get('batchSize')} set={set} />
          <NumberRow name="maxRetries" label="Retries" hint="Per failed request (0–10)." value={c.maxRetries} error={nested.get('maxRetries')} set={set} />
          <NumberRow name="retryBackoffMs" label="First backoff" unit="ms" hint="Doubled at each retry." value={c.retryBackoffMs} error={nested.get('retryBackoffMs')} set={set} />
          <NumberRow name="timeoutMs" label="Timeout" unit="ms" hint="Per request." value={c.timeoutMs} error={nested.get('timeoutMs')} set={set} />
        </div>
        <HeadersEditor simulator={simulator} />
        <p className="field-hint stream-sink-note">
          The browser sends from this page’s origin: the endpoint must allow it (CORS: answer the OPTIONS preflight and the POSTs with Access-Control-Allow-Origin and Access-Control-Allow-Headers).
          The command line has no such limit: <code>spindle stream-emit --sink http --sink-url … --sink-header 'Authorization: …'</code>.
        </p>
      </div>
    );
  };
}
