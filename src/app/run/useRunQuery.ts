/**
 * Asking the engine worker about a run it holds (a device's detail, a landed file, a key's
 * history), the same way on every page: loading until the answer for the current question
 * arrives (an answer to an older question is dropped), the answer, or why there is none — the
 * worker no longer holds the run (`gone`: it keeps the most recent runs of all pages), or an error.
 */
import { useEffect, useState } from 'react';
import { RUN_NOT_HELD } from '../../worker/protocol';

export type RunQuery<T> =
  | { readonly status: 'loading' }
  /** `stale`: the answer to an earlier question, kept shown while the current one is out (`keepPrevious`). */
  | { readonly status: 'done'; readonly value: T; readonly stale?: boolean }
  | { readonly status: 'gone' }
  | { readonly status: 'error'; readonly message: string };

/**
 * The answer to `ask` (memoise it with useCallback on what it asks; undefined: ask nothing). With
 * `keepPrevious`, the last answer stays shown while a new question is out (no flicker as a person types).
 */
export function useRunQuery<T>(ask: (() => { readonly promise: Promise<T> }) | undefined, keepPrevious = false): RunQuery<T> | undefined {
  const [answer, setAnswer] = useState<{ ask: () => unknown; value: RunQuery<T> }>();
  useEffect(() => {
    if (!ask) return;
    let live = true;
    ask().promise.then(
      (value) => live && setAnswer({ ask, value: { status: 'done', value } }),
      (e: Error) => live && setAnswer({ ask, value: e.name === RUN_NOT_HELD ? { status: 'gone' } : { status: 'error', message: e.message } }),
    );
    return () => {
      live = false;
    };
  }, [ask]);
  if (!ask) return undefined;
  if (answer?.ask === ask) return answer.value;
  if (keepPrevious && answer) return answer.value.status === 'done' ? { ...answer.value, stale: true } : answer.value;
  return keepPrevious ? undefined : { status: 'loading' };
}
