import { useId } from 'react';
import { ProgressTrack } from '../../components/EmptyState';
import { formatDuration, formatInt, formatNumber } from '../../format';
import { useStudio } from '../../store';
import type { RunExtrasProps } from '../types';
import { controlPlay, downloadDeliveryKey, stopPlay } from './player';
import { usePlays, type PlayState } from './playStore';
import { formatSpan } from './timeAxis';

export const SPEEDS = [1, 2, 5, 10, 50, 100, 1000] as const;

function SpeedSelect({ value, onChange, label }: { value: number; onChange(speed: number): void; label: string }) {
  const id = useId();
  const options = (SPEEDS as readonly number[]).includes(value) ? SPEEDS : [...SPEEDS, value].sort((a, b) => a - b);
  return (
    <span className="stream-speed">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {options.map((s) => (
          <option key={s} value={s}>
            ×{formatInt(s)}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Play beside Run simulation: run, then send the stream in real time at the chosen speed. */
export function PlayButton({ draft, setDraft, canRun, run }: RunExtrasProps) {
  const speed = typeof draft.realtimeSpeed === 'number' ? draft.realtimeSpeed : 1;
  return (
    <div className="stream-play-row">
      <button type="button" className="btn grow" disabled={!canRun} onClick={() => void run('play')}>
        <span aria-hidden="true">▶ </span>Play in real time
      </button>
      <SpeedSelect label="Speed" value={speed} onChange={(s) => setDraft({ ...draft, realtimeSpeed: s })} />
    </div>
  );
}

const STATUS: Record<PlayState['status'], string> = { playing: 'Playing', paused: 'Paused', done: 'Done', stopped: 'Stopped', error: 'Failed' };

/** The play's state and controls above the charts: progress, pause, resume, stop, speed, and the HTTP delivery. */
export function PlayerBar({ simulator, live, endUs }: { simulator: string; live: PlayState; endUs: number }) {
  const setDraft = useStudio((s) => s.setDraft);
  const draft = useStudio((s) => s.sims[simulator]?.draft);
  const rate = live.status === 'playing' ? live.rateNow : null;
  const active = live.status === 'playing' || live.status === 'paused';
  const startUs = live.series.startUs;
  const simMs = (Math.min(live.speed === null ? live.atUs : live.playheadUs, endUs) - startUs) / 1000;
  const d = live.delivery;
  return (
    <section className="panel stream-player" aria-label="Player" data-delivered={live.delivered} data-wall-ms={Math.round(live.wallMs)} data-status={live.status}>
      <div className="stream-player-top">
        <span className={`stream-status stream-status-${live.status}`} role="status">
          {STATUS[live.status]}
          {live.speed === null ? ' · as fast as possible' : ` · ×${formatInt(live.speed)} real time`}
        </span>
        <span className="stream-player-count">
          <strong>{formatInt(live.delivered)}</strong> of {formatInt(live.total)} events
        </span>
        <span className="field-hint">
          simulated {formatSpan(Math.max(0, simMs))} of {formatSpan((endUs - startUs) / 1000)} · {formatDuration(live.wallMs)} wall time
          {rate !== null ? ` · ${formatNumber(rate, 0)} events/s now` : ''}
        </span>
        <div className="stream-player-buttons">
          {active && (
            <button type="button" className="btn btn-small" onClick={() => controlPlay(simulator, { action: live.status === 'paused' ? 'resume' : 'pause' })}>
              {live.status === 'paused' ? 'Resume' : 'Pause'}
            </button>
          )}
          {active && (
            <button type="button" className="btn btn-small btn-danger" onClick={() => stopPlay(simulator)}>
              Stop
            </button>
          )}
          {active && live.speed !== null && (
            <SpeedSelect
              label="Speed"
              value={live.speed}
              onChange={(s) => {
                controlPlay(simulator, { action: 'speed', speed: s });
                if (draft) setDraft(simulator, { ...draft, realtimeSpeed: s });
              }}
            />
          )}
        </div>
      </div>
      <ProgressTrack fraction={live.delivered / Math.max(1, live.total)} aria-label="Events sent" aria-valuemin={0} aria-valuemax={live.total} aria-valuenow={live.delivered} />
      {live.http && (
        <section className="stream-delivery" aria-label="HTTP delivery">
          <span>
            HTTP: <strong>{formatInt(d?.deliveredEvents ?? 0)}</strong> delivered in {formatInt(d?.deliveredRequests ?? 0)} requests · {formatInt(d?.retries ?? 0)} retried · <strong>{formatInt(d?.failedEvents ?? 0)}</strong> failed
          </span>
          {d && d.requests > 0 && (
            <button type="button" className="btn btn-small" onClick={() => void downloadDeliveryKey(simulator, live.playId)}>
              Download delivery log (CSV)
            </button>
          )}
          {d?.lastError && (
            <p className="callout callout-error stream-delivery-error" role="alert">
              Last failure: {d.lastError}
            </p>
          )}
        </section>
      )}
      {live.error && (
        <p className="callout callout-error" role="alert">
          {live.error}
        </p>
      )}
    </section>
  );
}

/** The play of a run, if the page holds one for it. */
export function useLive(simulator: string, runId: number): PlayState | undefined {
  const live = usePlays((s) => s.plays[simulator]);
  return live && live.runId === runId ? live : undefined;
}
