import { CATALOG } from '../../core/catalog';
import { href } from '../router';
import { iconFor } from '../simulators';

const CATEGORY: Record<string, string> = { behaviour: 'Behaviour', landing: 'Landing zone', stream: 'Streaming' };

export function HomePage() {
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Simulate how data arrives</h1>
          <p>
            Realistic arriving data to demo and test pipelines: business workflows, web clickstreams and service logs, with every injected fault — a
            skipped state, a bot session, an outage window — listed in an answer key that ships with the data. Everything runs in your browser; nothing is
            uploaded. The same settings and seed always give the same bytes.
          </p>
        </div>
      </header>
      <h2 className="home-section">Simulators</h2>
      <div className="home-grid">
        {CATALOG.map((s) => (
          <a key={s.id} className="panel home-card" href={href(s.id)}>
            <span className="tag">{CATEGORY[s.category] ?? s.category}</span>
            <h3>
              <span aria-hidden>{iconFor(s.id)}</span> {s.title}
            </h3>
            <p>{s.summary}</p>
          </a>
        ))}
      </div>
      <h2 className="home-section">Data</h2>
      <div className="home-grid">
        <a className="panel home-card" href={href('data')}>
          <span className="tag">Input tables</span>
          <h3>
            <span aria-hidden>▦</span> Data sources
          </h3>
          <p>Generate relational retail, financial or IoT tables with valid keys in one click, or bring your own CSV, Parquet and JSONL files.</p>
        </a>
      </div>
    </div>
  );
}
