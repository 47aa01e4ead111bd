import init from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';

let ready: Promise<unknown> | undefined;

/** Load parquet-wasm once per worker, on the first Parquet write (the object form avoids a deprecation warning). */
export const initParquet = () => (ready ??= init({ module_or_path: wasmUrl }));
