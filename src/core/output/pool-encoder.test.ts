/**
 * The pooled encoder with threads that really take the buffers (a loopback port: every message
 * is structured-cloned with its transfer list, so what is sent is detached here, as with
 * postMessage to a thread).
 */
import { describe, expect, it } from 'vitest';
import { takeTable, type Table } from '../table/column';
import { runTask, type EncodeTask, type Piece } from './parts';
import { writeTable } from './formats';
import { bigTable, loopback } from './output.test-utils';
import { answerEncode, pooledEncoder } from './pool-encoder';
import { ROW_GROUP_ROWS } from './row-groups';
import { MemorySink } from './sink';
import { writeTree } from './tree-writer';

const checksum = (t: Table) =>
  t.columns.map((c) => Object.values(c).reduce<number>((a, v) => (ArrayBuffer.isView(v) ? a + new Uint8Array(v.buffer, v.byteOffset, v.byteLength).reduce((x, y) => (x * 31 + y) | 0, 0) : a), 0));

describe('pooled encoder', () => {
  it('gives the bytes of the in-thread writer, leaves the caller’s table whole, and reuses the buffers the threads hand back', async () => {
    const rows = 5 * ROW_GROUP_ROWS + 1234;
    const big = bigTable(rows);
    const before = checksum(big);
    // Parquet and CSV (JSONL goes the same way, slower)
    for (const format of ['parquet', 'csv'] as const) {
      const encoder = pooledEncoder(2, loopback);
      const sink = new MemorySink();
      await writeTree([{ path: `big.${format}`, format, table: big }], sink, { encoder });
      expect(Buffer.from(sink.files[0].bytes).equals(Buffer.from(writeTable(big, format))), format).toBe(true);
      expect(checksum(big), `${format}: the source table is untouched`).toEqual(before);
      // six row groups of copies, four in flight at once: the fifth goes into buffers the first handed back
      const stats = encoder.buffersUsed();
      expect(stats.reused, format).toBeGreaterThan(0);
      encoder.close();
    }
  });

  it('a file of selected rows crosses as a table of its own: the same bytes and checksum, the source table whole', async () => {
    const big = bigTable(5000);
    const before = checksum(big);
    const rows = Int32Array.from({ length: 3000 }, (_, i) => (i * 31) % big.length);
    const encoder = pooledEncoder(2, loopback);
    for (const format of ['parquet', 'csv', 'jsonl'] as const) {
      const piece = await encoder.run({ kind: 'file', format, table: big, rows, checksum: true });
      const alone = runTask({ kind: 'file', format, table: takeTable(big, rows), checksum: true });
      expect(Buffer.from(piece.bytes).equals(Buffer.from(alone.bytes)), format).toBe(true);
      expect(piece.sha256, format).toBe(alone.sha256);
    }
    expect(checksum(big)).toEqual(before);
    encoder.close();
  });

  it('a thread hands back the task’s buffers, except any its answer is a view on', async () => {
    const t = bigTable(1000);
    const task: EncodeTask = { kind: 'part', format: 'parquet', rows: t, first: true };
    const { message, transfer } = await answerEncode({ id: 1, task });
    expect(message.ok).toBe(true);
    const piece = (message as { result: Piece }).result;
    const inputs = new Set(t.columns.flatMap((c) => Object.values(c).filter(ArrayBuffer.isView).map((v) => v.buffer)));
    expect(new Set(piece.returned)).toEqual(inputs);
    expect(transfer).toEqual(expect.arrayContaining([piece.bytes.buffer, ...inputs]));
    // a deflate task whose answer could alias its input hands nothing back that the answer uses
    const raw = new Uint8Array(1 << 16).fill(7);
    const deflated = await answerEncode({ id: 2, task: { kind: 'deflate', bytes: raw } });
    const out = (deflated.message as { result: Piece }).result;
    expect(out.returned?.includes(out.bytes.buffer as ArrayBuffer) ?? false).toBe(false);
  });
});
