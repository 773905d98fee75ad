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
  AuthenticationHandlerOptions,
  Client,
  HTTPMessageHandler,
  RetryHandler,
  ResponseType,
  RetryHandlerOptions,
  TelemetryHandler,
  type AuthenticationProvider,
  type Context,
  type Middleware,
  type MiddlewareOptions,
} from '@microsoft/microsoft-graph-client';
import {graphBaseUrl, tokenFrom, type FetchFunction, type GetToken, type GraphTransport} from './graphTransport';
import {DEFAULT_RETRY_POLICY, RetryBudget, retryAfterSeconds, type RetryPolicy} from './retryPolicy';
import type {CloudName} from './types';

export interface GraphClientOptions {
  cloud: CloudName;
  getToken: GetToken;
  /** Replaces the network for the last step of the middleware chain (sample mode, tests). */
  fetchFn?: FetchFunction;
  /** Default retry bounds for requests that do not bring their own (the reader does). */
  retry?: Partial<RetryPolicy>;
}

/**
 * Options for the library's RetryHandler that keep it inside a budget. `onRetry` hears of each
 * retry the handler is about to make (the reader counts them as round trips).
 * The handler sleeps for the Retry-After it reads itself; `take` only decides whether to.
 */
function boundedRetryOptions(budget: RetryBudget, onRetry?: () => void): RetryHandlerOptions {
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

/**
 * The reader's transport for a Graph client: each request goes through the client's middleware
 * (token, RetryHandler kept inside the read's budget, telemetry) and comes back raw. The
 * RetryHandler sleeps for the Retry-After itself, so `sleep` is not used here.
 *
 * With `getToken`, the transport asks for the token itself before each request and hands it to
 * the AuthenticationHandler for that request: a token function that fails (a redirect to the
 * sign-in page under way, an interaction MSAL needs) then reaches the reader as TenantReadError
 * 'sign-in' with what it threw as the cause. Inside the client, the library would turn it into a
 * GraphError and the page could no longer tell a redirect from a network failure.
 */
export function graphClientTransport(client: Client, {getToken}: {getToken?: GetToken} = {}): GraphTransport {
  return {
    async send(url, {body, budget, onRetry, signal}) {
      signal?.throwIfAborted();
      const options: MiddlewareOptions[] = [boundedRetryOptions(budget, onRetry)];
      if (getToken) {
        const token = await tokenFrom(getToken);
        signal?.throwIfAborted();
        options.push(new AuthenticationHandlerOptions({getAccessToken: () => Promise.resolve(token)}));
      }
      const request = client.api(url).responseType(ResponseType.RAW).middlewareOptions(options);
      // fetch's own option: an abort cancels the request in flight (the RetryHandler's waits are
      // bounded by the budget, and the request after one rejects at once).
      if (signal) request.option('signal', signal);
      return body === undefined ? request.get() : request.post(body);
    },
  };
}

/** A live check's transport: a Graph client for the cloud, its token asked for per request. */
export function createGraphTransport(options: GraphClientOptions): GraphTransport {
  return graphClientTransport(createGraphClient(options), {getToken: options.getToken});
}
