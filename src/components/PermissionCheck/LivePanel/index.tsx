/**
 * The Live tenant tab: the tenant and the app to read, who is signed in, and the buttons that
 * sign in and check, check again, or sign out.
 */
import React from 'react';
import IdField from '../../IdField';
import type {LiveSession} from '../../../auth';
import styles from '../styles.module.css';
import type {LiveCheck} from './useLiveCheck';

export const NO_CLIENT_ID_REASON =
  'Live sign-in is unavailable: this site was built without an Entra client ID (ENTRA_CLIENT_ID).';

export interface LivePanelProps {
  /** Prefix of the fields' ids. */
  id: string;
  live: LiveCheck;
  /** False when the site was built without a client ID. */
  available: boolean;
  session: LiveSession | null;
  busy: boolean;
  onCheck: () => void;
}

export default function LivePanel({id, live, available, session, busy, onCheck}: LivePanelProps): React.JSX.Element {
  return (
    <>
      <p>
        Sign in with a Microsoft Entra account of the tenant; the check reads the app registration through Microsoft
        Graph with two read-only permissions (Application.Read.All, Directory.Read.All). Nothing is changed or stored.
      </p>
      {!available && <p className={styles.unavailable}>{NO_CLIENT_ID_REASON}</p>}
      <IdField
        id={`${id}-tenant`}
        label="Tenant ID or domain"
        inputMode="url"
        placeholder="contoso.onmicrosoft.com"
        hint="Optional: leave it empty to sign in to your own organization."
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
          <button type="button" className="button button--primary" data-check-start disabled={!available || busy} onClick={onCheck}>
            Sign in and check
          </button>
        )}
      </div>
    </>
  );
}
