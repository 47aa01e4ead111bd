/**
 * Text for Parquet values no exact column kind holds: UUIDs (8-4-4-4-12 hex), binary (hex),
 * nested lists, structs and maps (JSON, 64-bit integers as exact digits).
 */

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function hexText(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]];
  return s;
}

export function uuidText(bytes: Uint8Array): string {
  const h = hexText(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Arrow nested values (Vectors, struct and map rows) as plain values, before JSON. */
function plain(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object') return v;
  if (v instanceof Uint8Array) return hexText(v);
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<unknown>);
  // Arrow Vectors (lists) give arrays, struct and map rows give objects; their elements are converted in turn
  const o = v as { toJSON?: () => unknown };
  if (typeof o.toJSON === 'function' && !(v instanceof Date)) return o.toJSON();
  return v;
}

/** Punctuation queued on the stack between values. */
class Raw {
  constructor(readonly text: string) {}
}

/** JSON text of a nested Parquet value; 64-bit integers stay exact digits (JSON numbers have no size limit). */
export function nestedText(value: unknown): string {
  const out: string[] = [];
  // an explicit stack: nesting depth never reaches the call stack
  const stack: unknown[] = [value];
  while (stack.length) {
    const item = stack.pop();
    if (item instanceof Raw) {
      out.push(item.text);
      continue;
    }
    const v = plain(item);
    if (v === null || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') out.push(JSON.stringify(v) ?? 'null');
    else if (typeof v === 'bigint') out.push(v.toString());
    else if (v instanceof Date) out.push(JSON.stringify(v.toISOString()));
    else if (Array.isArray(v)) {
      out.push('[');
      stack.push(new Raw(']'));
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push(v[i]);
        if (i > 0) stack.push(new Raw(','));
      }
    } else {
      const entries = v instanceof Map ? [...v.entries()].map(([k, x]) => [String(k), x] as const) : Object.entries(v as object);
      out.push('{');
      stack.push(new Raw('}'));
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push(entries[i][1]);
        stack.push(new Raw(`${JSON.stringify(entries[i][0])}:`));
        if (i > 0) stack.push(new Raw(','));
      }
    }
  }
  return out.join('');
}
