import { formatInt, formatNumber, humanize } from '../format';
import type { SimulatorUi } from './types';

/**
 * Each simulator's page additions, by simulator id (one line per simulator), loaded with the
 * page that shows them: a page's charts and explorers are their own chunk, not the first paint's.
 */
const UI: Record<string, () => Promise<SimulatorUi>> = {
  workflow: () => import('./workflow/workflowUi').then((m) => m.workflowUi),
  'operational-log': () => import('./operational-log/operationalLogUi').then((m) => m.operationalLogUi),
  clickstream: () => import('./clickstream/clickstreamUi').then((m) => m.clickstreamUi),
  'stream-emit': () => import('./stream-emit/streamEmitUi').then((m) => m.streamEmitUi),
  hybrid: () => import('./hybrid/hybridUi').then((m) => m.hybridUi),
  'file-drop': () => import('./file-drop/fileDropUi').then((m) => m.fileDropUi),
  'scd2-file-drop': () => import('./scd2-file-drop/scd2Ui').then((m) => m.scd2Ui),
  'financial-stream': () => import('./financial-stream/financialUi').then((m) => m.financialStreamUi),
  'iot-telemetry': () => import('./iot-telemetry/iotUi').then((m) => m.iotTelemetryUi),
};

/**
 * Icons for the overview and empty states, by simulator id (light: the overview shows them all).
 * Characters from the arrows, operators and shapes blocks that common system fonts carry: the
 * SCD2 and hybrid icons were ⧖ and ⧉, which Debian's fonts lack (they drew as empty boxes).
 */
const ICONS: Record<string, string> = {
  workflow: '⇄',
  clickstream: '➚',
  'operational-log': '≋',
  'stream-emit': '⇶',
  hybrid: '⊕',
  'file-drop': '⤓',
  'scd2-file-drop': '↺',
  'financial-stream': '¤',
  'iot-telemetry': '⌁',
};

export function iconFor(id: string): string {
  return ICONS[id] ?? '◎';
}

/** A plain page for a simulator without its own additions: stat cards from its numeric stats. */
const genericUi: SimulatorUi = {
  description: '',
  statCards: (stats) =>
    Object.entries(stats)
      .flatMap(([k, v]) => (typeof v === 'number' ? [{ label: humanize(k), value: Number.isInteger(v) ? formatInt(v) : formatNumber(v, 4) }] : []))
      .slice(0, 8),
};

const loaded = new Map<string, Promise<SimulatorUi>>();

/** The page additions of a simulator (a cached promise, for React's `use` under Suspense). */
export function loadUi(id: string): Promise<SimulatorUi> {
  let p = loaded.get(id);
  if (!p) {
    p = UI[id] ? UI[id]() : Promise.resolve(genericUi);
    loaded.set(id, p);
  }
  return p;
}
