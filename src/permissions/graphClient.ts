/**
 * The Microsoft Graph client the engine reads a tenant with: @microsoft/microsoft-graph-client 3
 * with its own middleware chain, given a token function (the engine never sees MSAL).
 *
 *   AuthenticationHandler  -> adds `Authorization: Bearer …`, only for https Graph hosts
 *   RetryHandler           -> retries 429/503/504, honouring Retry-After, bounded (see RetryPolicy)
 *   TelemetryHandler       -> client-request-id, so a failed call can be traced by Microsoft support
 *   last handler           -> `fetchFn` when given (the sample tenant's Graph stand-in in the page,
 *                             tests), else the library's HTTPMessageHandler (global fetch)
 *
 * Graph stays on `https://{graphHost}` URLs in every mode: the stand-in answers those same URLs.
 */
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import {cloudByName} from './clouds';
import type {CloudName} from './types';

/** Same shape as the global `fetch`; the stand-in's `fetch` and test doubles fit it. */
export type FetchFunction = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Returns an access token for Microsoft Graph (MSAL in the browser, anything in tests). */
export type GetToken = () => Promise<string>;

export interface GraphClientOptions {
  cloud: CloudName;
  getToken: GetToken;
  /** Replaces the network for the last step of the middleware chain (sample mode, tests). */
  fetchFn?: FetchFunction;
  /** Default retry bounds for requests that do not bring their own (the reader does). */
  retry?: Partial<RetryPolicy>;
}

/**
 * How hard to try when Graph throttles (429) or is briefly unavailable (503/504).
 * A wait Graph asks for (Retry-After) longer than `maxWaitSeconds`, or one that would take the
 * total past `maxTotalWaitSeconds`, is not waited for: the read gives up on that part instead.
 */
export interface RetryPolicy {
  /** Retries per request (and per batch sub-request), at most 10. */
  maxRetries: number;
  /** Longest single wait, in seconds. */
  maxWaitSeconds: number;
  /** Longest total wait of one tenant read, in seconds. */
  maxTotalWaitSeconds: number;
  /** Wait when Graph does not say (no Retry-After), in seconds; doubled per attempt. */
  defaultWaitSeconds: number;
}

export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = {
  maxRetries: 3,
  maxWaitSeconds: 10,
  maxTotalWaitSeconds: 30,
  defaultWaitSeconds: 1,
};

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/**
 * The wait Graph asks for, in seconds: `Retry-After` as seconds or as an HTTP date; the
 * policy's default (doubled per earlier attempt) when absent or unreadable.
 */
export function retryAfterSeconds(
  retryAfter: string | null | undefined,
  attempt: number,
  policy: RetryPolicy,
  now: number = Date.now(),
): number {
  if (retryAfter != null && retryAfter.trim() !== '') {
    const text = retryAfter.trim();
    const seconds = Number(text);
    if (Number.isFinite(seconds)) return Math.max(0, seconds);
    const date = Date.parse(text);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  return policy.defaultWaitSeconds * 2 ** Math.max(0, attempt - 1);
}

/** Tracks the waiting done in one tenant read against the policy's bounds. */
export class RetryBudget {
  readonly policy: RetryPolicy;
  private waitedSeconds = 0;
  retries = 0;

  constructor(policy: Partial<RetryPolicy> = {}) {
    const given = Object.fromEntries(Object.entries(policy).filter(([, v]) => typeof v === 'number' && v >= 0));
    this.policy = {...DEFAULT_RETRY_POLICY, ...given};
    this.policy.maxRetries = Math.min(10, Math.max(0, Math.floor(this.policy.maxRetries)));
  }

  get totalWaitSeconds(): number {
    return this.waitedSeconds;
  }

  /**
   * Whether a retry after `waitSeconds` fits: attempt count, single wait and total wait.
   * Reserves the wait when it does.
   */
  take(attempt: number, waitSeconds: number): boolean {
    if (attempt > this.policy.maxRetries) return false;
    if (waitSeconds > this.policy.maxWaitSeconds) return false;
    if (this.waitedSeconds + waitSeconds > this.policy.maxTotalWaitSeconds) return false;
    this.waitedSeconds += waitSeconds;
    this.retries += 1;
    return true;
  }
}

/**
 * Options for the library's RetryHandler that keep it inside a budget. `onRetry` hears of each
 * retry the handler is about to make (the reader counts them as round trips).
 * The handler sleeps for the Retry-After it reads itself; `take` only decides whether to.
 */
export function boundedRetryOptions(budget: RetryBudget, onRetry?: () => void): RetryHandlerOptions {
  const {policy} = budget;
  return new RetryHandlerOptions(
    Math.min(policy.defaultWaitSeconds, 180),
    policy.maxRetries,
    (_delay, attempt, _request, _options, response) => {
      const wait = retryAfterSeconds(response.headers?.get('Retry-After'), attempt + 1, policy);
      if (!budget.take(attempt + 1, wait)) return false;
      onRetry?.();
      return true;
    },
  );
}

function singleWaitRetryOptions(policy: RetryPolicy): RetryHandlerOptions {
  return new RetryHandlerOptions(
    Math.min(policy.defaultWaitSeconds, 180),
    Math.min(10, Math.max(0, Math.floor(policy.maxRetries))),
    (_delay, attempt, _request, _options, response) =>
      retryAfterSeconds(response.headers?.get('Retry-After'), attempt + 1, policy) <= policy.maxWaitSeconds,
  );
}

/** The last middleware when a fetch function replaces the network. */
class FetchFunctionHandler implements Middleware {
  constructor(private readonly fetchFn: FetchFunction) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchFn(context.request, context.options);
  }
}

/** Base URL of Microsoft Graph in a national cloud, always https. */
export function graphBaseUrl(cloud: CloudName): string {
  return `https://${cloudByName(cloud).graphHost}`;
}

export function createGraphClient({cloud, getToken, fetchFn, retry}: GraphClientOptions): Client {
  const authProvider: AuthenticationProvider = {getAccessToken: () => getToken()};
  const chain: Middleware[] = [
    new AuthenticationHandler(authProvider),
    // Default bounds for requests that bring no RetryHandlerOptions of their own (the reader's
    // do, with one budget per read): attempts and single wait; no total, as a client lives long.
    new RetryHandler(singleWaitRetryOptions({...DEFAULT_RETRY_POLICY, ...retry})),
    new TelemetryHandler(),
    fetchFn ? new FetchFunctionHandler(fetchFn) : new HTTPMessageHandler(),
  ];
  return Client.initWithMiddleware({
    baseUrl: graphBaseUrl(cloud),
    defaultVersion: 'v1.0',
    middleware: chain,
  });
}
