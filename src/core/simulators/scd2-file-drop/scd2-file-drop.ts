import { AnswerKeyBuilder } from '../../answer-key';
import { runIdOf } from '../../ids';
import { shapeOf } from '../../inputs/contract';
import { dayNumber } from '../../landing/fields';
import { landingFilesTable, LandingZone } from '../../landing/zone';
import { ConfigError } from '../../schema/config';
import type { Issue } from '../../schema/fields';
import type { RunContext, SimResult } from '../../simulator';
import type { Table } from '../../table/column';
import { formatIso, US_PER_DAY } from '../../time';
import { scd2Charts, topKeys, versionsHistogram, type Scd2Charts, type Scd2EntityChart } from './scd2.charts';
import type { Scd2Config } from './scd2.config';
import { keyHistories, recordChanges, type KeyHistory } from './scd2.history';
import { expectedDeltaRows, keyValueIssues, MAX_DELTA_ROWS, resolveScd2Shapes, type Scd2Entity } from './scd2.inputs';
import { deltaDrop, landDrop, snapshotDrop } from './scd2.land';
import { Scd2State, type DayDelta } from './scd2.state';

export interface Scd2Output extends SimResult {
  readonly charts?: Scd2Charts;
  /**
   * For the worker's explorer and key-history view (not serialised): the rows of any landed data
   * file, and every landed row of any key (null when the table has no such key).
   */
  readonly explore: { fileTable(path: string): Table | undefined; keyHistory(entity: string, key: string): KeyHistory | null };
}

/** Every table, key and column checked before anything lands (spec §5 #5, #7, #8), plus a size limit. */
function checkInputs(config: Scd2Config, ctx: RunContext): Scd2Entity[] {
  const { entities, issues } = resolveScd2Shapes(config, [...ctx.inputs.values()].map(shapeOf));
  const more: Issue[] = entities.flatMap((e) => keyValueIssues(ctx.inputs.get(e.name)!, e.key));
  const rows = entities.reduce((a, e) => a + expectedDeltaRows(ctx.inputs.get(e.name)!.length, config), 0);
  if (rows > MAX_DELTA_ROWS)
    more.push({
      path: 'numDeltaDays',
      message: `${config.numDeltaDays} days with these rates give about ${rows.toLocaleString('en-US')} delta rows; allowed: at most ${MAX_DELTA_ROWS.toLocaleString('en-US')} (fewer days, lower rates or fewer tables)`,
    });
  if (issues.length || more.length) throw new ConfigError([...issues, ...more]);
  return entities;
}

/**
 * Land an SCD Type 2 source (spec/scd2-file-drop.md with every "Req"): per table, a full snapshot,
 * then one delta per day with an expire row and a new version for each updated key and a row per
 * new key; half-open validity intervals, exactly one current row per key, tracked columns that
 * really change, inserts with new keys and existing foreign keys, manifests with counts. Each
 * table draws from its own streams, so adding a table changes nothing in the others.
 */
export async function runScd2FileDrop(config: Scd2Config, ctx: RunContext): Promise<Scd2Output> {
  const entities = checkInputs(config, ctx);
  const correlationId = runIdOf('scd2_file_drop', config.seed, config);
  const initialUs = dayNumber(config.initialLoadDate) * US_PER_DAY;
  const zone = new LandingZone(
    entities.map((e) => e.name),
    (path, bytes) => ctx.publishFile(path, bytes),
  );
  const answerKey = new AnswerKeyBuilder();
  const days = Array.from({ length: config.numDeltaDays }, (_, i) => formatIso(initialUs + (i + 1) * US_PER_DAY));
  const perEntity: Record<string, Scd2EntityChart> = {};
  const histories = new Map<string, { state: Scd2State; deltas: DayDelta[] }>();
  const stats: Record<string, Record<string, unknown>> = {};
  const total = entities.length * (1 + config.numDeltaDays);
  let done = 0;

  for (const entity of entities) {
    const table = ctx.inputs.get(entity.name)!;
    const state = new Scd2State(table, entity, initialUs);
    const rng = ctx.rng.fork(`entity:${entity.name}`);
    landDrop(config, entity.name, snapshotDrop(config, state), correlationId, zone);
    await ctx.checkpoint('Landing files', ++done, total);
    const deltas: DayDelta[] = [];
    for (let d = 1; d <= config.numDeltaDays; d++) {
      const delta = state.simulateDay(d, initialUs + d * US_PER_DAY, config, rng.fork(`day:${d}`));
      if (delta.keys.length > 0) {
        const drop = deltaDrop(config, state, delta);
        landDrop(config, entity.name, drop, correlationId, zone);
        recordChanges(state, delta, answerKey);
        deltas.push(delta);
      }
      await ctx.checkpoint('Landing files', ++done, total);
    }
    histories.set(entity.name, { state, deltas });
    const byDay = (pick: (d: DayDelta) => number) => days.map((_, i) => pick(deltas.find((x) => x.day === i + 1) ?? ({ updates: 0, inserts: 0 } as DayDelta)));
    const versions = state.version.data;
    perEntity[entity.name] = {
      businessKey: entity.key,
      tracked: entity.tracked,
      updates: byDay((d) => d.updates),
      inserts: byDay((d) => d.inserts),
      versionsHistogram: versionsHistogram(versions, state.count),
      keyHistories: keyHistories(state, deltas, topKeys(versions, state.count), config),
    };
    const updates = deltas.reduce((a, d) => a + d.updates, 0);
    const inserts = deltas.reduce((a, d) => a + d.inserts, 0);
    stats[entity.name] = {
      business_key: entity.key,
      tracked_columns: [...entity.tracked],
      initial_rows: table.length,
      final_keys: state.count,
      total_deltas: 2 * updates + inserts,
      total_new: inserts,
      total_updates: updates,
      delta_days: deltas.length,
    };
  }

  const files = zone.files();
  const sum = (k: string) => Object.values(stats).reduce((a, s) => a + (s[k] as number), 0);
  const data = files.filter((f) => f.rows !== null);
  return {
    tables: [landingFilesTable(files)],
    stats: {
      initial_rows: sum('initial_rows'),
      total_deltas: sum('total_deltas'),
      total_new: sum('total_new'),
      total_updates: sum('total_updates'),
      days_simulated: config.numDeltaDays,
      entities: entities.length,
      files: data.length,
      manifests: files.length - data.length,
      bytes: data.reduce((a, f) => a + f.bytes, 0),
      formats: [...config.formats],
      per_entity: stats,
    },
    answerKey,
    ...(ctx.charts ? { charts: scd2Charts(days, formatIso(initialUs), perEntity, files) } : {}),
    files: zone.outputFiles(),
    explore: {
      fileTable: (path) => zone.tableOf(path),
      keyHistory(entity, key) {
        const h = histories.get(entity);
        if (!h) return null;
        for (let k = 0; k < h.state.count; k++) if (h.state.keyText(k) === key) return keyHistories(h.state, h.deltas, [k], config)[0];
        return null;
      },
    },
  };
}
