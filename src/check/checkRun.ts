/**
 * The check's run as one state: what the page shows follows from the phase alone, so the rules
 * that were kept by hand between four flags (working, status, error, outcome) are kept here,
 * once. Pure (the reducer of useCheckRun); tested in tests/unit/check/checkRun.test.ts.
 *
 *   idle     nothing checked yet, or a check was cancelled, or the reader signed out
 *   running  a check is reading or comparing; `status` says which step
 *   done     the outcome is shown (and only here)
 *   failed   the alert says why (and only here)
 *   leaving  the browser is on its way to the sign-in page; nothing may start any more
 *
 * `status` is the text of the polite progress region in every phase: a step while running, a
 * notice (copied, signed out, file loaded, cancelled) otherwise.
 */
import type {Outcome} from './outcome';

export type CheckRunState =
  | {phase: 'idle'; status: string}
  | {phase: 'running'; status: string}
  | {phase: 'done'; status: string; outcome: Outcome}
  | {phase: 'failed'; status: string; error: string}
  | {phase: 'leaving'; status: string};

export type CheckRunAction =
  | {type: 'start'}
  | {type: 'progress'; message: string}
  | {type: 'done'; outcome: Outcome}
  | {type: 'failed'; error: string}
  | {type: 'cancelled'}
  | {type: 'leaving'; message: string}
  /** A notice in the progress region; the phase stays. */
  | {type: 'announce'; message: string}
  /** A newer message replaces the alert (a refused manifest, a file that loaded). */
  | {type: 'dismiss'}
  /** Forget the outcome and any alert (sign-out), with a notice. */
  | {type: 'reset'; status: string};

export const INITIAL_RUN_STATE: CheckRunState = {phase: 'idle', status: ''};

export const CANCELLED_STATUS = 'Check cancelled: nothing was judged.';

/** While a check runs or the page is leaving for sign-in, nothing else may start. */
export function isBusy(state: CheckRunState): boolean {
  return state.phase === 'running' || state.phase === 'leaving';
}

export function checkRunReducer(state: CheckRunState, action: CheckRunAction): CheckRunState {
  switch (action.type) {
    case 'start':
      return isBusy(state) ? state : {phase: 'running', status: ''};
    case 'announce':
      return {...state, status: action.message};
    case 'dismiss':
      return state.phase === 'failed' ? {phase: 'idle', status: state.status} : state;
    case 'reset':
      return isBusy(state) ? state : {phase: 'idle', status: action.status};
    default:
      // What a check reports: only the running check may, so a late report of a check that
      // already ended (or a second one) changes nothing.
      return state.phase === 'running' ? finish(action) : state;
  }
}

function finish(action: Exclude<CheckRunAction, {type: 'start' | 'announce' | 'dismiss' | 'reset'}>): CheckRunState {
  switch (action.type) {
    case 'progress':
      return {phase: 'running', status: action.message};
    case 'done':
      return {phase: 'done', status: '', outcome: action.outcome};
    case 'failed':
      return {phase: 'failed', status: '', error: action.error};
    case 'cancelled':
      return {phase: 'idle', status: CANCELLED_STATUS};
    case 'leaving':
      return {phase: 'leaving', status: action.message};
  }
}
