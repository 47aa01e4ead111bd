/**
 * Which tables a file drop lands and which column holds each one's event time, checked against
 * the input tables before anything runs (table shapes only, so the page can check a config
 * before it asks the worker to run).
 */
import { detectTimeColumn, type TableShape } from '../../inputs/contract';
import { entityIssues } from '../../landing/fields';
import type { Issue } from '../../schema/fields';
import type { FileDropConfig } from './file-drop.config';

/** A table to land and its event-time column (null: rows are dealt round-robin over the slots). */
export interface LandedEntity {
  readonly name: string;
  readonly timeColumn: string | null;
  /** Where the choice came from, for stats and the page. */
  readonly timeColumnSource: 'config' | 'detected' | 'none';
}

const TIME_TYPES = ['timestamp', 'date', 'string'];

/** Resolve `entities` and `timestampColumn` against the tables there are; issues name the field. */
export function resolveFileDropTables(
  config: Pick<FileDropConfig, 'entities' | 'timestampColumn'>,
  tables: readonly TableShape[],
): { entities: LandedEntity[]; issues: Issue[] } {
  const names = tables.map((t) => t.name);
  const { entities, issues } = entityIssues(config.entities, names);
  for (const table of Object.keys(config.timestampColumn)) {
    if (!names.includes(table))
      issues.push({ path: `timestampColumn.${table}`, message: `"${table}" is not an input table; tables: ${names.length ? names.join(', ') : 'none'}` });
  }
  const out: LandedEntity[] = [];
  for (const name of entities) {
    const shape = tables.find((t) => t.name === name)!;
    if (!Object.hasOwn(config.timestampColumn, name)) {
      const detected = detectTimeColumn(shape);
      out.push({ name, timeColumn: detected, timeColumnSource: detected === null ? 'none' : 'detected' });
      continue;
    }
    const column = config.timestampColumn[name];
    if (column === null) {
      out.push({ name, timeColumn: null, timeColumnSource: 'config' });
      continue;
    }
    const col = shape.columns.find((c) => c.name === column);
    const path = `timestampColumn.${name}`;
    if (!col) issues.push({ path, message: `table "${name}" has no column "${column}"; columns: ${shape.columns.map((c) => c.name).join(', ')}` });
    else if (!TIME_TYPES.includes(col.type))
      issues.push({ path, message: `column "${column}" of ${name} is ${col.type}; allowed: a timestamp, date or text (ISO 8601) column, or null for round-robin` });
    else out.push({ name, timeColumn: column, timeColumnSource: 'config' });
  }
  return { entities: out, issues };
}
