import { lazy, Suspense, useEffect, useState } from 'react';
import { CATALOG, findSpec } from '../core/catalog';
import { ENGINE_VERSION } from '../core/version';
import { SectionBoundary } from './components/SectionBoundary';
import { href, useRoute } from './router';
import { SkipLinks } from './shell/SkipLinks';
import { useStudio } from './store';

// Route-level code splitting: the first paint loads the shell and the page it shows, nothing more.
const HomePage = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.HomePage })));
const DataSourcesPage = lazy(() => import('./pages/DataSourcesPage').then((m) => ({ default: m.DataSourcesPage })));
const SimulatorPage = lazy(() => import('./pages/SimulatorPage').then((m) => ({ default: m.SimulatorPage })));

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

function Brand() {
  return (
    <a className="brand" href={href('')}>
      <img className="brand-mark" src="/favicon.svg" alt="" />
      <span>
        <span className="brand-name">Spindle Studio</span>
        <span className="brand-tag">Arriving-data simulator</span>
      </span>
    </a>
  );
}

function Sidebar({ current, open }: { current: string; open: boolean }) {
  return (
    <nav className={`sidebar${open ? ' open' : ''}`} id="main-nav" aria-label="Main">
      <div className="sidebar-brand">
        <Brand />
      </div>
      <div className="nav-section">
        <h2 className="nav-heading">Simulators</h2>
        {CATALOG.map((s) => (
          <a key={s.id} className="nav-link" href={href(s.id)} aria-current={current === s.id ? 'page' : undefined}>
            {s.title}
          </a>
        ))}
      </div>
      <div className="nav-section">
        <h2 className="nav-heading">Data</h2>
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

/** Below the navigation breakpoint: the brand and a button that shows or hides the navigation. */
function TopBar({ open, onToggle }: { open: boolean; onToggle(): void }) {
  return (
    <header className="topbar">
      <Brand />
      <button type="button" className="btn btn-small topbar-menu" aria-expanded={open} aria-controls="main-nav" onClick={onToggle}>
        <span aria-hidden="true">☰</span> Menu
      </button>
    </header>
  );
}

function NotFound({ path }: { path: string }) {
  return (
    <div className="page">
      <div className="panel empty">
        <h1>Nothing at “{path}”</h1>
        <p>
          That simulator does not exist (yet). <a href={href('')}>Back to the overview</a>.
        </p>
      </div>
    </div>
  );
}

function Loading() {
  return (
    <div className="page" aria-busy="true">
      <div className="panel empty">
        <div className="spinner" aria-hidden="true" />
        <h1 className="sr-only">Loading</h1>
        <p>Loading the page…</p>
      </div>
    </div>
  );
}

export function App() {
  const route = useRoute();
  const theme = useStudio((s) => s.theme);
  // open for the page it was opened on: choosing a page closes the narrow-screen navigation
  const [navOpenOn, setNavOpenOn] = useState<string | null>(null);
  const navOpen = navOpenOn === route.path;
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
      <SkipLinks run={!!def} />
      <TopBar open={navOpen} onToggle={() => setNavOpenOn(navOpen ? null : route.path)} />
      <Sidebar current={route.path} open={navOpen} />
      <main className="main" id="main" tabIndex={-1}>
        <SectionBoundary name="this page" resetKey={route.path}>
          <Suspense fallback={<Loading />}>
            {isData ? <DataSourcesPage /> : def ? <SimulatorPage key={def.id} def={def} /> : route.path ? <NotFound path={route.path} /> : <HomePage />}
          </Suspense>
        </SectionBoundary>
      </main>
    </div>
  );
}
