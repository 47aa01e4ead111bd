/**
 * The expected size of a stream from its config and the shapes of the streamed tables: primary
 * events (every row, or the first `maxEvents` of the canonical order: untimed rows first, then
 * timed ones), replay events (a burst after a share `replayProbability` of them, as many as the
 * window holds up to `replayBurstSize`), the topic files' envelope bytes and, when `eventsTable`
 * is on, the flat `events` table. The topic files are produced batch by batch when the tree is
 * written, so only the plan's typed arrays are held for them: they appear as one more entry of
 * the tables, `<folder>/<topic>.jsonl (envelopes)`, like a landing zone's landed rows.
 */
import type { RunEstimate, TableEstimate } from '../../estimate';
import { meanDigits } from '../../estimate-shapes';
import { detectTimeColumn, type TableShape } from '../../inputs/contract';
import { textRowBytes, utf8Length } from '../../landing/estimate';
import { US_PER_SECOND } from '../../time';
import type { StreamEmitConfig } from './stream-emit.config';

/** What one streamed table sends: primary events and the bytes of its `data` object and envelope. */
interface TableEvents {
  readonly sent: number;
  readonly dataBytes: number;
  readonly envelopeBytes: number;
}

/** The bytes a replay adds to an envelope: `,"_replay":true,"_replay_time":"…"`. */
const REPLAY_BYTES = utf8Length(',"_replay":true,"_replay_time":""') + 27;

/** The events table's bytes per row besides `data`: id (36 + offset), 8 dictionary codes, 2 times, the replay flag and time with its mask, data's offset. */
const EVENTS_FIXED_BYTES = 40 + 8 * 4 + 2 * 8 + 1 + 9 + 4;

/** The `data` object of a row: its columns as the JSONL writer puts them, then `_spindle_table` and `_spindle_seq`. */
function dataBytes(t: TableShape): number {
  const members = t.columns.length ? textRowBytes(t.columns, t.rows, 'jsonl') - 1 : 2;
  return members + utf8Length(`,"_spindle_table":${JSON.stringify(t.name)},"_spindle_seq":`) + meanDigits(0, Math.max(0, t.rows - 1));
}

/** An envelope line around `data` (both times at their usual 27 bytes). */
function envelopeBytes(c: StreamEmitConfig, topic: string, data: number): number {
  const x = (n: number) => 'x'.repeat(n);
  const head = `{"id":"${x(36)}","source":${JSON.stringify(c.envelopeSource)},"type":${JSON.stringify(`spindle.${topic}`)},"time":"${x(27)}","emitted_at":"${x(27)}","specversion":"1.0","datacontenttype":"application/json","topic":${JSON.stringify(topic)},"schema_version":${JSON.stringify(c.envelopeSchemaVersion)},"correlation_id":"${x(36)}","data":}\n`;
  return utf8Length(head) + data;
}

/** The streamed tables with their topics (tables the config names but the inputs lack are left out: the run refuses them). */
function streamed(c: StreamEmitConfig, inputs: readonly TableShape[]): { shape: TableShape; topic: string; untimed: number }[] {
  const tables = c.tables.length ? c.tables.map((n) => inputs.find((t) => t.name === n)).filter((t): t is TableShape => t !== undefined) : [...inputs];
  const topics = c.topics;
  return tables.map((shape, i) => {
    let topic = shape.name;
    if (Array.isArray(topics)) topic = topics.length === 1 ? topics[0] : topics.length === tables.length ? topics[i] : shape.name;
    else if (Object.hasOwn(topics, shape.name)) topic = (topics as Readonly<Record<string, string>>)[shape.name];
    const column = Object.hasOwn(c.timestampColumn, shape.name) ? c.timestampColumn[shape.name] : detectTimeColumn(shape);
    const time = column === null ? undefined : shape.columns.find((x) => x.name === column);
    return { shape, topic, untimed: time ? (time.nulls ?? 0) : shape.rows };
  });
}

/**
 * Expected replay events over n primary events: after each, with probability p, a burst of
 * min(b, candidates) where the candidates are the primaries emitted within the window (the
 * current one included): k + 1 early on, then about window / gap (the base rate's gap plus the
 * mean jitter; burst windows and the time-of-day pattern are left out).
 */
