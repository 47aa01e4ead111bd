/** Control files of a landing zone: `_manifest.json` (2-space JSON) and `_done` (a timestamp, no newline). */

const encoder = new TextEncoder();

export const MANIFEST_NAME = '_manifest.json';
export const DONE_NAME = '_done';

/** A manifest's bytes: keys in the order the object was built, 2-space indent, final newline. */
export function manifestBytes(manifest: Record<string, unknown>): Uint8Array {
  return encoder.encode(`${JSON.stringify(manifest, null, 2)}\n`);
}

/** A done flag's bytes: the folder's completion time as ISO text, no newline. */
export function doneBytes(iso: string): Uint8Array {
  return encoder.encode(iso);
}
