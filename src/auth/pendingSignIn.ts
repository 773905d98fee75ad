/**
 * What a redirect sign-in must remember to continue the same check when the browser comes back:
 * which guide, version, tenant and app. Never a token (MSAL keeps those in its own
 * sessionStorage cache). Plain DOM storage, no MSAL: the check reads it on every mount to
 * decide whether to load the sign-in code at all.
 */
export interface PendingSignIn {
  guide: string;
  version: string;
  tenant: string;
  appId: string;
  /** When the redirect started (ms since epoch); stale entries are ignored. */
  startedAt: number;
}

const KEY = 'permission-check.pending-sign-in';
/** A redirect sign-in that has not come back within this time is abandoned. */
const MAX_AGE_MS = 30 * 60 * 1000;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null; // storage disabled
  }
}

export function rememberPendingSignIn(pending: Omit<PendingSignIn, 'startedAt'>): void {
  const entry: PendingSignIn = {
    guide: pending.guide,
    version: pending.version,
    tenant: pending.tenant,
    appId: pending.appId,
    startedAt: Date.now(),
  };
  storage()?.setItem(KEY, JSON.stringify(entry));
}

/** The pending redirect sign-in for this guide, if one is waiting (and not stale). */
export function readPendingSignIn(guide: string): PendingSignIn | null {
  const raw = storage()?.getItem(KEY);
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as Partial<PendingSignIn>;
    if (
      typeof entry.guide !== 'string' ||
      typeof entry.version !== 'string' ||
      typeof entry.tenant !== 'string' ||
      typeof entry.appId !== 'string' ||
      typeof entry.startedAt !== 'number'
    ) {
      return null;
    }
    if (entry.guide !== guide || Date.now() - entry.startedAt > MAX_AGE_MS) return null;
    return entry as PendingSignIn;
  } catch {
    return null;
  }
}

export function forgetPendingSignIn(): void {
  storage()?.removeItem(KEY);
}
