import type { SessionSample } from '../../../core/simulators/clickstream/clickstream.samples';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatInt } from '../../format';
import { clockHmsMs, formatSeconds, fullDate, KIND_LABEL, offsetLabel } from './clickstreamFormat';

/** The stages a session reached, in order, and where it stopped. */
function FunnelProgress({ session, stages }: { session: SessionSample; stages: readonly string[] }) {
  if (!stages.length) return <span className="clickstream-muted">no funnel in this run</span>;
  if (session.kind === 'bot' || session.kind === 'bounced') {
    return <span className="clickstream-muted">{session.kind === 'bot' ? 'crawlers are not in the funnel' : 'a bounce never enters the funnel'}</span>;
  }
  const depth = session.funnelDepth;
  return (
    <ol className="clickstream-stages" aria-label="Funnel stages reached">
      {stages.map((stage, k) => (
        <li key={`${k}:${stage}`} className={k < depth ? 'reached' : k === depth ? 'dropped' : ''}>
          {k < depth ? '✓ ' : ''}
          {stage}
          <span className="sr-only">{k < depth ? ' (reached)' : ' (not reached)'}</span>
        </li>
      ))}
    </ol>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Page view k: when, where from, and its time on page placed on the session's whole duration. */
function ViewRow({ session, k, stage }: { session: SessionSample; k: number; stage?: string }) {
  const v = session.views[k];
  const spanMs = Math.max(1, session.durationSeconds * 1000);
  const referrer = k === 0 ? session.referrer : session.views[k - 1].url;
  return (
    <tr>
      <td className="clickstream-muted num">{k + 1}</td>
      <td className="clickstream-mono">{clockHmsMs(session.startedAtMs + v.offsetMs)}</td>
      <td className="clickstream-mono clickstream-muted clickstream-col-extra">{offsetLabel(v.offsetMs)}</td>
      <td className="clickstream-mono clickstream-url" title={`${v.url} (referrer: ${referrer})`}>
        {v.url}
      </td>
      <td className="clickstream-mono clickstream-url clickstream-muted clickstream-col-extra" title="referrer_url">
        {referrer}
      </td>
      <td>
        <div className="clickstream-timeline" title={`${formatSeconds(v.dwellSeconds)} from ${offsetLabel(v.offsetMs)}`}>
          <span className="clickstream-timeline-track">
            <span
              className={`clickstream-timeline-bar clickstream-is-${session.kind}`}
              style={{ left: `${(v.offsetMs / spanMs) * 100}%`, width: `max(2px, ${((v.dwellSeconds * 1000) / spanMs) * 100}%)` }}
            />
          </span>
          <span className="clickstream-timeline-value">{formatSeconds(v.dwellSeconds)}</span>
        </div>
      </td>
      <td>{stage !== undefined && <span className="clickstream-stage-tag">{stage}</span>}</td>
    </tr>
  );
}

/**
 * One sampled session: who, when, from where, how far into the funnel, and its page views in
 * order with their time on page drawn against the session's whole duration.
 */
export function SessionDetail({ session, stages }: { session: SessionSample; stages: readonly string[] }) {
  const depth = session.funnelDepth;
  const outcome =
    session.kind === 'converted'
      ? `converted: reached ${stages[stages.length - 1]}`
      : session.kind === 'engaged' && depth > 0 && depth < stages.length
        ? `dropped off after ${stages[depth - 1]}`
        : KIND_LABEL[session.kind].toLowerCase();
  return (
    <section className="clickstream-detail" aria-label={`Session of ${session.userId}`}>
      <header className="clickstream-detail-head">
        <div>
          <h3>
            {session.userId} <span className={`clickstream-kind clickstream-is-${session.kind}`}>{KIND_LABEL[session.kind]}</span>
          </h3>
          <div className="clickstream-mono clickstream-muted" title="session_id">
            {session.sessionId}
          </div>
        </div>
        <span className="clickstream-outcome">{outcome}</span>
      </header>
      <dl className="clickstream-facts">
        <Fact label="Started (UTC)">
          {fullDate(session.startedAtMs)}, {clockHmsMs(session.startedAtMs)}
        </Fact>
        <Fact label="Duration">{formatSeconds(session.durationSeconds)}</Fact>
        <Fact label="Page views">{formatInt(session.pageViews)}</Fact>
        <Fact label="Device">{session.deviceType}</Fact>
        <Fact label="Referrer">{session.referrer}</Fact>
        {session.userAgent && <Fact label="User agent">{session.userAgent}</Fact>}
      </dl>
      <div className="clickstream-funnel-line">
        <span className="clickstream-muted">Funnel</span>
        <FunnelProgress session={session} stages={stages} />
      </div>
      <ScrollRegion className="clickstream-views-scroll" label="Page views of the session, scrollable">
        <table className="clickstream-views" aria-label="Page views of the session">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Time (UTC)</th>
              <th scope="col" className="clickstream-col-extra">
                Offset
              </th>
              <th scope="col">Page</th>
              <th scope="col" className="clickstream-col-extra">
                Referrer
              </th>
              <th scope="col" className="clickstream-timeline-head">
                Time on page
              </th>
              <th scope="col">Stage</th>
            </tr>
          </thead>
          <tbody>
            {session.views.map((_, k) => (
              <ViewRow key={k} session={session} k={k} stage={k < depth ? stages[k] : undefined} />
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {session.views.length < session.pageViews && (
        <p className="field-hint">
          Showing the first {formatInt(session.views.length)} of {formatInt(session.pageViews)} page views; the page_views table has them all.
        </p>
      )}
    </section>
  );
}
