/**
 * Chart and explorer data every landing-zone page shares: the file index (the folder tree as it
 * landed, replayable by landing time) and files, bytes and rows per entity. Columnar JSON so it
 * stays small when a run lands hundreds of thousands of files.
 */
import { OUTPUT_FORMATS, type OutputFormat } from '../output/formats';
import { LANDING_KINDS, type LandedFile, type LandingKind } from './zone';

/**
 * Every landed file, in landing order, one array per attribute (row i of every array is file i).
 * `folder`, `entity`, `kind` and `format` are indexes into the lists beside them (`format` −1
 * for control files); `rows` is −1 for control files; times are epoch µs. To replay arrival,
 * show the files with `landedAtUs ≤ t`; a folder's `_done` lands with its final manifest.
 */
export interface FileIndex {
  readonly folders: readonly string[];
  readonly entities: readonly string[];
  readonly kinds: readonly LandingKind[];
  readonly formats: readonly OutputFormat[];
  readonly name: readonly string[];
  readonly folder: readonly number[];
  readonly entity: readonly number[];
  readonly kind: readonly number[];
  readonly format: readonly number[];
  readonly slotUs: readonly number[];
  readonly landedAtUs: readonly number[];
  readonly rows: readonly number[];
  readonly bytes: readonly number[];
}

/** Files (all, and data only), bytes and data rows landed per entity, in entity order. */
export interface EntityTotals {
  readonly entity: string;
  readonly files: number;
  readonly dataFiles: number;
  readonly bytes: number;
  readonly dataBytes: number;
  /** Data rows over all data files of one format (every format holds the same rows). */
  readonly rows: number;
}

export function fileIndex(files: readonly LandedFile[], entities: readonly string[]): FileIndex {
  const folders: string[] = [];
  const folderAt = new Map<string, number>();
  const out = { name: [] as string[], folder: [] as number[], entity: [] as number[], kind: [] as number[], format: [] as number[] };
  const slotUs: number[] = [];
  const landedAtUs: number[] = [];
  const rows: number[] = [];
  const bytes: number[] = [];
  for (const f of files) {
    let fi = folderAt.get(f.folder);
    if (fi === undefined) {
      fi = folders.length;
      folders.push(f.folder);
      folderAt.set(f.folder, fi);
    }
    out.name.push(f.name);
    out.folder.push(fi);
    out.entity.push(entities.indexOf(f.entity));
    out.kind.push(LANDING_KINDS.indexOf(f.kind));
    out.format.push(f.format === null ? -1 : OUTPUT_FORMATS.indexOf(f.format));
    slotUs.push(f.slotUs);
    landedAtUs.push(f.landedAtUs);
    rows.push(f.rows ?? -1);
    bytes.push(f.bytes);
  }
  return { folders, entities, kinds: LANDING_KINDS, formats: OUTPUT_FORMATS, ...out, slotUs, landedAtUs, rows, bytes };
}

export function entityTotals(files: readonly LandedFile[], entities: readonly string[]): EntityTotals[] {
  return entities.map((entity) => {
    const mine = files.filter((f) => f.entity === entity);
    const data = mine.filter((f) => f.rows !== null);
    const firstFormat = data[0]?.format;
    return {
      entity,
      files: mine.length,
      dataFiles: data.length,
      bytes: mine.reduce((a, f) => a + f.bytes, 0),
      dataBytes: data.reduce((a, f) => a + f.bytes, 0),
      rows: data.filter((f) => f.format === firstFormat).reduce((a, f) => a + (f.rows ?? 0), 0),
    };
  });
}
