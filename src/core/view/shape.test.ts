import { describe, expect, it } from 'vitest';
import { defineView, readRun } from './result-view';
import { arr, bool, fits, like, nullable, num, obj, oneOf, opt, rec, str } from './shape';

const point = obj({ at: str, level: num, note: opt(str), gone: nullable(num) });
const charts = obj({ kind: oneOf('a', 'b'), points: arr(point), byType: rec(num), on: bool, index: like<{ n: number[] }>(obj({})) });

describe('shapes', () => {
  const good = { kind: 'a', points: [{ at: 'x', level: 1, gone: null }, { at: 'y', level: 2, note: 'n', gone: 3 }], byType: { skip: 1 }, on: true, index: {}, extra: 'kept' };

  it('accept a value of the shape (extra fields allowed, optional fields absent, nulls where nullable)', () => {
    expect(charts.problem(good, 'charts')).toBeUndefined();
    expect(fits(charts, good)).toBe(true);
  });

  it('name the dotted path, what was found and what was expected', () => {
    expect(charts.problem({ ...good, kind: 'c' }, 'charts')).toBe('charts.kind should be one of "a", "b", not string "c"');
    expect(charts.problem({ ...good, points: [good.points[0], { at: 'y', gone: null }] }, 'charts')).toBe('charts.points[1].level should be a number, not missing');
    expect(charts.problem({ ...good, points: [{ ...good.points[0], gone: 'no' }] }, 'charts')).toBe('charts.points[0].gone should be a number, not string "no"');
    expect(charts.problem({ ...good, byType: { skip: '1' } }, 'charts')).toBe('charts.byType.skip should be a number, not string "1"');
    expect(charts.problem({ ...good, points: {} }, 'charts')).toBe('charts.points should be an array, not an object');
    expect(charts.problem({ ...good, index: [] }, 'charts')).toBe('charts.index should be an object, not an array');
    expect(charts.problem(null, 'charts')).toBe('charts should be an object, not null');
    expect(charts.problem({ ...good, on: 1 }, '')).toBe('on should be true or false, not number 1');
    expect(num.problem('x'.repeat(60), '')).toMatch(/^the value should be a number, not string "x{39}…$/);
  });

  it('readRun gives the run typed, or the first problem of its stats, then of its charts', () => {
    const view = defineView(obj({ total: num }), charts);
    const run = { runId: 1, stats: { total: 3 }, charts: good };
    const r = readRun(view, run);
    expect(r.ok && r.run.stats.total + r.run.charts.points.length + r.run.runId).toBe(6);
    expect(readRun(view, { ...run, stats: {} })).toEqual({ ok: false, problem: 'stats.total should be a number, not missing' });
    expect(readRun(view, { ...run, charts: undefined })).toEqual({ ok: false, problem: 'charts should be an object, not missing' });
  });
});
