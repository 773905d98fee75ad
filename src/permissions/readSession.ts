/**
 * One tenant read's traffic with Microsoft Graph, whatever it reads: requests sent through the
 * GraphTransport, `$batch` round trips whose throttled sub-requests are re-batched, collections
 * followed page by page, and what all of it cost. The reader (tenantReader.ts) decides what to
 * read and what the answers mean; this module knows only how to get them.
 *
 * Throttling: the transport retries whole requests (429/503/504, Retry-After); sub-requests of
 * a batch that answer 429/503/504 are re-batched, alone, after the longest Retry-After among
 * them. Both share one RetryBudget per read (attempts, single and total wait).
 *
 * Errors: a 401 anywhere (a whole request, a sub-request, a page) ends the read as
 * 'unauthorized'; a TenantReadError from the transport ('sign-in') passes through as it is; any
 * other failure to get an answer is 'network' with what was thrown as its cause.
 *
 * `roundTrips`: the number of sequential Graph round trips on the read's critical path (a batch,
 * a retry wave, a page of a collection each count one; requests in parallel count once).
 */
import {batchResponseSchema, firstIssue, type PageSchema} from './graphSchemas';
import {abortableWait, type GraphTransport} from './graphTransport';
import {batchBodies, type BatchItem} from './readPlan';
import {
  answeredText,
  batchFailure,
  cancelledError,
  networkError,
  noAnswerReason,
  statusText,
  unauthorizedError,
  type Failure,
  type SubAnswer,
} from './readErrors';
import {RETRYABLE_STATUSES, RetryBudget, retryAfterSeconds, type RetryPolicy} from './retryPolicy';
import {TenantReadError} from './tenantReadError';

export interface ReadProgress {
  step: 'reading' | 'retrying' | 'paging' | 'resolving' | 'done';
  message: string;
  /** Sequential round trips so far (see the module comment). */
  roundTrips: number;
  /** HTTP requests sent so far. */
  requests: number;
}

export interface ReadRetryOptions extends Partial<RetryPolicy> {
  /** How to wait before re-batching failed sub-requests; default setTimeout (tests record the waits). */
  sleep?: (ms: number) => Promise<void>;
}

export interface TenantReadStats {
  /** HTTP requests sent, retries included. */
  requests: number;
  /** $batch requests among them. */
  batches: number;
  /** Next-page requests among them. */
  pages: number;
  /** Retries (whole requests and re-batched sub-requests). */
  retries: number;
  /** Seconds waited because Graph asked to. */
  waitedSeconds: number;
}

/** Pages of one collection a read follows at most (999 grants a page: far more than any app holds). */
const DEFAULT_MAX_PAGES = 50;

/** The final answer to one sub-request of a batch. */
export interface SubResult extends SubAnswer {
  headers: Record<string, string>;
  /** Round trip (1-based, on the critical path) that produced it. */
  depth: number;
}

const PROXY_HINT = 'A proxy or network filter may have changed it; try again, or from another network.';

export interface ReadSessionOptions {
  transport: GraphTransport;
  /** The cloud's Graph host, lower-case: the only host a next-page link may point to. */
  graphHost: string;
  retry?: ReadRetryOptions;
  onProgress?: (progress: ReadProgress) => void;
  signal?: AbortSignal;
  /** Most pages read of one collection; past it the collection is an unread part. */
  maxPages?: number;
}

export class ReadSession {
  readonly budget: RetryBudget;
  readonly stats: TenantReadStats = {requests: 0, batches: 0, pages: 0, retries: 0, waitedSeconds: 0};
  private maxDepth = 0;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly transport: GraphTransport;
  private readonly graphHost: string;
  private readonly onProgress?: (progress: ReadProgress) => void;
  private readonly signal?: AbortSignal;
  private readonly maxPages: number;

  constructor(options: ReadSessionOptions) {
    this.transport = options.transport;
    this.graphHost = options.graphHost;
    this.onProgress = options.onProgress;
    this.signal = options.signal;
    this.maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    const {sleep, ...policy} = options.retry ?? {};
    this.budget = new RetryBudget(policy);
    const wait = sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    this.sleep = (ms) =>
      abortableWait(wait, ms, this.signal).catch((error: unknown) => {
        this.checkCancelled(error);
        throw error;
      });
  }

