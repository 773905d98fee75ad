/**
 * The Live tenant tab's state and check: the tenant and app fields (pre-filled by a support
 * link), the check itself (sign in if needed, then read Graph with the live transport), sign-out,
 * and, on the first mount after a redirect sign-in, finishing it and continuing the same check.
 *
 * A failed read is told apart by its error alone (src/check/liveReadFailure.ts): the token
 * function started a redirect (the page is leaving), it failed (the sign-in error in words), or
 * Graph refused the token with a 401 (the session is dropped, so the next check signs in afresh).
 */
import {useEffect, useEffectEvent, useState} from 'react';
import type {PendingSignIn} from '../../../auth/pendingSignIn';
import type {LiveSession} from '../../../auth';
import {idFieldProblem} from '../../../check/fieldProblems';
import {liveReadFailure, SIGN_IN_REFUSED} from '../../../check/liveReadFailure';
import {CheckProblem, LEAVING_FOR_SIGN_IN, type RunResult} from '../../../check/outcome';
import {readApp, readingMessage} from '../../../check/readApp';
import {normalizeGuid, normalizeTenant} from '../../../permissions/ids';
import type {CloudName, Profile} from '../../../permissions/types';
import {loadGraphReader, type CheckEngine} from '../engine';
import type {CheckRun, CheckTask} from '../hooks/useCheckRun';
import type {LiveSessionControl, WantedCheck} from '../hooks/useLiveSession';

export interface LiveFieldErrors {
  tenant: string | null;
  appId: string | null;
}

/** How the Live tenant tab reads the tenant: signed in here, or the admin's own tools' output pasted. */
export type LiveWay = 'sign-in' | 'own-tools';

export interface LiveCheck {
  way: LiveWay;
  setWay: (way: LiveWay) => void;
  tenant: string;
  setTenant: (value: string) => void;
  appId: string;
  setAppId: (value: string) => void;
  /** Shown once a check was asked for (not while typing). */
  errors: LiveFieldErrors;
  check: CheckTask;
  signOut: () => Promise<void>;
}

export interface LiveCheckOptions {
  profile: Profile;
  cloud: CloudName;
  ready: () => Promise<CheckEngine>;
  run: CheckRun;
  live: LiveSessionControl;
  initialTenant?: string | null;
  initialAppId?: string | null;
}

export function useLiveCheck(options: LiveCheckOptions): LiveCheck {
  const {profile, cloud, ready, run, live} = options;
  // Back from a redirect sign-in, the fields hold what it was for; else what a support link gave.
  const [tenant, setTenant] = useState(live.pending?.tenant ?? options.initialTenant ?? '');
  const [appId, setAppId] = useState(live.pending?.appId ?? options.initialAppId ?? '');
  const [errors, setErrors] = useState<LiveFieldErrors>({tenant: null, appId: null});
  // Sign-in stays the first choice where the site has a sign-in app; without one, own tools are the way.
  const [way, setWay] = useState<LiveWay>(live.available ? 'sign-in' : 'own-tools');

  async function readLive(session: LiveSession, wanted: WantedCheck, progress: (message: string) => void, signal: AbortSignal): Promise<RunResult> {
    progress(readingMessage('tenant'));
    const [engine, reader] = await Promise.all([ready(), loadGraphReader()]);
    try {
      return await readApp(engine, {
        transport: reader.createGraphTransport({cloud, getToken: () => session.getToken()}),
        profile,
        cloud,
        appId: wanted.appId,
        // Signed in to "your own organization": the account's tenant, so the consent link opens.
        tenant: wanted.tenant || session.accountTenantId || null,
        source: 'tenant',
        subject: (name) => name ?? wanted.appId,
        progress,
        signal,
      });
    } catch (caught) {
      const failure = liveReadFailure(caught);
      switch (failure.kind) {
        case 'leaving':
          return LEAVING_FOR_SIGN_IN;
        case 'sign-in':
          throw live.signInProblem(failure.cause, wanted.tenant);
        case 'refused':
          await live.drop(session);
          throw new CheckProblem(SIGN_IN_REFUSED);
        case 'other':
          throw caught;
      }
    }
  }

  const check: CheckTask = async (progress, signal) => {
    const found = {tenant: idFieldProblem('tenant', tenant, {optional: true}), appId: idFieldProblem('appId', appId, {optional: false})};
    setErrors(found);
    if (found.tenant || found.appId) throw new CheckProblem([found.appId, found.tenant].filter(Boolean).join(' '));
    // Validated above, so both normalize: braces and spaces around a GUID are gone.
    const wanted = {tenant: normalizeTenant(tenant) ?? '', appId: normalizeGuid(appId)!};
    const session = await live.sessionFor(wanted, progress);
    return session === LEAVING_FOR_SIGN_IN ? session : readLive(session, wanted, progress, signal);
  };

  async function signOut(): Promise<void> {
    run.reset('');
    const forgotten = await live.signOut();
    run.announce(
      forgotten
        ? 'Signed out. The sign-in is forgotten in this browser tab.'
        : 'Signed out of this page. Close the browser tab to end the sign-in completely.',
    );
  }

  // Coming back from a redirect sign-in: finish it and continue the same check (same tenant and
  // app), once. (An effect event: the run and the session it uses are read as they are then.)
  const resume = useEffectEvent((pending: PendingSignIn) => {
    run.start(async (progress, signal) => {
      progress('Completing sign-in…');
      const session = await live.resume(pending);
      return readLive(session, pending, progress, signal);
    });
  });
  const {pending} = live;
  useEffect(() => {
    if (pending) resume(pending);
  }, [pending]);

  return {way, setWay, tenant, setTenant, appId, setAppId, errors, check, signOut};
}
