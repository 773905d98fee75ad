/**
 * What the tenant reader needs from Microsoft Graph: send one request (GET, or POST of a JSON
 * body such as a `$batch`) and get the raw HTTP response, retried within the read's budget
 * when Graph throttles. Two implementations:
 *
 *   graphClientTransport (graphClient.ts)  live checks: @microsoft/microsoft-graph-client with its
 *                                          middleware (auth, RetryHandler, telemetry)
 *   fetchTransport (fetchTransport.ts)     the sample tenant: a fetch function, no Graph client
 *                                          library, so a sample check downloads none of it
 *
 * Plain types and one helper: nothing here loads the Graph client library.
 */
import {cloudByName} from './clouds';
import type {RetryBudget} from './retryPolicy';
import {TenantReadError} from './tenantReadError';
import type {CloudName} from './types';

/** Same shape as the global `fetch`; the stand-in's `fetch` and test doubles fit it. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Returns an access token for Microsoft Graph (MSAL in the browser, anything in tests). */
export type GetToken = () => Promise<string>;

/**
 * Asks the token function for a token. One that fails (a redirect to the sign-in page under way,
 * an interaction MSAL needs) is TenantReadError 'sign-in' with what it threw as the cause, in
 * every transport: the page can tell it from a network failure without watching the function.
 */
export async function tokenFrom(getToken: GetToken): Promise<string> {
  try {
    return await getToken();
  } catch (cause) {
    const detail = cause instanceof Error && cause.message ? ` (${cause.message.split('\n')[0]!.slice(0, 200)})` : '';
    throw new TenantReadError('sign-in', `Could not get a sign-in token for Microsoft Graph${detail}. Sign in again.`, {cause});
  }
}

export interface GraphSendOptions {
  /** A JSON body makes the request a POST; none makes it a GET. */
  body?: unknown;
  /** The read's budget: a retry is made only when `budget.take` allows it. */
  budget: RetryBudget;
  /** Called before each retry (the reader counts retries as round trips). */
  onRetry: () => void;
  /** How to wait before a retry, for transports that wait themselves; default setTimeout. */
  sleep?: (ms: number) => Promise<void>;
  /** Aborts the request (a cancelled check): the send rejects. */
  signal?: AbortSignal;
}

/** Waits `ms` with `sleep`, or rejects as soon as `signal` aborts. */
export function abortableWait(sleep: (ms: number) => Promise<void>, ms: number, signal?: AbortSignal): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, {once: true});
    sleep(ms).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * The error code of an answer a transport does not have (pasted output without that part): it
 * answers 424 with `{error: {code: NO_ANSWER_CODE, message}}`, and the reader records the part
 * as unread with that message, never as something Microsoft Graph said.
 */
export const NO_ANSWER_CODE = 'noAnswerInThisSource';

export interface GraphTransport {
  /**
   * Sends one request. `url` is relative to the versioned Graph base (`/$batch`,
   * `/applications(appId='…')`) or an absolute https URL (an `@odata.nextLink`). Resolves with
   * the final response whatever its status (after any retries); rejects only when no response
   * came (network).
   */
  send(url: string, options: GraphSendOptions): Promise<Response>;
}

/** Base URL of Microsoft Graph in a national cloud, always https. */
export function graphBaseUrl(cloud: CloudName): string {
  return `https://${cloudByName(cloud).graphHost}`;
}
