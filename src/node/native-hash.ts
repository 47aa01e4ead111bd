/**
 * Node hosts (the CLI, its encoder threads, tests, benchmarks) hash with Node's native SHA-256:
 * the same digests as the engine's own implementation, which browsers keep.
 */
import { createHash } from 'node:crypto';
import { useNativeSha256 } from '../core/hash/sha256';

export function installNativeHashes(): void {
  useNativeSha256((bytes) => createHash('sha256').update(bytes).digest('hex'));
}
