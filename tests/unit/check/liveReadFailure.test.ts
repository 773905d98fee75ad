import {describe, expect, it} from 'vitest';
import {RedirectingForSignIn} from '../../../src/auth/redirectingForSignIn';
import {liveReadFailure, SIGN_IN_REFUSED} from '../../../src/check/liveReadFailure';
import {TenantReadError} from '../../../src/permissions/tenantReadError';

describe('what a failed live read means for the sign-in (decided on the error alone)', () => {
  it('a redirect sign-in under way: the page is leaving', () => {
    expect(liveReadFailure(new TenantReadError('sign-in', 'x', {cause: new RedirectingForSignIn()}))).toEqual({kind: 'leaving'});
  });

  it('a token function that failed: the sign-in error, with what it threw', () => {
    const msalError = Object.assign(new Error('AADSTS50020: user not in tenant'), {errorCode: 'invalid_grant'});
    expect(liveReadFailure(new TenantReadError('sign-in', 'x', {cause: msalError}))).toEqual({kind: 'sign-in', cause: msalError});
  });

  it('a 401 from Graph: the token was refused, and only a fresh sign-in helps', () => {
    expect(liveReadFailure(new TenantReadError('unauthorized', 'x', {status: 401}))).toEqual({kind: 'refused'});
    expect(SIGN_IN_REFUSED).toMatch(/^Microsoft Graph did not accept your sign-in \(401 Unauthorized\).*select “Sign in and check” to sign in again/);
  });

  it.each([
    new TenantReadError('forbidden', 'x', {status: 403}),
    new TenantReadError('app-not-found', 'x'),
    new TenantReadError('cancelled', 'x'),
    new RedirectingForSignIn(), // only as the cause of a 'sign-in' read error
    new Error('network'),
    'a string',
  ])('anything else is no matter of the sign-in (%s)', (error) => {
    expect(liveReadFailure(error)).toEqual({kind: 'other'});
  });
});
