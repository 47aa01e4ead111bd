import { useSyncExternalStore } from 'react';

/** A hash route: `#/workflow?config=…` → { path: 'workflow', params }. Hash routing works on any static host. */
export interface Route {
  readonly path: string;
  readonly params: URLSearchParams;
}

function read(): Route {
  const hash = window.location.hash.replace(/^#\/?/, '');
  const q = hash.indexOf('?');
  return { path: q < 0 ? hash : hash.slice(0, q), params: new URLSearchParams(q < 0 ? '' : hash.slice(q + 1)) };
}

let current = read();
const listeners = new Set<() => void>();
window.addEventListener('hashchange', () => {
  current = read();
  listeners.forEach((l) => l());
});

export function useRoute(): Route {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

export function href(path: string, params?: Record<string, string>): string {
  const q = params ? new URLSearchParams(params).toString() : '';
  return `#/${path}${q ? `?${q}` : ''}`;
}

/** Replace the URL's query without adding a history entry or re-rendering the route. */
export function replaceParams(path: string, params: Record<string, string>): void {
  const url = `${window.location.pathname}${window.location.search}${href(path, params)}`;
  window.history.replaceState(null, '', url);
  current = read();
}
