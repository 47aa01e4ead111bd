/** A target from an issue, checked by the benchmark (never by a test). */
export interface BenchTarget {
  readonly maxSeconds: number;
  /** Peak resident memory of the whole process, when the issue sets one. */
  readonly maxRssMb?: number;
  readonly issue: number;
}

interface CaseBase {
  /** Unique name, e.g. `workflow/order_fulfillment/1M`. */
  readonly name: string;
  /** What is measured, in words (for the report). */
  readonly description: string;
  /** How many timed repetitions (best is reported); default 3. */
  readonly reps?: number;
  readonly target?: BenchTarget;
}

/** A fixed config and seed, timed in memory in its own process (so peak memory is its own). */
export interface BenchCase extends CaseBase {
  /** Runs once and returns the number of output rows it produced. */
  run(): Promise<{ rows: number }>;
  /** The reference Python package on the same config (../shared/REFERENCE.md). */
  readonly reference?: { readonly seconds: number; readonly rows: number; readonly note: string };
}

/**
 * A whole command as a user runs it: the bundled `spindle` bin as a child process, timed from
 * its start until it exits with every file on disk, with the peak resident memory of the process.
 */
export interface ProcessCase extends CaseBase {
  /** The command's arguments after `spindle`; `dir` is a fresh empty folder for its output. */
  argv(dir: string): string[];
}
