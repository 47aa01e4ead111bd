/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMeta, precompress, SECURITY_HEADERS, servePrecompressed } from './vite.plugins.ts';

// Every package the worker imports is pre-bundled up front: a late discovery in dev makes
// Vite reload the page and kill the worker mid-run (TOOLCHAIN.md, pitfall 1).
export default defineConfig({
  plugins: [react(), cspMeta(), precompress(), servePrecompressed()],
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['apache-arrow', 'jszip', 'seedrandom'],
    exclude: ['parquet-wasm'],
  },
  // `npm start` and the e2e tests serve the built app with its Content-Security-Policy
  preview: { headers: SECURITY_HEADERS },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup-parquet.ts', 'test/setup-fast-check.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
