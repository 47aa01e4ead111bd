/**
 * `npm run bench [-- filter]`: runs each case in its own process (fixed seeds), prints a table
 * and writes bench/results/latest.json with rows/s, peak memory, targets and speed-ups over
 * the reference Python package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { ENGINE_VERSION } from '../src/core/version';
import { ALL_CASES } from './cases';

const filter = process.argv[2];
const selected = ALL_CASES.filter((c) => !filter || c.name.includes(filter));
const results: { name: string }[] = [];
for (const c of selected) {
  process.stderr.write(`${c.name} … `);
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/case.ts', c.name], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { rows: number; times: number[]; best: number; peakRssMb: number };
  const rowsPerSecond = Math.round(r.rows / r.best);
  const entry = {
    name: c.name,
    description: c.description,
    rows: r.rows,
    bestSeconds: Number(r.best.toFixed(4)),
    timesSeconds: r.times.map((t) => Number(t.toFixed(4))),
    rowsPerSecond,
    peakRssMb: Math.round(r.peakRssMb),
    target: c.target ? { ...c.target, met: r.best <= c.target.maxSeconds } : undefined,
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
  const extra = [
    entry.target && `target ≤ ${entry.target.maxSeconds} s: ${entry.target.met ? 'met' : 'MISSED'}`,
    entry.reference && `${entry.reference.speedup}× the reference`,
  ]
    .filter(Boolean)
    .join(', ');
  process.stderr.write(`${entry.bestSeconds.toFixed(3)} s, ${rowsPerSecond.toLocaleString('en-US')} rows/s, ${entry.peakRssMb} MB${extra ? `, ${extra}` : ''}\n`);
}
mkdirSync('bench/results', { recursive: true });
// a filtered run updates its cases in the report and keeps the others
const path = 'bench/results/latest.json';
const previous = filter && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { cases: { name: string }[] }).cases : [];
const merged = [...previous.filter((p) => !results.some((r) => r.name === p.name)), ...results].sort(
  (a, b) => ALL_CASES.findIndex((c) => c.name === a.name) - ALL_CASES.findIndex((c) => c.name === b.name),
);
const report = { engineVersion: ENGINE_VERSION, node: process.version, cpus: cpus().length, cases: merged };
writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
process.stderr.write('wrote bench/results/latest.json\n');
