/**
 * Encoding on a pool of threads: row groups and zip segments cross to a thread as transferred
 * buffers (never structured-cloned copies of whole tables) and come back as bytes. Output is
 * the same for any number of threads: parts are put together in order by the tree writer.
 */
import { BufferPool } from '../buffer-pool';
import { answer, WorkerPool, type PoolPort, type PoolRequest, type PoolResponse } from '../pool';
import { copyRange, takeTable, type Copyable, type DictColumn, type Table } from '../table/column';
import { runTask, type EncodeTask, type PartEncoder, type Piece } from './parts';

type View = ArrayBufferView & { readonly length: number };

/** `v` copied into a buffer of the pool (reused memory), or into a new one without a pool. */
const copied = <V extends View>(v: V, pool?: BufferPool): V => copyRange(v as unknown as Copyable, 0, v.length, pool?.take) as unknown as V;

/** A view that may be transferred: one over its whole buffer or over a pool's, else a copy. */
function owned<V extends View>(v: V, pool?: BufferPool): V {
  return (v.byteOffset === 0 && v.byteLength === v.buffer.byteLength) || pool?.owns(v.buffer) ? v : copied(v, pool);
}

/** Dictionaries longer than this and than their column are cut to the entries the rows use before they cross. */
const COMPACT_DICT = 64;

/**
 * A dictionary-coded column with only the entries its present rows use, in order of first use
 * (null rows point at the first): what every writer would take from it anyway, so the bytes are
 * the same, while a small file no longer carries (and clones, and encodes again on the thread)
 * a dictionary of thousands of names.
 */
function compactDict(c: DictColumn): DictColumn {
  const { codes, valid, dict } = c;
  const remap = new Int32Array(dict.length).fill(-1);
  const used: string[] = [];
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    if (valid && !valid[i]) continue;
    let at = remap[codes[i]];
    if (at < 0) {
      at = remap[codes[i]] = used.length;
      used.push(dict[codes[i]]);
    }
    out[i] = at;
  }
  if (used.length === 0 && dict.length > 0) used.push(dict[0]);
  return { ...c, dict: used, codes: out };
}

/**
 * A table whose buffers can be transferred: windows on larger buffers copied, and with `copyAll`
 * every buffer (a run's table may share arrays with its inputs or its plan, which must stay usable).
 */
function ownedTable(t: Table, copyAll: boolean, pool: BufferPool): Table {
  const columns = t.columns.map((col) => {
    const c = col.type === 'string' && col.encoding === 'dict' && col.dict.length > Math.max(COMPACT_DICT, t.length) ? compactDict(col) : col;
    const compacted = c !== col;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(c))
      out[k] = ArrayBuffer.isView(v) ? (copyAll && !(compacted && k === 'codes') ? copied(v as View, pool) : owned(v as View, pool)) : v;
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
  const buffers = new Set([piece.bytes.buffer as ArrayBuffer, ...(piece.returned ?? [])]);
  for (const a of Object.values(piece.arrays ?? {})) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}

/**
 * The pool thread's side: run a request, answer with the bytes transferred back, and with them
 * the task's own buffers, which the host reuses for later row groups (none the answer's bytes
 * are a view on).
 */
export async function answerEncode(req: PoolRequest<EncodeTask>): Promise<{ message: PoolResponse<Piece>; transfer: ArrayBuffer[] }> {
  return answer(req, (task) => {
    const piece = runTask(task);
    const arrays = piece.arrays && Object.fromEntries(Object.entries(piece.arrays).map(([k, v]) => [k, owned(v as View)]));
    const out: Piece = { ...piece, bytes: owned(piece.bytes), ...(arrays ? { arrays } : {}) };
    const used = new Set(pieceTransfer(out));
    const returned = taskTransfer(task).filter((b) => !used.has(b));
    return returned.length ? { ...out, returned } : out;
  }, pieceTransfer);
}

/** The task with buffers it may give away: copies (into the pool's buffers) where the caller keeps using them. */
function transferable(task: EncodeTask, pool: BufferPool): EncodeTask {
  if (task.kind === 'part') return { ...task, rows: ownedTable(task.rows, false, pool) };
  if (task.kind === 'file') {
    // rows of a shared table: the file's own table, made here, is the one that crosses
    if (task.rows) return { kind: 'file', format: task.format, checksum: task.checksum, table: ownedTable(takeTable(task.table, task.rows), false, pool) };
    return { ...task, table: ownedTable(task.table, !task.given, pool) };
  }
  if (task.kind === 'kernel') return task;
  return { ...task, bytes: owned(task.bytes, pool) };
}

/** Free buffers the encoder keeps for the row groups to come: a few row groups' worth. */
const POOL_BYTES = 256 << 20;

/**
 * An encoder on `threads` threads made by `createPort` (1 or fewer: this thread). The caller
 * closes it when the tree is written.
 */
export function pooledEncoder(
  threads: number,
  createPort: () => PoolPort<EncodeTask, Piece>,
): PartEncoder & { warm(): void; close(): void; buffersUsed(): { made: number; reused: number } } {
  const pool = new WorkerPool<EncodeTask, Piece>({ size: threads, createPort, runHere: runTask, transferOf: taskTransfer, costOf: taskCost });
  const buffers = new BufferPool(POOL_BYTES);
  const reclaim = (piece: Piece): Piece => {
    if (!piece.returned) return piece;
    buffers.give(piece.returned);
    const { returned: _, ...rest } = piece;
    return rest;
  };
  return {
    threads: pool.size,
    transfers: pool.threaded,
    ...(pool.threaded ? { alloc: buffers.take } : {}),
    run: (task) => (pool.threaded ? pool.run(transferable(task, buffers)).then(reclaim) : pool.run(task)),
    warm: () => pool.warm(),
    close: () => pool.close(),
    /** Copies' buffers made afresh and taken again (pooled sizes). */
    buffersUsed: () => ({ made: buffers.made, reused: buffers.reused }),
  };
}
