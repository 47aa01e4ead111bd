import { useEffect, useId, useMemo } from 'react';
import type { FileIndex } from '../../../core/landing/charts';
import { formatBytes, formatInt } from '../../format';
import { landingTime } from './landingFormat';
import { replayAt, setReplay, stepAt, useReplay } from './replay';
import { landingSteps } from './zoneTree';

/** A whole replay takes about this long, whatever the number of landing instants (within the step bounds). */
const REPLAY_MS = 12_000;

/**
 * Replay the arrival: a slider over the run's simulated landing instants and a play button.
 * The explorer and the charts follow it (useReplay); at the right end everything has landed.
 */
export function ReplayBar({ simulator, runId, index }: { simulator: string; runId: number; index: FileIndex }) {
  const replay = useReplay(simulator, runId);
  const steps = useMemo(() => landingSteps(index), [index]);
  const id = useId();
  const at = Math.max(0, stepAt(steps, replay.atUs));
  const last = steps.length - 1;
  const tick = Math.min(600, Math.max(60, REPLAY_MS / Math.max(1, steps.length)));
  const { playing, update } = replay;

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      const now = stepAt(steps, replayAt(simulator, runId));
      setReplay(simulator, runId, now >= last - 1 ? { atUs: null, playing: false } : { atUs: steps[now + 1] });
    }, tick);
    return () => clearInterval(timer);
  }, [playing, steps, last, tick, simulator, runId]);

  const landed = useMemo(() => {
    const t = replay.atUs ?? Number.POSITIVE_INFINITY;
    let files = 0;
    let bytes = 0;
    for (let i = 0; i < index.name.length; i++)
      if (index.landedAtUs[i] <= t) {
        files++;
        bytes += index.bytes[i];
      }
    return { files, bytes };
  }, [index, replay.atUs]);

  if (steps.length === 0) return null;
  const when = landingTime(steps[at]);
  const play = () => update({ playing: !playing, ...(at >= last && !playing ? { atUs: steps[0] } : {}) });
  return (
    <section className="panel landing-replay" aria-label="Replay the arrival">
      <button type="button" className="btn btn-primary landing-play" onClick={play} aria-pressed={playing}>
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : at >= last ? 'Replay' : 'Play'}
      </button>
      <div className="landing-replay-main">
        <label htmlFor={id} className="landing-replay-label">
          Landed by <strong data-replay-at={steps[at]}>{when}</strong>
        </label>
        <input
          id={id}
          className="landing-slider"
          type="range"
          min={0}
          max={last}
          step={1}
          value={at}
          aria-valuetext={`${when}, step ${at + 1} of ${steps.length}`}
          onChange={(e) => {
            const v = Number(e.target.value);
            update({ atUs: v >= last ? null : steps[v], playing: false });
          }}
        />
        <div className="landing-replay-scale field-hint" aria-hidden="true">
          <span>{landingTime(steps[0])}</span>
          <span>{landingTime(steps[last])}</span>
        </div>
      </div>
      <p className="landing-replay-count" role="status">
        <strong>{formatInt(landed.files)}</strong> of {formatInt(index.name.length)} files · {formatBytes(landed.bytes)}
      </p>
    </section>
  );
}
