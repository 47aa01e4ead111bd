/**
 * Skip links, the first tab stops of every page: to the page's content and, on a simulator
 * page, straight to its Run button. The page uses hash routes, so they move focus themselves
 * instead of changing the hash.
 */
export function SkipLinks({ run }: { run: boolean }) {
  const jump = (id: string) => (e: React.MouseEvent) => {
    e.preventDefault();
    const target = document.getElementById(id);
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  };
  return (
    <div className="skip-links">
      <a className="skip-link" href="#main" onClick={jump('main')}>
        Skip to content
      </a>
      {run && (
        <a className="skip-link" href="#run-simulation" onClick={jump('run-simulation')}>
          Skip to Run simulation
        </a>
      )}
    </div>
  );
}
