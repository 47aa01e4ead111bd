import { AnswerKeyBuilder } from '../../answer-key';
import { runIdOf } from '../../ids';
import { shapeOf } from '../../inputs/contract';
import { landingFilesTable, LandingZone } from '../../landing/zone';
import { ConfigError } from '../../schema/config';
import type { RunContext, SimResult } from '../../simulator';
import type { Table } from '../../table/column';
import { recordFaults } from './file-drop.answer';
import { fileDropCharts, type FileDropCharts } from './file-drop.charts';
import type { FileDropConfig } from './file-drop.config';
import { resolveFileDropTables } from './file-drop.inputs';
import { dropFilesOf, folderSlots, landFolder } from './file-drop.land';
import { landControlFiles } from './file-drop.manifest';
import { planEntity, type EntityPlan } from './file-drop.plan';
import { folderOf, slotGrid } from './file-drop.slots';
import { entityStats, fileDropStats, type EntityStats } from './file-drop.stats';

export interface FileDropOutput extends SimResult {
  readonly charts?: FileDropCharts;
  /** For the worker's explorer (not serialised): the rows of any landed data file, rebuilt from the plan. */
  readonly explore: { fileTable(path: string): Table | undefined };
}

export interface FileDropOptions {
  /** The manifests' correlation id when a composed simulator (the hybrid) gives its own; default the run id. */
  readonly correlationId?: string;
}

/**
 * Land the input tables as a partitioned landing zone, one drop per slot (spec/file-drop.md
 * with every "Req"): late rows in one late file per target folder (spill-over slots past the
 * range), duplicates, a backfill, restatements, multi-file parts with SHA-256 checksums, and a
 * final manifest and `_done` in every folder and every scheduled slot. Tables and columns are
 * checked before anything lands. Work runs per entity, then per (entity, slot) folder: each
 * entity draws from its own streams, so its files do not depend on the other tables.
 */
export async function runFileDrop(config: FileDropConfig, ctx: RunContext, options: FileDropOptions = {}): Promise<FileDropOutput> {
  const { entities, issues } = resolveFileDropTables(config, [...ctx.inputs.values()].map(shapeOf));
  if (issues.length) throw new ConfigError(issues);
  const grid = slotGrid(config);
  const correlationId = options.correlationId ?? runIdOf('file_drop', config.seed, config);
  const zone = new LandingZone(
    entities.map((e) => e.name),
    (path, bytes) => ctx.publishFile(path, bytes),
  );

  const plans: EntityPlan[] = [];
  for (const [i, e] of entities.entries()) {
    plans.push(planEntity(config, grid, e, ctx.inputs.get(e.name)!, ctx.rng.fork(`entity:${e.name}`)));
    await ctx.checkpoint('Planning the drops', i + 1, entities.length);
  }

  // folders are landed in order, their data files encoded ahead on the host's threads (a window
  // of folders in flight); each folder's control files follow once its files (sizes, checksums) are in
  const total = plans.reduce((a, p) => a + folderSlots(p).length, 0);
  const window = 8 * (ctx.encoder?.threads ?? 1);
  const inFlight: Promise<void>[] = [];
  let done = 0;
  let quiet = 0;
  for (const plan of plans) {
    for (const slot of folderSlots(plan)) {
      const folder = folderOf(config, grid, plan.entity.name, slot);
      const drops = dropFilesOf(config, plan, slot);
      const landing = landFolder(config, plan, slot, drops, zone, ctx.encoder).then((landed) => {
        landControlFiles(config, grid, { entity: plan.entity.name, folder, slot, landed }, correlationId, zone);
      });
      landing.catch(() => {}); // awaited in order below (or abandoned with the run): never an unhandled rejection
      inFlight.push(landing);
      if (inFlight.length > window) await inFlight.shift();
      done++;
      // a checkpoint after every folder that wrote data; folders with control files only (sparse
      // sub-daily runs have tens of thousands) share one every 32, so yielding never dominates
      if (drops.length > 0 || ++quiet === 32 || done === total) {
        quiet = 0;
        await ctx.checkpoint('Landing files', done, total);
      }
    }
  }
  await Promise.all(inFlight);

  const answerKey = new AnswerKeyBuilder();
  for (const plan of plans) recordFaults(config, plan, answerKey);
  const files = zone.files();
  const perEntity: Record<string, EntityStats> = {};
  for (const plan of plans) perEntity[plan.entity.name] = entityStats(config, plan, files.filter((f) => f.entity === plan.entity.name));
  return {
    tables: [landingFilesTable(files)],
    stats: fileDropStats(config, perEntity, grid.scheduled),
    answerKey,
    ...(ctx.charts ? { charts: fileDropCharts(grid, plans, files) } : {}),
    files: zone.outputFiles(),
    explore: { fileTable: (path) => zone.tableOf(path) },
  };
}
