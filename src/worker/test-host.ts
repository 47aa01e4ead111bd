import { createDispatcher, type DispatcherOptions } from './dispatcher';
import type { WorkerResponse } from './protocol';

/**
 * The dispatcher called directly, as the worker entry would call it (tests only): every response
 * and its transfer list collected in order; `final` is a request's last (non-progress) answer and
 * `ok` its data (throwing on an error answer).
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
  const final = (id: number) => messages.find((m) => m.id === id && m.type !== 'progress') as WorkerResponse;
  const ok = <T,>(id: number) => {
    const m = final(id);
    if (m.type !== 'ok') throw new Error(JSON.stringify(m));
    return m.data as T;
  };
  return { messages, transfers, handle, final, ok };
}
