import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../core/output/files';
import { writeTable, type OutputFormat } from '../core/output/formats';
import { bigTable } from '../core/output/output.test-utils';
import { ROW_GROUP_ROWS } from '../core/output/row-groups';
import { MemorySink } from '../core/output/sink';
import { buildTree, runFiles, streamedRunFiles } from '../core/output/tree';
import { treeHash } from '../../test/tree-hash';
import { KERNEL_MIN_THREADS } from '../core/kernels';
import { runSimulator, streamSimulator } from '../core/run';
import { clickstreamSimulator } from '../core/simulators/clickstream';
import { workflowSimulator } from '../core/simulators/workflow';
import { fileDropSimulator } from '../core/simulators/file-drop';
import { scd2FileDropSimulator } from '../core/simulators/scd2-file-drop';
import { findDomain, generateDomain } from '../core/domains';
import type { SimulatorDef } from '../core/simulator';
import type { Table } from '../core/table/column';
import { EarlyTables, writeTree } from '../core/output/tree-writer';
import { AtomicFile, FolderSink, zipFileSink } from './fs-sink';
import { EarlyFiles } from './early-files';
import { nodeEncoder } from './threads';
import { prepareOutput, type OutputTargets } from './write-output';

const tmp = () => mkdtempSync(join(tmpdir(), 'spindle-out-'));

/** Every file under a folder, by relative path, in sorted order. */
function tree(dir: string): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p);
    }
  };
  walk(dir);
  return out;
}

/** Write with a fresh writer, closing its threads whatever happens. */
async function write(targets: OutputTargets, files: readonly OutputFile[], signal?: AbortSignal) {
  const output = prepareOutput(targets);
  try {
    return await output.write(files, signal);
  } finally {
    output.close();
  }
}

describe('Node output: folders and zips on 1, 2 and 3 encoder threads', () => {
  it('gives byte-identical trees and zips for any thread count (more than one row group per table)', { timeout: 240_000 }, async () => {
    // a real run, and a table of three row groups, so parts really are spread over threads
    const run = await runSimulator(workflowSimulator, { entityCount: 2_000, seed: 3 });
    const big = bigTable(2 * ROW_GROUP_ROWS + 1000);
    const files = (format: OutputFormat): OutputFile[] => [{ path: `big.${format}`, table: big, format }, ...runFiles(run, format)];
    const results = [];
    for (const threads of [1, 2, 3]) {
      const dir = tmp();
      // one pool for both writes: threads start once
      const encoder = nodeEncoder(threads);
      try {
        await writeTree(files('parquet'), new FolderSink(join(dir, 'out')), { encoder });
        await writeTree(files('csv'), zipFileSink(join(dir, 'csv.zip')), { encoder });
      } finally {
        encoder.close();
      }
      results.push({ tree: tree(join(dir, 'out')), zip: readFileSync(join(dir, 'csv.zip')) });
    }
    const [one, ...others] = results;
    expect(Object.keys(one.tree)).toEqual(['_spindle/answer_key.parquet', '_spindle/config.json', '_spindle/stats.json', 'big.parquet', 'entity_summary.parquet', 'events.parquet'].map((p) => join(...p.split('/'))));
    expect(one.tree['big.parquet'].equals(Buffer.from(writeTable(big, 'parquet')))).toBe(true);
    for (const other of others) {
      for (const [path, bytes] of Object.entries(one.tree)) expect(other.tree[path].equals(bytes), path).toBe(true);
      expect(other.zip.equals(one.zip)).toBe(true);
    }
    const entries = unzipSync(one.zip);
    expect(Object.keys(entries)).toEqual(files('csv').map((f) => f.path));
    expect(Buffer.from(entries['big.csv']).equals(Buffer.from(writeTable(big, 'csv')))).toBe(true);
  });
});

