/**
 * The Live tenant tab: the tenant and the app to read, and the two ways to read them: sign in
 * (who is signed in, and the buttons that sign in and check, check again, or sign out), or the
 * admin's own tools (OwnToolsPanel), the only way when the site has no sign-in app.
 */
import React from 'react';
import IdField from '../../IdField';
import type {LiveSession} from '../../../auth';
import OwnToolsPanel from '../OwnToolsPanel';
import type {OwnToolsCheck} from '../OwnToolsPanel/useOwnToolsCheck';
import styles from '../styles.module.css';
import type {LiveCheck, LiveWay} from './useLiveCheck';

export const NO_CLIENT_ID_REASON =
  'Sign-in is not set up on this site (it was built without an Entra client ID, ENTRA_CLIENT_ID): use your own tools below.';

const WAYS: ReadonlyArray<{key: LiveWay; label: string; hint: string}> = [
  {key: 'sign-in', label: 'Sign in and check', hint: 'Needs consent in your tenant for this site’s sign-in app (two read-only permissions).'},
  {key: 'own-tools', label: 'Use your own tools', hint: 'No consent needed: run one command (Azure CLI, Graph PowerShell or Graph Explorer) and paste its output.'},
];

export interface LivePanelProps {
  /** Prefix of the fields' ids. */
  id: string;
  live: LiveCheck;
  own: OwnToolsCheck;
  /** False when the site was built without a client ID. */
  available: boolean;
  session: LiveSession | null;
  busy: boolean;
  onCheck: () => void;
  onCheckOutput: () => void;
  onAnnounce: (message: string) => void;
}

export default function LivePanel({id, live, own, available, session, busy, onCheck, onCheckOutput, onAnnounce}: LivePanelProps): React.JSX.Element {
  const way = available ? live.way : 'own-tools';
  return (
    <>
      <p>
        Reads the app registration and what your tenant granted it through Microsoft Graph, with read-only permissions
        (Application.Read.All, Directory.Read.All): signed in here, or with your own tools. Nothing is changed or stored.
      </p>
      {!available && <p className={styles.unavailable}>{NO_CLIENT_ID_REASON}</p>}
      <IdField
        id={`${id}-tenant`}
        label="Tenant ID or domain"
        inputMode="url"
        placeholder="contoso.onmicrosoft.com"
        hint={way === 'own-tools' ? 'Optional: the fixes’ admin-consent link names it.' : 'Optional: leave it empty to sign in to your own organization.'}
        value={live.tenant}
        onChange={live.setTenant}
        error={live.errors.tenant}
      />
      <IdField
        id={`${id}-app-id`}
        label="Application (client) ID"
        placeholder="00000000-0000-0000-0000-000000000000"
        hint="On the Overview page of the app registration you created."
        value={live.appId}
        onChange={live.setAppId}
        error={live.errors.appId}
      />
      {available && (
        <fieldset className={styles.ways}>
          <legend>How to read your tenant</legend>
          {WAYS.map((option) => (
            <div key={option.key} className={styles.way}>
              <input
                type="radio"
                id={`${id}-way-${option.key}`}
                name={`${id}-way`}
                value={option.key}
                checked={way === option.key}
                aria-describedby={`${id}-way-${option.key}-hint`}
                onChange={() => live.setWay(option.key)}
              />
              <label htmlFor={`${id}-way-${option.key}`}>{option.label}</label>
              <span id={`${id}-way-${option.key}-hint`} className={styles.wayHint}>
                {option.hint}
              </span>
            </div>
          ))}
        </fieldset>
      )}
      {way === 'own-tools' ? (
        <OwnToolsPanel id={`${id}-own`} own={own} busy={busy} onCheck={onCheckOutput} onAnnounce={onAnnounce} />
      ) : (
        <SignInButtons live={live} session={session} busy={busy} onCheck={onCheck} />
      )}
    </>
  );
}

function SignInButtons({live, session, busy, onCheck}: {live: LiveCheck; session: LiveSession | null; busy: boolean; onCheck: () => void}): React.JSX.Element {
  return (
    <>
      {session && (
        <p className={styles.account}>
          Signed in as <strong>{session.username}</strong>
        </p>
      )}
      <div className={styles.buttons}>
        {session ? (
          <>
            <button type="button" className="button button--primary" data-check-start disabled={busy} onClick={onCheck}>
              Check again
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void live.signOut()}>
              Sign out
            </button>
          </>
        ) : (
          <button type="button" className="button button--primary" data-check-start disabled={busy} onClick={onCheck}>
            Sign in and check
          </button>
        )}
      </div>
    </>
  );
}
