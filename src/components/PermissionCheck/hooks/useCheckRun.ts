/**
 * One run of the check at a time: the phase (src/check/checkRun.ts), the AbortController of the
 * running check, and where focus goes when a run ends. A task reports its steps through
 * `progress` and stops when `signal` aborts (Cancel check).
 */
import {useCallback, useEffect, useMemo, useReducer, useRef} from 'react';
import {checkRunReducer, INITIAL_RUN_STATE, isBusy, type CheckRunState} from '../../../check/checkRun';
import {failureMessage, isCancellation, LEAVING_FOR_SIGN_IN, type RunResult} from '../../../check/outcome';

export type CheckTask = (progress: (message: string) => void, signal: AbortSignal) => Promise<RunResult>;

export interface CheckRun {
  state: CheckRunState;
  busy: boolean;
  /** Runs the task unless a check is running or the page is leaving for sign-in. */
  start(task: CheckTask): void;
  /** Stops the running check; once it has stopped, `onCancelled` runs (focus goes back to the start button). */
  cancel(): void;
  announce(message: string): void;
  dismissError(): void;
  reset(status: string): void;
}

const OPENING_SIGN_IN = 'Opening the Microsoft sign-in page…';

export function useCheckRun({onCancelled}: {onCancelled: () => void}): CheckRun {
  const [state, dispatch] = useReducer(checkRunReducer, INITIAL_RUN_STATE);
  // Set at once, not on the next render: a second click in the same tick must not start a second run.
  const active = useRef<AbortController | 'leaving' | null>(null);
  const cancelRequested = useRef(false);

  const start = useCallback((task: CheckTask) => {
    if (active.current) return;
    const controller = new AbortController();
    active.current = controller;
    dispatch({type: 'start'});
    const progress = (message: string) => dispatch({type: 'progress', message});
    void task(progress, controller.signal)
      .then(
        (result) => {
          if (result === LEAVING_FOR_SIGN_IN) {
            active.current = 'leaving'; // stays busy: the page is about to unload
            dispatch({type: 'leaving', message: OPENING_SIGN_IN});
          } else {
            dispatch({type: 'done', outcome: result});
          }
        },
        (caught: unknown) => {
          dispatch(controller.signal.aborted || isCancellation(caught) ? {type: 'cancelled'} : {type: 'failed', error: failureMessage(caught)});
        },
      )
      .finally(() => {
        if (active.current === controller) active.current = null;
      });
  }, []);

  const cancel = useCallback(() => {
    if (!(active.current instanceof AbortController)) return;
    cancelRequested.current = true;
    active.current.abort();
  }, []);

  // After a cancel, once the start buttons are enabled again (a disabled button takes no focus).
  const busy = isBusy(state);
  const onCancelledRef = useRef(onCancelled);
  useEffect(() => {
    onCancelledRef.current = onCancelled;
  });
  useEffect(() => {
    if (busy || !cancelRequested.current) return;
    cancelRequested.current = false;
    onCancelledRef.current();
  }, [busy]);

  return useMemo(
    () => ({
      state,
      busy,
      start,
      cancel,
      announce: (message: string) => dispatch({type: 'announce', message}),
      dismissError: () => dispatch({type: 'dismiss'}),
      reset: (status: string) => dispatch({type: 'reset', status}),
    }),
    [state, busy, start, cancel],
  );
}
