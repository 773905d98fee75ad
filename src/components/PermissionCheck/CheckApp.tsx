/**
 * The permission check itself (browser only; loaded by index.tsx inside BrowserOnly).
 * Three ways to get an app registration's state, one UI for the result:
 *   Sample tenant  built-in data through the same Graph reader code as a live check
 *   Live tenant    sign in (MSAL, loaded on click) and read the tenant through Microsoft Graph
 *   App manifest   pasted or uploaded JSON, checked entirely in this browser
 * No Docusaurus imports here, so the component runs in tests as it is.
 */
import React, {useCallback, useEffect, useId, useRef, useState} from 'react';
import clsx from 'clsx';
import CheckResults from '../CheckResults';
import CopyButton from '../CopyButton';
import IdField from '../IdField';
import ModeTabs from '../ModeTabs';
import {readPendingSignIn} from '../../auth/pendingSignIn';
import type {LiveSession, LiveSignInSettings} from '../../auth';
import type {CheckResult, CloudEndpoints, CloudName, Profile} from '../../permissions/types';
import type {GraphTransport} from '../../permissions/graphTransport';
import type {ReportMode} from '../../permissions/reports';
import {loadCheckEngine, loadGraphReader, loadSignIn, type CheckEngine} from './engine';
import {SAMPLE_APPS} from '../../permissions/sampleTenant/apps';
import {decodeManifestBytes, MANIFEST_TOO_LARGE, manifestTextProblem, MAX_MANIFEST_BYTES} from '../../permissions/manifestInput';
import {normalizeGuid, normalizeTenant} from '../../permissions/ids';
import {versionLabel} from '../../permissions/versionNames';
import {idFieldProblem} from '../../check/fieldProblems';
import {buildSupportLink} from '../../check/supportLink';
import styles from './styles.module.css';

export type CheckMode = 'sample' | 'live' | 'manifest';

const TABS: ReadonlyArray<{key: CheckMode; label: string}> = [
  {key: 'sample', label: 'Sample tenant'},
  {key: 'live', label: 'Live tenant'},
  {key: 'manifest', label: 'App manifest'},
];

export const NO_CLIENT_ID_REASON =
  'Live sign-in is unavailable: this site was built without an Entra client ID (ENTRA_CLIENT_ID).';

/** Latency of the sample tenant's Graph stand-in, so the steps of a check can be seen. */
const SAMPLE_LATENCY_MS = 350;

export interface CheckAppProps {
  guide: string;
  /** Docusaurus version name of the profile ("2.0", "current"). */
  version: string;
  /** The newest released version, so the intro can say "latest release". */
  latestVersion?: string;
  profile: Profile;
  /** The Entra app (client) ID the site signs in with; empty: live sign-in unavailable. */
  clientId: string;
  cloud: CloudEndpoints;
  /** e.g. https://docs.example.com (support links and the sign-in redirect URI). */
  origin: string;
  /** The site's baseUrl, e.g. "/". */
  baseUrl: string;
  /** Pre-filled by a support link; either one opens the Live tenant tab. */
  initialTenant?: string | null;
  initialAppId?: string | null;
}

interface Outcome {
  result: CheckResult;
  /** What was checked, in words. */
  subject: string;
  tenant: string | null;
  appId: string | null;
  /** A sample check: its tenant and app are made up, never part of a support link. */
  sample?: boolean;
  /** How the app was read, and its name: the report's head says both. */
  mode: ReportMode;
  appName: string | null;
  /** When the check finished. */
  at: Date;
}

/** A problem the admin can act on: shown as it is, in an alert. */
class CheckProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CheckProblem';
  }
}

/** The reader chose "Cancel": the check stopped and judged nothing. */
class CheckCancelled extends Error {
  constructor() {
    super('The check was cancelled.');
    this.name = 'CheckCancelled';
  }
}

/** Returned by a task when the browser is leaving for a redirect sign-in. */
const LEAVING_FOR_SIGN_IN = Symbol('leaving for sign-in');

