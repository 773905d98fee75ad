/**
 * /check: the support-link page.
 *   /check?guide=office365&version=2.0&tenant=<tenant id or domain>&appId=<client id>
 * Valid parameters pre-fill the check (Live tenant tab); invalid or unknown ones are ignored and
 * named in a notice. Nothing signs in or runs until the reader selects a button.
 */
import React, {useMemo} from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import BrowserOnly from '@docusaurus/BrowserOnly';
import {useLocation} from '@docusaurus/router';
import {usePluginData} from '@docusaurus/useGlobalData';
import PermissionCheck from '@site/src/components/PermissionCheck';
import {CURRENT_VERSION, knownGuidesOf, parseSupportLinkParams, versionLabel} from '@site/src/components/PermissionCheck/supportLink';
import type {PermissionProfilesData} from '@site/src/plugins/permission-profiles/types';
import styles from './check.module.css';

function SupportLinkCheck(): React.JSX.Element {
  const data = usePluginData('permission-profiles') as PermissionProfilesData;
  const {search} = useLocation();
  const params = useMemo(() => parseSupportLinkParams(search, knownGuidesOf(data.profiles, data.latestVersion)), [search, data]);
  const profile = data.profiles.find((entry) => entry.guide === params.guide && entry.version === params.version)?.profile;
  const prefilled =
    params.tenant && params.appId ? 'the tenant and the app' : params.tenant ? 'the tenant' : params.appId ? 'the app' : null;
  const versionText =
    params.version === CURRENT_VERSION
      ? 'the next (unreleased) version'
      : params.version === data.latestVersion
        ? `version ${params.version} (the latest release)`
        : `version ${versionLabel(params.version)}`;
  return (
    <>
      {params.ignored.length > 0 && (
        <div data-testid="ignored-params" className={`alert alert--warning ${styles.notice}`}>
          <p className={styles.noticeLead}>Some parts of this link were ignored:</p>
          <ul className={styles.noticeList}>
            {params.ignored.map((ignored, index) => (
              <li key={index}>
                Ignored {ignored.name}: {ignored.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p>
        Checks against the <strong>{profile?.title ?? params.guide}</strong> setup guide, {versionText}.
        {prefilled ? ` The link filled in ${prefilled} for you.` : ''} Nothing happens until you select a button.
      </p>
      <PermissionCheck
        guide={params.guide}
        version={params.version}
        initialTenant={params.tenant}
        initialAppId={params.appId}
      />
    </>
  );
}

export default function CheckPage(): React.JSX.Element {
  return (
    <Layout
      title="Check an app registration"
      description="Check an Entra ID app registration against the scanner's setup guide: sign in, paste its manifest, or try the sample tenant.">
      <main className={`container margin-vert--lg ${styles.page}`}>
        <h1>Check an app registration</h1>
        <p>
          Support sent you here to check the app registration the scanner uses. Sign in to read it from your tenant
          (read-only), or paste its manifest, which never leaves your browser. Then select <em>Copy report</em> and paste
          the report into your support ticket. The full steps are in the{' '}
          <Link to="/docs/office365/">Office 365 setup guide</Link>.
        </p>
        <h2>Your check</h2>
        <BrowserOnly fallback={<p>Loading the permission check…</p>}>{() => <SupportLinkCheck />}</BrowserOnly>
      </main>
    </Layout>
  );
}
