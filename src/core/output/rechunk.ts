/**
 * Cut a producer's chunks at fixed boundaries: tables into row groups of ROW_GROUP_ROWS rows,
 * bytes into blocks of a fixed size. What is written then depends only on the content, never
 * on where the producer happened to cut it.
 */
import { concatTables } from '../table/concat';
import { sliceTable, viewTable, type Table } from '../table/column';
import { ROW_GROUP_ROWS } from './row-groups';

/**
 * Row groups of exactly `size` rows (the last may be shorter) from chunks of any size. A group
 * that spans chunks is put together in fresh memory; one inside a chunk is the chunk itself or a
 * view on it, or a copy when `copy` (its buffers are to be sent to another thread, and a
 * producer's chunk may share memory with what it goes on using: a clickstream's sessions table
 * holds its draws).
 */
export async function* fixedRowGroups(chunks: Iterable<Table> | AsyncIterable<Table>, size = ROW_GROUP_ROWS, copy = true): AsyncGenerator<Table> {
  let held: { chunk: Table; start: number; end: number }[] = [];
  let rows = 0;
  let any = false;
  let schema: Table | undefined;
  const group = (): Table => {
    if (held.length > 1) return concatTables(held.map((p) => viewTable(p.chunk, p.start, p.end)));
    const { chunk, start, end } = held[0];
    if (copy) return sliceTable(chunk, start, end);
    return start === 0 && end === chunk.length ? chunk : viewTable(chunk, start, end);
  };
  for await (const chunk of chunks) {
    schema ??= chunk;
    let at = 0;
    while (at < chunk.length) {
      const take = Math.min(size - rows, chunk.length - at);
      held.push({ chunk, start: at, end: at + take });
      rows += take;
      at += take;
      if (rows === size) {
        any = true;
        yield group();
        held = [];
        rows = 0;
      }
    }
  }
  if (!schema) throw new Error('a table stream produced no chunks (an empty table must carry its columns)');
  if (rows > 0) yield group();
  else if (!any) yield sliceTable(schema, 0, 0);
}

/** Blocks of exactly `size` bytes (the last may be shorter) from chunks of any size. */
export const ByteBlocks = {
  async *of(chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, size: number, copy: boolean): AsyncGenerator<Uint8Array> {
    let pending = new Uint8Array(size);
    let filled = 0;
    for await (const chunk of chunks) {
      let at = 0;
      // whole blocks straight from the chunk when nothing is pending (a view, or a copy to give away)
      while (filled === 0 && chunk.length - at >= size) {
        const block = chunk.subarray(at, at + size);
        yield copy ? block.slice() : block;
        at += size;
      }
      while (at < chunk.length) {
        const take = Math.min(size - filled, chunk.length - at);
        pending.set(chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === size) {
          yield pending;
          pending = new Uint8Array(size);
          filled = 0;
        }
      }
    }
    if (filled > 0) yield pending.subarray(0, filled);
  },
};
