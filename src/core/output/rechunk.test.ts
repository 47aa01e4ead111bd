import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatTables } from '../table/concat';
import { columnFromValues, dictColumn, makeTable, sliceTable, tableRows, type Table } from '../table/column';
import { arbTableUpTo } from './output.test-utils';
import { ByteBlocks, fixedRowGroups } from './rechunk';

/** `t` cut at the given sizes (cycled; zeros give empty chunks), or whole between two empty chunks. */
function chunked(t: Table, sizes: readonly number[]): Table[] {
  if (sizes.every((s) => s === 0)) return [sliceTable(t, 0, 0), t, sliceTable(t, 0, 0)];
  const out: Table[] = [];
  let at = 0;
  for (let k = 0; at < t.length || out.length === 0; k++) {
    const n = sizes[k % sizes.length];
    out.push(sliceTable(t, at, at + n));
    at += n;
  }
  return out;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('fixed row groups from chunks of any size', () => {
  it('gives the same groups as slicing the whole table, however the producer cut it', async () => {
    await fc.assert(
      fc.asyncProperty(arbTableUpTo(60), fc.array(fc.integer({ min: 0, max: 25 }), { maxLength: 5 }), fc.integer({ min: 1, max: 17 }), fc.boolean(), async (t, sizes, size, copy) => {
        const chunks = chunked(t, sizes);
        const groups = await collect(fixedRowGroups(chunks, size, copy));
        // copies (for another thread) share no memory with any chunk
        const buffers = (x: Table) => x.columns.flatMap((c) => Object.values(c).filter(ArrayBuffer.isView).map((v) => v.buffer));
        const chunkBuffers = new Set(chunks.flatMap(buffers));
        if (copy) for (const g of groups) expect(buffers(g).some((b) => chunkBuffers.has(b))).toBe(false);
        const want = t.length === 0 ? [sliceTable(t, 0, 0)] : Array.from({ length: Math.ceil(t.length / size) }, (_, g) => sliceTable(t, g * size, (g + 1) * size));
        expect(groups.map((g) => g.length)).toEqual(want.map((g) => g.length));
        groups.forEach((g, i) => {
          expect(g.columns.map((c) => c.name)).toEqual(t.columns.map((c) => c.name));
          expect(tableRows(g)).toEqual(tableRows(want[i]));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a stream with no chunks (it would have no columns)', async () => {
    await expect(collect(fixedRowGroups([], 10))).rejects.toThrow(/no chunks/);
  });
});

describe('concatTables', () => {
  it('joins dictionary columns with different dictionaries, UTF-8 columns and masks present in only some chunks', () => {
    const a = makeTable('t', [dictColumn('s', ['x', 'y'], Int32Array.from([0, 1, 1])), columnFromValues('u', 'string', ['é', null, ''])]);
    const b = makeTable('t', [dictColumn('s', ['y', 'z'], Int32Array.from([1, 0])), columnFromValues('u', 'string', ['q', 'r'])]);
    const c = concatTables([a, b]);
    expect(tableRows(c)).toEqual([...tableRows(a), ...tableRows(b)]);
    expect(c.columns[1].valid).toEqual(Uint8Array.from([1, 0, 1, 1, 1]));
  });

  it('refuses chunks whose columns differ', () => {
    const a = makeTable('t', [columnFromValues('x', 'int', [1])]);
    const b = makeTable('t', [columnFromValues('x', 'float', [1])]);
    expect(() => concatTables([a, b])).toThrow(/t\.x differs/);
  });
});

describe('fixed byte blocks', () => {
  it('cut any chunking into the same blocks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), fc.integer({ min: 1, max: 16 }), fc.boolean(), async (chunks, size, copy) => {
        const all = Buffer.concat(chunks);
        const blocks = await collect(ByteBlocks.of(chunks, size, copy));
        expect(Buffer.concat(blocks).equals(all)).toBe(true);
        blocks.forEach((b, i) => expect(b.length).toBe(i < blocks.length - 1 ? size : all.length - size * (blocks.length - 1)));
        if (copy) for (const b of blocks) for (const c of chunks) expect(b.buffer === c.buffer && b.length > 0).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
