/**
 * What a failed live read means for the sign-in, decided on the error alone. The live transport
 * asks for the token itself, so the reader reports a failing token function as
 * TenantReadError 'sign-in' with what it threw as `cause`, and Graph refusing the token as
 * 'unauthorized'; the page needs no flags set inside the token function. Pure.
 */
import {RedirectingForSignIn} from '../auth/redirectingForSignIn';
import {TenantReadError} from '../permissions/tenantReadError';

export type LiveReadFailure =
  /** The token function started a redirect sign-in: the page is leaving, the check resumes on return. */
  | {kind: 'leaving'}
  /** The token function failed (MSAL refused, the popup was closed): the sign-in error, in words. */
  | {kind: 'sign-in'; cause: unknown}
  /** Graph answered 401 to the token: the session is no good, and only a fresh sign-in helps. */
  | {kind: 'refused'}
  /** Anything else: not a matter of the sign-in. */
  | {kind: 'other'};

export function liveReadFailure(error: unknown): LiveReadFailure {
  if (!(error instanceof TenantReadError)) return {kind: 'other'};
  if (error.code === 'sign-in') return error.cause instanceof RedirectingForSignIn ? {kind: 'leaving'} : {kind: 'sign-in', cause: error.cause};
  if (error.code === 'unauthorized') return {kind: 'refused'};
  return {kind: 'other'};
}

/**
 * The alert after a 401: the page has dropped the session (re-sending the same token would only
 * be refused again), so the next check signs in afresh.
 */
export const SIGN_IN_REFUSED =
  'Microsoft Graph did not accept your sign-in (401 Unauthorized): it may have expired or been revoked. ' +
  'This page signed you out; select “Sign in and check” to sign in again. If it keeps happening, make sure you ' +
  'sign in to the same cloud and tenant as the app registration.';
