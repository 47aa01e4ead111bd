/**
 * `--set key=value` into a raw config object. Keys are dotted (`transitions.0.probability`),
 * camelCase or snake_case; numeric parts index lists. Every key becomes an own property (never
 * a prototype's: `__proto__.x` cannot reach Object.prototype), unknown keys are left for the
 * schema to refuse with their path, and a list index names an item that exists or the next one
 * (no gaps). A list the config does not give starts from the list the config resolves to, so
 * `--set transitions.0.probability=0.5` edits the preset's first transition.
 */
import type { ConfigSchema } from '../core/schema/config';
import { camelToSnake, snakeToCamel } from '../core/schema/fields';
import { UsageError } from './args';

type Node = Record<string, unknown> | unknown[];

const INDEX = /^(0|[1-9][0-9]*)$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An own property only: `toString`, `constructor` or `__proto__` of a plain object read as absent. */
function own(node: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

/** Define (never assign): assigning `__proto__` would replace the object's prototype. */
function put(node: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
}

/** The spelling (as given, camelCase or snake_case) the object already uses for `key`, else `key`. */
function spelling(node: Record<string, unknown>, key: string): string {
  return [key, snakeToCamel(key), camelToSnake(key)].find((k) => Object.hasOwn(node, k)) ?? key;
}

function fail(key: string, message: string): never {
  throw new UsageError(`--set ${key}: ${message}`);
}

/**
 * Set one dotted `key` in `target`. `resolved` is the config `target` resolves to so far (every
 * default filled, presets expanded), read where the key enters a list the target does not give.
 */
export function setPath(target: Record<string, unknown>, key: string, value: unknown, resolved?: unknown): void {
  const parts = key.split('.');
  if (parts.some((p) => p === '')) fail(key, 'a part of the key is empty; allowed: names and list indices joined by dots, e.g. transitions.0.probability');
  let node: Node = target;
  let shadow: unknown = resolved; // the same place in the resolved config
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const at = parts.slice(0, i + 1).join('.');
    const last = i === parts.length - 1;
    if (Array.isArray(node)) {
      if (!INDEX.test(part)) fail(key, `${parts.slice(0, i).join('.')} is a list; "${part}" is not an item index`);
      const index = Number(part);
      if (index > node.length) {
        const n = node.length;
        const allowed = n === 0 ? 'index 0 (a first item)' : `an index from 0 to ${n - 1}, or ${n} for a new last item`;
        fail(key, `${parts.slice(0, i).join('.')} has ${n} item${n === 1 ? '' : 's'}, so item ${part} would leave a gap; allowed: ${allowed}`);
      }
      shadow = Array.isArray(shadow) ? shadow[index] : undefined;
      if (last) {
        node[index] = value;
        return;
      }
      const list: unknown[] = node;
      node = descend(list[index], parts[i + 1], shadow, key, at, (fresh) => {
        list[index] = fresh;
      });
    } else {
      const name = spelling(node, part);
      shadow = isObject(shadow) ? own(shadow, snakeToCamel(part)) : undefined;
      if (last) {
        put(node, name, value);
        return;
      }
      const parent = node;
      node = descend(own(node, name), parts[i + 1], shadow, key, at, (fresh) => put(parent, name, fresh));
    }
  }
}

/** The container at `at` to descend into: the existing one, else the resolved list or a fresh one. */
function descend(slot: unknown, next: string, shadow: unknown, key: string, at: string, store: (fresh: Node) => void): Node {
  const wantList = INDEX.test(next);
  const emptyList = Array.isArray(slot) && slot.length === 0;
  if (!wantList && (Array.isArray(slot) || (slot === undefined && Array.isArray(shadow)))) fail(key, `${at} is a list; "${next}" is not an item index`);
  if (slot === undefined || slot === null || (emptyList && wantList)) {
    // a list the config leaves to its default (a preset's transitions): start from what it resolves to
    const fresh: Node = wantList ? (Array.isArray(shadow) ? structuredClone(shadow) : []) : {};
    store(fresh);
    return fresh;
  }
  if (Array.isArray(slot)) return slot;
  if (isObject(slot)) return slot;
  return fail(key, `${at} is ${JSON.stringify(slot)}, not an object or a list, so it has no "${next}"`);
}

/**
 * Apply `--set`s in order over a raw config. Before each, the raw config is resolved through the
 * schema (when it is valid so far), so a key that enters a list the config does not give edits
 * the list the config would use (the preset's transitions) instead of starting an empty one.
 */
export function applySets(raw: Record<string, unknown>, sets: readonly { key: string; value: unknown }[], schema?: ConfigSchema<unknown>): void {
  for (const { key, value } of sets) {
    let resolved: unknown;
    if (schema) {
      const r = schema.parse(raw);
      resolved = r.ok ? r.value : undefined;
    }
    setPath(raw, key, value, resolved);
  }
}
