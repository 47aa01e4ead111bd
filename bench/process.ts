/**
 * Times whole commands: the `spindle` bin as a child process, from spawn until exit (its files
 * written), and its peak resident memory — from /usr/bin/time when the machine has it (the
 * kernel's own maximum for the process), else by polling /proc/<pid>/status for VmHWM (the
 * process's high-water mark; worker threads share it).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessCase } from './types';

/** The `spindle` bin as `npx spindle` runs it (its allocator settings included), on the fresh bundle. */
export const BIN = 'bin/spindle.mjs';
const TIME = '/usr/bin/time';

export interface ProcessRun {
  readonly seconds: number;
  readonly peakRssMb: number;
  /** Bytes the command left on disk in its output folder. */
  readonly outputBytes: number;
}

function bytesUnder(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const st = statSync(join(dir, name));
    if (st.isFile()) n += st.size;
  }
  return n;
}

/** VmHWM (peak resident set) of a live process or the largest of its descendants (the bin restarts itself), in KB; 0 once gone. */
function highWaterKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    return Math.max(m ? Number(m[1]) : 0, ...children.map(highWaterKb));
  } catch {
    return 0;
  }
}

/** Run `spindle …argv` once in a fresh folder; rejects with its stderr when it fails. */
export async function runProcessOnce(c: ProcessCase): Promise<ProcessRun> {
  const dir = mkdtempSync(join(tmpdir(), 'spindle-bench-'));
  const timeFile = join(dir, '.time');
  const out = join(dir, 'out');
  const args = [BIN, ...c.argv(out)];
  const viaTime = existsSync(TIME);
  const began = process.hrtime.bigint();
  const child = viaTime ? spawn(TIME, ['-f', '%M', '-o', timeFile, process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] }) : spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let polledKb = 0;
  const poll = viaTime ? undefined : setInterval(() => (polledKb = Math.max(polledKb, highWaterKb(child.pid!))), 10);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  if (poll) clearInterval(poll);
  try {
    if (code !== 0) throw new Error(`spindle ${c.argv(out).join(' ')} exited ${code}: ${stderr.trim()}`);
    const kb = viaTime ? Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop()) : polledKb;
    return { seconds, peakRssMb: kb / 1024, outputBytes: existsSync(out) ? bytesUnder(out) : 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
