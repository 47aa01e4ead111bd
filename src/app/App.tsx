import { useEffect } from 'react';
import { CATALOG, findSpec } from '../core/catalog';
import { ENGINE_VERSION } from '../core/version';
import { DataSourcesPage } from './pages/DataSourcesPage';
import { HomePage } from './pages/HomePage';
import { SimulatorPage } from './pages/SimulatorPage';
import { href, useRoute } from './router';
import { useStudio } from './store';

/** The Data sources page's route (`#/data`). */
const DATA_PATH = 'data';

function ThemeToggle() {
  const theme = useStudio((s) => s.theme);
  const setTheme = useStudio((s) => s.setTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="btn btn-small" onClick={() => setTheme(next)} aria-label={`Switch to the ${next} theme`}>
      {theme === 'dark' ? '☀ Light theme' : '☾ Dark theme'}
    </button>
  );
}

function Sidebar({ current }: { current: string }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <a className="brand" href={href('')}>
        <img className="brand-mark" src="/favicon.svg" alt="" />
        <span>
          <div className="brand-name">Spindle Studio</div>
          <div className="brand-tag">Arriving-data simulator</div>
        </span>
      </a>
      <div className="nav-section">
        <div className="nav-heading">Simulators</div>
        {CATALOG.map((s) => (
          <a key={s.id} className="nav-link" href={href(s.id)} aria-current={current === s.id ? 'page' : undefined}>
            {s.title}
          </a>
        ))}
      </div>
      <div className="nav-section">
        <div className="nav-heading">Data</div>
        <a className="nav-link" href={href(DATA_PATH)} aria-current={current === DATA_PATH ? 'page' : undefined}>
          Data sources
        </a>
      </div>
      <div className="sidebar-footer">
        <ThemeToggle />
        <span>Engine {ENGINE_VERSION} · runs locally in Web Workers</span>
      </div>
    </nav>
  );
}

function NotFound({ path }: { path: string }) {
  return (
    <div className="page">
      <div className="panel empty">
        <h2>Nothing at “{path}”</h2>
        <p>
          That simulator does not exist (yet). <a href={href('')}>Back to the overview</a>.
        </p>
      </div>
    </div>
  );
}

export function App() {
  const route = useRoute();
  const theme = useStudio((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  const def = route.path ? findSpec(route.path) : undefined;
  const isData = route.path === DATA_PATH;
  useEffect(() => {
    document.title = def ? `${def.title} · Spindle Studio` : isData ? 'Data sources · Spindle Studio' : 'Spindle Studio';
  }, [def, isData]);
  return (
    <div className="shell">
      <Sidebar current={route.path} />
      <main className="main">
        {isData ? <DataSourcesPage /> : def ? <SimulatorPage key={def.id} def={def} /> : route.path ? <NotFound path={route.path} /> : <HomePage />}
      </main>
    </div>
  );
}