  /** Throws 'cancelled' (with `cause`, what the cancelled step threw) when the read was cancelled. */
  checkCancelled(cause?: unknown): void {
    if (this.signal?.aborted) throw cancelledError(cause);
  }

  get roundTrips(): number {
    return this.maxDepth;
  }

  progress(step: ReadProgress['step'], message: string): void {
    this.onProgress?.({step, message, roundTrips: this.maxDepth, requests: this.stats.requests});
  }

  /** One HTTP request through the transport, which retries it within the budget. */
  private async send(url: string, parentDepth: number, body?: unknown): Promise<{response: Response; depth: number}> {
    let retries = 0;
    const onRetry = () => {
      retries += 1;
      this.stats.retries += 1;
      this.progress('retrying', 'Microsoft Graph asked to wait; retrying.');
    };
    this.checkCancelled();
    let response: Response;
    try {
      response = await this.transport.send(url, {body, budget: this.budget, onRetry, sleep: this.sleep, signal: this.signal});
    } catch (error) {
      this.stats.requests += retries + 1;
      this.checkCancelled(error);
      if (error instanceof TenantReadError) throw error;
      throw networkError(this.graphHost, error);
    }
    this.stats.requests += retries + 1;
    // A transport may answer after the abort (a fetch function that ignores the signal).
    this.checkCancelled();
    this.stats.waitedSeconds = this.budget.totalWaitSeconds;
    if (response.status === 401) throw unauthorizedError();
    const depth = parentDepth + 1 + retries;
    this.maxDepth = Math.max(this.maxDepth, depth);
    return {response, depth};
  }

