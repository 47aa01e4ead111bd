/**
 * Encoding on a pool of threads: row groups and zip segments cross to a thread as transferred
 * buffers (never structured-cloned copies of whole tables) and come back as bytes. Output is
 * the same for any number of threads: parts are put together in order by the tree writer.
 */
import { answer, WorkerPool, type PoolPort, type PoolRequest, type PoolResponse } from '../pool';
import type { Table } from '../table/column';
import { runTask, type EncodeTask, type PartEncoder, type Piece } from './parts';

type View = ArrayBufferView & { slice(): View };

/** A view that owns its whole buffer (a copy when it is a window on a larger one), so it can be transferred. */
function owned<V extends View>(v: V): V {
  return v.byteOffset === 0 && v.byteLength === v.buffer.byteLength ? v : (v.slice() as V);
}

/**
 * A table whose buffers can be transferred: windows on larger buffers copied, and with `copyAll`
 * every buffer (a run's table may share arrays with its inputs or its plan, which must stay usable).
 */
function ownedTable(t: Table, copyAll = false): Table {
  const columns = t.columns.map((c) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c)) out[k] = ArrayBuffer.isView(v) ? (copyAll ? (v as View).slice() : owned(v as View)) : v;
    return out as unknown as typeof c;
  });
  return { name: t.name, length: t.length, columns };
}

function buffersOf(t: Table): ArrayBuffer[] {
  const set = new Set<ArrayBuffer>();
  for (const c of t.columns) for (const v of Object.values(c)) if (ArrayBuffer.isView(v)) set.add(v.buffer as ArrayBuffer);
  return [...set];
}

export function taskTransfer(task: EncodeTask): ArrayBuffer[] {
  if (task.kind === 'part') return buffersOf(task.rows);
  if (task.kind === 'file') return buffersOf(task.table);
  if (task.kind === 'kernel') return [];
  return [task.bytes.buffer as ArrayBuffer];
}

/** Kernel chunks are about as large as the largest row groups: a rough cost is all the pool needs. */
const KERNEL_COST = 1 << 26;

/** A task's rough cost for the pool, in bytes it handles: cells × 8 for rows, the bytes to deflate. */
export function taskCost(task: EncodeTask): number {
  if (task.kind === 'part') return task.rows.length * task.rows.columns.length * 8;
  if (task.kind === 'file') return task.table.length * task.table.columns.length * 8;
  if (task.kind === 'kernel') return KERNEL_COST;
  return task.bytes.length;
}

export function pieceTransfer(piece: Piece): ArrayBuffer[] {
  const buffers = new Set([piece.bytes.buffer as ArrayBuffer]);
  for (const a of Object.values(piece.arrays ?? {})) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}

/** The pool thread's side: run a request, answer with the bytes transferred back. */
export async function answerEncode(req: PoolRequest<EncodeTask>): Promise<{ message: PoolResponse<Piece>; transfer: ArrayBuffer[] }> {
  return answer(req, (task) => {
    const piece = runTask(task);
    const arrays = piece.arrays && Object.fromEntries(Object.entries(piece.arrays).map(([k, v]) => [k, owned(v as View)]));
    return { ...piece, bytes: owned(piece.bytes), ...(arrays ? { arrays } : {}) };
  }, pieceTransfer);
}

/** The task with buffers it may give away: copies where the caller keeps using them. */
function transferable(task: EncodeTask): EncodeTask {
  if (task.kind === 'part') return { ...task, rows: ownedTable(task.rows) };
  if (task.kind === 'file') return { ...task, table: ownedTable(task.table, true) };
  if (task.kind === 'kernel') return task;
  return { ...task, bytes: owned(task.bytes) };
}

/**
 * An encoder on `threads` threads made by `createPort` (1 or fewer: this thread). The caller
 * closes it when the tree is written.
 */
export function pooledEncoder(threads: number, createPort: () => PoolPort<EncodeTask, Piece>): PartEncoder & { warm(): void; close(): void } {
  const pool = new WorkerPool<EncodeTask, Piece>({ size: threads, createPort, runHere: runTask, transferOf: taskTransfer, costOf: taskCost });
  return {
    threads: pool.size,
    transfers: pool.threaded,
    run: (task) => pool.run(pool.threaded ? transferable(task) : task),
    warm: () => pool.warm(),
    close: () => pool.close(),
  };
}
