import { useState } from 'react';
import type { ColumnSummary, SummaryBin, ValueCount } from '../../core/inputs/summary';
import type { ColumnType } from '../../core/table/column';
import { formatCompact, formatInt, formatPercent } from '../format';
import { retype } from './actions';
import { COLUMN_TYPES, formatEdge, formatValue, groupDigits, TYPE_HELP } from './format';
import './data-exact.css';

/** A tiny bar chart of a histogram (SVG, theme colours); each bar's range and count in its tooltip. */
function MiniHistogram({ bins, type, column }: { bins: readonly SummaryBin[]; type: ColumnType; column: string }) {
  const max = Math.max(1, ...bins.map((b) => b.count));
  const w = 100 / bins.length;
  const label = `Distribution of ${column}: ${bins.length} bins from ${formatEdge(type, bins[0].lo)} to ${formatEdge(type, bins[bins.length - 1].hi)}`;
  return (
    <div className="data-hist">
      <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={label}>
        {bins.map((b, i) => {
          const h = b.count === 0 ? 0 : Math.max(1.5, (b.count / max) * 40);
          return (
            <rect key={i} x={i * w + w * 0.08} width={w * 0.84} y={40 - h} height={h} className="data-hist-bar">
              <title>{`${formatEdge(type, b.lo)} – ${formatEdge(type, b.hi)}: ${formatInt(b.count)}`}</title>
            </rect>
          );
        })}
      </svg>
      <div className="data-hist-axis" aria-hidden>
        <span>{formatEdge(type, bins[0].lo)}</span>
        <span>{formatEdge(type, bins[bins.length - 1].hi)}</span>
      </div>
    </div>
  );
}

/** The most frequent values as bars of their share of the rows. */
function TopValues({ top, rows, exact }: { top: readonly ValueCount[]; rows: number; exact: boolean }) {
  const shown = top.slice(0, 5);
  return (
    <ul className="data-top" aria-label="Most frequent values">
      {shown.map((t) => (
        <li key={t.value} title={`${t.value}: ${exact ? '' : '≈ '}${formatInt(t.count)}`}>
          <span className="data-top-bar" style={{ width: `${Math.max(2, (t.count / Math.max(1, rows)) * 100)}%` }} aria-hidden />
          <span className="data-top-value">{t.value === '' ? <em>(empty)</em> : t.value}</span>
          <span className="data-top-count">
            {exact ? '' : '≈ '}
            {formatCompact(t.count)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function TypeSelect({ table, column, type }: { table: string; column: string; type: ColumnType }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <select
        className="select data-type-select"
        value={type}
        disabled={busy}
        aria-label={`Type of ${column}`}
        onChange={async (e) => {
          setBusy(true);
          setError(null);
          setError(await retype(table, column, e.target.value as ColumnType));
          setBusy(false);
        }}
      >
        {COLUMN_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      {error && (
        <span className="field-error data-col-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

/** Min, max and mean as people read them: exact digits for bigints and decimals, else formatted numbers and times. */
function figures(s: ColumnSummary): { min: string; max: string; mean: string | null } | null {
  if (s.exact) return { min: groupDigits(s.exact.min), max: groupDigits(s.exact.max), mean: groupDigits(s.exact.mean) };
  if (s.min === null || s.max === null) return null;
  return { min: formatValue(s.type, s.min), max: formatValue(s.type, s.max), mean: s.mean === null ? null : formatValue('float', s.mean) };
}

/**
 * One column: its type (a select for uploads), nulls, distinct values, min/max or top values, a
 * tiny chart, and a note when the file's values could not all be kept as written (issue 11).
 */
export function ColumnCard({ table, s, editable, zone, keyRole, note }: { table: string; s: ColumnSummary; editable: boolean; zone?: boolean; keyRole?: string; note?: string }) {
  const nonNull = s.rows - s.nulls;
  const f = figures(s);
  const wide = s.type === 'timestamp' || ((f?.min.length ?? 0) > 12 || (f?.max.length ?? 0) > 12);
  const label = s.type === 'decimal' ? `decimal(${s.precision},${s.scale})` : s.type;
  return (
    <article className="data-col-card" aria-label={`Column ${s.name}`}>
      <header className="data-col-head">
        <span className="data-col-name" title={s.name}>
          {s.name}
        </span>
        {editable ? (
          <TypeSelect table={table} column={s.name} type={s.type} />
        ) : (
          <span className="data-type" title={TYPE_HELP[s.type]}>
            {label}
          </span>
        )}
      </header>
      {editable && s.type === 'decimal' && <span className="field-hint">{label}: exact, {s.scale} digits after the point</span>}
      {note && (
        <p className="data-col-note" role="note">
          {note}
        </p>
      )}
      {(keyRole || zone) && (
        <div className="data-col-tags">
          {keyRole && <span className="tag">{keyRole}</span>}
          {zone && <span className="tag" title="The text carried a zone or UTC offset; stored as UTC">zoned</span>}
        </div>
      )}
      <dl className="data-col-figures">
        <div>
          <dt>Nulls</dt>
          <dd>
            {formatInt(s.nulls)}
            {s.rows > 0 && s.nulls > 0 ? ` (${formatPercent(s.nulls / s.rows)})` : ''}
          </dd>
        </div>
        <div>
          <dt>Distinct</dt>
          <dd title={s.distinctExact ? 'exact' : 'estimated (HyperLogLog, about 2 %)'}>
            {s.distinctExact ? '' : '≈ '}
            {formatInt(s.distinct)}
          </dd>
        </div>
        {f && (
          <>
            <div className={wide ? 'wide' : undefined}>
              <dt>Min</dt>
              <dd title={f.min}>{f.min}</dd>
            </div>
            <div className={wide ? 'wide' : undefined}>
              <dt>Max</dt>
              <dd title={f.max}>{f.max}</dd>
            </div>
          </>
        )}
        {f?.mean != null && (
          <div className={wide ? 'wide' : undefined}>
            <dt>Mean</dt>
            <dd title={f.mean}>{f.mean}</dd>
          </div>
        )}
      </dl>
      {s.histogram && nonNull > 0 && <MiniHistogram bins={s.histogram} type={s.type} column={s.name} />}
      {s.top && s.top.length > 0 && <TopValues top={s.top} rows={s.rows} exact={s.topExact} />}
      {nonNull === 0 && <p className="field-hint">Every value is null.</p>}
    </article>
  );
}
