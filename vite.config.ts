/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compileHints, cspMeta, precompress, SECURITY_HEADERS, servePrecompressed } from './vite.plugins.ts';

/** Test files that replace modules with vi.mock: each runs in a module graph of its own. */
const MOCKING = ['src/worker/dataset.test.ts', 'src/cli/convert-command.test.ts', 'src/cli/domain-commands.test.ts'];

// Every package the worker imports is pre-bundled up front: a late discovery in dev makes
// Vite reload the page and kill the worker mid-run (TOOLCHAIN.md, pitfall 1).
export default defineConfig({
  plugins: [react(), cspMeta(), compileHints(['react-dom', 'recharts', '@tanstack/table-core']), precompress(), servePrecompressed()],
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['apache-arrow', 'jszip', 'seedrandom'],
    exclude: ['parquet-wasm'],
  },
  // `npm start` and the e2e tests serve the built app with its Content-Security-Policy
  preview: { headers: SECURITY_HEADERS },
  test: {
    // every temporary file of a run under one folder, removed at the end (test/global-tmp.ts)
    globalSetup: ['test/global-tmp.ts'],
    setupFiles: ['test/setup-parquet.ts', 'test/setup-fast-check.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // Test files share their thread's modules (no fresh module graph, wasm and engines per file:
    // a quarter of the suite's time on two cores); files that replace modules (vi.mock) get their own.
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: MOCKING, isolate: false } },
      { extends: true, test: { name: 'mocking', include: MOCKING, isolate: true } },
    ],
  },
});
