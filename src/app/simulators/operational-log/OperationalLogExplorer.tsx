import { useRef, useState } from 'react';
import type { operationalLogView } from '../../../core/simulators/operational-log/view';
import type { RunOf } from '../types';
import { LogView } from './LogView';
import { TraceExplorer } from './TraceExplorer';

/** The drill-downs under the charts: a trace waterfall, and a log view whose lines open their trace in it. */
export function OperationalLogExplorer({ run }: { run: RunOf<typeof operationalLogView> }) {
  const data = run.charts;
  const first = data.traceLists.slowest[0] ?? data.traceLists.errors[0] ?? 0;
  const [selected, setSelected] = useState({ trace: first, fromLog: false });
  const traceRef = useRef<HTMLElement>(null);
  if (!data.logSample.total) return null;
  const open = (trace: number) => {
    setSelected({ trace, fromLog: true });
    traceRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    traceRef.current?.focus({ preventScroll: true });
  };
  return (
    <>
      <TraceExplorer
        ref={traceRef}
        data={data}
        selected={selected.trace}
        fromLog={selected.fromLog}
        onSelect={(trace) => setSelected({ trace, fromLog: false })}
        totalTraces={run.stats.total_traces}
      />
      <LogView data={data} onOpenTrace={open} />
    </>
  );
}
