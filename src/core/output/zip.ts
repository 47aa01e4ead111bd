/**
 * A streaming zip writer: entries are written one after another as their bytes arrive, never
 * the whole zip in memory. Parquet is stored (already compressed); text is deflated (level 1)
 * in independent segments, each ending on a byte boundary (a sync flush), so segments can be
 * compressed on any thread and simply concatenated; the entry ends with an empty final block.
 * Entry dates are a fixed DOS date (2024-01-01 00:00), written as numbers, not from a Date in
 * the machine's time zone. Sizes or offsets past 4 GiB use ZIP64 records (fflate's Zip has
 * none); entries are streamed (general purpose bit 3), with sizes in a data descriptor, 64-bit
 * when the entry needed it (as Go's archive/zip does), and in the central directory.
 *
 * Compression is fflate's Deflate; the container is written here. The same entries give the
 * same bytes in Node and in every browser.
 */
import { Deflate } from 'fflate';
import { crc32, crc32Combine } from './crc32';
import { concatChunks } from './files';

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1; // 2024-01-01
const U32 = 0xffffffff;
/** An empty final deflate block (fixed Huffman, end of block): ends a stream of sync-flushed segments. */
const FINAL_BLOCK = new Uint8Array([0x03, 0x00]);
/** Deflate input is pushed in slices of this size: fflate's output depends on push boundaries. */
const PUSH = 1 << 16;

/** Where zip bytes go (a file, a picked file, parts of a Blob); `write` may apply backpressure. */
export interface ByteOutput {
  /** Append `chunk`. The output may hold on to it until closed: never change or transfer a chunk once written. */
  write(chunk: Uint8Array): void | Promise<void>;
}

/** Bytes of an entry as stored, with the CRC and size of what they decompress to. */
export interface Segment {
  readonly bytes: Uint8Array;
  readonly crc: number;
  readonly size: number;
}

/**
 * The end of a sync flush after the bits deflated so far: an empty stored block (3 header bits
 * after the `bits` bits already in the last, partial byte), padding to a byte boundary, then
 * LEN 0000 and NLEN FFFF. fflate's own `flush(true)` writes this block misaligned for some bit
 * positions (https://github.com/101arrowz/fflate/issues/267), so it is written here from the
 * deflater's pending partial byte.
 */
function syncFlushTail(bits: number, partial: number): Uint8Array {
  const header = bits + 3 > 8 ? 2 : 1;
  const out = new Uint8Array(header + 4);
  out[0] = partial;
  out[header + 2] = 0xff;
  out[header + 3] = 0xff;
  return out;
}

/** Deflate one segment (level 1) ending in a sync flush: concatenable with the next. */
export function deflateSegment(raw: Uint8Array): Segment {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 1 }, (chunk) => out.push(chunk));
  for (let i = 0; i < raw.length; i += PUSH) d.push(raw.subarray(i, Math.min(raw.length, i + PUSH)));
  d.flush(false);
  // fflate keeps the last, partial byte out of its output: `s.r` = bit count | byte << 3
  const r = (d as unknown as { s: { r?: number } }).s.r ?? 0;
  out.push(syncFlushTail(r & 7, (r >> 3) & 0xff));
  return { bytes: concatChunks(out), crc: crc32(raw), size: raw.length };
}

interface Entry {
  readonly name: Uint8Array;
  readonly utf8: boolean;
  readonly method: 0 | 8;
  readonly offset: number;
  crc: number;
  compressed: number;
  size: number;
}

class Bytes {
  readonly buf: Uint8Array;
  private readonly view: DataView;
  pos = 0;
  constructor(n: number) {
    this.buf = new Uint8Array(n);
    this.view = new DataView(this.buf.buffer);
  }
  u16(v: number): this {
    this.view.setUint16(this.pos, v, true);
    this.pos += 2;
    return this;
  }
  u32(v: number): this {
    this.view.setUint32(this.pos, v >>> 0, true);
    this.pos += 4;
    return this;
  }
  u64(v: number): this {
    this.view.setBigUint64(this.pos, BigInt(v), true);
    this.pos += 8;
    return this;
  }
  put(b: Uint8Array): this {
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }
}

const encoder = new TextEncoder();

/** One entry being written: stored bytes (`write`), or deflated segments (`writeSegment`). */
export interface ZipEntryWriter {
  /** Stored entries: the file's bytes, in order. */
  write(chunk: Uint8Array): Promise<void>;
  /** Deflated entries: the next segment from {@link deflateSegment} (made on any thread). */
  writeSegment(segment: Segment): Promise<void>;
  close(): Promise<void>;
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private offset = 0;
  private open = false;

