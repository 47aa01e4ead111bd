import { seedField } from '../../schema/common';
import { defineConfig } from '../../schema/config';
import { f, join, type InferShape, type Issue } from '../../schema/fields';
import { sinkConnectionField, sinkTypeField, tableColumnMapField, topicsField } from './stream-emit.fields';

/** Time-of-day patterns (spec §2, the reference's TimePattern presets); `none` = 1 at every hour. */
export const TIME_PATTERNS = ['none', 'business_hours', 'retail_peak'] as const;
export type TimePatternName = (typeof TIME_PATTERNS)[number];

/** Ten years: longer offsets or windows are surely typos. */
const MAX_SECONDS = 10 * 366 * 86_400;

const burstWindow = f.object(
  {
    startOffsetSeconds: f.number({ min: 0, max: MAX_SECONDS, unit: 's', label: 'Start', help: 'Seconds after the stream start when the window opens.' }),
    durationSeconds: f.number({ min: 0, minExclusive: true, max: MAX_SECONDS, unit: 's', label: 'Duration', help: 'How long the window stays open.' }),
    multiplier: f.number({ min: 0, max: 1_000_000, unit: '×', label: 'Multiplier', help: 'Rate multiplier while the window is open.' }),
  },
  { help: 'A burst window: [start, start + duration) seconds after the stream start, the rate is multiplied.' },
);

/**
 * The stream emitter's fields (spec/stream-emit.md §2 with the §5 additions). Exported so the
 * hybrid can nest it as `streamConfig` and check it with {@link checkStreamEmit} under a prefix.
 */
export const streamEmitShape = {
  tables: f.array(f.string({ minLength: 1, maxLength: 200, help: 'A table name.' }), {
    default: [],
    maxItems: 1_000,
    label: 'Tables',
    help: 'Tables to stream, in this order; empty = every input table, in input order.',
    group: 'Tables',
  }),
  topics: topicsField({
    label: 'Topics',
    help: 'Topic of each table: a list (empty = the table name, one topic for all, or one per table in order) or an object mapping table names to topics (others keep their table name).',
    group: 'Tables',
  }),
  timestampColumn: tableColumnMapField({
    label: 'Event-time columns',
    help: 'The event-time column of each table (envelope `time` and the canonical order); a table not listed uses the first timestamp, then date, then time-named text column; none = untimed.',
    group: 'Tables',
  }),
  envelopeSource: f.string({ default: 'spindle', minLength: 1, maxLength: 1_000, label: 'Source', help: 'The envelope `source`.', group: 'Envelope' }),
  envelopeSchemaVersion: f.string({ default: '1.0', minLength: 1, maxLength: 100, label: 'Schema version', help: 'The `schema_version` of every envelope.', group: 'Envelope' }),
  streamStart: f.instant({ default: '2024-01-01T00:00:00Z', label: 'Stream start', help: 'When the simulated clock starts (UTC when no offset is given).', group: 'Rate' }),
  ratePerSec: f.number({
    default: 10,
    min: 0,
    max: 1_000_000,
    unit: '/s',
    label: 'Rate',
    help: 'Base events per second of simulated time; 0 = all at the start instant. Gaps are whole microseconds: above 2,000,000/s (with multipliers) the clock stands still.',
    group: 'Rate',
  }),
  jitterMs: f.number({ default: 0, min: 0, max: 3_600_000, unit: 'ms', label: 'Jitter', help: 'Extra delay, uniform in [0, jitter), before each event.', group: 'Rate' }),
  burstWindows: f.array(burstWindow, {
    default: [],
    maxItems: 1_000,
    label: 'Burst windows',
    help: 'Rate multipliers over simulated time; overlapping windows multiply, and the product (with the time-of-day pattern) is floored at 0.001.',
    group: 'Rate',
  }),
  timePattern: f.enumOf(TIME_PATTERNS, {
    default: 'none',
    label: 'Time of day',
    help: 'Rate multiplier by hour and weekday of the simulated clock (UTC): business_hours (0.3 at night, 1.5 from 8 to 18 h, 1.0 to 21 h; Sat 0.4, Sun 0.2) or retail_peak (0.4; 1.2 from 12 to 15 h, 2.0 from 19 to 23 h; Sat 1.5, Sun 1.8).',
    group: 'Rate',
  }),
  outOfOrderProbability: f.probability({ default: 0, label: 'Out-of-order share', help: 'Share of events delivered later than their place in the canonical order.', group: 'Out of order' }),
  outOfOrderMaxDelaySlots: f.int({
    default: 10,
    min: 1,
    max: 1_000_000,
    label: 'Max delay',
    unit: 'slots',
    help: 'An out-of-order event moves 1 to this many positions later.',
    group: 'Out of order',
  }),
  replayEnabled: f.bool({ default: false, label: 'Replays', help: 'Re-send bursts of already-sent events (redeliveries), with the same id.', group: 'Replays' }),
  replayWindowMinutes: f.number({
    default: 5,
    min: 0,
    minExclusive: true,
    max: 525_600,
    unit: 'min',
    label: 'Replay window',
    help: 'A replay re-sends events emitted at most this long ago.',
    group: 'Replays',
  }),
  replayProbability: f.probability({ default: 0.05, label: 'Replay probability', help: 'Chance after each event that a replay burst follows.', group: 'Replays' }),
  replayBurstSize: f.int({ default: 10, min: 1, max: 10_000, label: 'Burst size', help: 'Events re-sent per replay burst (fewer when the window holds fewer).', group: 'Replays' }),
  maxEvents: f.nullable(f.int({ min: 0, max: 1_000_000_000, help: 'Cap on primary events.' }), {
    default: null,
    label: 'Max events',
    help: 'Cap on primary events: the first ones of the canonical order (none = every row).',
    group: 'Output',
  }),
  eventsTable: f.bool({
    default: false,
    label: 'Events table',
    help: 'Also write every sent envelope as a flat `events` table in the run format (envelope columns, data as JSON text).',
    group: 'Output',
  }),
  sinkType: sinkTypeField({
    default: 'file',
    label: 'Sink',
    help: 'Where events go besides the output tree: file (the topic files only), console (the page), stdout (CLI, NDJSON), http (POST batches).',
    group: 'Sink',
  }),
  sinkConnection: sinkConnectionField({ label: 'Sink connection', help: 'Where the sink delivers: the topic folder, or the HTTP endpoint and its batching. Never secrets: headers go outside the config.', group: 'Sink' }),
  realtime: f.bool({ default: false, label: 'Real time', help: 'Pace delivery so wall time follows the simulated clock (the events are the same either way).', group: 'Sink' }),
  realtimeSpeed: f.number({ default: 1, min: 0.001, max: 1_000, unit: '×', label: 'Speed', help: 'Real-time pace: simulated seconds per wall second.', group: 'Sink' }),
  seed: seedField(),
};

