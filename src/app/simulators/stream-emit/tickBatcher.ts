/**
 * The page puts the worker's ticks (ten a second) into the store at most every {@link UI_MS} of
 * its own time. Each store update renders the player, the console and, twice a second, the
 * charts: rendered on every tick, a play at 1,000 events/s fell further behind each second until
 * the tab froze (a minute at ×1).
 */
export const UI_MS = 250;

/** Items held until UI_MS after the last apply, then applied at once, in order; `flush` applies what is held now. */
export function tickBatcher<T>(apply: (items: T[]) => void, now: () => number = () => performance.now()) {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = Number.NEGATIVE_INFINITY;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    last = now();
    const items = pending;
    pending = [];
    if (items.length) apply(items);
  };
  return {
    push(item: T) {
      pending.push(item);
      timer ??= setTimeout(flush, Math.max(0, UI_MS - (now() - last)));
    },
    flush,
  };
}
