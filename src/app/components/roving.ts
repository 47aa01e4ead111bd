import type { KeyboardEvent } from 'react';

const KEYS: Record<'horizontal' | 'vertical', Record<string, number>> = {
  horizontal: { ArrowRight: 1, ArrowLeft: -1 },
  vertical: { ArrowDown: 1, ArrowUp: -1 },
};

/**
 * Roving tabindex for a group of items (tabs, a list of traces or sessions): the group is one
 * tab stop (the current item has tabIndex 0, the others -1) and the arrow keys, Home and End move
 * between items. Put `data-roving` on each item and this on the group's onKeyDown; `onMove`
 * receives the index focused (tabs select it: selection follows focus).
 */
export function rovingKeyDown(e: KeyboardEvent<HTMLElement>, orientation: 'horizontal' | 'vertical', onMove?: (index: number) => void): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>('[data-roving]')];
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (at < 0 || !items.length) return;
  const step = KEYS[orientation][e.key];
  const next = step !== undefined ? (at + step + items.length) % items.length : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : -1;
  if (next < 0) return;
  e.preventDefault();
  items[next].focus();
  onMove?.(next);
}
