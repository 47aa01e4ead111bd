import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeTable } from '../core/output/formats';
import { bigTable } from '../core/output/output.test-utils';
import { ZipSink, Coalescer } from '../core/output/sink';
import { zipTree } from '../core/output/tree';
import { writeTree } from '../core/output/tree-writer';
import { BlobOutput, sinkFor, sweep } from './sinks';

describe('the Blob download', () => {
  it('copies every chunk when it is written (the writer may reuse the memory at once), in order', async () => {
    const out = new BlobOutput();
    const big = new Uint8Array(3 << 20).fill(7);
    const small = new Uint8Array(100).fill(9);
    const large = new Uint8Array(20 << 20).fill(5);
    // small chunks gathered in a reused buffer, a large one a Blob of its own, in order
    out.write(big);
    out.write(small);
    out.write(large);
    out.write(small);
    big.fill(1);
    small.fill(1);
    large.fill(1);
    out.close();
    const bytes = new Uint8Array(await out.blob().arrayBuffer());
    const want = Buffer.concat([Buffer.alloc(big.length, 7), Buffer.alloc(100, 9), Buffer.alloc(large.length, 5), Buffer.alloc(100, 9)]);
    expect(Buffer.from(bytes).equals(want)).toBe(true);
  });

  it('zips a table of several row groups, its Parquet parts made in reused memory, to the bytes of the in-memory zip', async () => {
    const files = [{ path: 'big.parquet', table: bigTable(600_000), format: 'parquet' as const }];
    const out = new BlobOutput();
    const sink = new ZipSink(new Coalescer(out, 1 << 20));
    expect(sink.copiesWrites).toBe(true);
    await writeTree(files, sink);
    const blob = new Uint8Array(await out.blob().arrayBuffer());
    expect(Buffer.from(blob).equals(Buffer.from(await zipTree(files)))).toBe(true);
    // and the entry is the file written whole, in fresh memory
    expect(Buffer.from(unzipSync(blob)['big.parquet']).equals(Buffer.from(writeTable(files[0].table, 'parquet')))).toBe(true);
  });
});

describe('the temporary zips of plain downloads', () => {
  /** A stand-in for an origin-private folder: files with their last-modified times; one locked (being written). */
  function folder(files: Record<string, number>, locked: string[] = []) {
    const left = new Map(Object.entries(files));
    const dir = {
      async *[Symbol.asyncIterator]() {
        for (const [name, at] of [...left]) yield [name, { kind: 'file', getFile: async () => ({ lastModified: at }) }];
        yield ['a-folder', { kind: 'directory' }];
      },
      async removeEntry(name: string) {
        if (locked.includes(name)) throw new DOMException('locked', 'NoModificationAllowedError');
        left.delete(name);
      },
    };
    return { dir: dir as unknown as FileSystemDirectoryHandle, left };
  }

  it('are deleted once the browser has long saved them: ours after 10 minutes, other tabs\' after an hour; a locked one stays', async () => {
    const now = 1e12;
    const min = 60_000;
    const { dir, left } = folder({ 'ours-old.zip': now - 11 * min, 'ours-new.zip': now - 9 * min, 'theirs-old.zip': now - 61 * min, 'theirs-new.zip': now - 30 * min, 'theirs-locked.zip': now - 90 * min }, ['theirs-locked.zip']);
    // our zips are aged from when they were started, whatever the file says
    const ours = new Map([
      ['ours-old.zip', now - 11 * min],
      ['ours-new.zip', now - 9 * min],
    ]);
    await sweep(dir, now, ours);
    expect([...left.keys()].sort()).toEqual(['ours-new.zip', 'theirs-locked.zip', 'theirs-new.zip']);
    expect([...ours.keys()]).toEqual(['ours-new.zip']);
  });

  it('are not used where the browser has no synchronous file handles (Node, older browsers): the Blob route', async () => {
    const { blob } = await sinkFor({ kind: 'blob' });
    expect(blob).toBeInstanceOf(BlobOutput);
  });
});
