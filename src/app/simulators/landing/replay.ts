/**
 * The arrival replay's position, per run: the simulated instant the page shows (null: the end,
 * everything landed) and whether it is playing. Shared by the replay bar, the charts and the
 * landing-zone explorer, which are separate sections of the page.
 */
import { create } from 'zustand';

interface ReplayState {
  readonly runId: number;
  readonly atUs: number | null;
  readonly playing: boolean;
}

interface ReplayStore {
  readonly replays: Record<string, ReplayState>;
  set(simulator: string, state: ReplayState): void;
}

export const useReplayStore = create<ReplayStore>((set) => ({
  replays: {},
  set: (simulator, state) => set((s) => ({ replays: { ...s.replays, [simulator]: state } })),
}));

const END: Omit<ReplayState, 'runId'> = { atUs: null, playing: false };

/** The replay of a run (a new run starts at the end: everything landed). */
export function useReplay(simulator: string, runId: number): ReplayState & { update(patch: Partial<Omit<ReplayState, 'runId'>>): void } {
  const current = useReplayStore((s) => s.replays[simulator]);
  const state = current && current.runId === runId ? current : { runId, ...END };
  return { ...state, update: (patch) => setReplay(simulator, runId, patch) };
}

/** Move or start/stop a run's replay (from React or a timer). */
export function setReplay(simulator: string, runId: number, patch: Partial<Omit<ReplayState, 'runId'>>): void {
  const now = useReplayStore.getState().replays[simulator];
  const base = now && now.runId === runId ? now : { runId, ...END };
  useReplayStore.getState().set(simulator, { ...base, ...patch });
}

/** The replay's instant read outside React (a timer): the store's current value. */
export function replayAt(simulator: string, runId: number): number | null {
  const s = useReplayStore.getState().replays[simulator];
  return s && s.runId === runId ? s.atUs : null;
}

/** Index of the last step at or before `atUs` (the last step when null). */
export function stepAt(steps: readonly number[], atUs: number | null): number {
  if (atUs === null) return steps.length - 1;
  let lo = 0;
  let hi = steps.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (steps[mid] <= atUs) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}
