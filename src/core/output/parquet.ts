import { tableToIPC } from 'apache-arrow';
import { Compression, Table as WasmTable, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/esm';
import { sliceTable, type Table } from '../table/column';
import { toArrow } from './arrow';
import { concatChunks } from './files';
import { ParquetStitcher } from './parquet-stitch';
import { rowGroups } from './row-groups';

/**
 * One row group as a Parquet file of its own (a "part"), via Arrow IPC into parquet-wasm. The
 * writer options are fixed (SNAPPY: fast everywhere and readable by every engine; no time
 * metadata) so the same rows always give the same bytes. Parts are stitched into one file by
 * {@link ParquetStitcher}; a part is encoded on whichever thread is free. Whoever hosts the
 * engine initialises parquet-wasm first (src/worker/parquet-init.ts in the browser,
 * src/cli/parquet-node.ts in Node).
 */
export function encodeParquetPart(rows: Table): Uint8Array {
  const ipc = tableToIPC(toArrow(rows), 'stream');
  const props = new WriterPropertiesBuilder().setCompression(Compression.SNAPPY).setCreatedBy('spindle-studio').build();
  // writeParquet consumes (frees) the wasm table
  return writeParquet(WasmTable.fromIPCStream(ipc), props);
}

/** Parquet bytes for a whole table: its row groups encoded here, one after another, and stitched. */
export function writeParquetBytes(t: Table): Uint8Array {
  const stitcher = new ParquetStitcher();
  const chunks: Uint8Array[] = [];
  for (const [start, end] of rowGroups(t.length)) {
    const rows = start === 0 && end === t.length ? t : sliceTable(t, start, end);
    chunks.push(stitcher.add(encodeParquetPart(rows)));
  }
  chunks.push(stitcher.finish());
  return concatChunks(chunks);
}
