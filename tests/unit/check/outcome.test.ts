import {describe, expect, it} from 'vitest';
import {CheckCancelled, CheckProblem, describeUnexpected, failureMessage, isCancellation, withoutTokens} from '../../../src/check/outcome';
import {TenantReadError} from '../../../src/permissions/tenantReadError';

const JWT = 'eyJ0eXAiOiJKV1QifQ.eyJzY3AiOiJVc2VyLlJlYWQifQ.signature-part';

describe('the words a failed run shows', () => {
  it('shows a problem and a tenant read error as they are', () => {
    expect(failureMessage(new CheckProblem('Enter the application (client) ID.'))).toBe('Enter the application (client) ID.');
    expect(failureMessage(new TenantReadError('forbidden', 'Reading the app registration was refused (403).'))).toBe(
      'Reading the app registration was refused (403).',
    );
  });

  it('says an unexpected error is one, with its message, never a token in it', () => {
    const message = failureMessage(new Error(`fetch failed: Authorization: Bearer ${JWT} access_token=abc123`));
    expect(message).toMatch(/^The check stopped because of an unexpected error \(fetch failed: /);
    expect(message).toMatch(/Try again; if it keeps happening, reload the page\.$/);
    expect(message).not.toContain(JWT);
    expect(message).not.toContain('abc123');
    expect(describeUnexpected('not an Error')).toBe(
      'The check stopped because of an unexpected error. Try again; if it keeps happening, reload the page.',
    );
  });

  it('masks JWTs, bearer tokens and token parameters', () => {
    expect(withoutTokens(`token ${JWT} end`)).toBe('token [hidden] end');
    expect(withoutTokens('Bearer abc.def')).toBe('Bearer [hidden]');
    expect(withoutTokens('refresh_token=xyz&next=1')).toBe('refresh_token=[hidden]&next=1');
  });

  it('knows a cancel, however it reached the code that stopped', () => {
    expect(isCancellation(new CheckCancelled())).toBe(true);
    expect(isCancellation(new TenantReadError('cancelled', 'x'))).toBe(true);
    expect(isCancellation(new TenantReadError('network', 'x'))).toBe(false);
    expect(isCancellation(new Error('x'))).toBe(false);
  });
});
