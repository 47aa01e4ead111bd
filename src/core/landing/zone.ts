/**
 * A landing zone as it lands: every file with its folder, kind, simulated landing time, rows and
 * size, in the order a consumer would see them. Shared by the file drop and the SCD2 file drop.
 * It turns into the run's output files (data files produced on demand, control files as bytes),
 * the `landing_files` index table and the file index the page's explorer and replay draw.
 */
import type { OutputFile } from '../output/files';
import { writeTable, type OutputFormat } from '../output/formats';
import { Float64Growable, makeTable, numberColumn, stringColumn, Uint8Growable, Utf8Builder, type Table } from '../table/column';
import { sha256Hex } from '../hash/sha256';
import { inThreadEncoder, type EncodeTask, type PartEncoder } from '../output/parts';

/** What a landed file is: a data file of some kind, or a folder's control file. */
export const LANDING_KINDS = ['on_time', 'late', 'backfill', 'restatement', 'initial', 'delta', 'manifest', 'done'] as const;
export type LandingKind = (typeof LANDING_KINDS)[number];

/** Control files come after the data files of their folder at the same landing time. */
const RANK: Record<LandingKind, number> = { on_time: 0, late: 0, backfill: 0, restatement: 0, initial: 0, delta: 0, manifest: 1, done: 2 };

export interface LandedFile {
  readonly path: string;
  readonly folder: string;
  readonly name: string;
  readonly entity: string;
  readonly kind: LandingKind;
  /** Data files only. */
  readonly format: OutputFormat | null;
  /** The partition's slot (or drop date), epoch µs. */
  readonly slotUs: number;
  /** The simulated instant the file lands, epoch µs. */
  readonly landedAtUs: number;
  /** Data rows (null for control files). */
  readonly rows: number | null;
  readonly bytes: number;
  /** SHA-256 hex when the run computed it (published checksums), else null. */
  readonly sha256: string | null;
}

/** A data file's rows as indices into a table (its input): text is written from them in place, with no copy of the rows. */
export interface RowSelection {
  readonly table: Table;
  readonly rows: Int32Array;
}

/** Describes a landed file before it is written. */
export interface DataFileSpec {
  readonly folder: string;
  readonly name: string;
  readonly entity: string;
  readonly kind: LandingKind;
  readonly format: OutputFormat;
  readonly slotUs: number;
  readonly landedAtUs: number;
  readonly rows: number;
}

interface Entry {
  readonly file: LandedFile;
  /** Data files: regenerates the bytes (deterministic); control files: absent. */
  readonly make?: () => Uint8Array;
  /** Bytes landed during the run, handed over once by `produce` and then released. */
  cached?: Uint8Array;
}

/**
 * Collects a run's landed files. Data files are written during the run (so their sizes and
 * checksums are known to manifests, stats and charts) and handed to the output writer once;
 * a second write of the tree regenerates them from the plan, byte for byte.
 */
export class LandingZone {
  private readonly entries: Entry[] = [];
  private readonly tables = new Map<string, () => Table>();
  private readonly entityOrder = new Map<string, number>();
  /** Landing order, computed once after the last file is added. */
  private order: Entry[] | undefined;

  /**
   * @param landed called with each file's path and bytes as it lands (data files once encoded,
   * control files when added), for a host that writes them while the run goes on
   * (`RunContext.publishFile`); the bytes are final and never changed afterwards.
   */
  constructor(
    entities: readonly string[],
    private readonly landed?: (path: string, bytes: Uint8Array) => void,
  ) {
    entities.forEach((e, i) => this.entityOrder.set(e, i));
  }

  /**
   * Land one drop file in every format: its table is built once and written per format now;
   * each file regenerates its bytes from `table()` whenever the tree is written again.
   */
  addDrop(base: Omit<DataFileSpec, 'format' | 'name'>, nameOf: (format: OutputFormat) => string, formats: readonly OutputFormat[], table: () => Table, checksum: boolean): LandedFile[] {
    const built = table();
    return formats.map((format) => {
      const bytes = writeTable(built, format);
      return this.land(base, nameOf(format), format, table, bytes, checksum ? sha256Hex(bytes) : null);
    });
  }

  /**
   * {@link addDrop} with the files written (and checksummed) by `encoder`, on other threads when
   * it has them: the table is built here and the caller goes on while they encode. The zone's
   * order does not depend on when each drop resolves (files are sorted by their landing).
   * `table` must make new arrays at each call (none shared with the plan): a table built for one
   * format is handed to the encoder's thread as it is. `selection`, when the file is those rows
   * of a table (the same rows `table` builds), lets an encoder on this thread write them in place.
   */
  async landDrop(
    base: Omit<DataFileSpec, 'format' | 'name'>,
    nameOf: (format: OutputFormat) => string,
    formats: readonly OutputFormat[],
    table: () => Table,
    checksum: boolean,
    encoder: PartEncoder = inThreadEncoder,
    selection?: RowSelection,
  ): Promise<LandedFile[]> {
    const pieces = await Promise.all(this.encodeTasks(formats, table, checksum, encoder, selection).map((task) => encoder.run(task)));
    return formats.map((format, i) => this.land(base, nameOf(format), format, table, pieces[i].bytes, pieces[i].sha256 ?? null, selection));
  }

