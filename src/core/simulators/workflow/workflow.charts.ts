import { binsOf, histogram, niceEdges, quantilesInPlace, type Bin } from '../../histogram';

/** Chart data for the Workflow page, aggregated next to the data so the UI stays light. */
export interface WorkflowCharts {
  readonly states: { name: string; terminal: boolean }[];
  /** Entities by final state, count descending. */
  readonly finalStates: { state: string; count: number; terminal: boolean }[];
  /** Event counts between states, including anomalous moves (from = to for stuck). */
  readonly transitions: { from: string; to: string; count: number }[];
  /** Dwell time of every non-stuck event, hours. */
  readonly dwell: Bin[];
  /** Time from creation to the terminal state, complete entities only, hours. */
  readonly completion: { bins: Bin[]; p50: number; p90: number; p99: number };
  readonly anomalies: { type: 'skip' | 'stuck' | 'backward'; count: number }[];
}

/** Dwell edges in hours: roughly logarithmic, since dwell ranges from minutes to weeks. */
export const DWELL_EDGES = [0, 0.5, 1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 336, Infinity];

/**
 * The charts from the run's aggregates: `dwellCounts` are counts per {@link DWELL_EDGES} bin of
 * the non-stuck events' dwell (countBins, chunk by chunk if need be), `anomalyCounts` the events
 * by anomaly type code (none, skip, stuck, backward), `completeHours` the hours from creation to
 * the terminal state of every complete entity (reordered here).
 */
export function summarizeWorkflow(input: {
  names: string[];
  terminal: Uint8Array;
  pairCounts: Float64Array;
  finalCounts: number[];
  dwellCounts: readonly number[];
  anomalyCounts: readonly number[];
  completeHours: Float64Array;
}): WorkflowCharts {
  const { names, terminal, pairCounts, finalCounts, dwellCounts, anomalyCounts, completeHours } = input;
  const n = names.length;
  const transitions: WorkflowCharts['transitions'] = [];
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) if (pairCounts[a * n + b] > 0) transitions.push({ from: names[a], to: names[b], count: pairCounts[a * n + b] });

  // selections, not a sort (reorders the values; the histogram only counts)
  const [p50, p90, p99] = quantilesInPlace(completeHours, [0.5, 0.9, 0.99]);
  return {
    states: names.map((name, i) => ({ name, terminal: terminal[i] === 1 })),
    finalStates: names
      .map((state, i) => ({ state, count: finalCounts[i], terminal: terminal[i] === 1 }))
      .filter((s) => s.count > 0)
      .sort((x, y) => y.count - x.count || (x.state < y.state ? -1 : 1)),
    transitions,
    dwell: binsOf(dwellCounts, DWELL_EDGES),
    completion: {
      bins: completeHours.length ? histogram(completeHours, niceEdges(0, p99, 24)) : [],
      p50,
      p90,
      p99,
    },
    anomalies: [
      { type: 'skip', count: anomalyCounts[1] },
      { type: 'stuck', count: anomalyCounts[2] },
      { type: 'backward', count: anomalyCounts[3] },
    ],
  };
}
