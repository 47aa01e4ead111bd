import { createHash } from 'node:crypto';
import type { WrittenFile } from '../src/core/output/tree';

/** sha256 over every path and its bytes, in tree order: the golden hash of an output tree. */
export function treeHash(files: readonly WrittenFile[]): string {
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f.path);
    h.update('\u0000');
    h.update(f.bytes);
  }
  return h.digest('hex');
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
