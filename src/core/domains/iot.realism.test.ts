/**
 * IoT realism (spec/domains.md §7) at every scale the page offers and at the CLI's `large`
 * (50,000 devices, 2.9 M rows, generated whole), over several seeds: each sensor type with its
 * unit, a range of its own models and readings inside its physical bounds; alerts resolved a
 * continuous while after their trigger, inside the range; location popularity within 15 %.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDomain, type DomainOutput } from './engine';
import { iot } from './iot';
import { alertProblems, sensorProblems, skewProblems } from './realism-checks';

const RUNS = [
  { scale: 'fixture', seeds: [1, 2, 3, 42] },
  { scale: 'fabric_demo', seeds: [1, 2, 3] },
  { scale: 'small', seeds: [7, 42] },
  { scale: 'medium', seeds: [42] },
  { scale: 'large', seeds: [42] },
] as const;

const END = Date.UTC(2026, 0, 1) * 1000;

for (const run of RUNS)
  for (const seed of run.seeds)
    describe(`iot realism at ${run.scale}, seed ${seed}`, () => {
      let out: DomainOutput;
      beforeAll(async () => {
        out = await generateDomain(iot, { scale: run.scale, seed });
      }, 300_000);

      it('gives each sensor type its unit, a model range and physically possible readings', () => {
        expect(sensorProblems(out)).toEqual([]);
      });
      it('resolves alerts a continuous while after their trigger, inside the range', () => {
        expect(alertProblems(out, END)).toEqual([]);
      });
      it('keeps the most popular location within 15 % of devices and the most alerted device within 15 % of alerts', () => {
        expect([...skewProblems(out, 'device', 'location_id', 'location'), ...skewProblems(out, 'alert', 'device_id', 'device')]).toEqual([]);
      });
    });
