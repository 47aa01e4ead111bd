import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatInt } from '../../format';
import { CONSOLE_MAX, type ConsoleEntry, type PlayState } from './playStore';
import { KINDS } from './StreamCharts';

const ROW_HEIGHT = 32;

interface Envelope {
  id?: string;
  topic?: string;
  time?: string;
  emitted_at?: string;
  _replay_time?: string;
  data?: Record<string, unknown>;
}

function parse(line: string): Envelope {
  try {
    return JSON.parse(line) as Envelope;
  } catch {
    return {};
  }
}

/** The first few data fields, as `key=value` (stream metadata left out). */
function dataPreview(e: Envelope): string {
  return Object.entries(e.data ?? {})
    .filter(([k]) => !k.startsWith('_spindle') && k !== '_correlation_id')
    .slice(0, 4)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('  ');
}

const clock = (us: number) => new Date(Math.floor(us / 1000)).toISOString().slice(11, 23) + String(Math.round(us % 1000)).padStart(3, '0');

/**
 * The console sink: the envelopes of a playing stream as a live log — newest at the bottom,
 * only visible rows rendered, pause (the log holds still while the stream goes on), a topic
 * filter, and any envelope opened in full.
 */
export function Console({ live }: { live: PlayState | undefined }) {
  const [paused, setPaused] = useState<{ entries: ConsoleEntry[]; delivered: number } | null>(null);
  const [topic, setTopic] = useState(-1);
  const [open, setOpen] = useState<ConsoleEntry | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const ids = { topic: useId(), detail: useId() };
  const version = live?.version;
  const source = paused?.entries ?? live?.console;
  const rows = useMemo(() => (source ?? []).filter((e) => topic < 0 || e.topic === topic),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` bumps when the live console (mutated in place) grows
    [source, topic, version]);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 10 });
  // follow the newest envelope while live (a plain scroll: the list's rows all have one height)
  useEffect(() => {
    const el = scrollRef.current;
    if (!paused && el) el.scrollTop = el.scrollHeight;
  }, [rows.length, paused, version]);
  // a new play starts with a clean console
  const playId = live?.playId;
  useEffect(() => {
    setPaused(null);
    setOpen(null);
  }, [playId]);

  if (!live) {
    return (
      <section className="panel stream-console" aria-label="Console">
        <div className="panel-header">
          <h2>Console</h2>
        </div>
        <p className="stream-console-empty">Press Play to watch the envelopes arrive here in real time, or run with the Console sink to list them as fast as they are made.</p>
      </section>
    );
  }
  const newer = paused ? live.delivered - paused.delivered : 0;
  const listed = live.delivered - live.skipped;
  return (
    <section className="panel stream-console" aria-label="Console">
      <div className="panel-header stream-console-head">
        <h2>Console</h2>
        <div className="stream-console-tools">
          <label htmlFor={ids.topic} className="field-hint">
            Topic
          </label>
          <select id={ids.topic} className="select stream-console-topic" value={topic} onChange={(e) => setTopic(Number(e.target.value))}>
            <option value={-1}>All topics</option>
            {live.topics.map((t, i) => (
              <option key={t} value={i}>
                {t}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-small" aria-pressed={paused !== null} onClick={() => setPaused(paused ? null : { entries: [...live.console], delivered: live.delivered })}>
            {paused ? 'Resume log' : 'Pause log'}
          </button>
        </div>
      </div>
      <p className="field-hint stream-console-status" aria-live="polite">
        {formatInt(live.delivered)} events received
        {paused ? ` · log paused${newer > 0 ? `: ${formatInt(newer)} newer not shown` : ''}` : ''}
        {live.console.length >= CONSOLE_MAX ? ` · the latest ${formatInt(CONSOLE_MAX)} kept` : ''}
        {listed < live.delivered ? ` · ${formatInt(live.delivered - listed)} went by too fast to list` : ''}
      </p>
      <div ref={scrollRef} className="stream-console-scroll" role="list" aria-label="Events" tabIndex={0}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const entry = rows[v.index];
            const e = parse(entry.line);
            const kind = KINDS[entry.kind];
            return (
              <div key={entry.seq} role="listitem" className="stream-console-row" style={{ transform: `translateY(${v.start}px)`, height: ROW_HEIGHT }}>
                <button type="button" className="stream-console-line" aria-expanded={open?.seq === entry.seq} aria-controls={ids.detail} onClick={() => setOpen(open?.seq === entry.seq ? null : entry)}>
                  <span className="stream-mono stream-console-time">{clock(entry.at)}</span>
                  <span className="stream-console-topic-name">{live.topics[entry.topic]}</span>
                  <span className={`stream-kind stream-kind-${kind.key}`}>{kind.label}</span>
                  <span className="stream-mono stream-console-id">{e.id?.slice(0, 8)}</span>
                  <span className="stream-console-data">{dataPreview(e)}</span>
                </button>
              </div>
            );
          })}
        </div>
        {!rows.length && <p className="stream-console-empty">{topic < 0 ? 'Waiting for the first event…' : 'No event of this topic yet.'}</p>}
      </div>
      <div id={ids.detail} className="stream-console-detail" aria-label="Envelope" role="region">
        {open ? (
          <>
            <div className="stream-console-detail-head">
              <strong>Envelope #{formatInt(open.seq)}</strong>
              <button type="button" className="btn btn-small" onClick={() => setOpen(null)}>
                Close
              </button>
            </div>
            <pre className="stream-mono">{JSON.stringify(parse(open.line), null, 2)}</pre>
          </>
        ) : (
          <span className="field-hint">Open an event to read its whole envelope.</span>
        )}
      </div>
    </section>
  );
}
