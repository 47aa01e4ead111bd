/**
 * One JSON Lines record, scanned without a recursive parser (issue 11: a line nested 20,000
 * deep must give an error with its line, not a stack overflow) and without turning numbers into
 * doubles: number literals keep their text (`1234567890123456789`, `1e400`, `19.990`), so the
 * column rule of `numbers.ts` decides exactly; nested values keep their JSON source text.
 */

/** A top-level value: null, a boolean, a string, a number literal, or nested JSON (its source text). */
export type JsonCell = null | boolean | string | { readonly num: string } | { readonly raw: string };

export type LineResult = { readonly ok: true; readonly entries: readonly (readonly [string, JsonCell])[] } | { readonly ok: false; readonly message: string };

class JsonError extends Error {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

function fail(s: string, i: number, what: string): never {
  const found = i >= s.length ? 'the end of the line' : `"${s[i]}"`;
  throw new JsonError(`${what}, found ${found} at character ${i + 1}`);
}

function ws(s: string, i: number): number {
  for (;;) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else return i;
  }
}

/** The end of the string starting at s[i] (a quote), and its decoded text when `decode`. */
function scanString(s: string, i: number, decode: boolean): { end: number; text: string } {
  let j = i + 1;
  let text = '';
  let from = j;
  for (;;) {
    if (j >= s.length) fail(s, j, 'a string is never closed');
    const c = s.charCodeAt(j);
    if (c === 34) break;
    if (c < 0x20) fail(s, j, 'a control character inside a string must be escaped');
    if (c !== 92) {
      j++;
      continue;
    }
    if (decode) text += s.slice(from, j);
    const e = s[j + 1];
    let add: string;
    let len = 2;
    switch (e) {
      case '"':
      case '\\':
      case '/':
        add = e;
        break;
      case 'b':
        add = '\b';
        break;
      case 'f':
        add = '\f';
        break;
      case 'n':
        add = '\n';
        break;
      case 'r':
        add = '\r';
        break;
      case 't':
        add = '\t';
        break;
      case 'u': {
        const hex = s.slice(j + 2, j + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(s, j, 'a \\u escape needs four hex digits');
        add = String.fromCharCode(parseInt(hex, 16));
        len = 6;
        break;
      }
      default:
        fail(s, j + 1, 'an unknown escape in a string');
    }
    if (decode) text += add;
    j += len;
    from = j;
  }
  if (decode) text += s.slice(from, j);
  return { end: j + 1, text };
}

/** The end of a literal (true, false, null) or number at s[i]. */
function scanScalar(s: string, i: number): number {
  for (const word of ['true', 'false', 'null']) if (s.startsWith(word, i)) return i + word.length;
  NUMBER.lastIndex = i;
  if (NUMBER.exec(s)) return NUMBER.lastIndex;
  return fail(s, i, 'expected a value');
}

/** The end of the JSON value starting at s[i], nesting tracked on an explicit stack (no recursion). */
function skipValue(s: string, i: number): number {
  const stack: number[] = [];
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    i = ws(s, i);
    if (state === 'value') {
      const c = s.charCodeAt(i);
      if (c === 123 || c === 91) {
        stack.push(c);
        i = ws(s, i + 1);
        if (s.charCodeAt(i) === c + 2) {
          stack.pop();
          i++;
          state = 'after';
        } else state = c === 123 ? 'key' : 'value';
        continue;
      }
      i = c === 34 ? scanString(s, i, false).end : scanScalar(s, i);
      state = 'after';
    } else if (state === 'key') {
      if (s.charCodeAt(i) !== 34) fail(s, i, 'expected a quoted key');
      i = ws(s, scanString(s, i, false).end);
      if (s.charCodeAt(i) !== 58) fail(s, i, 'expected ":" after a key');
      i++;
      state = 'value';
    } else {
      if (stack.length === 0) return i;
      const top = stack[stack.length - 1];
      const c = s.charCodeAt(i);
      if (c === 44) {
        i++;
        state = top === 123 ? 'key' : 'value';
      } else if (c === top + 2) {
        stack.pop();
        i++;
      } else fail(s, i, `expected "," or "${top === 123 ? '}' : ']'}"`);
    }
  }
}

/** Scan one line holding one JSON object; keys in order (a repeated key keeps its last value, as JSON.parse does). */
export function parseJsonLine(s: string): LineResult {
  try {
    let i = ws(s, 0);
    if (s.charCodeAt(i) !== 123) return { ok: false, message: 'each line must be a JSON object ({"column": value, …})' };
    const entries = new Map<string, JsonCell>();
    i = ws(s, i + 1);
    if (s.charCodeAt(i) === 125) i++;
    else
      for (;;) {
        if (s.charCodeAt(i) !== 34) fail(s, i, 'expected a quoted key');
        const key = scanString(s, i, true);
        i = ws(s, key.end);
        if (s.charCodeAt(i) !== 58) fail(s, i, 'expected ":" after a key');
        i = ws(s, i + 1);
        const start = i;
        const c = s.charCodeAt(i);
        let cell: JsonCell;
        if (c === 123 || c === 91) {
          i = skipValue(s, i);
          cell = { raw: s.slice(start, i) };
        } else if (c === 34) {
          const str = scanString(s, i, true);
          i = str.end;
          cell = str.text;
        } else {
          i = scanScalar(s, i);
          const word = s.slice(start, i);
          cell = word === 'null' ? null : word === 'true' ? true : word === 'false' ? false : { num: word };
        }
        entries.set(key.text, cell);
        i = ws(s, i);
        const d = s.charCodeAt(i);
        if (d === 44) {
          i = ws(s, i + 1);
          continue;
        }
        if (d === 125) {
          i++;
          break;
        }
        fail(s, i, 'expected "," or "}"');
      }
    i = ws(s, i);
    if (i < s.length) fail(s, i, 'unexpected text after the object');
    return { ok: true, entries: [...entries] };
  } catch (e) {
    if (e instanceof JsonError) return { ok: false, message: e.message };
    throw e;
  }
}
