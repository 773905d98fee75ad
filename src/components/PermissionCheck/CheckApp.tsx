/**
 * The permission check itself (browser only; loaded by index.tsx inside BrowserOnly): the frame
 * that composes the parts. Three ways to get an app registration's state, one UI for the result:
 *   Sample tenant  built-in data through the same Graph reader code as a live check (SamplePanel)
 *   Live tenant    sign in (MSAL, loaded on click) and read the tenant through Microsoft Graph, or
 *                  run that read with the admin's own tools and paste its output (LivePanel, OwnToolsPanel)
 *   App manifest   pasted or uploaded JSON, checked entirely in this browser (ManifestPanel)
 * The behaviour is in hooks: one run at a time (useCheckRun), the engine loaded on intent
 * (useEngineOnIntent), the sign-in (useLiveSession), and each tab's state and check.
 * No Docusaurus imports here, so the component runs in tests as it is.
 */
import React, {useEffect, useId, useRef, useState} from 'react';
import CheckResults from '../CheckResults';
import ModeTabs from '../ModeTabs';
import type {CloudEndpoints, CloudName, Profile} from '../../permissions/types';
import {versionLabel} from '../../permissions/versionNames';
import {useCheckRun, type CheckTask} from './hooks/useCheckRun';
import {useEngineOnIntent} from './hooks/useEngineOnIntent';
import {useLiveSession} from './hooks/useLiveSession';
import LivePanel from './LivePanel';
import {useLiveCheck} from './LivePanel/useLiveCheck';
import {useOwnToolsCheck} from './OwnToolsPanel/useOwnToolsCheck';
import ManifestPanel from './ManifestPanel';
import {useManifestCheck} from './ManifestPanel/useManifestCheck';
import ResultActions from './ResultActions';
import RunStatus from './RunStatus';
import SamplePanel from './SamplePanel';
import {useSampleCheck} from './SamplePanel/useSampleCheck';
import styles from './styles.module.css';

export {NO_CLIENT_ID_REASON} from './LivePanel';

export type CheckMode = 'sample' | 'live' | 'manifest';

const TABS: ReadonlyArray<{key: CheckMode; label: string}> = [
  {key: 'sample', label: 'Sample tenant'},
  {key: 'live', label: 'Live tenant'},
  {key: 'manifest', label: 'App manifest'},
];

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

export default function CheckApp(props: CheckAppProps): React.JSX.Element {
  const {guide, version, latestVersion, profile, cloud, origin, baseUrl} = props;
  const id = useId();
  const rootRef = useRef<HTMLElement>(null);
  const verdictRef = useRef<HTMLDivElement>(null);
  const cloudName = cloud.name as CloudName;

  const engine = useEngineOnIntent(rootRef, baseUrl);
  // After a cancel, focus goes back to the button that starts a check.
  const run = useCheckRun({onCancelled: () => rootRef.current?.querySelector<HTMLButtonElement>('[data-check-start]')?.focus()});
  const session = useLiveSession({guide, version, clientId: props.clientId, cloud, origin, baseUrl});
  // A support link's tenant or app, or a redirect sign-in to finish, opens the Live tenant tab.
  const [mode, setMode] = useState<CheckMode>(session.pending || props.initialTenant || props.initialAppId ? 'live' : 'sample');
  const checkOptions = {profile, cloud: cloudName, ready: engine.ready};
  const sample = useSampleCheck(checkOptions);
  const live = useLiveCheck({
    ...checkOptions,
    run,
    live: session,
    initialTenant: props.initialTenant,
    initialAppId: props.initialAppId,
  });
  const own = useOwnToolsCheck({...checkOptions, appId: live.appId, tenant: live.tenant, announce: run.announce});
  const manifest = useManifestCheck({...checkOptions, tenant: live.tenant, run});

  const {state} = run;
  const outcome = state.phase === 'done' ? state.outcome : null;
  // Each new outcome takes focus to its verdict, so a screen reader reads the result first.
  useEffect(() => {
    if (outcome) verdictRef.current?.focus();
  }, [outcome]);
  const error = manifest.problem ?? (state.phase === 'failed' ? state.error : null) ?? engine.loadError;

  /** A new check replaces any alert, a refused manifest's included. */
  function start(task: CheckTask): void {
    if (run.busy) return;
    manifest.clearProblem();
    run.start(task);
  }
  const panels: Record<CheckMode, () => React.ReactNode> = {
    sample: () => <SamplePanel id={id} sample={sample} busy={run.busy} onRun={() => start(sample.check)} />,
    live: () => (
      <LivePanel
        id={id}
        live={live}
        own={own}
        available={session.available}
        session={session.session}
        busy={run.busy}
        onCheck={() => start(live.check)}
        onCheckOutput={() => start(own.check)}
        onAnnounce={run.announce}
      />
    ),
    manifest: () => <ManifestPanel id={id} manifest={manifest} busy={run.busy} onCheck={() => start(manifest.check)} />,
  };

  return (
    <section ref={rootRef} aria-label="Permission check" data-testid="permission-check" className={`${styles.check} ${styles.box}`}>
      <p className={styles.intro}>
        Compares an app registration with the permissions of this guide: {profile.title}, version{' '}
        {versionLabel(version, latestVersion)}.
      </p>
      <ModeTabs label="How to check" tabs={TABS} selected={mode} onSelect={setMode}>
        <React.Fragment key={mode}>{panels[mode]()}</React.Fragment>
      </ModeTabs>
      <RunStatus run={run} cancellable={mode !== 'manifest'} error={error} />
      <div aria-busy={run.busy} className={styles.resultsArea}>
        {outcome && (
          <CheckResults
            result={outcome.result}
            subject={outcome.subject}
            sample={outcome.mode === 'sample'}
            verdictRef={verdictRef}
            onAnnounce={run.announce}
            actions={
              <ResultActions
                outcome={outcome}
                engine={engine.engine}
                guide={guide}
                guideTitle={profile.title}
                version={version}
                origin={origin}
                baseUrl={baseUrl}
                typed={{tenant: live.tenant, appId: live.appId}}
                onAnnounce={run.announce}
              />
            }
          />
        )}
      </div>
    </section>
  );
}
