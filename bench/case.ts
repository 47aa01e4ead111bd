// Runs one benchmark case in this process and prints its result as JSON (called by run.ts).
import { installNativeHashes } from '../src/node/native-hash';
import { ALL_CASES } from './cases';

// the cases stand for Node hosts (the CLI): native SHA-256, as the CLI and its threads hash (and
// run.ts starts this process with the bin's allocator settings)
installNativeHashes();

const name = process.argv[2];
const c = ALL_CASES.find((x) => x.name === name);
if (!c) {
  process.stderr.write(`unknown case ${name}\n`);
  process.exit(2);
}
const times: number[] = [];
let rows = 0;
for (let i = 0; i < (c.reps ?? 3); i++) {
  const t0 = process.hrtime.bigint();
  rows = (await c.run()).rows;
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const best = Math.min(...times);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ name, rows, times, best, peakRssMb })}\n`);
