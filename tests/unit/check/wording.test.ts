import {describe, expect, it} from 'vitest';
import {describeUnread, verdictSentence} from '../../../src/check/wording';
import type {CheckResult, Finding} from '../../../src/permissions/types';

function result(partial: Partial<CheckResult>): CheckResult {
  return {verdict: 'pass', findings: [], actions: [], grantsChecked: true, settingsChecked: true, unread: [], correctedRequiredResourceAccess: [], ...partial};
}

const error = {kind: 'setting', setting: 'credentials', status: 'missing', severity: 'error', message: 'x'} as Finding;
const warning = {kind: 'setting', setting: 'signInAudience', status: 'mismatch', severity: 'warning', message: 'y'} as Finding;

describe('verdict sentence', () => {
  it('starts with the verdict and says why in one sentence', () => {
    expect(verdictSentence(result({}))).toBe('Pass: the app registration matches the guide.');
    expect(verdictSentence(result({findings: [warning]}))).toBe('Pass: the app registration matches the guide, with 1 warning to review.');
    const action = {kind: 'consent' as const, title: 'Grant admin consent', fixes: [], fix: {summary: '', azureCli: [], powershell: []}};
    expect(verdictSentence(result({verdict: 'fail', findings: [error, error, warning], actions: [action]}))).toBe('Fail: 2 problems, 1 action to fix them.');
    expect(verdictSentence(result({verdict: 'fail', findings: [error], actions: [action]}))).toBe('Fail: 1 problem, 1 action to fix it.');
    expect(
      verdictSentence(result({verdict: 'incomplete', unread: [{part: 'oauth2PermissionGrants', reason: 'forbidden', status: 403}, {part: 'appRoleAssignments', reason: 'forbidden', status: 403}]})),
    ).toBe('Incomplete: admin consent could not be read (403).');
  });

  it('says admin consent was not checked when only a manifest was read', () => {
    expect(verdictSentence(result({grantsChecked: false}))).toBe(
      'Pass: the app registration matches the guide. Admin consent was not checked: a manifest does not show it.',
    );
  });

  it('names every part that could not be read', () => {
    expect(describeUnread([{part: 'application', reason: 'x', status: 503}, {part: 'resource', reason: 'y'}])).toBe(
      'the app registration (503) and the permission names of an API could not be read',
    );
    expect(describeUnread([])).toBe('part of the app registration could not be read');
  });
});
