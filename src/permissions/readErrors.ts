/**
 * What a tenant read says when Graph does not answer as hoped: the errors that end a read
 * (TenantReadError, with what caused them kept as `cause`) and the reasons of the parts it could
 * not read. Words for the customer's admin; shared by the read session and the reader.
 */
import {graphErrorSchema} from './graphSchemas';
import {NO_ANSWER_CODE} from './graphTransport';
import {RETRYABLE_STATUSES} from './retryPolicy';
import {TenantReadError} from './tenantReadError';
import type {UnreadPart} from './types';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** `503 Service Unavailable`; the bare number for a status without a usual text. */
export const statusText = (status: number) => `${status}${STATUS_TEXT[status] ? ` ${STATUS_TEXT[status]}` : ''}`;

/** Graph's own `code: message` from an error body; null when the body is not Graph's error. */
export function graphErrorMessage(body: unknown): string | null {
  const parsed = graphErrorSchema.safeParse(body);
  if (!parsed.success) return null;
  const {code, message} = parsed.data.error;
  return [code, message].filter(Boolean).join(': ') || null;
}

/** Graph answered 401, to a whole request or to one in a batch: the read ends there. */
export function unauthorizedError(): TenantReadError {
  return new TenantReadError(
    'unauthorized',
    'Microsoft Graph did not accept the sign-in (401 Unauthorized): the session may have expired. Sign in again; ' +
      'if it keeps happening, make sure you signed in to the same cloud and tenant as the app registration.',
    {status: 401},
  );
}

export function cancelledError(cause?: unknown): TenantReadError {
  return new TenantReadError(
    'cancelled',
    'The check was cancelled before it finished: nothing was judged. Run it again when you are ready.',
    {cause},
  );
}

const reasonOf = (error: unknown) => (error instanceof Error && error.message ? error.message : String(error));

/** No answer came: fetch, the Graph client or the network failed. */
export function networkError(graphHost: string, cause: unknown): TenantReadError {
  return new TenantReadError(
    'network',
    `Could not reach Microsoft Graph at https://${graphHost} (${reasonOf(cause)}). Check the network connection, ` +
      'and that a firewall or browser extension does not block it.',
    {cause},
  );
}

/**
 * What a read rejects with, whatever was thrown: a TenantReadError as it is; anything after the
 * read was cancelled, 'cancelled'; anything else (a failing callback, a bug) 'unexpected', with
 * what was thrown as the cause. The caller never has to handle an error of another class.
 */
export function asTenantReadError(error: unknown, signal?: AbortSignal): TenantReadError {
  if (error instanceof TenantReadError) return error;
  if (signal?.aborted) return cancelledError(error);
  return new TenantReadError(
    'unexpected',
    `The check stopped on an unexpected error (${reasonOf(error).split('\n')[0]!.slice(0, 200)}): nothing was judged. ` +
      'Try again; if it happens again, report it with this message.',
    {cause: error},
  );
}

/** A whole $batch request that failed (not 401, which ends the read earlier), as the error an admin can act on. */
export function batchFailure(status: number, body: unknown): TenantReadError {
  const detail = graphErrorMessage(body);
  const said = detail ? ` Microsoft Graph said: ${detail}` : '';
  if (status === 403) {
    return new TenantReadError(
      'forbidden',
      `Microsoft Graph refused to read the app registration (403 Forbidden): the signed-in account needs ` +
        `Application.Read.All and Directory.Read.All consented, or a role such as Global Reader.${said}`,
      {status},
    );
  }
  if (RETRYABLE_STATUSES.has(status)) {
    return new TenantReadError(
      'throttled',
      `Microsoft Graph is busy (${statusText(status)}) and kept asking to wait longer than this check waits. Try again in a few minutes.${said}`,
      {status},
    );
  }
  return new TenantReadError('graph-error', `Microsoft Graph could not answer the read (${statusText(status)}).${said}`, {status});
}

/** Why part of a read is missing, as a sentence fragment, and the status Graph answered. */
export interface Failure {
  reason: string;
  status?: number;
}

/** What a batch sub-request answered in the end. */
export interface SubAnswer {
  status: number;
  body: unknown;
  /** Why it failed when it kept failing (throttled past the budget, left out of the answer). */
  gaveUp?: string;
}

/** Why the transport had no answer (NO_ANSWER_CODE), in its words; null for Graph's own answers. */
export function noAnswerReason(body: unknown): string | null {
  const parsed = graphErrorSchema.safeParse(body);
  return parsed.success && parsed.data.error.code === NO_ANSWER_CODE ? (parsed.data.error.message ?? 'there is no answer for it') : null;
}

/** What a failed answer says, as the end of a sentence: "answered 403 Forbidden (code: message)". */
export function answeredText(status: number, body: unknown): string {
  const detail = graphErrorMessage(body);
  return `answered ${statusText(status)}${detail ? ` (${detail})` : ''}`;
}

/** Why a sub-request's answer is not usable; null when it is (2xx). */
export function failureReason(result: SubAnswer | undefined): Failure | null {
  if (!result) return {reason: 'it was not read'};
  if (result.gaveUp) return {reason: `${result.gaveUp}; try again in a few minutes`, status: result.status || undefined};
  if (result.status >= 200 && result.status < 300) return null;
  const noAnswer = noAnswerReason(result.body);
  if (noAnswer) return {reason: noAnswer};
  return {reason: `Microsoft Graph ${answeredText(result.status, result.body)}`, status: result.status};
}

const PART_DESCRIPTION: Record<UnreadPart['part'], string> = {
  application: 'the app registration',
  servicePrincipal: "the app's service principal (enterprise application)",
  appRoleAssignments: 'the application permissions granted to the app (appRoleAssignments)',
  oauth2PermissionGrants: 'the delegated permissions granted to the app (oauth2PermissionGrants)',
  resource: 'an API the app is granted permissions on',
};

/** A part of the state that could not be read: the verdict becomes incomplete. */
export function unread(part: UnreadPart['part'], {reason, status}: Failure): UnreadPart {
  const entry: UnreadPart = {part, reason: `Could not read ${PART_DESCRIPTION[part]}: ${reason}.`};
  if (status !== undefined) entry.status = status;
  return entry;
}