describe('Node: a run simulated in chunks on encoder threads', () => {
  it('gives the recorded tree of the single-loop engine on 1, 3 and 4 threads (three workflow chunks)', { timeout: 240_000 }, async () => {
    // recorded from the engine before its blocks became kernels (one loop in the run's thread)
    const RECORDED = '8b54f5ceff43acaca57d3eaf90ef9bb93195500c6ec055c94225ac22170f3725';
    // from KERNEL_MIN_THREADS threads the chunks run on them
    for (const threads of [1, KERNEL_MIN_THREADS, KERNEL_MIN_THREADS + 1]) {
      const encoder = nodeEncoder(threads);
      try {
        const run = await runSimulator(workflowSimulator, { entityCount: 140_000, seed: 7, anomalyBackwardProbability: 0.05 }, { encoder });
        expect(treeHash(await buildTree(run, 'parquet')), `${threads} threads`).toBe(RECORDED);
      } finally {
        encoder.close();
      }
    }
  });
});

describe('Node output: result tables handed over while the run goes on', () => {
  it('are written from the work started early, byte for byte as without it, in every format and with a small budget', { timeout: 240_000 }, async () => {
    const run = await runSimulator(workflowSimulator, { entityCount: 2_000, seed: 5 });
    const big = bigTable(2 * ROW_GROUP_ROWS + 1000);
    const other = bigTable(5_000);
    for (const format of ['parquet', 'csv'] as const) {
      const files: OutputFile[] = [{ path: `big.${format}`, table: big, format }, { path: `other.${format}`, table: other, format }, ...runFiles(run, format)];
      const expected = tree(await (async () => {
        const dir = join(tmp(), 'out');
        await writeTree(files, new FolderSink(dir), {});
        return dir;
      })());
      // a budget of one part held: the rest starts when the writer takes the table
      for (const budget of format === 'parquet' ? [1, 256 << 20] : [256 << 20]) {
        const encoder = nodeEncoder(2);
        const dir = join(tmp(), 'out');
        try {
          const early = new EarlyTables(encoder, format, undefined, budget);
          // handed over out of order, one twice, one never written, and a table the tree does not hold
          early.publish(other);
          early.publish(big);
          early.publish(big);
          early.publish(bigTable(1000));
          for (const t of run.result.tables) early.publish(t);
          await writeTree(files, new FolderSink(dir), { encoder, early });
        } finally {
          encoder.close();
        }
        const got = tree(dir);
        expect(Object.keys(got)).toEqual(Object.keys(expected));
        for (const [path, bytes] of Object.entries(expected)) expect(got[path].equals(bytes), `${format} ${budget} ${path}`).toBe(true);
      }
    }
  });

  it('start nothing in this thread, and nothing for another format', async () => {
    const started: string[] = [];
    const spy = { threads: 2, transfers: true, run: async (task: { kind: string }) => (started.push(task.kind), { bytes: new Uint8Array(0) }) };
    const table = bigTable(10);
    new EarlyTables({ ...spy, threads: 1, transfers: false }, 'csv').publish(table);
    expect(started).toEqual([]);
    const early = new EarlyTables(spy, 'csv');
    early.publish(table);
    expect(started).toEqual(['part']);
    expect(early.take(table, 'parquet', undefined)).toBeUndefined();
    expect(early.take(table, 'csv', undefined)?.started).toHaveLength(1);
    expect(early.take(table, 'csv', undefined)).toBeUndefined();
  });
});

const enc = (s: string) => new TextEncoder().encode(s);

/** A tree whose second file fails half-way (a full disk, a crash in a producer). */
const failing = (message: string): OutputFile[] => [
  { path: 'first.txt', bytes: enc('first, complete\n') },
  {
    path: 'data/good.json',
    *produce() {
      yield enc('{"half":');
      throw new Error(message);
    },
  },
  { path: 'never.txt', bytes: enc('not reached') },
];

