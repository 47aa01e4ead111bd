/**
 * Where a download goes, chosen on the page (the File System Access API needs the click that
 * started it): a zip file the user picks (`showSaveFilePicker`), a folder the user picks
 * (`showDirectoryPicker`), or, without the API, a zip Blob saved as an ordinary download. The
 * handles go to the engine worker, which writes straight into them.
 */
import type { DownloadTarget } from '../worker/sinks';

interface SavePickerWindow {
  showSaveFilePicker?(options: { suggestedName: string; types: { description: string; accept: Record<string, string[]> }[] }): Promise<FileSystemFileHandle>;
  showDirectoryPicker?(options: { id?: string; mode: 'readwrite' }): Promise<FileSystemDirectoryHandle>;
}

const picker = () => window as unknown as SavePickerWindow;

/** Whether this browser can save an output tree into a folder. */
export function canSaveToFolder(): boolean {
  return typeof picker().showDirectoryPicker === 'function';
}

/** The user closed the picker without choosing: not an error, nothing to do. */
const dismissed = (e: unknown) => (e as Error)?.name === 'AbortError';

/**
 * Ask where to save a zip: a picked file where the browser can write one as it is produced,
 * else a Blob download. `null` when the user closed the picker. Call straight from the click.
 */
export async function zipTarget(suggestedName: string): Promise<DownloadTarget | null> {
  const pick = picker().showSaveFilePicker;
  if (typeof pick !== 'function') return { kind: 'blob' };
  try {
    const handle = await pick.call(window, { suggestedName, types: [{ description: 'Zip archive', accept: { 'application/zip': ['.zip'] } }] });
    return { kind: 'file', handle };
  } catch (e) {
    if (dismissed(e)) return null;
    throw e;
  }
}

/** Ask for a folder to write the output tree into; `null` when the user closed the picker. */
export async function folderTarget(): Promise<(DownloadTarget & { kind: 'folder' }) | null> {
  try {
    const handle = await picker().showDirectoryPicker!.call(window, { id: 'spindle-output', mode: 'readwrite' });
    return { kind: 'folder', handle };
  } catch (e) {
    if (dismissed(e)) return null;
    throw e;
  }
}

/** Save a finished zip Blob as a file download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // the download has its own reference by then; large zips stay on disk in the browser's blob store
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
