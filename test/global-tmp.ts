import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Every temporary file or folder a test run makes (os.tmpdir() in the tests, the CLI processes
 * they start, the browsers) goes under one folder of the run's own, removed when the run ends:
 * the suites make thousands (landing zones, zips, CLI output trees) and left about 3 GB behind
 * per run. Vitest's and Playwright's global setup; both start their workers after it, with its
 * TMPDIR.
 */
export default function globalTmp(): () => void {
  // once per run (vitest's projects each run the global setup)
  if (process.env.SPINDLE_TESTS_TMP) return () => {};
  const dir = mkdtempSync(join(tmpdir(), 'spindle-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  process.env.SPINDLE_TESTS_TMP = dir;
  return () => {
    rmSync(dir, { recursive: true, force: true });
    delete process.env.SPINDLE_TESTS_TMP;
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
  };
}
