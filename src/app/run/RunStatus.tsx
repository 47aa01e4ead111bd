/** How a page shows a run in progress, and how it ended when it did not finish: the same on every page. */
import { ProgressBar, ProgressRing } from '../components/EmptyState';
import { formatInt } from '../format';
import { useStudio, type JobStatus } from '../store';
import type { SerializedError } from '../../worker/protocol';

/** The running simulator's progress bar, in the phase's own words (a component: progress ticks redraw only it). */
export function RunProgress({ id }: { id: string }) {
  const progress = useStudio((s) => s.sims[id]?.progress);
  if (!progress) return <ProgressBar done={0} total={1} label="Starting…" />;
  return (
    <ProgressBar
      done={progress.done}
      total={progress.total}
      label={`${progress.phase} · ${formatInt(progress.done)} of ${formatInt(progress.total)}`}
    />
  );
}

/** The running simulator's progress as a ring, for its result area (the bar beside Run is the accessible one). */
export function RunRing({ id }: { id: string }) {
  const progress = useStudio((s) => s.sims[id]?.progress);
  return <ProgressRing fraction={progress ? progress.done / Math.max(1, progress.total) : 0} />;
}

/** Why the last run gave nothing: its error, or that it was cancelled (nothing otherwise). */
export function RunOutcome({ status, error }: { status: JobStatus | undefined; error: SerializedError | undefined }) {
  if (status === 'error' && error)
    return (
      <div className="callout callout-error" role="alert">
        <div>
          <strong>{error.name === 'ConfigError' ? 'The settings are not valid' : 'The run failed'}</strong>
          <div>{error.message}</div>
        </div>
      </div>
    );
  if (status === 'cancelled') return <div className="callout">The run was cancelled; nothing was kept from it.</div>;
  return null;
}
