/**
 * One download flow for every panel: ask where (a zip file, a folder, or a plain download),
 * let the worker write it with progress, then say what was saved. A cancelled or failed write
 * is never reported as saved.
 */
import type { Job, ProgressEvent } from '../worker/client';
import type { PackageResult } from '../worker/protocol';
import type { DownloadTarget } from '../worker/sinks';
import { folderTarget, saveBlob, zipTarget } from './save';
import type { DownloadState } from './store';

export type DownloadKind = 'zip' | 'folder';

export interface DownloadRequest {
  readonly kind: DownloadKind;
  /** The zip's file name (also suggested in the save picker). */
  readonly zipName: string;
  /** Start the worker's job for a target. */
  start(target: DownloadTarget, onProgress: (p: ProgressEvent) => void): Job<PackageResult>;
  patch(p: Partial<DownloadState>): void;
  /** Keep the job's cancel while it runs (undefined when it ends). */
  onCancel(cancel: (() => void) | undefined): void;
}

/** Run a download. Call straight from the click: the pickers need the user's gesture. */
export async function runDownload(req: DownloadRequest): Promise<void> {
  let target: DownloadTarget | null;
  try {
    target = req.kind === 'folder' ? await folderTarget() : await zipTarget(req.zipName);
  } catch (e) {
    req.patch({ status: 'error', target: req.kind, error: (e as Error).message, progress: undefined, files: undefined });
    return;
  }
  if (!target) return; // the picker was closed: nothing asked, nothing to say
  req.patch({ status: 'running', target: req.kind, progress: undefined, error: undefined, files: undefined, regenerated: undefined });
  const job = req.start(target, (p) => req.patch({ progress: p }));
  req.onCancel(job.cancel);
  try {
    const r = await job.promise;
    if (r.blob) saveBlob(r.blob, req.zipName);
    req.patch({
      status: 'done',
      files: r.files,
      bytes: r.bytes,
      folder: target.kind === 'folder' ? target.handle.name : undefined,
      regenerated: r.regenerated,
      progress: undefined,
    });
  } catch (e) {
    const err = e as Error;
    req.patch(err.name === 'AbortError' ? { status: 'cancelled', progress: undefined } : { status: 'error', error: err.message, progress: undefined });
  } finally {
    req.onCancel(undefined);
  }
}