  /** One task per format: the rows in place on this thread (text formats), else the table built once. */
  private encodeTasks(formats: readonly OutputFormat[], table: () => Table, checksum: boolean, encoder: PartEncoder, selection?: RowSelection): EncodeTask[] {
    let built: Table | undefined;
    // a table built for one format alone is given to its task (the builder makes new arrays)
    const given = formats.length === 1;
    return formats.map((format): EncodeTask => {
      if (selection && !encoder.transfers && format !== 'parquet') return { kind: 'file', format, table: selection.table, rows: selection.rows, checksum };
      return { kind: 'file', format, table: (built ??= table()), checksum, given };
    });
  }

  private land(
    base: Omit<DataFileSpec, 'format' | 'name'>,
    name: string,
    format: OutputFormat,
    table: () => Table,
    bytes: Uint8Array,
    sha256: string | null,
    selection?: RowSelection,
  ): LandedFile {
    const file: LandedFile = { ...base, name, format, path: `${base.folder}/${name}`, bytes: bytes.length, sha256 };
    const make = selection ? () => writeTable(selection.table, format, {}, selection.rows) : () => writeTable(table(), format);
    this.entries.push({ file, make, cached: bytes });
    this.order = undefined;
    this.landed?.(file.path, bytes);
    this.tables.set(file.path, table);
    return file;
  }

  /** The rows of a landed data file as a table (previews, explorers), built again from the plan; undefined for other paths. */
  tableOf(path: string): Table | undefined {
    return this.tables.get(path)?.();
  }

  /** Land a control file (`_manifest.json`, `_done`) whose bytes are known. */
  addControl(spec: Omit<DataFileSpec, 'format' | 'rows'>, bytes: Uint8Array): LandedFile {
    const file: LandedFile = { ...spec, path: `${spec.folder}/${spec.name}`, format: null, rows: null, bytes: bytes.length, sha256: null };
    this.entries.push({ file, cached: bytes });
    this.order = undefined;
    this.landed?.(file.path, bytes);
    return file;
  }

  /** Every landed file in landing order: by entity (config order), landing time, folder, data before control, name. */
  sorted(): Entry[] {
    return (this.order ??= this.sort());
  }

  private sort(): Entry[] {
    // folder and name ranks computed once: the comparator then compares numbers only
    const rank = (values: string[]) => new Map([...new Set(values)].sort(cmp).map((v, i) => [v, i]));
    const folders = rank(this.entries.map((e) => e.file.folder));
    const names = rank(this.entries.map((e) => e.file.name));
    const keyed = this.entries.map((e) => ({
      e,
      entity: this.entityOrder.get(e.file.entity) ?? Number.MAX_SAFE_INTEGER,
      folder: folders.get(e.file.folder)!,
      name: names.get(e.file.name)!,
    }));
    keyed.sort(
      (a, b) =>
        a.entity - b.entity || a.e.file.landedAtUs - b.e.file.landedAtUs || a.folder - b.folder || RANK[a.e.file.kind] - RANK[b.e.file.kind] || a.name - b.name,
    );
    return keyed.map((k) => k.e);
  }

  /** The landed files, in landing order. */
  files(): LandedFile[] {
    return this.sorted().map((e) => e.file);
  }

  /**
   * The run's output files, in landing order: a folder's manifest and `_done` always follow its
   * data files. Data files hand over the bytes landed during the run once, then release them.
   */
  outputFiles(): OutputFile[] {
    return this.sorted().map((e): OutputFile => {
      const { path, bytes } = e.file;
      if (!e.make) return { path, bytes: e.cached! };
      const make = e.make;
      return {
        path,
        sizeHint: bytes,
        *produce() {
          const b = e.cached ?? make();
          e.cached = undefined;
          yield b;
        },
      };
    });
  }
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `landing_files`: one row per landed file, in landing order — what a pipeline test reads to
 * know what should have arrived, where and when (path, folder, entity, kind, format, slot,
 * landed_at, rows, bytes, sha256).
 */
export function landingFilesTable(files: readonly LandedFile[]): Table {
  const n = files.length;
  const text = (name: string, pick: (f: LandedFile) => string | null) => {
    const b = new Utf8Builder(n, 32);
    for (const f of files) {
      const v = pick(f);
      if (v === null) b.appendNull();
      else b.append(v);
    }
    return b.finish(name);
  };
  const num = (name: string, type: 'int' | 'timestamp', pick: (f: LandedFile) => number | null) => {
    const values = new Float64Growable(n);
    const valid = new Uint8Growable(n);
    for (const f of files) {
      const v = pick(f);
      values.push(v ?? 0);
      valid.push(v === null ? 0 : 1);
    }
    const mask = valid.finish();
    return numberColumn(name, type, values.finish(), mask.includes(0) ? mask : undefined);
  };
  return makeTable('landing_files', [
    text('path', (f) => f.path),
    text('folder', (f) => f.folder),
    text('entity', (f) => f.entity),
    text('kind', (f) => f.kind),
    text('format', (f) => f.format),
    num('slot', 'timestamp', (f) => f.slotUs),
    num('landed_at', 'timestamp', (f) => f.landedAtUs),
    num('rows', 'int', (f) => f.rows),
    num('bytes', 'int', (f) => f.bytes),
    stringColumn(
      'sha256',
      files.map((f) => f.sha256),
    ),
  ]);
}
