/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Every package the worker imports is pre-bundled up front: a late discovery in dev makes
// Vite reload the page and kill the worker mid-run (TOOLCHAIN.md, pitfall 1).
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  optimizeDeps: {
    include: ['apache-arrow', 'jszip', 'seedrandom'],
    exclude: ['parquet-wasm'],
  },
  build: { chunkSizeWarningLimit: 1500 },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup-parquet.ts', 'test/setup-fast-check.ts'],
    testTimeout: 60_000,
    pool: 'threads',
  },
});
