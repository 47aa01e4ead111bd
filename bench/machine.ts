/**
 * The machine's speed when a report was taken, from work that does not depend on the project's
 * code: figures from different days compare only next to these. On this 2-core VM the same
 * commit has run 1.8–2.1× slower on one day than on another, and fresh memory is its slowest
 * part (about 1 ms per MB written, mostly page faults, on a slow day).
 *
 * `tsx bench/machine.ts` prints the figures as JSON (the runners start it in a process of its
 * own, so its memory is fresh); `npm run bench` and `npm run bench:browser` record them in their
 * reports as `machine`.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface MachineFigures {
  /** Millions of integer hash steps per second in one thread (arithmetic, no memory). */
  readonly computeMopsPerSecond: number;
  /** MB per second written into memory the process has never touched (page faults included). */
  readonly freshMemoryMbPerSecond: number;
  /** MB per second written again into the same buffer (no faults: the memory's own speed). */
  readonly warmMemoryMbPerSecond: number;
  /**
   * MB per second written into a new file, as the CLI writes its output (4 MB writes, no fsync:
   * into the system's page cache). Every page of it is fresh memory to the system, so on this VM
   * it moves with the fresh-memory figure; it bounds the cases that write a lot (the operational
   * logs' 1.8 GB with OTLP).
   */
  readonly fileWriteMbPerSecond: number;
}

const MB = 1 << 20;

/** The figures, taken in a process of its own (its memory fresh, as a benchmark case's is), and printed for the report. */
export function machineNow(): MachineFigures {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/machine.ts'], { encoding: 'utf8' });
  const m = JSON.parse(out.trim()) as MachineFigures;
  process.stderr.write(
    `machine: ${m.computeMopsPerSecond} M hash steps/s, fresh memory ${m.freshMemoryMbPerSecond.toLocaleString('en-US')} MB/s, warm ${m.warmMemoryMbPerSecond.toLocaleString('en-US')} MB/s, file writes ${m.fileWriteMbPerSecond.toLocaleString('en-US')} MB/s\n`,
  );
  return m;
}

/** Best of `reps` timings of `work`, in seconds. */
function best(reps: number, work: () => void): number {
  let min = Infinity;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    work();
    min = Math.min(min, (performance.now() - t0) / 1000);
  }
  return min;
}

export function measureMachine(): MachineFigures {
  const steps = 50_000_000;
  let sink = 0;
  const compute = best(3, () => {
    let h = 0x9e3779b9;
    for (let i = 0; i < steps; i++) h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + i;
    sink ^= h;
  });
  // 512 MB in 32 MB buffers, each new (its pages faulted in by the fill), then dropped
  const size = 32 * MB;
  const count = 16;
  const fresh = (() => {
    const t0 = performance.now();
    for (let i = 0; i < count; i++) sink ^= new Uint8Array(size).fill(i + 1)[i];
    return (performance.now() - t0) / 1000;
  })();
  const buffer = new Uint8Array(size);
  const warm = best(3, () => {
    for (let i = 0; i < count; i++) buffer.fill(i + 1);
  });
  const file = join(tmpdir(), `spindle-machine-${process.pid}.bin`);
  const chunk = new Uint8Array(4 * MB).fill(7);
  const fileMb = 512;
  const write = (() => {
    const fd = openSync(file, 'w');
    try {
      const t0 = performance.now();
      for (let i = 0; i < fileMb / 4; i++) writeSync(fd, chunk);
      return (performance.now() - t0) / 1000;
    } finally {
      closeSync(fd);
      rmSync(file, { force: true });
    }
  })();
  // a use of the results, so the compiler cannot drop the work (an integer is never 0.5)
  if (sink === 0.5) console.error(sink);
  return {
    computeMopsPerSecond: Math.round(steps / compute / 1e6),
    freshMemoryMbPerSecond: Math.round((count * size) / MB / fresh),
    warmMemoryMbPerSecond: Math.round((count * size) / MB / warm),
    fileWriteMbPerSecond: Math.round(fileMb / write),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(measureMachine()));
