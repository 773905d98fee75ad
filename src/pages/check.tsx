/**
 * /check: the support-link page.
 *   /check?guide=office365&version=2.0&tenant=<tenant id or domain>&appId=<client id>
 * Valid parameters pre-fill the check (Live tenant tab); invalid or unknown ones are ignored and
 * named in a notice. Nothing signs in or runs until the reader selects a button.
 */
import React, {useEffect, useMemo} from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useLocation} from '@docusaurus/router';
import {useDocsPreferredVersion, useVersions} from '@docusaurus/plugin-content-docs/client';
import PermissionCheck from '@site/src/components/PermissionCheck';
import {knownGuidesOf, parseSupportLinkParams, type SupportLinkParams} from '@site/src/check/supportLink';
import {versionLabel} from '@site/src/permissions/versionNames';
import {findProfile, usePermissionProfiles} from '@site/src/plugins/permission-profiles/usePermissionProfiles';
import styles from './check.module.css';

/**
 * The link's parameters. The server renders the page without a query, so the first render in
 * the browser (hydration) reads none either (`read` false); the query is read right after, so
 * that the guide link's href is never left as the server wrote it.
 */
function useSupportLink(): {params: SupportLinkParams; read: boolean} {
  const data = usePermissionProfiles();
  const isBrowser = useIsBrowser();
  const {search} = useLocation();
  const query = isBrowser ? search : '';
  const params = useMemo(() => parseSupportLinkParams(query, knownGuidesOf(data.profiles, data.latestVersion)), [query, data]);
  return {params, read: isBrowser};
}

/** The page of a guide in a docs version (/docs/1.0/office365/, /docs/next/office365/, /docs/office365/). */
function useGuidePath(guide: string, version: string): string {
  const versions = useVersions(undefined);
  const docsVersion = versions.find((candidate) => candidate.name === version) ?? versions.find((candidate) => candidate.isLast);
  if (!docsVersion) return `/docs/${guide}/`;
  return docsVersion.docs.find((doc) => doc.id === `${guide}/index` || doc.id === guide)?.path ?? docsVersion.path;
}

/**
 * The docs version the check runs (the link's, else the latest release) becomes the reader's
 * preferred docs version, as picking it in the navbar's version menu would: the menu then
 * shows the version being checked, and the navbar's Guides link leads to that version's guide.
 */
function usePreferCheckedVersion(version: string, read: boolean): void {
  const {preferredVersion, savePreferredVersionName} = useDocsPreferredVersion(undefined);
  useEffect(() => {
    if (read && preferredVersion?.name !== version) savePreferredVersionName(version);
  }, [read, version, preferredVersion?.name, savePreferredVersionName]);
}

function SupportLinkCheck({params}: {params: SupportLinkParams}): React.JSX.Element {
  const data = usePermissionProfiles();
  const profile = findProfile(data, params.guide, params.version)?.profile;
  const prefilled =
    params.tenant && params.appId ? 'the tenant and the app' : params.tenant ? 'the tenant' : params.appId ? 'the app' : null;
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
        Checks against the <strong>{profile?.title ?? params.guide}</strong> setup guide, version{' '}
        {versionLabel(params.version, data.latestVersion)}.
        {prefilled ? ` The link filled in ${prefilled} for you.` : ''} Nothing happens until you select a button.
      </p>
      <PermissionCheck
        guide={params.guide}
        version={params.version}
        initialTenant={params.tenant}
        initialAppId={params.appId}
        loadAtOnce
      />
    </>
  );
}

function CheckPageContent(): React.JSX.Element {
  const data = usePermissionProfiles();
  const {params, read} = useSupportLink();
  const guidePath = useGuidePath(params.guide, params.version);
  usePreferCheckedVersion(params.version, read);
  const title = data.profiles.find((entry) => entry.guide === params.guide)?.profile.title ?? params.guide;
  return (
    <main className={`container margin-vert--lg ${styles.page}`}>
      <h1>Check an app registration</h1>
      <p>
        Support sent you here to check the app registration the scanner uses. Read it from your tenant (read-only) by
        signing in or by running one command with your own tools, or paste its manifest; nothing you paste leaves your
        browser. Then select <em>Copy report</em> and paste the
        report into your support ticket. The full steps are in the{' '}
        <Link to={guidePath} data-testid="check-guide-link">
          {title} setup guide
          {params.version === data.latestVersion ? '' : `, version ${versionLabel(params.version)}`}
        </Link>
        .
      </p>
      <h2>Your check</h2>
      {/*
        Rendered on the server too (with the link's parameters unread, as in hydration), so the
        page arrives with the intro and the check's placeholder in place: the check then mounts
        into the placeholder's box and nothing moves (a bare "Loading" line shifted the page by
        0.16 at 390 px). The parameters are read right after hydration (useSupportLink).
      */}
      <SupportLinkCheck params={params} />
    </main>
  );
}

export default function CheckPage(): React.JSX.Element {
  // The docs' preferred-version state lives inside <Layout>: the content reads it there.
  return (
    <Layout
      title="Check an app registration"
      description="Check an Entra ID app registration against the scanner's setup guide: sign in, run one command with your own tools, paste its manifest, or try the sample tenant.">
      <CheckPageContent />
    </Layout>
  );
}
