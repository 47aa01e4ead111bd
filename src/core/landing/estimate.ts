/**
 * Size estimates shared by the landing-zone simulators (estimate.ts): how wide a landed row is
 * in each format, from its table's column shapes, and what the `landing_files` index costs per
 * file. A landing zone's data files are written during the run and held until the tree is
 * written, so their bytes count as memory as well as disk; the estimates show them as one more
 * entry of the run's tables (`<basePath>/<domain> (landed rows)`).
 */
import type { TableEstimate } from '../estimate';
import type { ColumnShape } from '../inputs/contract';
import type { OutputFormat } from '../output/formats';

const encoder = new TextEncoder();

export function utf8Length(s: string): number {
  return encoder.encode(s).length;
}

/** Decimal digits of an integer magnitude (1 for 0). */
function digits(v: number): number {
  const a = Math.abs(Math.round(v));
  return a < 10 ? 1 : Math.floor(Math.log10(a)) + 1;
}

/** Characters of one value as CSV writes it (also the JSON value without quotes); measured on the domains. */
function valueWidth(c: ColumnShape): number {
  const big = Math.max(Math.abs(c.min ?? 0), Math.abs(c.max ?? 0));
  switch (c.type) {
    case 'int':
      // most values of a range have about as many digits as its largest
      return Math.max(1, digits(big) - 0.3) + ((c.min ?? 0) < 0 ? 0.5 : 0);
    case 'float':
      return digits(big) + 4;
    case 'timestamp':
      return 24;
    case 'date':
      return 10;
    case 'bool':
      return 4.5;
    case 'string':
      return (c.textBytes ?? 12) + 0.5;
    case 'bigint':
      return 19;
    case 'decimal':
      return digits(big) + 4;
    case 'time':
      return 15;
  }
}

/** Share of a column's cells that hold a value. */
function present(c: ColumnShape, rows: number): number {
  return rows > 0 && c.nulls !== undefined ? 1 - c.nulls / rows : 1;
}

/** Bytes of one row in a text format (CSV or JSONL), from the table's column shapes. */
export function textRowBytes(columns: readonly ColumnShape[], rows: number, format: 'csv' | 'jsonl'): number {
  let b = 1; // the newline
  for (const c of columns) {
    const v = valueWidth(c) * present(c, rows);
    if (format === 'csv') b += v + 1;
    else {
      const quoted = c.type === 'string' || c.type === 'timestamp' || c.type === 'date';
      const nullText = 4 * (1 - present(c, rows));
      b += utf8Length(c.name) + 4 + v + (quoted ? 2 * present(c, rows) : 0) + nullText;
    }
  }
  return format === 'csv' ? b : b + 2;
}

/** Parquet: a fixed cost per file (footer, schema, page headers per column) plus about half the CSV width per row. */
export function parquetFileOverhead(columns: readonly ColumnShape[]): number {
  return 250 + 290 * columns.length;
}

/**
 * Bytes on disk of `files` data files holding `rows` rows of a table in a format; the CSV header
 * and Parquet's per-file costs are shared out over the files.
 */
export function dataFileBytes(columns: readonly ColumnShape[], tableRows: number, rows: number, files: number, format: OutputFormat): number {
  if (format === 'parquet') return rows * 0.5 * textRowBytes(columns, tableRows, 'csv') + files * parquetFileOverhead(columns);
  const header = format === 'csv' ? columns.reduce((a, c) => a + utf8Length(c.name) + 1, 0) : 0;
  return rows * textRowBytes(columns, tableRows, format) + files * header;
}

/** One class of landed files (say, an entity's on-time parts): how many, and the lengths of their index entries. */
export interface FileClass {
  readonly count: number;
  /** UTF-8 bytes of the folder path and the file name. */
  readonly folderBytes: number;
  readonly nameBytes: number;
  readonly entityBytes: number;
  /** landing kind (`on_time`, `manifest`, …). */
  readonly kind: string;
  /** The format's name for data files, null for control files. */
  readonly format: OutputFormat | null;
  /** A SHA-256 in the index (checksummed data files). */
  readonly sha256: boolean;
}

/**
 * The `landing_files` table's estimate from its file classes: text columns with 32-bit offsets,
 * four 64-bit number columns, a null mask on the columns that hold nulls (as the zone builds them).
 */
export function landingFilesEstimate(classes: readonly FileClass[]): TableEstimate {
  const rows = classes.reduce((a, c) => a + c.count, 0);
  const control = classes.some((c) => c.count > 0 && c.format === null);
  const unsummed = classes.some((c) => c.count > 0 && !c.sha256);
  let text = 0;
  let widest = 0;
  let csv = 0;
  for (const c of classes) {
    const path = c.folderBytes + 1 + c.nameBytes;
    const values = path + c.folderBytes + c.entityBytes + c.kind.length + (c.format?.length ?? 0) + (c.sha256 ? 64 : 0);
    text += c.count * values;
    widest = Math.max(widest, path);
    // 2 ISO times, rows and bytes, 9 commas and a newline
    csv += c.count * (values + 48 + 4 + 5 + 10);
  }
  const perRow = (total: number) => (rows > 0 ? total / rows : 0);
  const masks = (control ? 2 : 0) + (unsummed ? 1 : 0);
  const csvPerRow = perRow(csv);
  return {
    name: 'landing_files',
    rows,
    // six offset arrays hold rows + 1 offsets each
    memoryBytesPerRow: perRow(text + 6 * 4) + 6 * 4 + 4 * 8 + masks,
    textBytesPerRow: widest,
    // JSONL adds the keys and quotes; Parquet's dictionaries fold the repeated folders and kinds
    fileBytesPerRow: { parquet: 0.35 * csvPerRow, csv: csvPerRow, jsonl: csvPerRow + 110 },
  };
}

/**
 * The rows a landing zone writes, as a table entry of the estimate: held in memory from the run
 * until written (`memoryBytes` of them: every format's bytes plus the plan's index arrays) and
 * on disk in the zone's own formats, whatever format the result tables take.
 */
export function landedRowsEstimate(name: string, rows: number, memoryBytes: number, diskBytes: number): TableEstimate {
  const perRow = (total: number) => (rows > 0 ? total / rows : 0);
  const disk = perRow(diskBytes);
  return { name, rows, memoryBytesPerRow: perRow(memoryBytes), textBytesPerRow: 0, fileBytesPerRow: { parquet: disk, csv: disk, jsonl: disk } };
}
