import { tableFromIPC, type Table as ArrowTable } from 'apache-arrow';
import { SimClient } from '../worker/client';
import { saveBlob } from './save';
import type { TablePreview } from '../worker/protocol';

/** The one engine worker of the page (outside React and the store: it is not serialisable state). */
export const engine = new SimClient(() => new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'spindle-engine' }));

/** Decoded previews by run id, outside the store (Arrow tables are not plain data). */
const previews = new Map<number, Map<string, ArrowTable>>();

export function storePreviews(runId: number, tables: readonly TablePreview[]): void {
  const decoded = new Map<string, ArrowTable>();
  for (const t of tables) decoded.set(t.name, tableFromIPC(t.ipc));
  previews.set(runId, decoded);
  // keep the two most recent runs (the worker keeps the same ones for downloads)
  for (const key of [...previews.keys()].slice(0, Math.max(0, previews.size - 2))) previews.delete(key);
}

export function getPreview(runId: number, table: string): ArrowTable | undefined {
  return previews.get(runId)?.get(table);
}

/** Save bytes as a file download. */
export function saveBytes(bytes: Uint8Array, fileName: string, type: string): void {
  saveBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), fileName);
}
