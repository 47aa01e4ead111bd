import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { AbortError, type Progress } from '../simulator';
import { sliceTable, type Table } from '../table/column';
import type { OutputFile, TableStreamFile } from './files';
import { OUTPUT_FORMATS, writeTable, type OutputFormat } from './formats';
import { bigTable, expectParquetHolds, readCsv } from './output.test-utils';
import { ROW_GROUP_ROWS } from './row-groups';
import { MemorySink, ZipSink, type FileWriter, type TreeSink } from './sink';
import { materialise, zipTree } from './tree';
import { writeTree } from './tree-writer';

const ROWS = ROW_GROUP_ROWS + 37_856; // two row groups, the second partial
const big = bigTable(ROWS);

/** The table as a stream of chunks cut at `sizes` (cycled). */
function streamed(t: Table, format: OutputFormat, sizes: readonly number[]): TableStreamFile {
  return {
    path: `big.${format}`,
    format,
    *chunks() {
      let at = 0;
      for (let k = 0; at < t.length; k++) {
        const n = sizes[k % sizes.length];
        yield sliceTable(t, at, at + n);
        at += n;
      }
    },
  };
}

const CHUTES: number[][] = [[1, ROWS], [100_000], [0, 70_001, 3, 191_000, 12]];

describe('tree writer: a table gives the same bytes however its producer chunked it', () => {
  for (const format of OUTPUT_FORMATS) {
    it(`${format}: a whole table and every chunking give the same file (two row groups)`, async () => {
      const whole = writeTable(big, format);
      for (const sizes of CHUTES) {
        const [file] = await materialise([streamed(big, format, sizes)]);
        expect(Buffer.from(file.bytes).equals(Buffer.from(whole)), `chunks ${sizes.join(',')}`).toBe(true);
      }
      if (format === 'parquet') {
        // an independent reader: two row groups, and rows on both sides of the boundary
        const file = whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength) as ArrayBuffer;
        expect(parquetMetadata(file).row_groups.map((g) => Number(g.num_rows))).toEqual([ROW_GROUP_ROWS, ROWS - ROW_GROUP_ROWS]);
        const around = (await parquetReadObjects({ file, rowStart: ROW_GROUP_ROWS - 2, rowEnd: ROW_GROUP_ROWS + 2 })) as Record<string, unknown>[];
        expect(around.map((r) => r.id)).toEqual([-2, -1, 0, 1].map((d) => BigInt(ROW_GROUP_ROWS + d)));
        expect(around.map((r) => r.label)).toEqual([-2, -1, 0, 1].map((d) => `row-${ROW_GROUP_ROWS + d}${(ROW_GROUP_ROWS + d) % 3 === 0 ? ',"q"' : ''}`));
        await expectParquetHolds(writeTable(sliceTable(big, ROW_GROUP_ROWS - 50, ROW_GROUP_ROWS + 50), 'parquet'), sliceTable(big, ROW_GROUP_ROWS - 50, ROW_GROUP_ROWS + 50));
      }
      if (format === 'csv') {
        const text = new TextDecoder().decode(whole);
        expect(text.split('\n')).toHaveLength(ROWS + 2);
        const at = text.indexOf(`\n${ROW_GROUP_ROWS},`);
        expect(readCsv(text.slice(at + 1, text.indexOf('\n', at + 1) + 1))[0].slice(0, 4)).toEqual([String(ROW_GROUP_ROWS), String(((ROW_GROUP_ROWS * 37) % 1000) / 8), ['new', 'paid', 'sent', 'late', ''][(ROW_GROUP_ROWS * 7) % 5], `row-${ROW_GROUP_ROWS}`]);
      }
      if (format === 'jsonl') {
        const lines = new TextDecoder().decode(whole).trimEnd().split('\n');
        expect(lines).toHaveLength(ROWS);
        expect(JSON.parse(lines[ROW_GROUP_ROWS])).toMatchObject({ id: ROW_GROUP_ROWS, label: `row-${ROW_GROUP_ROWS}` });
      }
    });
  }

  it('zips to the same bytes whatever the chunking, read back by an independent unzip', async () => {
    const files = (sizes: number[]): OutputFile[] => [streamed(big, 'parquet', sizes), streamed(big, 'csv', sizes), { path: 'note.txt', bytes: new TextEncoder().encode('hi') }];
    const a = await zipTree(files([ROWS]));
    const b = await zipTree(files([0, 70_001, 3, 191_000, 12]));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const entries = unzipSync(a);
    expect(Object.keys(entries)).toEqual(['big.parquet', 'big.csv', 'note.txt']);
    expect(Buffer.from(entries['big.parquet']).equals(Buffer.from(writeTable(big, 'parquet')))).toBe(true);
    expect(Buffer.from(entries['big.csv']).equals(Buffer.from(writeTable(big, 'csv')))).toBe(true);
    // a zip entry depends only on the file's bytes: the same files given as bytes zip the same
    const asBytes = await zipTree(Object.entries(entries).map(([path, bytes]) => ({ path, bytes })));
    expect(Buffer.from(asBytes).equals(Buffer.from(a))).toBe(true);
  });
});