export type StreamEmitConfig = InferShape<typeof streamEmitShape>;

/**
 * Delivery and output settings: where, how fast and in which extra shape events go, never what
 * they are. They are left out of the correlation id (spec §5 #1 leaves out the sink connection;
 * invariant 1 needs realtime out too), so a stream written to files or sent over HTTP, in real
 * time or not, with or without the events table, carries the same ids and correlation id.
 */
export const DELIVERY_FIELDS = ['sinkType', 'sinkConnection', 'realtime', 'realtimeSpeed', 'eventsTable'] as const;

/** The config without its delivery settings: what the correlation id hashes. */
export function identityConfig(c: StreamEmitConfig): Record<string, unknown> {
  const out: Record<string, unknown> = { ...c };
  for (const k of DELIVERY_FIELDS) delete out[k];
  return out;
}

/** Checks that span fields; `prefix` names the nesting (`streamConfig` under the hybrid). */
export function checkStreamEmit(c: StreamEmitConfig, prefix = ''): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, number>();
  c.tables.forEach((t, i) => {
    const at = first.get(t);
    if (at !== undefined) issues.push({ path: join(prefix, `tables.${i}`), message: `"${t}" is listed twice (also tables.${at}); allowed: each table once` });
    else first.set(t, i);
  });
  if (c.sinkType === 'http' && c.sinkConnection.url === null)
    issues.push({ path: join(prefix, 'sinkConnection.url'), message: 'is required when sinkType is http; allowed: an http:// or https:// URL' });
  return issues;
}

export const streamEmitConfig = defineConfig(streamEmitShape, (c) => checkStreamEmit(c));
