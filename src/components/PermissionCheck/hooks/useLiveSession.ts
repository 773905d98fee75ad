/**
 * The live check's sign-in: the session (who is signed in, for which tenant), signing in when a
 * check needs it, finishing a redirect sign-in when the page comes back, signing out, and
 * dropping a session Microsoft Graph no longer accepts. MSAL loads (loadSignIn) only when one of
 * these runs; a sign-in that fails becomes a CheckProblem in the words of describeSignInError.
 */
import {useCallback, useMemo, useState} from 'react';
import type {LiveSession, LiveSignInSettings} from '../../../auth';
import {readPendingSignIn, type PendingSignIn} from '../../../auth/pendingSignIn';
import {describeSignInError} from '../../../auth/signInErrors';
import {CheckProblem, LEAVING_FOR_SIGN_IN} from '../../../check/outcome';
import type {CloudEndpoints} from '../../../permissions/types';
import {loadSignIn} from '../engine';

export interface LiveSessionOptions {
  guide: string;
  version: string;
  /** The Entra app (client) ID the site signs in with; empty: live sign-in unavailable. */
  clientId: string;
  cloud: CloudEndpoints;
  origin: string;
  baseUrl: string;
}

/** The check a sign-in is for: what a redirect sign-in remembers to continue it. */
export type WantedCheck = Omit<PendingSignIn, 'startedAt' | 'guide' | 'version'>;

export interface LiveSessionControl {
  /** False when the site was built without a client ID. */
  available: boolean;
  session: LiveSession | null;
  /**
   * The redirect sign-in this page came back from, to finish and continue (read once, on the
   * first render: the Live tenant tab opens on it with its tenant and app).
   */
  pending: PendingSignIn | null;
  /** The current session when it is for this tenant, else a new sign-in (a redirect leaves the page). */
  sessionFor(wanted: WantedCheck, progress: (message: string) => void): Promise<LiveSession | typeof LEAVING_FOR_SIGN_IN>;
  /** Finishes a redirect sign-in on the page it started from. */
  resume(pending: Omit<PendingSignIn, 'startedAt'>): Promise<LiveSession>;
  /** Forgets the account in this tab; false when MSAL could not clear its cache. */
  signOut(): Promise<boolean>;
  /** Graph refused the session's token (401): forget it, so the next check signs in interactively. */
  drop(session: LiveSession): Promise<void>;
  /** A failed token request or sign-in, in words an admin can act on. */
  signInProblem(cause: unknown, tenant: string): CheckProblem;
}

export function useLiveSession({guide, version, clientId, cloud, origin, baseUrl}: LiveSessionOptions): LiveSessionControl {
  const [session, setSession] = useState<LiveSession | null>(null);
  const [pending] = useState(() => (clientId.trim() ? readPendingSignIn(guide) : null));
  const settings = useMemo<LiveSignInSettings>(
    () => ({
      clientId: clientId.trim(),
      authorityHost: cloud.authorityHost,
      graphHost: cloud.graphHost,
      redirectUri: `${origin}${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}auth/redirect`,
    }),
    [clientId, cloud, origin, baseUrl],
  );

  const signInProblem = useCallback(
    (cause: unknown, tenant: string) => new CheckProblem(describeSignInError(cause, {tenant, clientId, redirectUri: settings.redirectUri})),
    [clientId, settings],
  );

  const sessionFor = useCallback(
    async (wanted: WantedCheck, progress: (message: string) => void) => {
      if (session && session.tenant === (wanted.tenant || 'organizations')) return session;
      progress('Signing in…');
      const auth = await loadSignIn();
      let signedIn;
      try {
        signedIn = await auth.signIn(settings, {guide, version, ...wanted});
      } catch (caught) {
        throw signInProblem(caught, wanted.tenant);
      }
      if (signedIn.kind === 'redirecting') return LEAVING_FOR_SIGN_IN;
      setSession(signedIn.session);
      return signedIn.session;
    },
    [session, settings, guide, version, signInProblem],
  );

  const resume = useCallback(
    async (pending: Omit<PendingSignIn, 'startedAt'>) => {
      const auth = await loadSignIn();
      let resumed: LiveSession | null;
      try {
        resumed = await auth.resumeSignInAfterRedirect(settings, pending);
      } catch (caught) {
        throw signInProblem(caught, pending.tenant);
      }
      if (!resumed) throw new CheckProblem('The sign-in did not complete. Select “Sign in and check” to try again.');
      setSession(resumed);
      return resumed;
    },
    [settings, signInProblem],
  );

  const signOut = useCallback(async () => {
    setSession(null);
    try {
      await session?.signOut();
      return true;
    } catch {
      return false;
    }
  }, [session]);

  const drop = useCallback(async (refused: LiveSession) => {
    setSession((current) => (current === refused ? null : current));
    // Clearing MSAL's cache for the account is what makes the next sign-in interactive: a
    // silent one would hand back the same refused token.
    await refused.signOut().catch(() => undefined);
  }, []);

  return {available: settings.clientId !== '', session, pending, sessionFor, resume, signOut, drop, signInProblem};
}
