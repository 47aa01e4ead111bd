import { CATALOG } from '../../core/catalog';
import { href } from '../router';
import { iconFor } from '../simulators';

/** Section titles: what each kind of simulator makes. */
const CATEGORY: Record<string, string> = { behaviour: 'Behaviour — systems and people at work', landing: 'Landing zone — files into a lakehouse folder', stream: 'Streams — events as they are sent' };

export function HomePage() {
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Simulate how data arrives</h1>
          <p>
            Realistic arriving data to demo and test pipelines: files landing in a lakehouse folder slot by slot, SCD2 change files, event streams,
            web clickstreams, service logs with traces, business workflows, payments and IoT fleets — with every injected fault (a late file, a replayed
            event, a bot session, an outage window) listed in an answer key that ships with the data. Everything runs in your browser; nothing is uploaded.
            The same settings and seed always give the same bytes.
          </p>
        </div>
      </header>
      {/* one section per kind of simulator, in the order the navigation first lists them */}
      {[...new Set(CATALOG.map((s) => s.category))].map((category) => (
        <section key={category} aria-labelledby={`home-${category}`}>
          <h2 className="home-section" id={`home-${category}`}>
            {CATEGORY[category] ?? category}
          </h2>
          <div className="home-grid">
            {CATALOG.filter((s) => s.category === category).map((s) => (
              <a key={s.id} className="panel home-card" href={href(s.id)}>
                <h3>
                  <span aria-hidden>{iconFor(s.id)}</span> {s.title}
                </h3>
                <p>{s.summary}</p>
              </a>
            ))}
          </div>
        </section>
      ))}
      <h2 className="home-section">Data — the tables simulators read</h2>
      <div className="home-grid">
        <a className="panel home-card" href={href('data')}>
          <h3>
            <span aria-hidden>▦</span> Data sources
          </h3>
          <p>Generate relational retail, financial or IoT tables with valid keys in one click, or bring your own CSV, Parquet and JSONL files.</p>
        </a>
      </div>
    </div>
  );
}
