/** A benchmark case: a fixed config and seed, timed in its own process (so peak memory is its own). */
export interface BenchCase {
  /** Unique name, e.g. `workflow/order_fulfillment/1M`. */
  readonly name: string;
  /** What is measured, in words (for the report). */
  readonly description: string;
  /** Runs once and returns the number of output rows it produced. */
  run(): Promise<{ rows: number }>;
  /** How many timed repetitions (best is reported); default 3. */
  readonly reps?: number;
  /** A target from an issue, checked by the benchmark (never by a test). */
  readonly target?: { readonly maxSeconds: number; readonly issue: number };
  /** The reference Python package on the same config (../shared/REFERENCE.md). */
  readonly reference?: { readonly seconds: number; readonly rows: number; readonly note: string };
}
