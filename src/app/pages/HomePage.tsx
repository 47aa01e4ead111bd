import { SIMULATORS } from '../../core/registry';
import { href } from '../router';
import { uiFor } from '../simulators';

const CATEGORY: Record<string, string> = { behaviour: 'Behaviour', landing: 'Landing zone', stream: 'Streaming' };

export function HomePage() {
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Simulate how data arrives</h1>
          <p>
            Realistic arriving data to demo and test pipelines — late and duplicated files, change files, event streams, clickstreams, payments, IoT
            fleets, service logs and business workflows. Everything runs in your browser; nothing is uploaded. The same seed always gives the same bytes.
          </p>
        </div>
      </header>
      <div className="home-grid">
        {SIMULATORS.map((s) => (
          <a key={s.id} className="panel home-card" href={href(s.id)}>
            <span className="tag">{CATEGORY[s.category] ?? s.category}</span>
            <h2>
              <span aria-hidden>{uiFor(s.id).icon}</span> {s.title}
            </h2>
            <p>{s.summary}</p>
          </a>
        ))}
      </div>
    </div>
  );
}
