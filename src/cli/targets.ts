/**
 * Where a run writes (`--out DIR`, `--zip FILE`), checked before anything runs, so a long run
 * never ends in "cannot write there": an --out folder that already holds files is refused
 * unless --force, missing folders are created one level at a time (Node's recursive mkdir
 * never returns on /proc), and a probe open says whether the place takes files at all.
 */
import { closeSync, mkdirSync, openSync, readdirSync, rmdirSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './args';
import { describeIoError, IoError, isSystemError, reasonOf } from './io-errors';

export interface Targets {
  readonly out?: string;
  readonly zip?: string;
  readonly force?: boolean;
}

/** Folders this process created for the targets, deepest last (removed again if the run fails). */
let created: string[] = [];
/** What a write error without a path was writing (a failed write() names no file). */
let writing: string | undefined;

/** The file or folder being written, for messages about errors that carry no path. */
export function currentTarget(): string | undefined {
  return writing;
}

function stat(path: string, target: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (e) {
    if (isSystemError(e)) throw new IoError(`could not write ${target}: ${reasonOf(e)}`);
    throw e;
  }
}

/** Create `dir` and its missing parents one level at a time; a file in the way is named. */
export function makeFolders(dir: string, target = dir): void {
  const missing: string[] = [];
  for (let p = resolve(dir); ; p = dirname(p)) {
    const st = stat(p, target);
    if (st) {
      if (!st.isDirectory()) throw new IoError(`could not write ${target}: ${p} is a file, not a folder`);
      break;
    }
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing.reverse()) {
    try {
      mkdirSync(p);
    } catch (e) {
      if (isSystemError(e)) throw new IoError(describeIoError(e));
      throw e;
    }
    created.push(p);
  }
}

/** Open (and close) without changing anything: an existing file for writing, else a probe file in its folder. */
function probe(path: string, exists: boolean, target: string): void {
  const file = exists ? path : join(dirname(resolve(path)), `.spindle-probe-${process.pid}`);
  try {
    closeSync(openSync(file, exists ? 'r+' : 'wx'));
    if (!exists) unlinkSync(file);
  } catch (e) {
    if (isSystemError(e)) throw new IoError(`could not write ${target}: ${reasonOf(e, true)}`);
    throw e;
  }
}

/**
 * Check and prepare the run's targets before it runs. Throws {@link UsageError} (exit 2) for an
 * --out folder that holds files without --force, {@link IoError} (exit 1) when a place cannot
 * be written.
 */
export function prepareTargets(t: Targets): void {
  created = [];
  writing = t.out && t.zip ? `the output (${t.out} and ${t.zip})` : (t.zip ?? t.out);
  if (t.out) {
    const st = stat(t.out, t.out);
    if (st && !st.isDirectory()) throw new IoError(`could not write into ${t.out}: it is a file, not a folder`);
    if (st) {
      const entries = readdirSync(t.out);
      if (entries.length && !t.force) {
        throw new UsageError(
          `--out ${t.out}: the folder already holds ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); give a new or empty folder, or add --force to write into it`,
        );
      }
    } else makeFolders(t.out, t.out);
    probe(join(t.out, 'x'), false, t.out);
  }
  if (t.zip) {
    const st = stat(t.zip, t.zip);
    if (st?.isDirectory()) throw new IoError(`could not write ${t.zip}: it is a folder`);
    if (!st) makeFolders(dirname(resolve(t.zip)), t.zip);
    probe(t.zip, st !== undefined, t.zip);
  }
}

/** After a failed run: remove the folders prepareTargets created, when nothing was written into them. */
export function releaseTargets(): void {
  for (const p of created.reverse()) {
    try {
      rmdirSync(p);
    } catch {
      break; // not empty: something was written, keep it and its parents
    }
  }
  created = [];
}
