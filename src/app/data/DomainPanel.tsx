import { useMemo } from 'react';
import { DOMAINS, domainConfigSchema, estimateRows, findDomain, totalRows } from '../../core/domains';
import type { Scale } from '../../core/domains';
import { toNumberOrText } from '../components/fields';
import { ProgressBar, ProgressRing } from '../components/EmptyState';
import { formatInt } from '../format';
import { cancelGeneration, generate, type GenerateConfig } from './actions';
import { PAGE_SCALES, useDataSet, type DomainDraft } from './store';

const SCALE_HELP: Record<string, string> = {
  fixture: 'tiny, for tests',
  fabric_demo: 'a quick demo',
  small: 'a realistic sample',
  medium: 'millions of rows',
};

/** The page generates in the browser's memory: bigger sets are for the CLI. */
export const PAGE_MAX_ROWS = 5_000_000;

/** The draft as a domain config, validated by the domain's own schema (issues by field). */
function useValidated(draft: DomainDraft) {
  return useMemo(() => {
    const def = findDomain(draft.domain) ?? DOMAINS[0];
    const rows = Object.fromEntries(Object.entries(draft.rows).filter(([, v]) => v !== '' && v !== undefined && v !== null));
    const config = { scale: draft.scale, seed: draft.seed, startDate: draft.startDate || null, endDate: draft.endDate || null, rows, money: draft.money };
    const parsed = domainConfigSchema(def).parse(config);
    const issues: Record<string, string> = parsed.ok ? {} : Object.fromEntries(parsed.issues.map((i) => [i.path, i.message]));
    // row estimates need valid dates: fall back to the model range while they are not
    const dated = parsed.ok ? parsed.value : { scale: draft.scale as Scale };
    let counts: Record<string, number>;
    try {
      counts = estimateRows(def, dated);
    } catch {
      counts = estimateRows(def, draft.scale as Scale);
    }
    const total = totalRows(counts);
    if (parsed.ok && total > PAGE_MAX_ROWS) {
      issues.rows = `${formatInt(total)} rows in all is too many for the page; allowed: at most ${formatInt(PAGE_MAX_ROWS)} (generate larger sets with the CLI)`;
    }
    const ok = parsed.ok && !issues.rows;
    return { def, config: ok ? (config as GenerateConfig) : null, issues, counts };
  }, [draft]);
}

function Issue({ id, text }: { id: string; text?: string }) {
  return text ? (
    <span className="field-error" id={id} role="alert">
      {text}
    </span>
  ) : null;
}

