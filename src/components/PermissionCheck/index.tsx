/**
 * <PermissionCheck />: the live permission check, usable in any guide's MDX (registered in
 * src/theme/MDXComponents.tsx). It checks against the profile of the docs version the page
 * belongs to (global data of the permission-profiles plugin); `guide` and `version` override.
 *
 * The server renders a placeholder of the check's box; in the browser the check's UI loads as its
 * own chunk when the placeholder comes near the screen (CheckAppWhenNear), the engine with the
 * same trigger, and MSAL and the Graph client later still (see engine.ts).
 */
import React from 'react';
import BrowserOnly from '@docusaurus/BrowserOnly';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {useActiveDocContext} from '@docusaurus/plugin-content-docs/client';
import {findProfile, usePermissionProfiles} from '../../plugins/permission-profiles/usePermissionProfiles';
import {CLOUDS} from '../../permissions/clouds';
import type {CloudEndpoints} from '../../permissions/types';
import CheckAppWhenNear from './CheckAppWhenNear';
import CheckPlaceholder from './CheckPlaceholder';
import styles from './styles.module.css';

export interface PermissionCheckProps {
  /** The guide whose profile to check against; default office365. */
  guide?: string;
  /** A docs version name ("2.0", "current"); default: the version of the page, else the latest release. */
  version?: string;
  /** Pre-filled from a support link. */
  initialTenant?: string | null;
  initialAppId?: string | null;
  /** Load the check's UI at once rather than when it comes near the screen (/check, where the check is the page). */
  loadAtOnce?: boolean;
}

function cloudOf(name: unknown): CloudEndpoints {
  return typeof name === 'string' && Object.hasOwn(CLOUDS, name) ? CLOUDS[name as keyof typeof CLOUDS] : CLOUDS.global;
}

export default function PermissionCheck({guide = 'office365', version, initialTenant, initialAppId, loadAtOnce = false}: PermissionCheckProps): React.JSX.Element {
  const {siteConfig} = useDocusaurusContext();
  const data = usePermissionProfiles();
  const {activeVersion} = useActiveDocContext(undefined);
  const resolvedVersion = version ?? activeVersion?.name ?? data.latestVersion;
  const entry = findProfile(data, guide, resolvedVersion);
  if (!entry) {
    return (
      <section aria-label="Permission check" data-testid="permission-check" className={styles.check}>
        <p role="alert">
          The permission check cannot run here: there is no permissions.json for the guide “{guide}” in version{' '}
          {resolvedVersion}.
        </p>
      </section>
    );
  }
  const clientId = String(siteConfig.customFields?.entraClientId ?? '');
  const cloud = cloudOf(siteConfig.customFields?.entraCloud);
  return (
    <BrowserOnly fallback={<CheckPlaceholder />}>
      {() => (
          <CheckAppWhenNear
            immediately={loadAtOnce}
            guide={guide}
            version={entry.version}
            latestVersion={data.latestVersion}
            profile={entry.profile}
            clientId={clientId}
            cloud={cloud}
            origin={window.location.origin}
            baseUrl={siteConfig.baseUrl}
            initialTenant={initialTenant}
            initialAppId={initialAppId}
          />
      )}
    </BrowserOnly>
  );
}
