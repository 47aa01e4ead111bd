// A Node encoder thread (worker_threads): row groups and zip segments encoded as the pool sends
// them (src/core/output/pool-encoder.ts).
import { parentPort } from 'node:worker_threads';
import { answerEncode } from '../core/output/pool-encoder';
import type { EncodeTask } from '../core/output/parts';
import type { PoolRequest } from '../core/pool';
import { installNativeHashes } from './native-hash';

installNativeHashes();

const port = parentPort!;
port.on('message', (req: PoolRequest<EncodeTask>) => {
  void answerEncode(req).then(({ message, transfer }) => port.postMessage(message, transfer));
});
port.postMessage('ready');
