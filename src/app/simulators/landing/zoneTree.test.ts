import { describe, expect, it } from 'vitest';
import { fileIndex } from '../../../core/landing/charts';
import type { LandedFile, LandingKind } from '../../../core/landing/zone';
import { stepAt } from './replay';
import { folderLabel, groupZone, landingSteps, zoneAt } from './zoneTree';

const D = 86_400e6;
function file(folder: string, name: string, kind: LandingKind, landedAtUs: number, rows: number | null): LandedFile {
  const entity = folder.split('/')[3];
  return { path: `${folder}/${name}`, folder, name, entity, kind, format: rows === null ? null : 'csv', slotUs: 0, landedAtUs, rows, bytes: 10, sha256: null };
}

const A = 'Files/landing/d/order/dt=2024-01-01';
const B = 'Files/landing/d/order/dt=2024-01-02';
const files = [
  file(A, 'o_1.csv', 'on_time', D, 5),
  file(A, '_manifest.json', 'manifest', D, null),
  file(A, '_done', 'done', D, null),
  file(B, 'o_900.csv', 'late', 2 * D, 2),
  file(B, 'o_1.csv', 'on_time', 2 * D, 3),
  file(B, '_manifest.json', 'manifest', 2 * D, null),
  file(B, '_done', 'done', 2 * D, null),
  file(B, 'o_980.csv', 'restatement', 4 * D, 3),
];

describe('landing-zone tree at a replay instant', () => {
  const index = fileIndex(files, ['order']);
  const groups = groupZone(index);

  it('shows only the files landed by then; folders appear when their first file lands', () => {
    expect(zoneAt(index, groups, D - 1)[0].folders).toEqual([]);
    const atDay1 = zoneAt(index, groups, D)[0];
    expect(atDay1.folders.map((f) => f.label)).toEqual(['dt=2024-01-01']);
    expect(atDay1.folders[0].complete).toBe(true);
    expect(atDay1.folders[0].rows).toBe(5);
    const all = zoneAt(index, groups, null)[0];
    expect(all.folders.map((f) => f.files.length)).toEqual([3, 5]);
    expect(all.files).toBe(8);
  });

  it('a restatement replaces the slot’s on-time file once it lands; late files are not replaced', () => {
    const before = zoneAt(index, groups, 3 * D)[0].folders[1].files;
    expect(before.some((f) => f.replaced)).toBe(false);
    const after = zoneAt(index, groups, null)[0].folders[1].files;
    expect(after.filter((f) => f.replaced).map((f) => f.name)).toEqual(['o_1.csv']);
    expect(zoneAt(index, groups, null)[0].folders[1].kinds.has('restatement')).toBe(true);
  });

  it('without done flags a folder is complete when its manifest lands; with neither, no status', () => {
    const noDone = fileIndex(files.filter((f) => f.kind !== 'done'), ['order']);
    expect(zoneAt(noDone, groupZone(noDone), null)[0].folders.map((f) => f.complete)).toEqual([true, true]);
    const bare = fileIndex(files.filter((f) => f.rows !== null), ['order']);
    expect(zoneAt(bare, groupZone(bare), null)[0].folders.map((f) => f.complete)).toEqual([null, null]);
  });

  it('replay steps are the distinct landing instants; stepAt finds the last one at or before an instant', () => {
    const steps = landingSteps(index);
    expect(steps).toEqual([D, 2 * D, 4 * D]);
    expect(stepAt(steps, null)).toBe(2);
    expect(stepAt(steps, D - 1)).toBe(-1);
    expect(stepAt(steps, 3 * D)).toBe(1);
  });

  it('labels a folder by its path under the entity', () => {
    expect(folderLabel('Files/landing/d/order/dt=2024-01-01/hr=05', 'order')).toBe('dt=2024-01-01/hr=05');
    expect(folderLabel('Files/landing/d/customer/delta/dt=2024-01-02', 'customer')).toBe('delta/dt=2024-01-02');
    expect(folderLabel('elsewhere', 'order')).toBe('elsewhere');
  });
});