  constructor(private readonly out: ByteOutput) {}

  private async emit(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    this.offset += bytes.length;
    await this.out.write(bytes);
  }

  /** Start the next entry; the previous one must be closed. */
  async entry(path: string, deflate: boolean): Promise<ZipEntryWriter> {
    if (this.open) throw new Error('zip: the previous entry is still open');
    this.open = true;
    const name = encoder.encode(path);
    const utf8 = name.length !== path.length;
    const e: Entry = { name, utf8, method: deflate ? 8 : 0, offset: this.offset, crc: 0, compressed: 0, size: 0 };
    this.entries.push(e);
    const head = new Bytes(30 + name.length)
      .u32(0x04034b50)
      .u16(20)
      .u16(flags(e))
      .u16(e.method)
      .u16(DOS_TIME)
      .u16(DOS_DATE)
      .u32(0)
      .u32(0)
      .u32(0)
      .u16(name.length)
      .u16(0)
      .put(name);
    await this.emit(head.buf);
    const writer: ZipEntryWriter = {
      write: async (chunk) => {
        if (e.method !== 0) throw new Error('zip: a deflated entry takes segments');
        e.crc = crc32(chunk, e.crc);
        e.size += chunk.length;
        e.compressed += chunk.length;
        await this.emit(chunk);
      },
      writeSegment: async (s) => {
        if (e.method !== 8) throw new Error('zip: a stored entry takes bytes');
        e.crc = crc32Combine(e.crc, s.crc, s.size);
        e.size += s.size;
        e.compressed += s.bytes.length;
        await this.emit(s.bytes);
      },
      close: async () => {
        if (e.method === 8) {
          e.compressed += FINAL_BLOCK.length;
          await this.emit(FINAL_BLOCK);
        }
        const wide = e.size >= U32 || e.compressed >= U32;
        const dd = new Bytes(wide ? 24 : 16).u32(0x08074b50).u32(e.crc);
        if (wide) dd.u64(e.compressed).u64(e.size);
        else dd.u32(e.compressed).u32(e.size);
        await this.emit(dd.buf);
        this.open = false;
      },
    };
    return writer;
  }

  /** The central directory and its end records. */
  async finish(): Promise<void> {
    if (this.open) throw new Error('zip: an entry is still open');
    const start = this.offset;
    for (const e of this.entries) {
      const zip64 = [e.size >= U32 ? e.size : -1, e.compressed >= U32 ? e.compressed : -1, e.offset >= U32 ? e.offset : -1].filter((v) => v >= 0);
      const extra = zip64.length ? 4 + 8 * zip64.length : 0;
      const version = zip64.length ? 45 : 20;
      const rec = new Bytes(46 + e.name.length + extra)
        .u32(0x02014b50)
        .u16(version)
        .u16(version)
        .u16(flags(e))
        .u16(e.method)
        .u16(DOS_TIME)
        .u16(DOS_DATE)
        .u32(e.crc)
        .u32(Math.min(e.compressed, U32))
        .u32(Math.min(e.size, U32))
        .u16(e.name.length)
        .u16(extra)
        .u16(0)
        .u16(0)
        .u16(0)
        .u32(0)
        .u32(Math.min(e.offset, U32))
        .put(e.name);
      if (extra) {
        rec.u16(0x0001).u16(8 * zip64.length);
        for (const v of zip64) rec.u64(v);
      }
      await this.emit(rec.buf);
    }
    const size = this.offset - start;
    const count = this.entries.length;
    if (count >= 0xffff || size >= U32 || start >= U32) {
      const at = this.offset;
      const z = new Bytes(56 + 20)
        .u32(0x06064b50)
        .u64(44)
        .u16(45)
        .u16(45)
        .u32(0)
        .u32(0)
        .u64(count)
        .u64(count)
        .u64(size)
        .u64(start)
        .u32(0x07064b50)
        .u32(0)
        .u64(at)
        .u32(1);
      await this.emit(z.buf);
    }
    const end = new Bytes(22)
      .u32(0x06054b50)
      .u16(0)
      .u16(0)
      .u16(Math.min(count, 0xffff))
      .u16(Math.min(count, 0xffff))
      .u32(Math.min(size, U32))
      .u32(Math.min(start, U32))
      .u16(0);
    await this.emit(end.buf);
  }
}

/** Bit 3: sizes follow the data; bit 11: the name is UTF-8. */
const flags = (e: Entry) => 0x0008 | (e.utf8 ? 0x0800 : 0);
