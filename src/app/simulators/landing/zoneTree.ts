/**
 * The landing zone as a tree at a replay instant: entities, their partition folders and the
 * files that had landed by then (FileIndex rows with `landedAtUs ≤ t`). Grouping by folder is
 * done once per run; each replay step only counts how many of a folder's files had landed.
 */
import type { FileIndex } from '../../../core/landing/charts';

/** A landed file of the tree: `i` is its row in the FileIndex. */
export interface ZoneFile {
  readonly i: number;
  readonly name: string;
  readonly kind: string;
  /** Data rows (null for manifests and `_done`). */
  readonly rows: number | null;
  readonly bytes: number;
  readonly landedAtUs: number;
  /** A later re-drop of the slot (backfill, restatement) in the same folder and format has replaced this file's rows. */
  readonly replaced: boolean;
}

export interface ZoneFolder {
  readonly folder: number;
  readonly path: string;
  /** The path under the entity's folder: `dt=2024-01-03`, `dt=…/hr=05`, `initial`, `delta/dt=…`. */
  readonly label: string;
  readonly files: ZoneFile[];
  /** `_done` landed (or, in a zone without done flags, the manifest); null when the zone has neither. */
  readonly complete: boolean | null;
  readonly rows: number;
  readonly bytes: number;
  readonly kinds: ReadonlySet<string>;
}

export interface ZoneEntity {
  readonly entity: number;
  readonly name: string;
  readonly folders: ZoneFolder[];
  readonly files: number;
  readonly bytes: number;
}

/** Files per folder (in landing order) and folders per entity (in partition order), built once per run. */
export interface ZoneGroups {
  readonly byEntity: readonly (readonly { folder: number; files: number[] }[])[];
  readonly hasDone: boolean;
  readonly hasManifest: boolean;
}

const REDROP = new Set(['on_time', 'backfill', 'restatement']);

export function groupZone(index: FileIndex): ZoneGroups {
  const byFolder = new Map<number, number[]>();
  for (let i = 0; i < index.name.length; i++) {
    const list = byFolder.get(index.folder[i]);
    if (list) list.push(i);
    else byFolder.set(index.folder[i], [i]);
  }
  const byEntity = index.entities.map(() => [] as { folder: number; files: number[] }[]);
  for (const [folder, files] of byFolder) byEntity[index.entity[files[0]]]?.push({ folder, files });
  for (const list of byEntity) list.sort((a, b) => index.slotUs[a.files[0]] - index.slotUs[b.files[0]] || (index.folders[a.folder] < index.folders[b.folder] ? -1 : 1));
  const kinds = new Set(index.kind.map((k) => index.kinds[k]));
  return { byEntity, hasDone: kinds.has('done'), hasManifest: kinds.has('manifest') };
}

/** The folder's path under `/{entity}/` (the whole path when the entity is not a segment of it). */
export function folderLabel(folder: string, entity: string): string {
  const at = folder.lastIndexOf(`/${entity}/`);
  return at < 0 ? folder : folder.slice(at + entity.length + 2);
}

/** The tree as it stood at `atUs` (every file when null): folders with no landed file are left out. */
export function zoneAt(index: FileIndex, groups: ZoneGroups, atUs: number | null): ZoneEntity[] {
  const t = atUs ?? Number.POSITIVE_INFINITY;
  return index.entities.map((name, entity) => {
    const folders: ZoneFolder[] = [];
    let files = 0;
    let bytes = 0;
    for (const g of groups.byEntity[entity]) {
      const landed = g.files.filter((i) => index.landedAtUs[i] <= t);
      if (!landed.length) continue;
      // the newest re-drop per format replaces the slot's earlier copies of its own rows
      const newest = new Map<number, number>();
      for (const i of landed) if (REDROP.has(index.kinds[index.kind[i]])) newest.set(index.format[i], i);
      const kinds = new Set<string>();
      // rows once, whatever the number of formats: those of the first data file's format
      const dataFormat = index.format[landed.find((j) => index.rows[j] >= 0) ?? landed[0]];
      let rows = 0;
      let folderBytes = 0;
      const list = landed.map((i): ZoneFile => {
        const kind = index.kinds[index.kind[i]];
        kinds.add(kind);
        folderBytes += index.bytes[i];
        if (index.rows[i] >= 0 && index.format[i] === dataFormat) rows += index.rows[i];
        const later = newest.get(index.format[i]);
        return {
          i,
          name: index.name[i],
          kind,
          rows: index.rows[i] >= 0 ? index.rows[i] : null,
          bytes: index.bytes[i],
          landedAtUs: index.landedAtUs[i],
          replaced: REDROP.has(kind) && later !== undefined && later !== i && index.landedAtUs[later] > index.landedAtUs[i],
        };
      });
      const complete = groups.hasDone ? kinds.has('done') : groups.hasManifest ? kinds.has('manifest') : null;
      folders.push({ folder: g.folder, path: index.folders[g.folder], label: folderLabel(index.folders[g.folder], name), files: list, complete, rows, bytes: folderBytes, kinds });
      files += list.length;
      bytes += folderBytes;
    }
    return { entity, name, folders, files, bytes };
  });
}

/** The distinct landing instants, ascending: the replay's steps. */
export function landingSteps(index: FileIndex): number[] {
  return [...new Set(index.landedAtUs)].sort((a, b) => a - b);
}
