import { tableToIPC } from 'apache-arrow';
import { toArrow } from '../core/output/arrow';
import { tableSchema, viewTable, type Table } from '../core/table/column';
import type { TablePreview } from './protocol';

/** The first `rows` rows of a table as Arrow IPC (its buffer goes in the transfer list). */
export function preview(t: Table, rows: number): { preview: TablePreview; transfer: ArrayBuffer } {
  const ipc = tableToIPC(toArrow(viewTable(t, 0, rows)), 'stream');
  return { preview: { name: t.name, rows: t.length, columns: tableSchema(t), ipc }, transfer: ipc.buffer as ArrayBuffer };
}

/** Yield to the host's event loop without timer clamping, so a cancel message can be handled. */
export function macrotask(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

/** Rejects with an AbortError once `signal` aborts (races a step that cannot itself be interrupted). */
export function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new DOMException('cancelled', 'AbortError'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}
