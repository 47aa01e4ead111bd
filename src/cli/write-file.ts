import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Write a file whole or not at all: into a temporary file beside it, renamed into place when
 * complete, so a failed write (a full disk) never leaves a truncated file where a good one was.
 * A device or pipe (`/dev/full`, `/dev/stdout`) is written directly: renaming onto it would
 * replace the device. (platform-out's streaming tree writer supersedes this when it lands.)
 */
export function writeFileAtomic(path: string, bytes: Uint8Array): void {
  const st = statSync(path, { throwIfNoEntry: false });
  if (st && !st.isFile()) {
    writeFileSync(path, bytes);
    return;
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    // the message names the file the user asked for, not the temporary one
    if (e instanceof Error) Object.assign(e, { path });
    throw e;
  }
}
