import {describe, expect, it} from 'vitest';
import {CANCELLED_STATUS, checkRunReducer, INITIAL_RUN_STATE, isBusy, type CheckRunAction, type CheckRunState} from '../../../src/check/checkRun';
import type {Outcome} from '../../../src/check/outcome';

const OUTCOME = {subject: 'the pasted manifest'} as Outcome;

function after(...actions: CheckRunAction[]): CheckRunState {
  return actions.reduce(checkRunReducer, INITIAL_RUN_STATE);
}

describe('the check run (one phase instead of four flags)', () => {
  it('runs: idle, running with its steps, done with the outcome and an empty progress line', () => {
    expect(after({type: 'start'})).toEqual({phase: 'running', status: ''});
    expect(after({type: 'start'}, {type: 'progress', message: 'Reading…'})).toEqual({phase: 'running', status: 'Reading…'});
    expect(after({type: 'start'}, {type: 'progress', message: 'Reading…'}, {type: 'done', outcome: OUTCOME})).toEqual({
      phase: 'done',
      status: '',
      outcome: OUTCOME,
    });
  });

  it('a new check forgets the last outcome and the last alert', () => {
    expect(after({type: 'start'}, {type: 'done', outcome: OUTCOME}, {type: 'start'})).toEqual({phase: 'running', status: ''});
    expect(after({type: 'start'}, {type: 'failed', error: 'No such app.'}, {type: 'start'})).toEqual({phase: 'running', status: ''});
  });

  it('fails with the error as the alert, and a cancel judges nothing and says so', () => {
    expect(after({type: 'start'}, {type: 'failed', error: 'No such app.'})).toEqual({phase: 'failed', status: '', error: 'No such app.'});
    expect(after({type: 'start'}, {type: 'progress', message: 'Reading…'}, {type: 'cancelled'})).toEqual({phase: 'idle', status: CANCELLED_STATUS});
    expect(CANCELLED_STATUS).toBe('Check cancelled: nothing was judged.');
  });

  it('only the running check reports: a late or second report changes nothing', () => {
    const done = after({type: 'start'}, {type: 'done', outcome: OUTCOME});
    for (const late of [
      {type: 'progress', message: 'Reading…'},
      {type: 'failed', error: 'late'},
      {type: 'cancelled'},
      {type: 'leaving', message: 'Opening…'},
      {type: 'done', outcome: {...OUTCOME, subject: 'other'}},
    ] as CheckRunAction[]) {
      expect(checkRunReducer(done, late)).toBe(done);
    }
    expect(checkRunReducer(INITIAL_RUN_STATE, {type: 'done', outcome: OUTCOME})).toBe(INITIAL_RUN_STATE);
  });

  it('nothing starts while a check runs or the page is leaving for sign-in', () => {
    const running = after({type: 'start'}, {type: 'progress', message: 'Reading…'});
    expect(checkRunReducer(running, {type: 'start'})).toBe(running);
    const leaving = after({type: 'start'}, {type: 'leaving', message: 'Opening the Microsoft sign-in page…'});
    expect(leaving).toEqual({phase: 'leaving', status: 'Opening the Microsoft sign-in page…'});
    expect(checkRunReducer(leaving, {type: 'start'})).toBe(leaving);
    expect(checkRunReducer(leaving, {type: 'reset', status: 'Signed out.'})).toBe(leaving);
    expect([running, leaving].map(isBusy)).toEqual([true, true]);
    expect([INITIAL_RUN_STATE, after({type: 'start'}, {type: 'done', outcome: OUTCOME})].map(isBusy)).toEqual([false, false]);
  });

  it('announces notices in any phase, keeping the outcome (copied) or the alert', () => {
    const done = after({type: 'start'}, {type: 'done', outcome: OUTCOME}, {type: 'announce', message: 'Report copied to the clipboard.'});
    expect(done).toEqual({phase: 'done', status: 'Report copied to the clipboard.', outcome: OUTCOME});
    const failed = after({type: 'start'}, {type: 'failed', error: 'x'}, {type: 'announce', message: 'Loaded app.json.'});
    expect(failed).toEqual({phase: 'failed', status: 'Loaded app.json.', error: 'x'});
  });

  it('a newer message dismisses the alert; sign-out forgets the outcome', () => {
    expect(after({type: 'start'}, {type: 'failed', error: 'x'}, {type: 'dismiss'})).toEqual({phase: 'idle', status: ''});
    const done = after({type: 'start'}, {type: 'done', outcome: OUTCOME});
    expect(checkRunReducer(done, {type: 'dismiss'})).toBe(done);
    expect(checkRunReducer(done, {type: 'reset', status: 'Signed out.'})).toEqual({phase: 'idle', status: 'Signed out.'});
  });
});
