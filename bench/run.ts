/**
 * `npm run bench [-- filter]`: runs each case with fixed seeds, prints a table and writes
 * bench/results/latest.json. In-memory cases run each in its own process (rows/s, peak memory,
 * speed-ups over the reference Python package); process cases run the bundled `spindle` bin
 * as a user does and time the whole command until its files are on disk, with its peak memory.
 * Each case records the machine's load average before it ran (figures taken under load are
 * noisy) and the machine's speed that day (bench/machine.ts): figures from different days
 * compare only next to it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { GLIBC_TUNABLES, onGlibc } from '../bin/allocator.mjs';
import { ENGINE_VERSION } from '../src/core/version';
import { ALL_CASES, PROCESS_CASES } from './cases';
import { machineNow } from './machine';
import { runProcessOnce } from './process';
import type { BenchTarget } from './types';

const filter = process.argv[2];
const selected = ALL_CASES.filter((c) => !filter || c.name.includes(filter));
const selectedProcesses = PROCESS_CASES.filter((c) => !filter || c.name.includes(filter));
const ORDER = [...ALL_CASES, ...PROCESS_CASES].map((c) => c.name);
const results: { name: string }[] = [];

const load = () => Number(loadavg()[0].toFixed(2));
const checked = (target: BenchTarget | undefined, seconds: number, rssMb: number) =>
  target ? { ...target, met: seconds <= target.maxSeconds && (target.maxRssMb === undefined || rssMb <= target.maxRssMb) } : undefined;
const verdict = (t: ReturnType<typeof checked>) =>
  t && `target ≤ ${t.maxSeconds} s${t.maxRssMb ? `, ≤ ${t.maxRssMb} MB` : ''}: ${t.met ? 'met' : 'MISSED'}`;

const machine = machineNow();
/** In-process cases run with the allocator settings the `spindle` bin gives a run (bin/allocator.mjs). */
const caseEnv = onGlibc() && process.env.GLIBC_TUNABLES === undefined ? { ...process.env, GLIBC_TUNABLES } : process.env;

for (const c of selected) {
  process.stderr.write(`${c.name} … `);
  const loadBefore = load();
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/case.ts', c.name], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: caseEnv,
  });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { rows: number; times: number[]; best: number; peakRssMb: number };
  const rowsPerSecond = Math.round(r.rows / r.best);
  const entry = {
    name: c.name,
    kind: 'in-memory',
    description: c.description,
    rows: r.rows,
    bestSeconds: Number(r.best.toFixed(4)),
    timesSeconds: r.times.map((t) => Number(t.toFixed(4))),
    rowsPerSecond,
    peakRssMb: Math.round(r.peakRssMb),
    loadAverage1m: loadBefore,
    machine,
    target: checked(c.target, r.best, r.peakRssMb),
    reference: c.reference
      ? {
          ...c.reference,
          rowsPerSecond: Math.round(c.reference.rows / c.reference.seconds),
          speedup: Number((c.reference.seconds / r.best).toFixed(1)),
          throughputRatio: Number((rowsPerSecond / (c.reference.rows / c.reference.seconds)).toFixed(1)),
        }
      : undefined,
  };
  results.push(entry);
  const extra = [verdict(entry.target), entry.reference && `${entry.reference.speedup}× the reference`].filter(Boolean).join(', ');
  process.stderr.write(`${entry.bestSeconds.toFixed(3)} s, ${rowsPerSecond.toLocaleString('en-US')} rows/s, ${entry.peakRssMb} MB${extra ? `, ${extra}` : ''}\n`);
}

if (selectedProcesses.length) {
  // the figures are for the sources as they are: bundle them as `prepare` does
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
for (const c of selectedProcesses) {
  process.stderr.write(`${c.name} … `);
  const loadBefore = load();
  const runs = [];
  for (let i = 0; i < (c.reps ?? 3); i++) runs.push(await runProcessOnce(c));
  const best = Math.min(...runs.map((r) => r.seconds));
  const peak = Math.max(...runs.map((r) => r.peakRssMb));
  const entry = {
    name: c.name,
    kind: 'process',
    description: c.description,
    command: `spindle ${c.argv('DIR').join(' ')}`,
    bestSeconds: Number(best.toFixed(4)),
    timesSeconds: runs.map((r) => Number(r.seconds.toFixed(4))),
    peakRssMb: Math.round(peak),
    outputMb: Number((runs[0].outputBytes / 2 ** 20).toFixed(1)),
    loadAverage1m: loadBefore,
    machine,
    target: checked(c.target, best, peak),
  };
  results.push(entry);
  process.stderr.write(`${entry.bestSeconds.toFixed(3)} s, ${entry.peakRssMb} MB peak, ${entry.outputMb} MB written${entry.target ? `, ${verdict(entry.target)}` : ''} (load ${loadBefore})\n`);
}

mkdirSync('bench/results', { recursive: true });
// a filtered run updates its cases in the report and keeps the others
const path = 'bench/results/latest.json';
const previous = filter && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { cases: { name: string }[] }).cases : [];
const merged = [...previous.filter((p) => !results.some((r) => r.name === p.name)), ...results].sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
const report = { engineVersion: ENGINE_VERSION, node: process.version, cpus: cpus().length, cases: merged };
writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
process.stderr.write('wrote bench/results/latest.json\n');
