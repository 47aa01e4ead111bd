/**
 * Every registered simulator's result fits the view its page reads (its def's `view`): the
 * stats and chart data of real engine runs, default and edge settings, as the worker posts them
 * (a structured clone); and a mutated copy is refused with the path of what changed.
 */
import { describe, expect, it } from 'vitest';
import { SIMULATORS } from '../registry';
import { runSimulator } from '../run';
import { readRun } from './result-view';

/** Settings per simulator: a small default-like run, and edges where parts of the result are empty or off. */
const SETTINGS: Readonly<Record<string, readonly Record<string, unknown>[]>> = {
  workflow: [{}, { entityCount: 1, anomalyEnabled: false }, { entityCount: 0 }],
  clickstream: [{ users: 50 }, { users: 5, botTrafficEnabled: false, funnelEnabled: false }, { users: 0 }],
  'operational-log': [{ durationHours: 2 }, { durationHours: 1, traceEnabled: false, latencySpikeEnabled: false, outageEnabled: false, errorBurstEnabled: false, eventsPerHour: 0 }],
  'file-drop': [{ dateRangeEnd: '2024-01-07' }],
  'scd2-file-drop': [{ numDeltaDays: 7 }, { numDeltaDays: 1 }],
  'stream-emit': [{ maxEvents: 60, replayEnabled: true, replayProbability: 0.2, outOfOrderProbability: 0.1 }],
  hybrid: [{ fileDropConfig: { dateRangeEnd: '2024-01-07' } }, { linkStrategy: 'natural_keys', fileDropConfig: { dateRangeEnd: '2024-01-02' } }],
  'financial-stream': [{}],
  'iot-telemetry': [{ fleetSize: 5 }, { fleetSize: 2, durationHours: 1 }],
};

describe.each(SIMULATORS.map((s) => [s.id, s] as const))('the page view of %s', (id, def) => {
  it('declares one', () => expect(def.view).toBeDefined());

  it.each((SETTINGS[id] ?? [{}]).map((s) => [JSON.stringify(s), s] as const))('fits the engine output with %s; a mutated copy does not', async (_, settings) => {
    const out = await runSimulator(def, { ...settings, seed: 11 });
    const posted = structuredClone({ runId: 1, stats: out.result.stats, charts: out.result.charts });
    const read = readRun(def.view!, posted);
    expect(read.ok ? 'fits' : read.problem).toBe('fits');

    // a stat of the wrong kind, a missing stat, and chart data of the wrong kind are each refused, naming the field
    const statKey = Object.keys(posted.stats)[0];
    // no shape accepts a symbol: whatever the field's kind, this value is of another
    const wrong = Symbol('wrong');
    expect(readRun(def.view!, { ...posted, stats: { ...posted.stats, [statKey]: wrong } })).toMatchObject({ ok: false, problem: expect.stringContaining(`stats.${statKey} should be`) });
    const { [statKey]: _dropped, ...fewer } = posted.stats;
    expect(readRun(def.view!, { ...posted, stats: fewer })).toMatchObject({ ok: false, problem: expect.stringMatching(new RegExp(`^stats\\.${statKey} should be .*, not missing$`)) });
    const charts = posted.charts as Record<string, unknown>;
    for (const key of Object.keys(charts)) {
      expect(readRun(def.view!, { ...posted, charts: { ...charts, [key]: wrong } }), `charts.${key}`).toMatchObject({ ok: false, problem: expect.stringContaining(`charts.${key} should be`) });
    }
    expect(readRun(def.view!, { ...posted, charts: undefined })).toEqual({ ok: false, problem: 'charts should be an object, not missing' });
  });
});
