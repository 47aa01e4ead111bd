import { useState, type AriaAttributes, type ReactNode } from 'react';

export function EmptyState({ icon, title, children }: { icon: ReactNode; title: string; children: ReactNode }) {
  return (
    <div className="panel empty">
      <div className="empty-illustration" aria-hidden>
        {icon}
      </div>
      <h2>{title}</h2>
      {children}
    </div>
  );
}

export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const pct = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  // a new phase starts its bar afresh: it jumps back rather than sliding backwards
  const [last, setLast] = useState(pct);
  const [back, setBack] = useState(false);
  if (pct !== last) {
    setLast(pct);
    setBack(pct < last);
  }
  return (
    <div>
      <div className="progress-label">
        <span>{label}</span>
        <span>{Math.round(pct)} %</span>
      </div>
      <ProgressTrack fraction={pct / 100} jump={back} aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)} />
    </div>
  );
}

/**
 * A progress bar's track and fill. The fill is scaled, not resized: a bar that moves many times a
 * second during a run then costs the page no layout or paint, only compositing (with a resized
 * fill, the page's main thread took 15–30 % of a core from the run's worker on two cores).
 * `jump` moves it without the slide (a new phase starting afresh).
 */
export function ProgressTrack({ fraction, jump = false, ...aria }: { fraction: number; jump?: boolean } & AriaAttributes) {
  const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return (
    <div className="progress" role="progressbar" {...aria}>
      <div style={jump ? { transform: `scaleX(${f})`, transition: 'none' } : { transform: `scaleX(${f})` }} />
    </div>
  );
}
