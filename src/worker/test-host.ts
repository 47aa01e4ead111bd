import { createDispatcher, type DispatcherOptions } from './dispatcher';
import type { WorkerResponse } from './protocol';

/**
 * The dispatcher called directly, as the worker entry would call it (tests only): every response
 * and its transfer list collected in order.
 */
export function collectingHost(options: Partial<DispatcherOptions> = {}) {
  const messages: WorkerResponse[] = [];
  const transfers: Transferable[][] = [];
  const handle = createDispatcher(
    (m, t) => {
      messages.push(m);
      transfers.push(t ?? []);
    },
    { initParquet: () => undefined, now: () => 0, ...options },
  );
  return { messages, transfers, handle };
}
