/**
 * Kernels: the parts of a run that go to other threads. A kernel is a pure function of its input
 * (a chunk of the run: its config, seed and fixed logical range, ARCHITECTURE.md) that returns
 * typed arrays, so the same chunk gives the same rows on any thread; the run puts the chunks
 * together in chunk order, so its output is the same for any number of threads. Kernels run on
 * the encoder's threads (src/core/output/parts.ts); with none to spare, a run goes through the
 * same code in its own thread as one chunk (nothing to put together again).
 */
import type { PartEncoder } from './output/parts';
import type { RunContext } from './simulator';
import { simulateWorkflowChunk } from './simulators/workflow/workflow.chunk';

export const KERNELS = {
  'workflow:entities': simulateWorkflowChunk,
} as const;

export type KernelName = keyof typeof KERNELS;
export type KernelInput<K extends KernelName> = Parameters<(typeof KERNELS)[K]>[0];
export type KernelOutput<K extends KernelName> = ReturnType<(typeof KERNELS)[K]>;

/** What every kernel returns: typed arrays by name (transferred between threads, never copied). */
export type KernelArrays = Readonly<Record<string, ArrayBufferView>>;

/** Run kernel `name` on `input` in this thread (what a pool thread does with a kernel task). */
export function runKernel(name: KernelName, input: unknown): KernelArrays {
  const kernel = KERNELS[name] as unknown as (input: unknown) => KernelArrays;
  if (!kernel) throw new Error(`no kernel named ${String(name)}`);
  return kernel(input);
}

/**
 * Threads a run needs before its chunks leave its own thread. With two, each thread warms its
 * compiler on the first chunks, and that costs about what the split saves: workflow 1 M on two
 * cores took 5.9 s either way, with 1.4 s more CPU and 50 MB more memory on threads.
 */
export const KERNEL_MIN_THREADS = 3;

/** The encoder's threads, when a run has enough to spare for its chunks; else undefined (run here). */
export function kernelThreads(encoder: PartEncoder | undefined): PartEncoder | undefined {
  return encoder && encoder.transfers && encoder.threads >= KERNEL_MIN_THREADS ? encoder : undefined;
}

/**
 * Run kernel `name` on each input on `pool` ({@link kernelThreads}), a few in flight, and hand
 * each output to `take` in input order, with a checkpoint after each (progress in `phase`,
 * `done(i)` units of `total`; a cancel stops between chunks). Outputs are the same wherever
 * they ran.
 */
export async function runChunks<K extends KernelName>(
  ctx: RunContext,
  pool: PartEncoder,
  name: K,
  inputs: readonly KernelInput<K>[],
  take: (output: KernelOutput<K>, index: number) => void,
  progress: { readonly phase: string; readonly total: number; done(index: number): number },
): Promise<void> {
  const window = pool.threads + 1;
  const queue: Promise<KernelOutput<K>>[] = [];
  let next = 0;
  const launch = () => {
    const p = pool.run({ kind: 'kernel', name, input: inputs[next++] }).then((piece) => piece.arrays as KernelOutput<K>);
    p.catch(() => {}); // awaited in order below
    queue.push(p);
  };
  for (let i = 0; i < inputs.length; i++) {
    while (next < inputs.length && queue.length < window) launch();
    take(await queue.shift()!, i);
    await ctx.checkpoint(progress.phase, progress.done(i), progress.total);
  }
}
