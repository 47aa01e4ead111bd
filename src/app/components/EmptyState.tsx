import { useState, type ReactNode } from 'react';

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
      <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}>
        <div style={back ? { width: `${pct}%`, transition: 'none' } : { width: `${pct}%` }} />
      </div>
    </div>
  );
}
