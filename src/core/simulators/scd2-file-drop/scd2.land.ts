/**
 * Landing the SCD2 drops: the snapshot in `<entity>/initial/`, one delta per day with changes in
 * `<entity>/delta/dt=YYYY-MM-DD/`, each once per format with a manifest (files and row, insert
 * and update counts). A drop lands at 00:00 UTC of its date, which is also its manifest's
 * `created_utc` (spec §5 #1, #12).
 */
import { MANIFEST_NAME, manifestBytes } from '../../landing/manifest';
import type { LandedFile, LandingZone } from '../../landing/zone';
import type { Table } from '../../table/column';
import { formatDate, formatIso, US_PER_DAY } from '../../time';
import type { Scd2Config } from './scd2.config';
import { deltaTable, snapshotTable, type DayDelta, type Scd2State } from './scd2.state';

export interface Drop {
  readonly kind: 'initial' | 'delta';
  readonly folder: string;
  readonly atUs: number;
  readonly rows: number;
  readonly inserts: number;
  readonly updates: number;
  readonly table: () => Table;
}

export function snapshotDrop(config: Scd2Config, state: Scd2State): Drop {
  const E = state.entity.name;
  return {
    kind: 'initial',
    folder: `${config.basePath}/${config.domain}/${E}/initial`,
    atUs: state.initialUs,
    rows: state.table.length,
    inserts: 0,
    updates: 0,
    table: () => snapshotTable(state.table, config, state.initialUs),
  };
}

export function deltaDrop(config: Scd2Config, state: Scd2State, delta: DayDelta): Drop {
  const E = state.entity.name;
  return {
    kind: 'delta',
    folder: `${config.basePath}/${config.domain}/${E}/delta/dt=${formatDate(Math.floor(delta.dayUs / US_PER_DAY))}`,
    atUs: delta.dayUs,
    rows: delta.validTo.length,
    inserts: delta.inserts,
    updates: delta.updates,
    table: () => deltaTable(state, delta, config),
  };
}

/** The file name of a drop in one format: `<entity>_initial.<ext>` or `<entity>_delta.<ext>`. */
export function dropFileName(entity: string, drop: Pick<Drop, 'kind'>, ext: string): string {
  return `${entity}_${drop.kind}.${ext}`;
}

/** Land a drop's files (one per format) and its manifest. */
export function landDrop(config: Scd2Config, entity: string, drop: Drop, correlationId: string, zone: LandingZone): LandedFile[] {
  const files = zone.addDrop(
    { folder: drop.folder, entity, kind: drop.kind, slotUs: drop.atUs, landedAtUs: drop.atUs, rows: drop.rows },
    (format) => dropFileName(entity, drop, format),
    config.formats,
    drop.table,
    false,
  );
  if (config.manifestEnabled) {
    const at = formatIso(drop.atUs);
    const manifest = {
      entity,
      domain: config.domain,
      date: at,
      files: files.map((f) => f.name),
      file_count: files.length,
      created_utc: at,
      correlation_id: correlationId,
      row_count: drop.rows,
      insert_count: drop.inserts,
      update_count: drop.updates,
    };
    zone.addControl({ folder: drop.folder, name: MANIFEST_NAME, entity, kind: 'manifest', slotUs: drop.atUs, landedAtUs: drop.atUs }, manifestBytes(manifest));
  }
  return files;
}
