import { useId, useMemo, useRef, useState } from 'react';
import type { SessionKind, SessionSample } from '../../../core/simulators/clickstream/clickstream.samples';
import { formatCount, formatInt } from '../../format';
import type { clickstreamView } from '../../../core/simulators/clickstream/view';
import type { RunOf } from '../types';
import { formatSeconds, KIND_LABEL, sessionStart } from './clickstreamFormat';
import { SessionDetail } from './SessionDetail';
import { rovingKeyDown } from '../../components/roving';

const PAGE_SIZE = 6;
const KINDS: readonly SessionKind[] = ['converted', 'engaged', 'bounced', 'bot'];
type Filter = SessionKind | 'all';

/** Whether a session matches the search: its ids, device, referrer, user agent or a page it viewed. */
function matches(s: SessionSample, q: string): boolean {
  if (!q) return true;
  const has = (text: string | null) => text !== null && text.toLowerCase().includes(q);
  return has(s.userId) || has(s.sessionId) || has(s.deviceType) || has(s.referrer) || has(s.userAgent) || s.views.some((v) => has(v.url));
}

/**
 * The session explorer: a searchable, paged list of sampled sessions (converting, engaged,
 * bounced and bot sessions spread over the window) and, for the chosen one, its page views in
 * order. The samples come with the run's charts, so every session is whole.
 */
export function SessionExplorer({ run }: { run: RunOf<typeof clickstreamView> }) {
  const data = run.charts;
  const samples = data.sessionSamples;
  const stages = useMemo(() => data.funnel.map((s) => s.stage), [data]);
  const [filter, setFilter] = useState<Filter>('all');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const [selectedId, setSelectedId] = useState<string>();
  const name = useId();
  const detailRef = useRef<HTMLDivElement>(null);
  const choose = (id: string) => {
    setSelectedId(id);
    // when the explorer is stacked (a narrow results column) the detail may sit below the fold
    const box = detailRef.current?.getBoundingClientRect();
    if (box && box.top > window.innerHeight - 80) detailRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  };

  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: samples.length, converted: 0, engaged: 0, bounced: 0, bot: 0 };
    for (const s of samples) c[s.kind]++;
    return c;
  }, [samples]);
  const q = query.trim().toLowerCase();
  const shown = useMemo(() => samples.filter((s) => (filter === 'all' || s.kind === filter) && matches(s, q)), [samples, filter, q]);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const slice = shown.slice(current * PAGE_SIZE, current * PAGE_SIZE + PAGE_SIZE);
  // the detail follows the list: the chosen session while it matches the filter and search, else
  // the first match (a new run or a new search); none when nothing matches, so no stale detail stays
  const preferred = selectedId ?? samples.find((s) => s.kind === 'converted')?.sessionId;
  const selected = shown.find((s) => s.sessionId === preferred) ?? shown[0];
  const focusAt = Math.max(0, slice.findIndex((s) => s.sessionId === selected?.sessionId));

  return (
    <section className="panel clickstream-explorer-panel" aria-label="Session explorer">
      <div className="panel-header">
        <h2>Session explorer</h2>
        <span className="field-hint">
          {formatInt(samples.length)} whole sessions sampled across the window, with every page view in order.
        </span>
      </div>
      {samples.length === 0 ? (
        <div className="empty" style={{ minHeight: 160 }}>
          <p>This run has no sessions to explore.</p>
        </div>
      ) : (
        <div className="clickstream-explorer">
          <div className="clickstream-picker">
            <div className="clickstream-kinds" role="radiogroup" aria-label="Session kind">
              {(['all', ...KINDS] as const)
                .filter((k) => k === 'all' || counts[k] > 0)
                .map((k) => (
                  <label key={k}>
                    <input
                      type="radio"
                      name={name}
                      value={k}
                      checked={filter === k}
                      onChange={() => {
                        setFilter(k);
                        setPage(0);
                      }}
                    />
                    {k === 'all' ? 'All' : KIND_LABEL[k]} <span className="clickstream-count">{counts[k]}</span>
                  </label>
                ))}
            </div>
            <input
              className="input"
              type="search"
              aria-label="Search sessions"
              placeholder="Search user, id, device, source, page…"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setPage(0);
              }}
            />
            <ul className="clickstream-session-list" aria-label="Sampled sessions" onKeyDown={(e) => rovingKeyDown(e, 'vertical')}>
              {slice.map((s, k) => (
                <li key={s.sessionId}>
                  <button
                    type="button"
                    data-roving
                    tabIndex={k === focusAt ? 0 : -1}
                    className="clickstream-session"
                    aria-pressed={s.sessionId === selected?.sessionId}
                    onClick={() => choose(s.sessionId)}
                  >
                    <span className="clickstream-session-top">
                      <span className="clickstream-mono">{s.userId}</span>
                      <span className={`clickstream-kind clickstream-is-${s.kind}`}>{KIND_LABEL[s.kind]}</span>
                    </span>
                    <span className="clickstream-session-meta">
                      {s.deviceType} · {s.referrer} · {sessionStart(s.startedAtMs)}
                    </span>
                    <span className="clickstream-session-meta">
                      {formatCount(s.pageViews, 'page')} · {formatSeconds(s.durationSeconds)}
                    </span>
                  </button>
                </li>
              ))}
              {slice.length === 0 && <li className="clickstream-muted clickstream-none">No sampled session matches.</li>}
            </ul>
            <div className="clickstream-pager">
              <button type="button" className="btn btn-small" aria-label="Previous sessions" disabled={current === 0} onClick={() => setPage(current - 1)}>
                ‹ Prev
              </button>
              <span className="field-hint" aria-live="polite">
                {shown.length ? `${current * PAGE_SIZE + 1}–${current * PAGE_SIZE + slice.length} of ${shown.length}` : '0 sessions'}
              </span>
              <button type="button" className="btn btn-small" aria-label="Next sessions" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                Next ›
              </button>
            </div>
          </div>
          <div ref={detailRef} className="clickstream-detail-host">
            {selected ? (
              <SessionDetail key={selected.sessionId} session={selected} stages={stages} />
            ) : (
              <div className="empty clickstream-detail-empty" role="status">
                <p>No sampled session matches {q ? `“${query.trim()}”` : 'this filter'}. Change the search or the session kind to see a session here.</p>
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
