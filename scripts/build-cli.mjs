#!/usr/bin/env node
/**
 * Bundles the CLI into one ESM file, build/cli/spindle.mjs, for the `spindle` bin: one file
 * starts in a fraction of the time tsx needs to compile the sources. Run by `prepare`, so
 * `npm ci` leaves it ready; `npm run build:cli` rebuilds it after a change.
 * parquet-wasm's wasm binary stays in node_modules (read at the first Parquet read or write).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = process.argv[2] ?? `${root}build/cli/spindle.mjs`;

await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/entry.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  minify: true,
  // CommonJS dependencies (jszip, seedrandom) call require() for Node built-ins
  banner: { js: "import { createRequire as __spindleRequire } from 'node:module';\nconst require = __spindleRequire(import.meta.url);" },
});