/** An optional date (`YYYY-MM-DD`, '' for none) with its issue beside it. */
function DateField(props: { id: string; label: string; value: string; error?: string; disabled: boolean; onChange(value: string): void }) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        className="input"
        type="date"
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${props.id}-error` : undefined}
        disabled={props.disabled}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <Issue id={`${props.id}-error`} text={props.error} />
    </div>
  );
}

/** Choose a domain and a scale (row counts shown before generating), a seed and an optional date range; generate with progress and cancel. */
export function DomainPanel() {
  const draft = useDataSet((s) => s.draft);
  const setDraft = useDataSet((s) => s.setDraft);
  const gen = useDataSet((s) => s.generate);
  const { def, config, issues, counts } = useValidated(draft);
  const running = gen.status === 'running';
  const total = totalRows(counts);

  return (
    <section className="panel" aria-label="Generate a domain">
      <div className="panel-header">
        <h2>Generate a domain</h2>
        <span className="field-hint">Relational tables with valid keys</span>
      </div>
      <div className="panel-body">
        <div className="data-domains" role="radiogroup" aria-label="Domain">
          {DOMAINS.map((d) => (
            <label key={d.id} className="data-domain-card">
              <input type="radio" name="data-domain" value={d.id} checked={draft.domain === d.id} disabled={running} onChange={() => setDraft({ domain: d.id, rows: {} })} />
              <span className="data-domain-title">{d.title}</span>
              <span className="data-domain-summary">{d.summary}</span>
            </label>
          ))}
        </div>

        <div className="field">
          <div className="field-label">
            <label htmlFor="data-scale">Scale</label>
            <span className="field-hint">{formatInt(total)} rows in all</span>
          </div>
          <select id="data-scale" className="select" value={draft.scale} disabled={running} onChange={(e) => setDraft({ scale: e.target.value })}>
            {PAGE_SCALES.map((s) => (
              <option key={s} value={s}>
                {s} — {SCALE_HELP[s]}, {formatInt(totalRows(estimateRows(def, s)))} rows
              </option>
            ))}
          </select>
          <span className="field-hint">Larger presets (large … xxxl) run from the CLI: npm run sim -- domain {def.id} --scale large</span>
        </div>

        <table className="data-estimate" aria-label="Rows per table">
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col">Rows</th>
            </tr>
          </thead>
          <tbody>
            {def.tables.map((t) =>
              t.count.kind === 'anchor' ? (
                <tr key={t.name}>
                  <td>
                    <label htmlFor={`data-rows-${t.name}`}>{t.name}</label>
                  </td>
                  <td>
                    <input
                      id={`data-rows-${t.name}`}
                      className="input data-anchor-rows"
                      type="text"
                      inputMode="numeric"
                      title="An anchor table: type a row count to override the scale's"
                      placeholder={formatInt(estimateRows(def, draft.scale as Scale)[t.name] ?? 0)}
                      value={draft.rows[t.name] === undefined ? '' : String(draft.rows[t.name])}
                      aria-invalid={issues[`rows.${t.name}`] ? true : undefined}
                      disabled={running}
                      onChange={(e) => setDraft({ rows: { ...draft.rows, [t.name]: toNumberOrText(e.target.value.replace(/[,_\s]/g, '')) } })}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={t.name}>
                  <td>{t.name}</td>
                  <td>{formatInt(counts[t.name] ?? 0)}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
        <p className="field-hint data-anchor-hint">Anchor tables take an explicit row count; the others follow from them.</p>
        {Object.entries(issues)
          .filter(([path]) => path === 'rows' || path.startsWith('rows.'))
          .map(([path, message]) => (
            <Issue key={path} id={`data-${path}`} text={path === 'rows' ? message : `${path.slice(5)}: ${message}`} />
          ))}

        <div className="data-form-row">
          <div className="field data-seed">
            <label className="field-label" htmlFor="data-seed">
              Seed
            </label>
            <input
              id="data-seed"
              className="input"
              type="number"
              step={1}
              min={0}
              value={draft.seed === null || draft.seed === undefined ? '' : String(draft.seed)}
              aria-invalid={issues.seed ? true : undefined}
              aria-describedby={issues.seed ? 'data-seed-error' : undefined}
              disabled={running}
              onChange={(e) => setDraft({ seed: toNumberOrText(e.target.value) })}
            />
            <Issue id="data-seed-error" text={issues.seed} />
          </div>
          <DateField id="data-start" label="Start date" value={draft.startDate} error={issues.startDate} disabled={running} onChange={(v) => setDraft({ startDate: v })} />
          <DateField id="data-end" label="End date" value={draft.endDate} error={issues.endDate} disabled={running} onChange={(v) => setDraft({ endDate: v })} />
        </div>
        <span className="field-hint">
          Dates are optional: without them, times fall in {def.range.start} … {def.range.end}. The same domain, scale, dates and seed always give the same bytes.
        </span>
        {def.tables.some((t) => t.columns.some((c) => c.money)) && (
          <div className="field">
            <label className="field-label" htmlFor="data-money">
              Money columns
            </label>
            <select id="data-money" className="select" value={draft.money} disabled={running} onChange={(e) => setDraft({ money: e.target.value as DomainDraft['money'] })}>
              <option value="float">float (double, 2 decimals)</option>
              <option value="decimal">decimal(18,2), exact</option>
            </select>
            <span className="field-hint">
              DECIMAL(18,2) is what a warehouse table expects. Prices, totals, balances and fees: {def.tables.flatMap((t) => t.columns.filter((c) => c.money).map((c) => `${t.name}.${c.name}`)).join(', ')}.
            </span>
          </div>
        )}
      </div>
      <div className="config-footer">
        <ExistingTables />
        {running && <GenerateProgress />}
        <div className="btn-row">
          {running ? (
            <button type="button" className="btn btn-danger grow" onClick={cancelGeneration} disabled={gen.cancelling}>
              {gen.cancelling ? 'Cancelling…' : 'Cancel'}
            </button>
          ) : (
            <button type="button" className="btn btn-primary grow" disabled={!config} onClick={() => config && void generate(config)}>
              Generate {def.title}
            </button>
          )}
        </div>
        {gen.status === 'error' && gen.error && (
          <div className="callout callout-error" role="alert">
            {gen.error.message}
          </div>
        )}
        {gen.status === 'cancelled' && <div className="callout">Generation was cancelled; the data set is as it was.</div>}
      </div>
    </section>
  );
}

/** When generated tables exist, the user decides: replace them (named) or add the new ones beside them. */
function ExistingTables() {
  const tables = useDataSet((s) => s.tables);
  const mode = useDataSet((s) => s.generateMode);
  const patch = useDataSet((s) => s.patch);
  const running = useDataSet((s) => s.generate.status === 'running');
  const generated = tables.filter((t) => t.origin.kind === 'domain');
  if (!generated.length) return null;
  const origin = generated[0].origin;
  const from = origin.kind === 'domain' ? `${findDomain(origin.domain)?.title ?? origin.domain} (${origin.scale})` : '';
  const names = generated.map((t) => t.name);
  const listed = names.length > 6 ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more` : names.join(', ');
  return (
    <fieldset className="data-existing" disabled={running}>
      <legend>{formatInt(generated.length)} generated tables exist</legend>
      <label>
        <input type="radio" name="data-generate-mode" value="replace" checked={mode === 'replace'} onChange={() => patch({ generateMode: 'replace' })} />
        <span>
          Replace them: {listed} {from && `from ${from}`} go; uploads stay.
        </span>
      </label>
      <label>
        <input type="radio" name="data-generate-mode" value="add" checked={mode === 'add'} onChange={() => patch({ generateMode: 'add' })} />
        <span>Add beside them: a table whose name is taken is renamed name_2.</span>
      </label>
    </fieldset>
  );
}

/** The generation's progress as a ring, for the tables' area while it runs. */
export function GenerateRing() {
  const p = useDataSet((s) => s.generate.progress);
  return <ProgressRing fraction={p ? p.done / Math.max(1, p.total) : 0} />;
}

function GenerateProgress() {
  const p = useDataSet((s) => s.generate.progress);
  if (!p) return <ProgressBar done={0} total={1} label="Starting…" />;
  const label = p.phase === 'summarise' ? `Summarising tables · ${p.done} of ${p.total}` : `Generating ${p.phase}`;
  return <ProgressBar done={p.done} total={p.total} label={label} />;
}
