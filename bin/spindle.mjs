#!/usr/bin/env node
// The `spindle` command (`npx spindle …` in the checkout). It runs the bundled CLI, which
// `prepare` builds on `npm ci` / `npm install`; after changing the sources, `npm run build:cli`
// rebuilds it (`npm run sim -- …` always runs the sources through tsx).
//
// On Linux it first starts itself again with glibc's allocator told to back large blocks with
// transparent huge pages and to keep freed blocks for reuse (GLIBC_TUNABLES, read only when a
// process starts). A large run's cost is mostly first touches of fresh memory; on this project's
// 2-core VM these settings took a 1 M-entity workflow to Parquet from 4.4–5.0 s to 3.1–3.5 s and
// 1,000,000 stream events from 4.6–5.0 s to 3.2–3.7 s, for the same bytes. A GLIBC_TUNABLES the
// user set is left alone, and SPINDLE_ALLOCATOR=default turns this off. Other C libraries and
// platforms skip the restart, and so do the commands that generate nothing (list, describe, help),
// which then start in the time of one process.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GLIBC_TUNABLES, onGlibc } from './allocator.mjs';

const bundle = new URL('../build/cli/spindle.mjs', import.meta.url);
const LIGHT = new Set([undefined, 'list', 'describe', 'help', '--help', '-h']);
const restart = () =>
  !LIGHT.has(process.argv[2]) &&
  process.env.GLIBC_TUNABLES === undefined &&
  process.env.SPINDLE_ALLOCATOR !== 'default' &&
  onGlibc();

if (!existsSync(bundle)) {
  process.stderr.write('error: the CLI is not built yet; run `npm run build:cli` (npm ci and npm install build it too)\n');
  process.exit(1);
} else if (restart()) {
  // Ctrl-C reaches the whole process group, the child included, which cancels cleanly: wait for it.
  // A signal sent to this process alone is passed on; the handlers are in place before the child
  // starts, so a signal that comes while it starts is passed on once it has (not lost with this
  // process, leaving the child running on its own).
  let child;
  let early;
  const relay = (signal) => (child ? child.kill(signal) : (early ??= signal));
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, relay);
  child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, GLIBC_TUNABLES },
  });
  if (early) child.kill(early);
  child.on('error', (e) => {
    process.stderr.write(`error: could not start the CLI: ${e.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else process.exit(code ?? 1);
  });
} else await import(bundle.href);