type Task = (progress: (message: string) => void, signal: AbortSignal) => Promise<Outcome | typeof LEAVING_FOR_SIGN_IN>;

/** Masks anything shaped like a token in an unexpected error's message before it is shown. */
function withoutTokens(text: string): string {
  return text
    .replace(/eyJ[\w-]*\.[\w-]*\.[\w-]*/g, '[hidden]')
    .replace(/(bearer\s+)\S+/gi, '$1[hidden]')
    .replace(/((?:access|refresh|id)_?token["'=:\s]+)[^\s"'&]+/gi, '$1[hidden]');
}

function describeUnexpected(error: unknown): string {
  const detail = error instanceof Error && error.message ? ` (${withoutTokens(error.message).slice(0, 200)})` : '';
  return `The check stopped because of an unexpected error${detail}. Try again; if it keeps happening, reload the page.`;
}

/** A file's bytes (FileReader: also where Blob.arrayBuffer is missing). */
function readFileBytes(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(file);
  });
}

export default function CheckApp({
  guide,
  version,
  latestVersion,
  profile,
  clientId,
  cloud,
  origin,
  baseUrl,
  initialTenant,
  initialAppId,
}: CheckAppProps): React.JSX.Element {
  const id = useId();
  const liveAvailable = clientId.trim() !== '';
  const [mode, setMode] = useState<CheckMode>(initialTenant || initialAppId ? 'live' : 'sample');
  const [engine, setEngine] = useState<CheckEngine | null>(null);
  const [sampleAppId, setSampleAppId] = useState(SAMPLE_APPS[0]?.appId ?? '');
  const [tenant, setTenant] = useState(initialTenant ?? '');
  const [appId, setAppId] = useState(initialAppId ?? '');
  const [inputErrors, setInputErrors] = useState<{tenant: string | null; appId: string | null}>({tenant: null, appId: null});
  const [manifestText, setManifestText] = useState('');
  // The manifest field is uncontrolled: React never copies its text (up to 2 MB) back into the
  // DOM on a render. manifestAccepted is the text it last accepted (what a refused change reverts to).
  const manifestField = useRef<HTMLTextAreaElement | null>(null);
  const manifestAccepted = useRef('');
  const manifestProblemShown = useRef<string | null>(null);
  const attachManifestField = useCallback((node: HTMLTextAreaElement | null) => {
    manifestField.current = node;
    if (node) node.value = manifestAccepted.current; // the panel mounts again when its tab is selected
  }, []);
  const [session, setSession] = useState<LiveSession | null>(null);
  const [working, setWorking] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const verdictRef = useRef<HTMLDivElement>(null);
  const focusVerdict = useRef(false);
  const workingRef = useRef(false);
  const enginePromise = useRef<Promise<CheckEngine> | null>(null);
  const resumeStarted = useRef(false);
  const runController = useRef<AbortController | null>(null);
  const focusStartButton = useRef(false);

  const cloudName = cloud.name as CloudName;
  const signInSettings: LiveSignInSettings = {
    clientId: clientId.trim(),
    authorityHost: cloud.authorityHost,
    graphHost: cloud.graphHost,
    redirectUri: `${origin}${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}auth/redirect`,
  };

  const engineReady = useCallback((): Promise<CheckEngine> => {
    if (!enginePromise.current) {
      enginePromise.current = loadCheckEngine();
      // A failed load (network) may succeed on the next try.
      enginePromise.current.catch(() => {
        enginePromise.current = null;
      });
    }
    return enginePromise.current;
  }, []);

  // The engine (and the permission catalog inside it) loads when the reader shows intent: the
  // check comes near the screen, or the pointer or keyboard focus enters it. A guide page read
  // from the top does not download it until the reader scrolls down to the check.
  const sectionRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const section = sectionRef.current;
    let cancelled = false;
    let started = false;
    const load = () => {
      if (started) return;
      started = true;
      cleanup();
      engineReady().then(
        (loaded) => {
          if (!cancelled) setEngine(loaded);
        },
        () => {
          if (!cancelled) setError('The check could not load its code. Check your network connection and reload the page.');
        },
      );
    };
    const intents = ['pointerenter', 'focusin', 'touchstart'] as const;
    const observer =
      section && typeof IntersectionObserver === 'function'
        ? new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && load(), {rootMargin: '400px 0px'})
        : null;
    function cleanup() {
      observer?.disconnect();
      for (const intent of intents) section?.removeEventListener(intent, load);
    }
    if (!section || !observer) {
      load();
    } else {
      observer.observe(section);
      for (const intent of intents) section.addEventListener(intent, load, {passive: true});
    }
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [engineReady]);

  useEffect(() => {
    if (outcome && focusVerdict.current) {
      focusVerdict.current = false;
      verdictRef.current?.focus();
    }
  }, [outcome]);

  async function run(task: Task): Promise<void> {
    if (workingRef.current) return;
    workingRef.current = true;
    const controller = new AbortController();
    runController.current = controller;
    setWorking(true);
    setError(null);
    setOutcome(null);
    let leaving = false;
    try {
      const done = await task((message) => setStatus(message), controller.signal);
      if (done === LEAVING_FOR_SIGN_IN) {
        leaving = true;
        return;
      }
      focusVerdict.current = true;
      setOutcome(done);
      setStatus('');
    } catch (caught) {
      if (caught instanceof CheckCancelled || controller.signal.aborted) {
        setStatus('Check cancelled: nothing was judged.');
      } else {
        setStatus('');
        setError(caught instanceof CheckProblem ? caught.message : describeUnexpected(caught));
      }
    } finally {
      runController.current = null;
      if (!leaving) {
        workingRef.current = false;
        setWorking(false);
      }
    }
  }

  /** Stops a running check; once it has stopped, focus goes back to the button that starts one. */
  function cancel(): void {
    focusStartButton.current = true;
    runController.current?.abort();
  }

  useEffect(() => {
    if (working || !focusStartButton.current) return;
    focusStartButton.current = false;
    sectionRef.current?.querySelector<HTMLButtonElement>('[data-check-start]')?.focus();
  }, [working]);

  /**
   * Reads the app through Microsoft Graph (a tenant, or the sample tenant's stand-in) and compares.
   * `transport` is how the reader reaches Graph: the Graph client for a live check, fetchTransport
   * over the stand-in for a sample check (so a sample check loads no Graph client code).
   */
  async function readAndCompare(options: {
    progress: (message: string) => void;
    signal: AbortSignal;
    transport: Promise<GraphTransport> | GraphTransport;
    appId: string;
    tenant: string | null;
    source: 'tenant' | 'sample';
    subject: (displayName: string | null) => string;
  }): Promise<Outcome> {
    const {progress} = options;
    progress(
      options.source === 'sample'
        ? 'Reading the app registration from Microsoft Graph (sample tenant)…'
        : 'Reading the app registration from Microsoft Graph…',
    );
    const [loaded, transport] = await Promise.all([engineReady(), options.transport]);
    let observed;
    try {
      observed = await loaded.readTenantState({
        client: transport,
        cloud: cloudName,
        appId: options.appId,
        profile,
        source: options.source,
        signal: options.signal,
        onProgress: (step) => {
          if (step.step !== 'done' && step.message) progress(step.message);
        },
      });
    } catch (caught) {
      if (caught instanceof loaded.TenantReadError) throw caught.code === 'cancelled' ? new CheckCancelled() : new CheckProblem(caught.message);
      throw caught;
    }
    progress('Comparing with the guide’s permissions…');
    const result = loaded.compareToProfile(profile, observed, {
      cloud: cloudName,
      tenant: options.tenant ?? undefined,
      appId: options.appId,
    });
    return {
      result,
      mode: options.source === 'sample' ? 'sample' : 'signed-in',
      appName: observed.app.displayName,
      at: new Date(),
      subject: options.subject(observed.app.displayName),
      tenant: options.tenant,
      appId: options.appId,
      sample: options.source === 'sample',
    };
  }

  async function readLiveTenant(
    current: LiveSession,
    wantedTenant: string,
    wantedAppId: string,
    progress: (message: string) => void,
    signal: AbortSignal,
  ): Promise<Outcome | typeof LEAVING_FOR_SIGN_IN> {
    const auth = await loadSignIn();
    let leaving = false;
    let tokenError: unknown = null;
    const getToken = async () => {
      try {
        return await current.getToken();
      } catch (caught) {
        if (caught instanceof auth.RedirectingForSignIn) leaving = true;
        else tokenError = caught;
        throw caught;
      }
    };
    try {
      return await readAndCompare({
        progress,
        signal,
        transport: loadGraphReader().then((reader) =>
          reader.graphClientTransport(reader.createGraphClient({cloud: cloudName, getToken})),
        ),
        appId: wantedAppId,
        // Signed in to "your own organization": the account's tenant, so the consent link opens.
        tenant: wantedTenant || current.accountTenantId || null,
        source: 'tenant',
        subject: (name) => name ?? wantedAppId,
      });
    } catch (caught) {
      if (leaving) {
        progress('Opening the Microsoft sign-in page…');
        return LEAVING_FOR_SIGN_IN;
      }
      if (tokenError) {
        throw new CheckProblem(auth.describeSignInError(tokenError, {tenant: wantedTenant, clientId, redirectUri: signInSettings.redirectUri}));
      }
      throw caught;
    }
  }

  const liveTask =
    (options: {forceSignIn: boolean}): Task =>
    async (progress, signal) => {
      const errors = {tenant: idFieldProblem('tenant', tenant, {optional: true}), appId: idFieldProblem('appId', appId, {optional: false})};
      setInputErrors(errors);
      if (errors.tenant || errors.appId) throw new CheckProblem([errors.appId, errors.tenant].filter(Boolean).join(' '));
      // Validated above, so both normalize: braces and spaces around a GUID are gone.
      const wantedTenant = normalizeTenant(tenant) ?? '';
      const wantedAppId = normalizeGuid(appId)!;
      let current = session;
      if (!current || options.forceSignIn || current.tenant !== (wantedTenant || 'organizations')) {
        progress('Signing in…');
        const auth = await loadSignIn();
        let signedIn;
        try {
          signedIn = await auth.signIn(signInSettings, {guide, version, tenant: wantedTenant, appId: wantedAppId});
        } catch (caught) {
          throw new CheckProblem(auth.describeSignInError(caught, {tenant: wantedTenant, clientId, redirectUri: signInSettings.redirectUri}));
        }
        if (signedIn.kind === 'redirecting') {
          progress('Opening the Microsoft sign-in page…');
          return LEAVING_FOR_SIGN_IN;
        }
        current = signedIn.session;
        setSession(current);
      }
      return readLiveTenant(current, wantedTenant, wantedAppId, progress, signal);
    };

  const sampleTask: Task = async (progress, signal) => {
    progress('Loading the sample tenant…');
    const loaded = await engineReady();
    const app = SAMPLE_APPS.find((candidate) => candidate.appId === sampleAppId) ?? SAMPLE_APPS[0];
    if (!app) throw new CheckProblem('The sample tenant has no apps to check.');
    const standIn = loaded.createGraphStandIn({faults: {latencyMs: SAMPLE_LATENCY_MS}});
    return readAndCompare({
      progress,
      signal,
      // The same reader as a live check, over the stand-in's fetch: no token, no Graph client library.
      transport: loaded.fetchTransport({cloud: cloudName, fetchFn: standIn.fetch}),
      appId: app.appId,
      tenant: loaded.SAMPLE_TENANT_ID,
      source: 'sample',
      subject: () => `${app.displayName} in the sample tenant`,
    });
  };

  const manifestTask: Task = async (progress) => {
    const text = manifestText.trim();
    if (!text) throw new CheckProblem('Paste the app manifest JSON into “App manifest”, or upload the manifest file, then select “Check manifest”.');
    progress('Checking the manifest in this browser…');
    const loaded = await engineReady();
    let observed;
    try {
      observed = loaded.parseAppManifest(text);
    } catch (caught) {
      if (caught instanceof loaded.ManifestError) {
        const nextStep = /export it|manifest page/i.test(caught.message)
          ? ''
          : ' Copy the whole JSON from the app’s Manifest page in the Microsoft Entra admin center, or upload the downloaded file.';
        throw new CheckProblem(`${caught.message}${nextStep}`);
      }
      throw caught;
    }
    const manifestAppId = normalizeGuid(observed.app.appId);
    const fixTenant = normalizeTenant(tenant);
    const result = loaded.compareToProfile(profile, observed, {
      cloud: cloudName,
      tenant: fixTenant ?? undefined,
      appId: manifestAppId,
    });
    const name = observed.app.displayName;
    return {
      result,
      mode: 'manifest',
      appName: name,
      at: new Date(),
      subject: name ? `the manifest of ${name}` : 'the pasted manifest',
      tenant: fixTenant,
      appId: manifestAppId,
    };
  };

  // Coming back from a redirect sign-in: finish it and continue the same check (same tenant and app).
  useEffect(() => {
    if (resumeStarted.current || !liveAvailable) return;
    const pending = readPendingSignIn(guide);
    if (!pending) return;
    resumeStarted.current = true;
    setMode('live');
    setTenant(pending.tenant);
    setAppId(pending.appId);
    void run(async (progress, signal) => {
      progress('Completing sign-in…');
      const auth = await loadSignIn();
      let resumed: LiveSession | null;
      try {
        resumed = await auth.resumeSignInAfterRedirect(signInSettings, pending);
      } catch (caught) {
        throw new CheckProblem(auth.describeSignInError(caught, {tenant: pending.tenant, clientId, redirectUri: signInSettings.redirectUri}));
      }
      if (!resumed) throw new CheckProblem('The sign-in did not complete. Select “Sign in and check” to try again.');
      setSession(resumed);
      return readLiveTenant(resumed, pending.tenant, pending.appId, progress, signal);
    });
    // Runs once, on the first mount after the redirect.
  }, []);

  async function signOut(): Promise<void> {
    const current = session;
    setSession(null);
    setOutcome(null);
    setError(null);
    try {
      await current?.signOut();
      setStatus('Signed out. The sign-in is forgotten in this browser tab.');
    } catch {
      setStatus('Signed out of this page. Close the browser tab to end the sign-in completely.');
    }
  }

  /** Says why a manifest text or file was refused (in the alert), until an accepted change. */
  function showManifestProblem(message: string): void {
    manifestProblemShown.current = message;
    setError(message);
  }

  function acceptManifestText(text: string): void {
    manifestAccepted.current = text;
    if (manifestField.current && manifestField.current.value !== text) manifestField.current.value = text;
    setManifestText(text);
    const shown = manifestProblemShown.current;
    manifestProblemShown.current = null;
    if (shown) setError((current) => (current === shown ? null : current));
  }

  /** A paste of text no manifest can be (over the size limit, NUL characters) never reaches the field. */
  function pasteIntoManifest(event: React.ClipboardEvent<HTMLTextAreaElement>): void {
    const problem = manifestTextProblem(event.clipboardData?.getData('text/plain') ?? '');
    if (!problem) return;
    event.preventDefault();
    showManifestProblem(problem);
  }

  /** Any change that leaves the field with such text (typed, dropped, pasted beside other text) is undone. */
  function changeManifest(event: React.ChangeEvent<HTMLTextAreaElement>): void {
    const text = event.target.value;
    const problem = manifestTextProblem(text);
    if (problem) {
      event.target.value = manifestAccepted.current;
      showManifestProblem(problem);
      return;
    }
    acceptManifestText(text);
  }

  async function readManifestFile(event: React.ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_MANIFEST_BYTES) {
      showManifestProblem(MANIFEST_TOO_LARGE);
      return;
    }
    // Bytes, not text: a file saved as UTF-16 (PowerShell's Out-File, Notepad's "Unicode") is decoded as such.
    const {text, encoding} = decodeManifestBytes(await readFileBytes(file));
    const problem = manifestTextProblem(text);
    if (problem) {
      showManifestProblem(problem);
      return;
    }
    acceptManifestText(text);
    setError(null);
    const how = encoding === 'UTF-8' ? '' : ` (saved as ${encoding === 'UTF-16LE' ? 'UTF-16' : 'UTF-16 big-endian'}; read as such)`;
    setStatus(`Loaded ${file.name}${how}. Select “Check manifest” to check it.`);
  }

  function reportText(): string {
    if (!outcome || !engine) return '';
    return engine.renderReport(outcome.result, 'markdown', {
      guide,
      guideTitle: profile.title,
      version,
      appId: outcome.appId,
      appName: outcome.appName,
      tenant: outcome.tenant ?? undefined,
      mode: outcome.mode,
      at: outcome.at,
    });
  }

  function supportLink(): string {
    return buildSupportLink({
      origin,
      baseUrl,
      guide,
      version,
      // After a sample check, the link carries what the reader typed in the Live tenant tab.
      tenant: (!outcome?.sample && outcome?.tenant) || tenant.trim() || null,
      appId: (!outcome?.sample && outcome?.appId) || appId.trim() || null,
    });
  }

  const selectedSample = SAMPLE_APPS.find((candidate) => candidate.appId === sampleAppId) ?? null;

  let panel: React.ReactNode;
  if (mode === 'sample') {
    panel = (
      <>
        <p>
          Watch the whole check run on built-in data: a sample tenant (Contoso) with one app registration per common
          mistake. No sign-in; nothing leaves this browser.
        </p>
        <div className={styles.field}>
          <label htmlFor={`${id}-sample`}>Sample app</label>
          <select
            id={`${id}-sample`}
            value={sampleAppId}
            onChange={(event) => setSampleAppId(event.target.value)}
            aria-describedby={selectedSample ? `${id}-sample-description` : undefined}>
            {SAMPLE_APPS.map((candidate) => (
              <option key={candidate.appId} value={candidate.appId}>
                {candidate.displayName}
              </option>
            ))}
          </select>
          {selectedSample && (
            <p id={`${id}-sample-description`} className={styles.hint}>
              {selectedSample.description}
            </p>
          )}
        </div>
        <div className={styles.buttons}>
          <button type="button" className="button button--primary" data-check-start disabled={working} onClick={() => void run(sampleTask)}>
            Run sample check
          </button>
        </div>
      </>
    );
  } else if (mode === 'live') {
    panel = (
      <>
        <p>
          Sign in with a Microsoft Entra account of the tenant; the check reads the app registration through Microsoft
          Graph with two read-only permissions (Application.Read.All, Directory.Read.All). Nothing is changed or stored.
        </p>
        {!liveAvailable && <p className={styles.unavailable}>{NO_CLIENT_ID_REASON}</p>}
        <IdField
          id={`${id}-tenant`}
          label="Tenant ID or domain"
          inputMode="url"
          placeholder="contoso.onmicrosoft.com"
          hint="Optional: leave it empty to sign in to your own organization."
          value={tenant}
          onChange={setTenant}
          error={inputErrors.tenant}
        />
        <IdField
          id={`${id}-app-id`}
          label="Application (client) ID"
          placeholder="00000000-0000-0000-0000-000000000000"
          hint="On the Overview page of the app registration you created."
          value={appId}
          onChange={setAppId}
          error={inputErrors.appId}
        />
        {session && (
          <p className={styles.account}>
            Signed in as <strong>{session.username}</strong>
          </p>
        )}
        <div className={styles.buttons}>
          {session ? (
            <>
              <button
                type="button"
                className="button button--primary"
                data-check-start
                disabled={working}
                onClick={() => void run(liveTask({forceSignIn: false}))}>
                Check again
              </button>
              <button type="button" className="button button--secondary" disabled={working} onClick={() => void signOut()}>
                Sign out
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button--primary"
              data-check-start
              disabled={!liveAvailable || working}
              onClick={() => void run(liveTask({forceSignIn: false}))}>
              Sign in and check
            </button>
          )}
        </div>
      </>
    );
  } else {
    panel = (
      <>
        <p>
          Paste the JSON from the app’s Manifest page (Microsoft Entra admin center › App registrations › your app ›
          Manifest), or upload the downloaded file. It is checked in this browser; nothing is sent anywhere. A manifest
          does not show admin consent.
        </p>
        <div className={styles.field}>
          <label htmlFor={`${id}-manifest`}>App manifest</label>
          <textarea
            id={`${id}-manifest`}
            className={styles.manifest}
            rows={10}
            spellCheck={false}
            autoComplete="off"
            ref={attachManifestField}
            onPaste={pasteIntoManifest}
            onChange={changeManifest}
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${id}-manifest-file`}>Upload manifest file</label>
          <input id={`${id}-manifest-file`} type="file" accept=".json,application/json" onChange={(event) => void readManifestFile(event)} />
        </div>
        <div className={styles.buttons}>
          <button type="button" className="button button--primary" data-check-start disabled={working} onClick={() => void run(manifestTask)}>
            Check manifest
          </button>
        </div>
      </>
    );
  }

  return (
    <section ref={sectionRef} aria-label="Permission check" data-testid="permission-check" className={styles.check}>
      <p className={styles.intro}>
        Compares an app registration with the permissions of this guide: {profile.title}, version{' '}
        {versionLabel(version, latestVersion)}.
      </p>
      <ModeTabs label="How to check" tabs={TABS} selected={mode} onSelect={setMode}>
        <React.Fragment key={mode}>{panel}</React.Fragment>
      </ModeTabs>
      {/* Progress and "copied" notices: a polite live region, deliberately not role="status", so the
          verdict is the one status region of the check. */}
      <div aria-live="polite" aria-atomic="true" data-testid="check-progress" className={clsx(styles.progress, working && styles.progressActive)}>
        {working && <span className={styles.spinner} aria-hidden="true" />}
        {status}
      </div>
      {working && mode !== 'manifest' && (
        <div className={styles.buttons}>
          <button type="button" className="button button--secondary button--sm" onClick={cancel}>
            Cancel check
          </button>
        </div>
      )}
      {error && (
        <div role="alert" className={clsx('alert alert--danger', styles.error)}>
          {error}
        </div>
      )}
      <div aria-busy={working} className={styles.resultsArea}>
        {outcome && (
          <CheckResults
            result={outcome.result}
            subject={outcome.subject}
            sample={outcome.mode === 'sample'}
            verdictRef={verdictRef}
            onAnnounce={setStatus}
            actions={
              <>
                <CopyButton
                  text={reportText}
                  label="Copy report"
                  onCopied={(copied) =>
                    setStatus(copied ? 'Report copied to the clipboard.' : 'Could not copy the report: your browser blocked the clipboard.')
                  }>
                  Copy report
                </CopyButton>
                <CopyButton
                  text={supportLink}
                  label="Copy link"
                  onCopied={(copied) =>
                    setStatus(copied ? 'Link copied to the clipboard.' : 'Could not copy the link: your browser blocked the clipboard.')
                  }>
                  Copy link
                </CopyButton>
              </>
            }
          />
        )}
      </div>
    </section>
  );
}
