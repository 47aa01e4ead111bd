/** Dotted paths into a draft (`fileDropConfig.timestampColumn`): read, and write without mutating. */

export function getAt(obj: unknown, path: string): unknown {
  let node = obj;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A copy of `obj` with `value` at `path` (objects along the way are copied, missing ones created). */
export function setAt(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [key, ...rest] = path.split('.');
  if (!rest.length) return { ...obj, [key]: value };
  const child = obj[key];
  const inner = typeof child === 'object' && child !== null && !Array.isArray(child) ? (child as Record<string, unknown>) : {};
  return { ...obj, [key]: setAt(inner, rest.join('.'), value) };
}

/** True when `path` is `field` or inside it (`timestampColumn.order` is inside `timestampColumn`). */
export const isWithin = (path: string, field: string): boolean => path === field || path.startsWith(`${field}.`);
