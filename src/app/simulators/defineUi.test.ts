import { describe, expect, it } from 'vitest';
import { runSimulator } from '../../core/run';
import { workflowSimulator } from '../../core/simulators/workflow';
import { workflowView } from '../../core/simulators/workflow/view';
import type { RunMeta } from '../store';
import { defineUi } from './defineUi';

/** A run as the page's store keeps it, from a real engine run. */
async function storedRun(): Promise<RunMeta> {
  const out = await runSimulator(workflowSimulator, { entityCount: 20, seed: 3 });
  const { stats, charts } = structuredClone({ stats: out.result.stats, charts: out.result.charts });
  const table = { name: 'events', rows: 0, columns: [] };
  return { runId: 1, config: out.config, stats, charts, tables: [table], answerKey: table, elapsedMs: 1, heldBytes: 0, held: true };
}

describe('defineUi', () => {
  const seen: number[] = [];
  const ui = defineUi(workflowView, {
    description: 'd',
    // typed: the stats' fields are read as numbers, no cast
    statCards: (stats, _config, charts) => [{ label: 'Entities', value: String(stats.total_entities + charts.states.length * 0) }],
    afterRun: (_sim, run) => seen.push(run.stats.total_events),
  });

  it('passes a run that fits the view to the page, typed', async () => {
    const run = await storedRun();
    expect(ui.check?.(run)).toBeUndefined();
    expect(ui.statCards(run.stats, run.config, run.charts)).toEqual([{ label: 'Entities', value: '20' }]);
    ui.afterRun?.('workflow', run, 'run', {});
    expect(seen).toEqual([run.stats.total_events]);
  });

  it('refuses a malformed run with the path of the problem: no cards, no afterRun', async () => {
    const run = await storedRun();
    const bad: RunMeta = { ...run, charts: { ...(run.charts as object), transitions: 'none' } };
    expect(ui.check?.(bad)).toBe('charts.transitions should be an array, not string "none"');
    expect(ui.check?.({ ...run, stats: { ...run.stats, total_entities: '20' } })).toBe('stats.total_entities should be a number, not string "20"');
    expect(ui.statCards(bad.stats, bad.config, bad.charts)).toEqual([]);
    seen.length = 0;
    ui.afterRun?.('workflow', bad, 'run', {});
    expect(seen).toEqual([]);
  });
});
