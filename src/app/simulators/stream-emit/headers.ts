/**
 * HTTP sink headers typed into the page (an Authorization token): kept in this module's memory
 * only — never in the draft, so never in a share link, an exported config or
 * `_spindle/config.json` — and handed to the worker when a play starts. A reload forgets them.
 */
import { useSyncExternalStore } from 'react';

export interface HeaderRow {
  readonly name: string;
  readonly value: string;
}

const rows = new Map<string, readonly HeaderRow[]>();
const listeners = new Set<() => void>();
const EMPTY: readonly HeaderRow[] = [];

export function getHeaders(simulator: string): readonly HeaderRow[] {
  return rows.get(simulator) ?? EMPTY;
}

export function setHeaders(simulator: string, next: readonly HeaderRow[]): void {
  rows.set(simulator, next);
  for (const l of listeners) l();
}

export function useHeaders(simulator: string): readonly HeaderRow[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => getHeaders(simulator),
  );
}

/** A header name the browser accepts (RFC 9110 token). */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** The named rows as a header object (rows without a name are left out). */
export function headerObject(list: readonly HeaderRow[]): Record<string, string> {
  return Object.fromEntries(list.filter((h) => h.name.trim() !== '' && HEADER_NAME.test(h.name.trim())).map((h) => [h.name.trim(), h.value]));
}
