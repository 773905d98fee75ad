/**
 * What a failed live read means for the sign-in, decided on the error alone. The live transport
 * asks for the token itself, so the reader reports a failing token function as
 * TenantReadError 'sign-in' with what it threw as `cause`; the page needs no flags set inside
 * the token function. Pure.
 */
import {RedirectingForSignIn} from '../auth/redirectingForSignIn';
import {TenantReadError} from '../permissions/tenantReadError';

export type LiveReadFailure =
  /** The token function started a redirect sign-in: the page is leaving, the check resumes on return. */
  | {kind: 'leaving'}
  /** The token function failed (MSAL refused, the popup was closed): the sign-in error, in words. */
  | {kind: 'sign-in'; cause: unknown}
  /** Anything else: not a matter of the sign-in. */
  | {kind: 'other'};

export function liveReadFailure(error: unknown): LiveReadFailure {
  if (!(error instanceof TenantReadError)) return {kind: 'other'};
  if (error.code === 'sign-in') return error.cause instanceof RedirectingForSignIn ? {kind: 'leaving'} : {kind: 'sign-in', cause: error.cause};
  return {kind: 'other'};
}

