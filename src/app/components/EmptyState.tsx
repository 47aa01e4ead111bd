import type { AriaAttributes, ReactNode } from 'react';

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
  const fraction = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div>
      <div className="progress-label">
        <span>{label}</span>
        <span>{Math.round(fraction * 100)} %</span>
      </div>
      <ProgressTrack fraction={fraction} aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(fraction * 100)} />
    </div>
  );
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));

/*
 * Progress is drawn only when it moves (at most ten times a second), never animated between
 * updates: a spinning icon and sliding bars kept the compositor drawing 60 frames a second for
 * the whole of a run, about a core-second in every four seconds of a run on two cores, taken
 * from the run's worker. The fill is scaled, not resized, so an update costs no layout.
 */

/** A progress bar's track and fill. */
export function ProgressTrack({ fraction, ...aria }: { fraction: number } & AriaAttributes) {
  return (
    <div className="progress" role="progressbar" {...aria}>
      <div style={{ transform: `scaleX(${clamp01(fraction)})` }} />
    </div>
  );
}

const RING = 2 * Math.PI * 15;

/** A ring that fills with a job's progress, for a result area while the job runs (the bar beside its button is the one assistive technology reads). */
export function ProgressRing({ fraction }: { fraction: number }) {
  return (
    <svg className="progress-ring" viewBox="0 0 36 36" aria-hidden="true">
      <circle cx="18" cy="18" r="15" className="progress-ring-track" />
      <circle cx="18" cy="18" r="15" className="progress-ring-fill" strokeDasharray={RING} strokeDashoffset={RING * (1 - clamp01(fraction))} transform="rotate(-90 18 18)" />
    </svg>
  );
}
