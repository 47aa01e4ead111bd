/**
 * The expected size of an SCD2 drop from its config and the shapes of its input tables. The
 * files are known exactly (a snapshot per table, a delta per day while there are keys and a rate
 * above zero, each in every format with a manifest); delta rows follow the spec's counts
 * (`expectedDeltaRows`); bytes come from the column shapes plus the history columns. The run
 * holds every format's bytes until the tree is written, the version state of every key and
 * every day's delta (the key-history view reads them).
 */
import type { FileEstimate, RunEstimate } from '../../estimate';
import type { ColumnShape, TableShape } from '../../inputs/contract';
import { dataFileBytes, landedRowsEstimate, landingFilesEstimate, utf8Length, type FileClass } from '../../landing/estimate';
import { DELTA_TYPE_COLUMN, type Scd2Config } from './scd2.config';
import { expectedDeltaRows, resolveScd2Shapes } from './scd2.inputs';

/** The history columns a landed file adds: `valid_to` null in the snapshot, half the delta rows (the expire rows). */
function historyColumns(c: Scd2Config, rows: number, delta: boolean): ColumnShape[] {
  const out: ColumnShape[] = [
    { name: c.effectiveDateColumn, type: 'timestamp', nulls: 0 },
    { name: c.endDateColumn, type: 'timestamp', nulls: delta ? rows / 2 : rows },
    { name: c.isCurrentColumn, type: 'bool', nulls: 0 },
  ];
  return delta ? [...out, { name: DELTA_TYPE_COLUMN, type: 'string', nulls: 0, textBytes: 6 }] : out;
}

export function estimateScd2FileDrop(c: Scd2Config, inputs: readonly TableShape[] = []): RunEstimate {
  const { entities } = resolveScd2Shapes(c, inputs);
  const classes: FileClass[] = [];
  let landed = 0;
  let held = 0;
  let disk = 0;
  let manifests = 0;
  for (const e of entities) {
    const shape = inputs.find((t) => t.name === e.name)!;
    const keys = shape.rows;
    const deltaRows = expectedDeltaRows(keys, c);
    const days = keys > 0 && (c.dailyChangeRate > 0 || c.dailyNewRate > 0) ? c.numDeltaDays : 0;
    const root = utf8Length(`${c.basePath}/${c.domain}/${e.name}/`);
    const entityBytes = utf8Length(e.name);
    const initialFolder = root + 'initial'.length;
    const deltaFolder = root + 'delta/dt=YYYY-MM-DD'.length;
    const snapshotCols = [...shape.columns, ...historyColumns(c, keys, false)];
    const deltaCols = [...shape.columns, ...historyColumns(c, deltaRows, true)];
    for (const format of c.formats) {
      const base = { entityBytes, format, sha256: false };
      classes.push({ ...base, count: 1, folderBytes: initialFolder, nameBytes: entityBytes + '_initial.'.length + format.length, kind: 'initial' });
      classes.push({ ...base, count: days, folderBytes: deltaFolder, nameBytes: entityBytes + '_delta.'.length + format.length, kind: 'delta' });
      const bytes = dataFileBytes(snapshotCols, keys, keys, 1, format) + (days > 0 ? dataFileBytes(deltaCols, deltaRows, deltaRows, days, format) : 0);
      held += bytes;
      disk += bytes;
    }
    if (c.manifestEnabled) {
      const control = { entityBytes, format: null, sha256: false, nameBytes: 14, kind: 'manifest' } as const;
      classes.push({ ...control, count: 1, folderBytes: initialFolder }, { ...control, count: days, folderBytes: deltaFolder });
      manifests += (1 + days) * (330 + c.formats.length * (entityBytes + 14));
    }
    landed += keys + deltaRows;
    // per key: version, valid_from and its value refs (growable arrays, half full on average);
    // per delta row: a value ref per column, valid_from/to, flags, key and version
    const finalKeys = keys + days * (c.dailyNewRate > 0 ? Math.max(1, Math.floor(keys * c.dailyNewRate)) : 0);
    held += 1.5 * finalKeys * (16 + 4 * e.tracked.length) + deltaRows * (4 * shape.columns.length + 29);
  }
  const files: FileEstimate[] = manifests > 0 ? [{ path: `${c.basePath}/${c.domain}/…/_manifest.json`, bytes: manifests }] : [];
  return {
    tables: [landingFilesEstimate(classes), landedRowsEstimate(`${c.basePath}/${c.domain} (landed rows)`, landed, held, disk)],
    files,
    drivers: ['numDeltaDays', 'dailyChangeRate', 'dailyNewRate', 'entities'],
  };
}
