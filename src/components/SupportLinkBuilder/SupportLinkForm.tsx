/**
 * The support-link form itself, free of Docusaurus hooks (so it can be tested on its own):
 * given the versions, the site's address and where to start, it validates as you type and
 * builds the /check link with the same rules the /check page applies. IDs are read as people
 * paste them (braces, spaces around them). It copies no link while a field is invalid: it says
 * why and takes focus to the first field to fix.
 */
import React, {useId, useRef, useState} from 'react';
import clsx from 'clsx';
import {copyToClipboard} from '../CopyButton';
import FormField, {fieldDescription} from '../FormField';
import IdField from '../IdField';
import {idFieldProblem} from '../../check/fieldProblems';
import {buildSupportLink} from '../../check/supportLink';
import {versionLabel} from '../../permissions/versionNames';
import styles from './styles.module.css';

export interface SupportLinkFormProps {
  guide: string;
  /** Versions with a profile for this guide ("2.0", "current"). */
  versions: string[];
  latestVersion: string;
  initialVersion: string;
  /** The site's origin ('' until known) and baseUrl. */
  origin: string;
  baseUrl: string;
}

/** What a refused copy says about each field, in the order of the form. */
const NOT_COPIED_BECAUSE = {
  tenant: 'the tenant is not a tenant ID (GUID) or a domain name',
  appId: 'the application (client) ID is not a GUID',
} as const;

export default function SupportLinkForm({guide, versions, latestVersion, initialVersion, origin, baseUrl}: SupportLinkFormProps): React.JSX.Element {
  const [version, setVersion] = useState(initialVersion);
  const [tenant, setTenant] = useState('');
  const [appId, setAppId] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const id = useId();
  const tenantRef = useRef<HTMLInputElement>(null);
  const appIdRef = useRef<HTMLInputElement>(null);

  // Both may stay empty: the customer fills in what the link leaves out.
  const tenantError = idFieldProblem('tenant', tenant, {optional: true});
  const appIdError = idFieldProblem('appId', appId, {optional: true});
  const link = buildSupportLink({origin, baseUrl, guide, version, tenant, appId});
  const linkHint =
    !tenantError && !appIdError && (tenant.trim() === '' || appId.trim() === '')
      ? 'Without a tenant and an app ID the customer fills them in; the link still works.'
      : undefined;

  /** Says a message in the status line; the same message again is emptied first, so it is heard again. */
  function announce(message: string): void {
    if (message !== announcement) {
      setAnnouncement(message);
      return;
    }
    setAnnouncement('');
    window.setTimeout(() => setAnnouncement(message), 100);
  }

  /** Copies the link, or, while a field is invalid, says which and takes focus there instead. */
  async function copyLink(): Promise<void> {
    const invalid = [
      tenantError ? {reason: NOT_COPIED_BECAUSE.tenant, field: tenantRef} : null,
      appIdError ? {reason: NOT_COPIED_BECAUSE.appId, field: appIdRef} : null,
    ].filter((entry) => entry !== null);
    if (invalid.length > 0) {
      const fields = invalid.length === 1 ? 'the field' : 'the fields';
      announce(`Not copied: ${invalid.map((entry) => entry.reason).join(', and ')}. Fix ${fields} marked above.`);
      invalid[0]!.field.current?.focus();
      return;
    }
    const copied = await copyToClipboard(link);
    announce(copied ? 'Link copied to the clipboard.' : 'Could not copy: select the link and copy it by hand.');
  }

  return (
    <form className={styles.builder} aria-labelledby={`${id}-title`} onSubmit={(event) => event.preventDefault()}>
      <p id={`${id}-title`} className={styles.title}>
        Make a support link
      </p>
      <FormField id={`${id}-version`} label="Guide version">
        <select id={`${id}-version`} value={version} onChange={(event) => setVersion(event.target.value)}>
          {versions.map((v) => (
            <option key={v} value={v}>
              {versionLabel(v, latestVersion)}
            </option>
          ))}
        </select>
      </FormField>
      <IdField id={`${id}-tenant`} label="Customer's tenant ID or domain" value={tenant} error={tenantError} onChange={setTenant} inputRef={tenantRef} />
      <IdField id={`${id}-app`} label="Customer's application (client) ID" value={appId} error={appIdError} onChange={setAppId} inputRef={appIdRef} />
      <FormField id={`${id}-link`} label="Link to send" hint={linkHint}>
        <input
          id={`${id}-link`}
          type="text"
          readOnly
          value={link}
          className={styles.link}
          aria-describedby={fieldDescription(`${id}-link`, linkHint)}
          onFocus={(event) => event.target.select()}
        />
      </FormField>
      <div className={styles.actions}>
        {/* Never disabled: a click on it while a field is invalid says why nothing was copied. */}
        <button type="button" className={clsx('button button--sm button--outline button--primary', styles.copy)} onClick={() => void copyLink()}>
          Copy support link
        </button>
        <a className="button button--sm button--secondary" href={link} target="_blank" rel="noopener">
          Open the check
        </a>
      </div>
      <p role="status" aria-live="polite" className={styles.status}>
        {announcement}
      </p>
    </form>
  );
}
