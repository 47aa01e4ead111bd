import { readFileSync } from 'node:fs';
import { UsageError } from './args';
import { isSystemError, reasonOf } from './io-errors';

/**
 * `--config file.json`: a JSON object (camelCase or the reference's snake_case names). A UTF-8
 * byte-order mark is skipped, as input files skip it (editors on Windows write one).
 */
export function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--config: cannot read "${path}"${isSystemError(e) ? `: ${reasonOf(e)}` : ''}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new UsageError(`--config: "${path}" is not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`--config: "${path}" must hold a JSON object`);
  return value as Record<string, unknown>;
}
