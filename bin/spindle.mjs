#!/usr/bin/env node
// The `spindle` command (`npx spindle …` in the checkout). It runs the bundled CLI, which
// `prepare` builds on `npm ci` / `npm install`; after changing the sources, `npm run build:cli`
// rebuilds it (`npm run sim -- …` always runs the sources through tsx).
import { existsSync } from 'node:fs';

const bundle = new URL('../build/cli/spindle.mjs', import.meta.url);
if (existsSync(bundle)) await import(bundle.href);
else {
  process.stderr.write('error: the CLI is not built yet; run `npm run build:cli` (npm ci and npm install build it too)\n');
  process.exit(1);
}