/** A sink that records calls, and can fail on the n-th write. */
class RecordingSink implements TreeSink {
  readonly events: string[] = [];
  writes = 0;
  constructor(private readonly failAt = Infinity) {}
  deflates(): boolean {
    return false;
  }
  open(path: string): FileWriter {
    this.events.push(`open ${path}`);
    return {
      write: () => {
        if (++this.writes === this.failAt) throw new Error('ENOSPC: no space left on device');
      },
      close: () => void this.events.push(`close ${path}`),
    };
  }
  finish(): void {
    this.events.push('finish');
  }
  abort(): void {
    this.events.push('abort');
  }
}

const small: OutputFile[] = [
  { path: 'a.csv', table: sliceTable(big, 0, 10), format: 'csv' },
  { path: 'b/c.json', *produce() { yield new TextEncoder().encode('{"x":'); yield new TextEncoder().encode('1}\n'); } },
  { path: 'd.parquet', table: big, format: 'parquet' },
  { path: 'e.txt', bytes: new Uint8Array([1, 2]) },
];

describe('tree writer: parts in reused memory', () => {
  it('two writes at once, each through a sink that copies only after an await, keep their own bytes', async () => {
    // a sink done with each chunk once its write settles, copying it late: the other write's
    // parts are encoded meanwhile, so a buffer shared by the two writes would show here
    const lateSink = () => {
      const sink = new MemorySink();
      const open = sink.open.bind(sink);
      sink.open = (path) => {
        const w = open(path);
        return { ...w, write: async (c: Uint8Array) => (await new Promise((r) => setTimeout(r, 0)), w.write(c)) };
      };
      return sink;
    };
    const other = bigTable(ROWS + 5);
    const [a, b] = [lateSink(), lateSink()];
    await Promise.all([writeTree([{ path: 'a.parquet', table: big, format: 'parquet' }], a), writeTree([{ path: 'b.parquet', table: other, format: 'parquet' }], b)]);
    expect(Buffer.from(a.files[0].bytes).equals(Buffer.from(writeTable(big, 'parquet')))).toBe(true);
    expect(Buffer.from(b.files[0].bytes).equals(Buffer.from(writeTable(other, 'parquet')))).toBe(true);
  });
});

describe('tree writer: progress, cancel and failures', () => {
  it('names each file in words, moves forward through every file and ends at the total', async () => {
    const seen: Progress[] = [];
    await writeTree(small, new MemorySink(), { onProgress: (p) => seen.push(p) });
    const phases = [...new Set(seen.map((p) => p.phase))];
    expect(phases).toEqual(['Writing a.csv, 1 of 4 files', 'Writing b/c.json, 2 of 4 files', 'Writing d.parquet, 3 of 4 files', 'Writing e.txt, 4 of 4 files', 'Wrote 4 files']);
    for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThanOrEqual(seen[i - 1].done);
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    // the big table moves the bar within its file, row group by row group
    expect(seen.filter((p) => p.phase.startsWith('Writing d.parquet')).map((p) => p.done).length).toBeGreaterThanOrEqual(3);
  });

  it('a cancel stops between pieces: AbortError, the sink aborted, never finished', async () => {
    const abort = new AbortController();
    const sink = new RecordingSink();
    const run = writeTree(small, sink, { signal: abort.signal, onProgress: (p) => p.phase.startsWith('Writing d.parquet') && abort.abort() });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(sink.events).toContain('abort');
    expect(sink.events).not.toContain('finish');
    expect(sink.events).not.toContain('close d.parquet');
  });

  it('a failing write aborts the sink with the error, leaving earlier files closed and the failing one not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 6 }), async (failAt) => {
        const sink = new RecordingSink(failAt);
        await expect(writeTree(small, sink)).rejects.toThrow(/ENOSPC/);
        expect(sink.events.at(-1)).toBe('abort');
        const opened = sink.events.filter((e) => e.startsWith('open')).at(-1)!.slice(5);
        expect(sink.events).not.toContain(`close ${opened}`);
      }),
      { numRuns: 6 },
    );
  });

  it('a zip of a cancelled write is dropped, not finished', async () => {
    const abort = new AbortController();
    const calls: string[] = [];
    const sink = new ZipSink({ write: () => {}, close: () => void calls.push('close'), abort: () => void calls.push('abort') });
    abort.abort();
    await expect(writeTree(small, sink, { signal: abort.signal })).rejects.toBeInstanceOf(AbortError);
    expect(calls).toEqual(['abort']);
  });
});
