import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync } from 'parquet-wasm/esm';

let ready = false;

/** Initialise parquet-wasm's ESM build from the wasm file on disk (Node hosts: CLI, tests, benchmarks). */
export function initParquetNode(): void {
  if (ready) return;
  const wasm = createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
  initSync({ module: readFileSync(wasm) });
  ready = true;
}
