#!/usr/bin/env node
/**
 * Bundles the CLI into one ESM file, build/cli/spindle.mjs, for the `spindle` bin (and its encoder
 * thread entry, encode-thread.mjs, beside it): one file
 * starts in a fraction of the time tsx needs to compile the sources. Run by `prepare`, so
 * `npm ci` leaves it ready; `npm run build:cli` rebuilds it after a change.
 * parquet-wasm's wasm binary stays in node_modules (read at the first Parquet read or write).
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = process.argv[2] ?? `${root}build/cli/spindle.mjs`;

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'none',
  minify: process.env.NO_MINIFY ? false : true,
  // CommonJS dependencies (seedrandom) call require() for Node built-ins
  banner: { js: "import { createRequire as __spindleRequire } from 'node:module';\nconst require = __spindleRequire(import.meta.url);" },
  // the encoder threads (src/node/threads.ts) start the bundled thread entry beside the CLI
  define: { __SPINDLE_ENCODE_THREAD__: JSON.stringify('./encode-thread.mjs') },
};

await build({ ...common, entryPoints: ['src/cli/entry.ts'], outfile });
await build({ ...common, entryPoints: ['src/node/encode-thread.ts'], outfile: join(dirname(outfile), 'encode-thread.mjs') });
