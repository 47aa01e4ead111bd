/// <reference lib="webworker" />
// The engine's Web Worker: a thin shim over the dispatcher, which Node tests call directly.
import { createDispatcher } from './dispatcher';
import { browserEncoder } from './encoder';
import { initParquet } from './parquet-init';
import type { WorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createDispatcher((message, transfer) => scope.postMessage(message, transfer ?? []), {
  initParquet,
  now: () => performance.now(),
  encoder: (threads) => browserEncoder(threads),
  play: { origin: scope.location.origin },
});
scope.onmessage = (event: MessageEvent<WorkerRequest>) => void handle(event.data);
