/**
 * The engine worker's encoder pool in the browser: `threads` Web Workers (the page asks for
 * `navigator.hardwareConcurrency - 1`, see cores.ts), or the engine worker itself for 1.
 * Output is the same bytes for any number of workers.
 */
import { pooledEncoder } from '../core/output/pool-encoder';
import type { EncodeTask, PartEncoder, Piece } from '../core/output/parts';
import type { PoolPort, PoolResponse } from '../core/pool';

function webPort(): PoolPort<EncodeTask, Piece> {
  const worker = new Worker(new URL('./encode.worker.ts', import.meta.url), { type: 'module', name: 'spindle-encoder' });
  // requests wait until the worker has loaded (it says 'ready')
  let pending: (() => void)[] | undefined = [];
  return {
    post: (message, transfer) => {
      if (pending) pending.push(() => worker.postMessage(message, transfer));
      else worker.postMessage(message, transfer);
    },
    listen: (onMessage, onCrash) => {
      worker.onmessage = (e: MessageEvent<PoolResponse<Piece> | 'ready'>) => {
        if (e.data !== 'ready') return onMessage(e.data);
        const queued = pending ?? [];
        pending = undefined;
        for (const send of queued) send();
      };
      worker.onerror = (e) => onCrash(new Error(e.message || 'an encoder worker crashed'));
    },
    terminate: () => worker.terminate(),
  };
}

/** The encoder for downloads: Web Workers when there are cores to spare, else this worker. */
export function browserEncoder(threads: number): PartEncoder & { warm(): void; close(): void } {
  return pooledEncoder(threads, webPort);
}
