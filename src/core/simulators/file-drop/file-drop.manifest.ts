/**
 * A folder's control files (spec §3 "Manifest", §5 #1-3): one final `_manifest.json` listing
 * exactly the folder's data files — every kind and format, in landing order, with an `entries`
 * record of kind, landing time, rows and (late files) source slots — and a `_done` flag. Both
 * land with the folder's last data file (or when the slot closes, for an empty slot), and their
 * times are that instant. The correlation id is the run id, the same in every manifest.
 */
import { doneBytes, DONE_NAME, MANIFEST_NAME, manifestBytes } from '../../landing/manifest';
import type { LandedFile, LandingZone } from '../../landing/zone';
import { formatIso } from '../../time';
import type { FileDropConfig } from './file-drop.config';
import type { DropFile } from './file-drop.land';
import { slotClose, slotStart, type SlotGrid } from './file-drop.slots';

export interface FolderLanding {
  readonly entity: string;
  readonly folder: string;
  readonly slot: number;
  readonly landed: readonly { readonly drop: DropFile; readonly files: readonly LandedFile[] }[];
}

/** The manifest object of a folder, keys in the spec's order, `entries` last. */
export function manifestOf(config: FileDropConfig, grid: SlotGrid, folder: FolderLanding, correlationId: string, landedAtUs: number) {
  const files = folder.landed.flatMap((l) => l.files.map((file) => ({ file, drop: l.drop })));
  files.sort((a, b) => a.file.landedAtUs - b.file.landedAtUs || (a.file.name < b.file.name ? -1 : a.file.name > b.file.name ? 1 : 0));
  return {
    entity: folder.entity,
    domain: config.domain,
    slot: formatIso(slotStart(grid, folder.slot)),
    cadence: config.cadence,
    files: files.map((x) => x.file.name),
    file_count: files.length,
    created_utc: formatIso(landedAtUs),
    correlation_id: correlationId,
    ...(config.multiFileEnabled && config.multiFileChecksum
      ? { file_details: files.map(({ file }) => ({ name: file.name, sha256: file.sha256, size_bytes: file.bytes })) }
      : {}),
    entries: files.map(({ file, drop }) => ({
      name: file.name,
      kind: drop.kind,
      landed_at: formatIso(file.landedAtUs),
      rows: drop.rows,
      ...(drop.sourceSlots ? { source_slots: drop.sourceSlots.map((s) => formatIso(slotStart(grid, s))) } : {}),
    })),
  };
}

/** Land a folder's manifest and done flag (as enabled), at the time its last data file lands. */
export function landControlFiles(config: FileDropConfig, grid: SlotGrid, folder: FolderLanding, correlationId: string, zone: LandingZone): void {
  let landedAtUs = slotClose(grid, folder.slot);
  for (const l of folder.landed) for (const f of l.files) landedAtUs = Math.max(landedAtUs, f.landedAtUs);
  const base = { folder: folder.folder, entity: folder.entity, slotUs: slotStart(grid, folder.slot), landedAtUs };
  if (config.manifestEnabled) zone.addControl({ ...base, name: MANIFEST_NAME, kind: 'manifest' }, manifestBytes(manifestOf(config, grid, folder, correlationId, landedAtUs)));
  if (config.doneFlagEnabled) zone.addControl({ ...base, name: DONE_NAME, kind: 'done' }, doneBytes(formatIso(landedAtUs)));
}
