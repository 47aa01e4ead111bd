/**
 * Envelopes written straight from the columnar tables as compact JSON bytes (spec §5 #12):
 * keys `id, source, type, time, emitted_at, specversion, datacontenttype, topic,
 * schema_version, correlation_id, data` (+ `_replay, _replay_time`), one per line, LF. `data`
 * holds the row's columns in the JSONL writer's encoding (ISO UTC `…Z` times, `null`), then
 * `_spindle_table` and `_spindle_seq`. Only the id, the two times, the row and the replay time
 * vary per event; everything else is a per-table byte constant.
 */
import { IdStream } from '../../ids';
import type { ByteSink } from '../../output/bytes';
import { jsonStringBytes, rowMembersWriter } from '../../output/jsonl';
import { IsoWriter } from '../../time';
import type { StreamSource } from './stream-emit.source';

const encoder = new TextEncoder();
const ascii = (s: string) => encoder.encode(s);
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
};

const OPEN_ID = ascii('{"id":"');
const EMITTED_AT = ascii('","emitted_at":"');
const REPLAY = ascii(',"_replay":true,"_replay_time":"');
const ID_BYTES = 36;
/** `YYYY-MM-DDTHH:MM:SS.ffffffZ` is 27 bytes; an event time outside the years 0000–9999 (an upload's) takes a few more. */
const ISO_MICROS_BYTES = 35;
/** Offset of the id in every envelope line (after `{"id":"`). */
export const ID_OFFSET = OPEN_ID.length;

/** The envelope's per-table constants. */
interface TableParts {
  readonly ids: IdStream;
  readonly members: (out: ByteSink, row: number) => void;
  /** `","source":…,"type":…,"time":"` */
  readonly afterId: Uint8Array;
  /** `","specversion":…,"correlation_id":"…","data":{` */
  readonly afterEmitted: Uint8Array;
  /** `,"_spindle_table":"…","_spindle_seq":` (no leading comma for a table without columns) */
  readonly dataTail: Uint8Array;
  /** Bytes from `{` to `"data":{`, both times included. */
  readonly headBytes: number;
}

/** Copy `src` into buf at o (a loop for short fragments, where a native copy costs more); returns the new offset. */
function put(buf: Uint8Array, o: number, src: Uint8Array): number {
  const n = src.length;
  if (n >= 24) {
    buf.set(src, o);
    return o + n;
  }
  for (let i = 0; i < n; i++) buf[o++] = src[i];
  return o;
}

const latin1 = new TextDecoder('latin1');

export interface EnvelopeSettings {
  readonly source: string;
  readonly schemaVersion: string;
  readonly correlationId: string;
}

/**
 * Writes envelopes of a {@link StreamSource}'s rows. Ids are `IdStream(correlationId,
 * "stream_emit/<table>").uuid(row)`: a function of the run and the row alone, so a row keeps
 * its id however it is reordered or replayed (spec §5 #1).
 */
export class EnvelopeWriter {
  private readonly parts: TableParts[];
  private readonly timeIso = new IsoWriter();
  private readonly emittedIso = new IsoWriter();
  private readonly replayIso = new IsoWriter();
  private readonly idScratch = new Uint8Array(ID_BYTES);

  constructor(
    private readonly src: StreamSource,
    settings: EnvelopeSettings,
  ) {
    const source = jsonStringBytes(settings.source);
    const version = jsonStringBytes(settings.schemaVersion);
    const correlation = jsonStringBytes(settings.correlationId);
    this.parts = src.tables.map((t) => {
      const topic = src.topics[t.topic];
      const afterId = concat(ascii('","source":'), source, ascii(',"type":'), jsonStringBytes(`spindle.${topic}`), ascii(',"time":"'));
      const afterEmitted = concat(
        ascii('","specversion":"1.0","datacontenttype":"application/json","topic":'),
        jsonStringBytes(topic),
        ascii(',"schema_version":'),
        version,
        ascii(',"correlation_id":'),
        correlation,
        ascii(',"data":{'),
      );
      return {
        ids: envelopeIds(settings.correlationId, t.table.name),
        afterId,
        afterEmitted,
        headBytes: OPEN_ID.length + ID_BYTES + afterId.length + ISO_MICROS_BYTES + EMITTED_AT.length + ISO_MICROS_BYTES + afterEmitted.length,
        members: rowMembersWriter(t.table.columns),
        dataTail: concat(ascii(t.table.columns.length ? ',"_spindle_table":' : '"_spindle_table":'), jsonStringBytes(t.table.name), ascii(',"_spindle_seq":')),
      };
    });
  }

  /**
   * Append the envelope line of global row `g`, emitted at `emittedAt` (µs); a replay also
   * carries `_replay: true` and `_replay_time` = `replayAt`.
   */
  write(out: ByteSink, g: number, emittedAt: number, replayAt?: number): void {
    const ti = this.src.tableOf[g];
    const t = this.src.tables[ti];
    const p = this.parts[ti];
    const row = g - t.offset;
    const time = this.src.eventTime[g];
    // the head up to `data":{` has a fixed length per table: one capacity check, plain copies
    out.ensure(p.headBytes);
    const buf = out.buf;
    let o = put(buf, out.pos, OPEN_ID);
    p.ids.uuidInto(buf, o, row);
    o = put(buf, o + ID_BYTES, p.afterId);
    o = this.timeIso.writeMicros(buf, o, time === time ? time : emittedAt);
    o = put(buf, o, EMITTED_AT);
    o = this.emittedIso.writeMicros(buf, o, emittedAt);
    out.pos = put(buf, o, p.afterEmitted);
    p.members(out, row);
    out.bytes(p.dataTail);
    out.int(row);
    out.ensure(REPLAY.length + 32);
    if (replayAt === undefined) {
      out.buf[out.pos++] = 125; // }
      out.buf[out.pos++] = 125;
      out.buf[out.pos++] = 10;
      return;
    }
    out.buf[out.pos++] = 125;
    out.pos = put(out.buf, out.pos, REPLAY);
    out.pos = this.replayIso.writeMicros(out.buf, out.pos, replayAt);
    out.buf[out.pos++] = 34; // "
    out.buf[out.pos++] = 125;
    out.buf[out.pos++] = 10;
  }

  /** The `data` object of global row `g` alone (the flattened events table's `data` column). */
  writeData(out: ByteSink, g: number): void {
    const ti = this.src.tableOf[g];
    const p = this.parts[ti];
    const row = g - this.src.tables[ti].offset;
    out.byte(123);
    p.members(out, row);
    out.bytes(p.dataTail);
    out.int(row);
    out.byte(125);
  }

  /** Write the envelope id of global row `g` as 36 ASCII bytes at buf[o]. */
  idInto(buf: Uint8Array, o: number, g: number): void {
    const ti = this.src.tableOf[g];
    this.parts[ti].ids.uuidInto(buf, o, g - this.src.tables[ti].offset);
  }

  /** The envelope id of global row `g`, as text (answer key, tests). */
  id(g: number): string {
    this.idInto(this.idScratch, 0, g);
    return latin1.decode(this.idScratch);
  }
}

/** The id stream of a table's envelopes in a run with this correlation id. */
export function envelopeIds(correlationId: string, table: string): IdStream {
  return new IdStream(correlationId, `stream_emit\u001f${table}`);
}
