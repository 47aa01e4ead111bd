import { tableToIPC } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/esm';
import type { Table } from '../table/column';
import { toArrow } from './arrow';

/**
 * Parquet bytes for a table, via Arrow IPC into parquet-wasm. The writer options are fixed
 * (SNAPPY: fast everywhere and readable by every engine; no time metadata) so the same table
 * always gives the same bytes. Whoever hosts the engine initialises parquet-wasm first
 * (src/worker/parquet-init.ts in the browser, src/cli/parquet-node.ts in Node).
 */
export function writeParquetBytes(t: Table): Uint8Array {
  const ipc = tableToIPC(toArrow(t), 'stream');
  const props = new WriterPropertiesBuilder()
    .setCompression(Compression.SNAPPY)
    .setCreatedBy('spindle-studio')
    .build();
  return writeParquet(WasmTable.fromIPCStream(ipc), props);
}
