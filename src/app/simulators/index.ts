import { formatInt, formatNumber, humanize } from '../format';
import { operationalLogUi } from './operational-log/operationalLogUi';
import type { SimulatorUi } from './types';
import { clickstreamUi } from './clickstream/clickstreamUi';
import { workflowUi } from './workflow/workflowUi';
import { streamEmitUi } from './stream-emit/streamEmitUi';
import { hybridUi } from './hybrid/hybridUi';

/** Each simulator's page additions, by simulator id (one line per simulator). */
const UI: Record<string, SimulatorUi> = {
  workflow: workflowUi,
  'operational-log': operationalLogUi,
  clickstream: clickstreamUi,
  'stream-emit': streamEmitUi,
  hybrid: hybridUi,
};

/** A plain page for a simulator without its own additions: stat cards from its numeric stats. */
const genericUi: SimulatorUi = {
  description: '',
  icon: '◎',
  statCards: (stats) =>
    Object.entries(stats)
      .filter(([, v]) => typeof v === 'number')
      .slice(0, 8)
      .map(([k, v]) => ({ label: humanize(k), value: Number.isInteger(v) ? formatInt(v as number) : formatNumber(v as number, 4) })),
};

export function uiFor(id: string): SimulatorUi {
  return UI[id] ?? genericUi;
}