  /** A response's text; a body that breaks off is a network failure, with its cause. */
  private async text(response: Response): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      this.checkCancelled(error);
      throw networkError(this.graphHost, error);
    }
  }

  /** Sends one $batch body; the answers by sub-request id. */
  private async sendBatch(body: unknown, depth: number, what: string) {
    this.stats.batches += 1;
    const {response, depth: reached} = await this.send('/$batch', depth, body);
    if (!response.ok) {
      let body: unknown = null;
      try {
        body = JSON.parse(await response.text());
      } catch {
        // No Graph error body to quote: the status says enough.
      }
      throw batchFailure(response.status, body);
    }
    const text = await this.text(response);
    let json: unknown;
    try {
      json = text === '' ? null : JSON.parse(text);
    } catch {
      throw new TenantReadError(
        'malformed',
        `Microsoft Graph's answer to ${what} was not valid JSON (HTTP ${response.status}, ${text.length} characters). ${PROXY_HINT}`,
        {status: response.status},
      );
    }
    const parsed = batchResponseSchema.safeParse(json);
    if (!parsed.success) {
      throw new TenantReadError(
        'malformed',
        `Microsoft Graph's answer to ${what} was not a batch response (${firstIssue(parsed.error)}). ${PROXY_HINT}`,
        {status: response.status},
      );
    }
    return {reached, byId: new Map(parsed.data.responses.map((r) => [r.id, r]))};
  }

  /**
   * Sends items as one $batch round trip (parallel batches of MAX_BATCH if more), then re-batches
   * the sub-requests that answered 429/503/504, after the longest Retry-After among them, within
   * the budget. Returns every item's final result.
   */
  async batch(items: readonly BatchItem[], startDepth: number, what: string): Promise<Map<string, SubResult>> {
    const results = new Map<string, SubResult>();
    let pending = items;
    let depth = startDepth;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const bodies = batchBodies(pending);
      const answers = await Promise.all(bodies.map((body) => this.sendBatch(body, depth, what)));
      depth = Math.max(...answers.map((a) => a.reached));
      answers.forEach(({byId}, i) => {
        for (const {id} of bodies[i]!.requests) {
          const r = byId.get(id);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(r?.headers ?? {})) headers[name.toLowerCase()] = value;
          results.set(
            id,
            r
              ? {status: r.status, headers, body: r.body, depth}
              : {status: 0, headers, body: null, depth, gaveUp: 'Microsoft Graph left it out of its batch answer'},
          );
        }
      });
      if (pending.some((item) => results.get(item.id)!.status === 401)) throw unauthorizedError();
      const failed = pending.filter((item) => RETRYABLE_STATUSES.has(results.get(item.id)!.status));
      if (failed.length === 0) break;
      const wait = Math.max(
        ...failed.map((item) => retryAfterSeconds(results.get(item.id)!.headers['retry-after'], attempt, this.budget.policy)),
      );
      if (!this.budget.take(attempt, wait)) {
        const tooMany = attempt > this.budget.policy.maxRetries;
        for (const item of failed) {
          const result = results.get(item.id)!;
          result.gaveUp = tooMany
            ? `Microsoft Graph still answered ${statusText(result.status)} after ${attempt} tries`
            : `Microsoft Graph answered ${statusText(result.status)} and asked to wait ${wait} seconds, longer than this check waits`;
        }
        break;
      }
      this.stats.retries += 1;
      this.stats.waitedSeconds = this.budget.totalWaitSeconds;
      this.progress('retrying', `Microsoft Graph asked to wait ${wait} s for ${failed.length} of the reads; retrying them.`);
      if (wait > 0) await this.sleep(wait * 1000);
      pending = failed;
    }
    return results;
  }

  /**
   * Follows `@odata.nextLink` from a first page, one page after another. Returns the items and,
   * when a page could not be read, why.
   */
  async collect<T>(first: SubResult, schema: PageSchema<T>): Promise<{items: T[]; problem?: Failure}> {
    const parsed = schema.safeParse(first.body);
    if (!parsed.success) return {items: [], problem: {reason: `its answer was not the list expected (${firstIssue(parsed.error)})`}};
    const items = [...parsed.data.value];
    let next = parsed.data['@odata.nextLink'] ?? null;
    let depth = first.depth;
    let pages = 1;
    // Every page is read once: a link back to a page already read, or more pages than any app's
    // grants take, ends the read of the collection as an unread part (never a loop).
    const followed = new Set<string>();
    const stop = (reason: string, status?: number) => ({items, problem: {reason, status}});
    while (next) {
      const page = pages + 1;
      if (followed.has(next)) return stop(`page ${page} links back to a page already read, so the list never ends; reading stopped after ${pages} page(s)`);
      if (pages >= this.maxPages) return stop(`it has more than ${this.maxPages} pages, more than this check reads; reading stopped after ${pages} page(s)`);
      followed.add(next);
      const host = httpsHost(next);
      if (host === null) return stop(`page ${page} has a link that is not an https URL; it was not followed`);
      // The token goes to the cloud's Graph host only, never to a host a link points to.
      if (host !== this.graphHost) return stop(`page ${page} points to ${host}, not ${this.graphHost}; it was not followed`);
      this.stats.pages += 1;
      this.progress('paging', `Reading page ${page}…`);
      const {response, depth: reached} = await this.send(next, depth);
      depth = reached;
      let body: unknown;
      try {
        body = JSON.parse(await response.text());
      } catch (error) {
        this.checkCancelled(error);
        if (response.ok) return stop(`page ${page} was not valid JSON; only ${pages} page(s) were read`);
      }
      if (!response.ok) {
        const noAnswer = noAnswerReason(body);
        if (noAnswer) return stop(`page ${page} is ${noAnswer}; only ${pages} page(s) were read`);
        return stop(`page ${page} ${answeredText(response.status, body)}; only ${pages} page(s) were read`, response.status);
      }
      const read = schema.safeParse(body);
      if (!read.success) return stop(`page ${page} was not the list expected (${firstIssue(read.error)})`);
      items.push(...read.data.value);
      next = read.data['@odata.nextLink'] ?? null;
      pages += 1;
    }
    return {items};
  }
}

/** The host of an https URL, lower-case; null for anything else. */
function httpsHost(link: string): string | null {
  try {
    const url = new URL(link);
    return url.protocol === 'https:' ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}
