/**
 * Encoder threads for Node hosts (the CLI, tests, benchmarks): `worker_threads` running
 * encode-thread.ts. Under tsx the thread registers tsx itself before loading the TypeScript
 * entry (a worker does not inherit the loader); a bundled CLI passes its built entry instead.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { pooledEncoder } from '../core/output/pool-encoder';
import type { EncodeTask, PartEncoder, Piece } from '../core/output/parts';
import type { PoolPort, PoolResponse } from '../core/pool';

/**
 * The default thread count: the cores but one, which the main thread keeps (it simulates, zips
 * and writes), as the browser keeps one for the page; 1 (this thread alone) on 2 cores. Measured
 * on a 2-core machine on 2026-12-01: every CLI benchmark ran faster on one thread than on two
 * encoder threads or one, and peaked 25–35 % lower (workflow 1 M to Parquet 2.4–2.9 s and
 * 550–610 MB against 2.9–3.2 s and 820–910 MB).
 */
export const defaultThreads = (): number => Math.max(1, availableParallelism() - 1);

/** Set by the CLI bundle (scripts/build-cli.mjs): its thread entry, beside the bundle. */
declare const __SPINDLE_ENCODE_THREAD__: string | undefined;

const DEFAULT_ENTRY = new URL(typeof __SPINDLE_ENCODE_THREAD__ === 'string' ? __SPINDLE_ENCODE_THREAD__ : './encode-thread.ts', import.meta.url);

function startThread(entry: URL): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true });
}

function nodePort(entry: URL): PoolPort<EncodeTask, Piece> {
  const worker = startThread(entry);
  // requests wait until the thread has loaded and listens (it says 'ready'): a message posted
  // while a worker is still loading its modules can be lost
  let pending: (() => void)[] | undefined = [];
  let deliver: (m: PoolResponse<Piece>) => void = () => {};
  return {
    post: (message, transfer) => {
      if (!pending) return worker.postMessage(message, transfer);
      pending.push(() => {
        try {
          worker.postMessage(message, transfer);
        } catch (e) {
          deliver({ id: message.id, ok: false, error: { name: (e as Error).name, message: (e as Error).message } });
        }
      });
    },
    listen: (onMessage, onCrash) => {
      deliver = onMessage;
      worker.on('message', (m: PoolResponse<Piece> | 'ready') => {
        if (m !== 'ready') return onMessage(m);
        const queued = pending ?? [];
        pending = undefined;
        for (const send of queued) send();
      });
      worker.on('error', onCrash);
      worker.on('exit', (code) => code !== 0 && onCrash(new Error(`an encoder thread stopped (exit code ${code})`)));
    },
    terminate: () => void worker.terminate(),
  };
}

/** An encoder on `threads` worker threads (1: this thread, no threads started). Close it when done. */
export function nodeEncoder(threads: number = defaultThreads(), entry: URL = DEFAULT_ENTRY): PartEncoder & { warm(): void; close(): void } {
  return pooledEncoder(threads, () => nodePort(entry));
}
