/// <reference lib="webworker" />
// An encoder Web Worker of the engine worker's pool: row groups and zip segments encoded as the
// pool sends them (src/core/output/pool-encoder.ts).
import { answerEncode } from '../core/output/pool-encoder';
import type { EncodeTask } from '../core/output/parts';
import type { PoolRequest } from '../core/pool';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (event: MessageEvent<PoolRequest<EncodeTask>>) => {
  void answerEncode(event.data).then(({ message, transfer }) => scope.postMessage(message, transfer));
};
scope.postMessage('ready');
