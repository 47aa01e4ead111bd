import { viewTable, type Table } from '../table/column';
import { concatChunks } from './files';
import { ParquetStitcher } from './parquet-stitch';
import { encodeParquetPart } from './parquet-writer/writer';
import { rowGroups } from './row-groups';

/**
 * One row group as a Parquet file of its own (a "part"): see ./parquet/writer.ts. Parts are
 * stitched into one file by {@link ParquetStitcher}; a part is encoded on whichever thread is free.
 */
export { encodeParquetPart };

/** Parquet bytes for a whole table: its row groups encoded here, one after another, and stitched. */
export function writeParquetBytes(t: Table, rowGroupRows?: number): Uint8Array {
  const stitcher = new ParquetStitcher();
  const chunks: Uint8Array[] = [];
  for (const [start, end] of rowGroups(t.length, rowGroupRows)) {
    const rows = start === 0 && end === t.length ? t : viewTable(t, start, end);
    chunks.push(stitcher.add(encodeParquetPart(rows)));
  }
  chunks.push(stitcher.finish());
  return concatChunks(chunks);
}
