/**
 * A GraphTransport over a fetch function, without the Graph client library: the sample tenant's
 * transport (its Graph stand-in's `fetch`), so a sample check runs the same reader code as a
 * live check but downloads no Graph client. Requests go to the same https Graph URLs; 429, 503
 * and 504 are retried within the read's RetryBudget, honouring Retry-After.
 */
import type {FetchFunction, GetToken, GraphSendOptions, GraphTransport} from './graphTransport';
import {abortableWait, graphBaseUrl, tokenFrom} from './graphTransport';
import {RETRYABLE_STATUSES, retryAfterSeconds} from './retryPolicy';
import type {CloudName} from './types';

export interface FetchTransportOptions {
  cloud: CloudName;
  fetchFn: FetchFunction;
  /** Adds `Authorization: Bearer …` to requests to the cloud's Graph host; none when absent. */
  getToken?: GetToken;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function fetchTransport({cloud, fetchFn, getToken}: FetchTransportOptions): GraphTransport {
  const base = graphBaseUrl(cloud);
  const graphHost = new URL(base).host;

  async function request(url: string, body: unknown, signal?: AbortSignal): Promise<Request> {
    const target = new URL(/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${base}/v1.0${url}`);
    if (target.protocol !== 'https:') throw new Error(`refused to send to ${target.protocol}// (Microsoft Graph is https only)`);
    const headers = new Headers({Accept: 'application/json'});
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    // The token goes to the cloud's Graph host only, never to a host a link points to.
    if (getToken && target.host === graphHost) headers.set('Authorization', `Bearer ${await tokenFrom(getToken)}`);
    return new Request(target, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  }

  return {
    async send(url: string, {body, budget, onRetry, sleep = sleepFor, signal}: GraphSendOptions): Promise<Response> {
      for (let attempt = 1; ; attempt++) {
        signal?.throwIfAborted();
        const response = await fetchFn(await request(url, body, signal));
        if (!RETRYABLE_STATUSES.has(response.status)) return response;
        const wait = retryAfterSeconds(response.headers.get('Retry-After'), attempt, budget.policy);
        if (!budget.take(attempt, wait)) return response;
        onRetry();
        await response.body?.cancel().catch(() => undefined);
        if (wait > 0) await abortableWait(sleep, wait * 1000, signal);
      }
    },
  };
}