export function expectedReplays(c: Pick<StreamEmitConfig, 'replayEnabled' | 'replayProbability' | 'replayBurstSize' | 'replayWindowMinutes' | 'ratePerSec' | 'jitterMs'>, n: number): number {
  if (!c.replayEnabled || n <= 0) return 0;
  const gapUs = (c.ratePerSec > 0 ? US_PER_SECOND / c.ratePerSec : 0) + (c.jitterMs * 1000) / 2;
  const inWindow = gapUs > 0 ? Math.floor((c.replayWindowMinutes * 60 * US_PER_SECOND) / gapUs) + 1 : Number.POSITIVE_INFINITY;
  const cap = Math.min(c.replayBurstSize, inWindow);
  // Σ_{k<n} min(cap, k + 1)
  const sum = n >= cap ? (cap * (cap + 1)) / 2 + (n - cap) * cap : (n * (n + 1)) / 2;
  return c.replayProbability * sum;
}

/** Primary events per table: the cap takes untimed rows first, then timed ones (each share spread over its tables). */
function primaries(c: StreamEmitConfig, tables: ReturnType<typeof streamed>): number[] {
  const total = tables.reduce((a, t) => a + t.shape.rows, 0);
  const n = c.maxEvents === null ? total : Math.min(total, c.maxEvents);
  const untimed = tables.reduce((a, t) => a + t.untimed, 0);
  const fromUntimed = Math.min(n, untimed);
  const fromTimed = n - fromUntimed;
  return tables.map((t) => (untimed > 0 ? (fromUntimed * t.untimed) / untimed : 0) + (total > untimed ? (fromTimed * (t.shape.rows - t.untimed)) / (total - untimed) : 0));
}

/** The run's expected size. `folder` is where the topic files go (the hybrid nests them under `stream/`). */
export function estimateStreamEmit(c: StreamEmitConfig, inputs: readonly TableShape[] = [], folder = c.sinkConnection.path): RunEstimate {
  const tables = streamed(c, inputs);
  const sent = primaries(c, tables);
  const events: TableEvents[] = tables.map((t, i) => {
    const data = dataBytes(t.shape);
    return { sent: sent[i], dataBytes: data, envelopeBytes: envelopeBytes(c, t.topic, data) };
  });
  const n = sent.reduce((a, x) => a + x, 0);
  const replays = expectedReplays(c, n);
  const total = n + replays;
  const mean = (g: (e: TableEvents) => number) => (n > 0 ? events.reduce((a, e) => a + e.sent * g(e), 0) / n : 0);
  const envelope = mean((e) => e.envelopeBytes);
  const data = mean((e) => e.dataBytes);
  const fileBytes = n * envelope + replays * (envelope + REPLAY_BYTES);
  // the plan: per input row its table, event time and canonical place; per primary its row,
  // send place, out-of-order flag and emission time; per moved event its delay; per burst 20 bytes
  const inputRows = tables.reduce((a, t) => a + t.shape.rows, 0);
  const bursts = c.replayEnabled ? n * c.replayProbability : 0;
  const planBytes = inputRows * 14 + n * 17 + n * c.outOfOrderProbability * 8 + bursts * 20;
  const perEvent = (bytes: number) => (total > 0 ? bytes / total : 0);
  const topicFiles: TableEstimate = {
    name: `${folder}/<topic>.jsonl (envelopes)`,
    rows: total,
    memoryBytesPerRow: perEvent(planBytes),
    textBytesPerRow: 0,
    // JSONL whatever the run's format
    fileBytesPerRow: { parquet: perEvent(fileBytes), csv: perEvent(fileBytes), jsonl: perEvent(fileBytes) },
  };
  // events table: bytes per row from its columns; file bytes per `data` byte measured on the
  // default config over the retail fixture (Parquet folds the dictionary columns and the ids compress little)
  const eventsTable: TableEstimate = {
    name: 'events',
    rows: total,
    memoryBytesPerRow: EVENTS_FIXED_BYTES + data,
    textBytesPerRow: data,
    fileBytesPerRow: { parquet: 45 + 0.3 * data, csv: 230 + data, jsonl: 410 + data },
  };
  const replayFirst = replays > n;
  const replayFields = c.replayEnabled ? ['replayBurstSize', 'replayProbability'] : [];
  return {
    tables: c.eventsTable ? [eventsTable, topicFiles] : [topicFiles],
    drivers: replayFirst ? [...replayFields, 'maxEvents', 'tables'] : ['maxEvents', 'tables', ...replayFields],
  };
}
