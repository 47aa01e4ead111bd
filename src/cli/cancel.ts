/**
 * The signals that stop a command cleanly (Ctrl-C; a termination request, as `timeout`, `kill` or
 * a container's stop send): the run is cancelled, its files are removed as on any failure (no
 * temporary file left behind), and the exit code is 128 + the signal's number. A second signal of
 * the same kind stops the process at once. SIGHUP keeps its default: a handler would override the
 * ignoring that `nohup` asks for (Node installs its own whatever the process inherited).
 */
const CODES = { SIGINT: 130, SIGTERM: 143 } as const;
type StopSignal = keyof typeof CODES;
const SIGNALS = Object.keys(CODES) as StopSignal[];

let stoppedBy: StopSignal | undefined;

/** An AbortSignal the stop signals fire while the command runs; `release` takes the handlers away. */
export function cancelOnSignals(): { readonly signal: AbortSignal; release(): void } {
  stoppedBy = undefined;
  const abort = new AbortController();
  const on = (s: NodeJS.Signals) => {
    stoppedBy = s as StopSignal;
    abort.abort();
  };
  for (const s of SIGNALS) process.once(s, on);
  return { signal: abort.signal, release: () => SIGNALS.forEach((s) => process.off(s, on)) };
}

/** The exit code of a cancelled command: 130 for Ctrl-C, 143 for SIGTERM. */
export function cancelledCode(): number {
  return CODES[stoppedBy ?? 'SIGINT'];
}
