/**
 * A command must never end looking like a success when it did not finish: if its work ever waited
 * on something that can never come (a promise nobody settles), Node would empty its event loop
 * and exit with code 0, printing nothing. The CLI's entries call this first; the guard fires only
 * then (a finished command exits through `process.exit`, which skips 'beforeExit').
 */
export function guardUnfinished(): void {
  process.once('beforeExit', () => {
    process.stderr.write('error: the command stopped before it finished, without an error (an internal fault); what it wrote is incomplete\n');
    process.exit(1);
  });
}
