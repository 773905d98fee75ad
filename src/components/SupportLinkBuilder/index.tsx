/**
 * <SupportLinkBuilder />: for support engineers on the "For support" page. Fill in the
 * customer's tenant and app (client) ID, pick the guide version, and copy a /check link that
 * opens the check pre-filled. Starts on the version of the page it sits in.
 */
import React from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {useActiveDocContext} from '@docusaurus/plugin-content-docs/client';
import {usePermissionProfiles, versionsOf} from '@site/src/plugins/permission-profiles/usePermissionProfiles';
import SupportLinkForm from './SupportLinkForm';

export interface SupportLinkBuilderProps {
  guide?: string;
  /** The version the link starts on; default: the version of the page, else the latest release. */
  version?: string;
}

export default function SupportLinkBuilder({guide = 'office365', version}: SupportLinkBuilderProps): React.JSX.Element {
  const data = usePermissionProfiles();
  const {activeVersion} = useActiveDocContext(undefined);
  const baseUrl = useBaseUrl('/');
  // The site's own address, once in the browser (the server-rendered page has none to give).
  const isBrowser = useIsBrowser();
  const versions = versionsOf(data, guide);
  const wanted = version ?? activeVersion?.name;
  return (
    <SupportLinkForm
      guide={guide}
      versions={versions}
      latestVersion={data.latestVersion}
      initialVersion={wanted && versions.includes(wanted) ? wanted : data.latestVersion}
      origin={isBrowser ? window.location.origin : ''}
      baseUrl={baseUrl}
    />
  );
}
