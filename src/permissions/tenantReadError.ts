/**
 * The one error a tenant read rejects with. Its `code` is what the caller switches on; an error
 * that came from somewhere else (the token function, fetch, the Graph client) keeps its
 * identity as `cause`, so the page can tell a redirect to the sign-in page from an expired
 * sign-in from a network failure without watching the token function itself.
 */
export type TenantReadErrorCode =
  | 'invalid-app-id'
  | 'app-not-found'
  /** Graph answered 401: the token was refused (expired, revoked, wrong audience). Sign in afresh. */
  | 'unauthorized'
  /**
   * The token function failed: `cause` is what it threw (a redirect to the sign-in page under
   * way, an interaction MSAL needs, a refused sign-in). No request was sent with it.
   */
  | 'sign-in'
  | 'forbidden'
  | 'throttled'
  | 'malformed'
  | 'network'
  | 'graph-error'
  | 'cancelled'
  /** Something other than Graph failed (a progress callback, a bug): `cause` is what was thrown. */
  | 'unexpected';

export interface TenantReadErrorOptions {
  /** The HTTP status Graph answered with, when there was one. */
  status?: number;
  /** The error this one stands for (kept as is: its class, its fields). */
  cause?: unknown;
}

/** A read that cannot give any useful result; the message is for the customer's admin. */
export class TenantReadError extends Error {
  readonly code: TenantReadErrorCode;
  readonly status?: number;

  constructor(code: TenantReadErrorCode, message: string, options: TenantReadErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause});
    this.name = 'TenantReadError';
    this.code = code;
    this.status = options.status;
  }
}
