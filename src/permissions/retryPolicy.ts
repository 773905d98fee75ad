/**
 * How hard the tenant reader tries when Microsoft Graph throttles (429) or is briefly
 * unavailable (503/504): the policy, the statuses worth retrying, the wait Graph asks for, and
 * the budget one read spends. Plain TypeScript with no Graph client library, so every transport
 * (the Graph client's RetryHandler for live checks, fetchTransport for the sample tenant)
 * shares the same bounds.
 */

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
