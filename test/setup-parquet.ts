// Node hosts initialise parquet-wasm's ESM build synchronously from the wasm file on disk;
// the browser build initialises it lazily in the worker (src/worker/parquet-init.ts).
import { initParquetNode } from '../src/cli/parquet-node';

initParquetNode();