describe('Node output: atomic writes', () => {
  it('a failing write keeps the good earlier file, leaves no partial file and no temporary file', async () => {
    const dir = tmp();
    const out = join(dir, 'out');
    const good = await write({ out, threads: 1 }, [
      { path: 'data/good.json', bytes: enc('{"good":true}\n') },
      { path: 'first.txt', bytes: enc('old\n') },
    ]);
    expect(good.map((f) => f.path)).toEqual(['data/good.json', 'first.txt']);
    await expect(write({ out, threads: 1 }, failing('ENOSPC: no space left on device'))).rejects.toThrow(/ENOSPC/);
    const after = tree(out);
    // files before the failure are complete (renamed into place); the failing one keeps its old, good content
    expect(after['first.txt'].toString()).toBe('first, complete\n');
    expect(after[join('data', 'good.json')].toString()).toBe('{"good":true}\n');
    expect(existsSync(join(out, 'never.txt'))).toBe(false);
    expect(Object.keys(after).filter((p) => p.includes('partial'))).toEqual([]);
  });

  it('a failing zip never replaces a good earlier zip with a truncated one, and leaves no temporary file', async () => {
    const dir = tmp();
    const zip = join(dir, 'out.zip');
    await write({ zip, threads: 1 }, [{ path: 'a.txt', bytes: enc('a'.repeat(100_000)) }]);
    const before = readFileSync(zip);
    await expect(write({ zip, threads: 1 }, failing('disk full'))).rejects.toThrow(/disk full/);
    expect(readFileSync(zip).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.zip']);
    expect(new TextDecoder().decode(unzipSync(before)['a.txt'])).toHaveLength(100_000);
  });

  it('a cancelled write stops and leaves no zip where there was none', async () => {
    const dir = tmp();
    const abort = new AbortController();
    abort.abort();
    await expect(write({ zip: join(dir, 'c.zip'), threads: 1 }, failing('x'), abort.signal)).rejects.toThrow(/cancelled/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a device directly (never renames over it) and reports a full disk', async () => {
    await expect(write({ zip: '/dev/full', threads: 1 }, [{ path: 'a.txt', bytes: enc('a'.repeat(3 << 20)) }])).rejects.toThrow(/ENOSPC/);
    expect(existsSync('/dev/full')).toBe(true);
  });

  it('writes in flight land in order at their places, however many, and a file is whole when closed', async () => {
    const dir = tmp();
    const target = join(dir, 'many.bin');
    const file = new AtomicFile(target);
    const chunks: Uint8Array[] = [];
    // more than the bytes allowed in flight, in chunks of uneven sizes
    // (small ones are written in this thread when nothing is in flight, the rest on the I/O threads)
    for (let i = 0; i < 90; i++) chunks.push(new Uint8Array(((i * 7919) % 3) * (1 << 20) + 17 + i).fill(i));
    for (const c of chunks) await file.write(c);
    expect(existsSync(target)).toBe(false); // renamed into place only at close
    await file.close();
    expect(readFileSync(target).equals(Buffer.concat(chunks))).toBe(true);
    expect(readdirSync(dir)).toEqual(['many.bin']);
  });

  it('a write that fails on the I/O threads is reported, naming the file, and aborting leaves no temporary file', async () => {
    const dir = tmp();
    const target = join(dir, 'broken.bin');
    const file = new AtomicFile(target);
    // chunks large enough to go to the I/O threads
    await file.write(new Uint8Array(1 << 20));
    // the next write lands past the largest file the system allows: it fails once it reaches the system
    (file as unknown as { position: number }).position = 2 ** 52;
    await file.write(new Uint8Array(1 << 20));
    await expect(file.close()).rejects.toMatchObject({ code: 'EFBIG', path: target });
    await expect((async () => file.write(new Uint8Array(1)))()).rejects.toMatchObject({ code: 'EFBIG', path: target });
    await file.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a path that would leave the output folder, and a zip target that is a folder', async () => {
    const dir = tmp();
    await expect(write({ out: join(dir, 'o'), threads: 1 }, [{ path: '../escape.txt', bytes: enc('x') }])).rejects.toThrow(/inside the output folder/);
    expect(existsSync(join(dir, 'escape.txt'))).toBe(false);
    writeFileSync(join(dir, 'f'), 'x');
    await expect(write({ zip: dir, threads: 1 }, [{ path: 'a', bytes: enc('x') }])).rejects.toThrow(/is a folder/);
  });
});

describe('Node output: streamed runs on encoder threads', () => {
  it("write the held run's bytes on 1, 2 and 3 threads (a chunk that is a whole row group crosses to a thread as it is)", { timeout: 240_000 }, async () => {
    // about 320,000 page views: a whole row group, then the rest
    const config = { users: 10_000, seed: 5 };
    const held = treeHash(await buildTree(await runSimulator(clickstreamSimulator, config), 'parquet'));
    for (const threads of [1, 2, 3]) {
      const encoder = nodeEncoder(threads);
      try {
        const sink = new MemorySink();
        await writeTree(streamedRunFiles(await streamSimulator(clickstreamSimulator, config), 'parquet'), sink, { encoder });
        expect(treeHash(sink.files), `${threads} threads`).toBe(held);
      } finally {
        encoder.close();
      }
    }
  });
});

describe('Node output: files written while the run goes on (a landing zone as it lands)', () => {
  const retail = async () => new Map((await generateDomain(findDomain('retail')!, { scale: 'small' }, { seed: 42 })).tables.map((t) => [t.name, t]));
  const cases = [
    {
      def: fileDropSimulator,
      config: { dateRangeStart: '2024-01-01', dateRangeEnd: '2024-01-06', formats: ['csv', 'parquet'], latenessEnabled: true, duplicatesEnabled: true, multiFileEnabled: true, seed: 4 },
    },
    { def: scd2FileDropSimulator, config: { entities: ['customer'], businessKeyColumn: 'customer_id', numDeltaDays: 4, formats: ['jsonl'], seed: 4 } },
  ];

  /** The CLI's steps: prepare, run with its hooks (files handed over as they land, or not), write the rest. */
  async function land(def: SimulatorDef, config: Record<string, unknown>, inputs: Map<string, Table>, targets: OutputTargets, early: boolean) {
    const output = prepareOutput(targets, { format: 'parquet' });
    let handed = 0;
    try {
      const onFile = output.onFile!;
      const run = await runSimulator(def, config, {
        inputs,
        encoder: output.encoder,
        ...(early ? { onFile: (path: string, bytes: Uint8Array) => (handed++, onFile(path, bytes)) } : {}),
      });
      const written = await output.write(runFiles(run, 'parquet'));
      return { written, handed, landed: run.result.files?.length ?? 0 };
    } finally {
      output.close();
    }
  }

  it('give the folder and the zip of a run that hands nothing over, byte for byte, on 1 and 2 threads (file drop, SCD2 file drop)', { timeout: 240_000 }, async () => {
    const inputs = await retail();
    for (const { def, config } of cases) {
      const base = tmp();
      const expected = await land(def, config, inputs, { out: join(base, 'out'), zip: join(base, 'out.zip'), threads: 1 }, false);
      const expectedTree = tree(join(base, 'out'));
      for (const threads of [1, 2]) {
        const dir = tmp();
        const got = await land(def, config, inputs, { out: join(dir, 'out'), zip: join(dir, 'out.zip'), threads }, true);
        // every landed file was handed over (data, manifests, done flags), once
        expect(got.landed).toBeGreaterThan(5);
        expect(got.handed).toBe(got.landed);
        expect(got.written).toEqual(expected.written);
        const gotTree = tree(join(dir, 'out'));
        expect(Object.keys(gotTree)).toEqual(Object.keys(expectedTree));
        for (const [path, bytes] of Object.entries(expectedTree)) expect(gotTree[path].equals(bytes), `${def.id} ${threads} ${path}`).toBe(true);
        expect(readFileSync(join(dir, 'out.zip')).equals(readFileSync(join(base, 'out.zip'))), `${def.id} ${threads} zip`).toBe(true);
      }
    }
  });

  it('are removed again, with the folders made for them, when the run fails or is cancelled after files landed', { timeout: 60_000 }, async () => {
    const inputs = await retail();
    const dir = tmp();
    const out = join(dir, 'out');
    const output = prepareOutput({ out, threads: 1 });
    const abort = new AbortController();
    let checkpoints = 0;
    try {
      const run = runSimulator(fileDropSimulator, cases[0].config, {
        inputs,
        signal: abort.signal,
        onFile: output.onFile,
        // cancelled part-way through landing (folders landed, more to come)
        yield: () => {
          if (++checkpoints === 20) abort.abort();
          return new Promise<void>((r) => setImmediate(r));
        },
      });
      await expect(run).rejects.toThrow(/cancel/i);
      await output.discard();
    } finally {
      output.close();
    }
    expect(checkpoints).toBeGreaterThanOrEqual(20);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a file that cannot be written fails the command (the run at the next file, or the write after it), naming it, and leaves no temporary file', { timeout: 60_000 }, async () => {
    const inputs = await retail();
    const out = join(tmp(), 'out');
    mkdirSync(out);
    // a file where the landing folder must go
    writeFileSync(join(out, 'Files'), 'in the way');
    const output = prepareOutput({ out, threads: 1 });
    try {
      // the thread's answer may come while the run still lands files (the next one throws) or
      // only after its last (the write then throws): either way the command fails, naming the file
      const run = runSimulator(fileDropSimulator, cases[0].config, { inputs, onFile: output.onFile, yield: () => new Promise<void>((r) => setImmediate(r)) });
      const failure = await run.then(
        (held) => output.write(runFiles(held, 'parquet')).then(() => undefined),
        (e: unknown) => e,
      ).catch((e: unknown) => e) as (Error & { code?: string; path?: string }) | undefined;
      expect(failure?.code).toBe('ENOTDIR');
      expect(failure?.path).toMatch(/\/out\/Files\/landing\/.+/);
      await output.discard();
    } finally {
      output.close();
    }
    expect(readdirSync(out)).toEqual(['Files']);
  });

  it('discarded while many are still on their way, nothing is left, and the discard waits for them all', { timeout: 10_000 }, async () => {
    const out = join(tmp(), 'out');
    const early = new EarlyFiles(out);
    // handed over at once: most are still on their way when the run fails
    for (let i = 0; i < 1000; i++) early.publish(`p=${i % 10}/f${i}.txt`, enc(`file ${i}\n`));
    await early.discard();
    expect(readdirSync(out)).toEqual([]);
  });

  it('in a folder that already holds files (--force), a discard removes only what it added', async () => {
    const out = join(tmp(), 'out');
    mkdirSync(join(out, 'a'), { recursive: true });
    writeFileSync(join(out, 'a', 'x.txt'), 'old');
    const early = new EarlyFiles(out);
    early.publish('a/x.txt', enc('new'));
    early.publish('a/y.txt', enc('y'));
    early.publish('b/z.txt', enc('z'));
    await early.discard();
    // the replaced file stays whole (its old bytes are gone either way); the added ones and the folder made for them go
    expect(tree(out)).toEqual({ [join('a', 'x.txt')]: Buffer.from('new') });
    expect(readdirSync(out)).toEqual(['a']);
  });

  it('a path handed over twice is left to the tree writer (the last bytes in order win), and a path must stay inside the folder', async () => {
    const out = join(tmp(), 'out');
    const early = new EarlyFiles(out);
    early.publish('a/x.txt', enc('first'));
    early.publish('a/x.txt', enc('second'));
    early.publish('b.txt', enc('b'));
    expect(() => early.publish('../escape.txt', enc('x'))).toThrow(/inside the output folder/);
    await early.settle();
    expect(early.has('a/x.txt')).toBe(false);
    expect(early.has('b.txt')).toBe(true);
    expect(early.sizeOf('b.txt')).toBe(1);
    expect(readFileSync(join(out, 'b.txt'), 'utf8')).toBe('b');
  });
});
