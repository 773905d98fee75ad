/**
 * "How to fix": one item per action, each with its portal and consent links and its commands
 * (Azure CLI, Microsoft Graph PowerShell) to copy; then, where a change of the permission list
 * fixes something, the corrected requiredResourceAccess JSON.
 */
import React from 'react';
import CopyButton from '../CopyButton';
import {offersCorrectedList} from '../../check/resultGroups';
import type {CheckResult, RemedyAction} from '../../permissions/types';
import styles from './styles.module.css';

type Announce = (message: string) => void;

function CodeWithCopy({title, code, copyLabel, onAnnounce}: {title: string; code: string; copyLabel: string; onAnnounce: Announce}): React.JSX.Element {
  return (
    <div className={styles.codeBlock}>
      <div className={styles.codeHeader}>
        <span className={styles.codeTitle}>{title}</span>
        <CopyButton
          text={code}
          label={copyLabel}
          onCopied={(copied) => onAnnounce(copied ? `${title} copied to the clipboard.` : 'Could not copy: select the text and copy it with Ctrl+C.')}
        />
      </div>
      <pre tabIndex={0} className={styles.code}>
        <code>{code}</code>
      </pre>
    </div>
  );
}

function FixLinks({portalUrl, adminConsentUrl}: {portalUrl?: string; adminConsentUrl?: string}): React.JSX.Element | null {
  if (!portalUrl && !adminConsentUrl) return null;
  return (
    <ul className={styles.fixLinks}>
      {portalUrl && (
        <li>
          <a href={portalUrl} target="_blank" rel="noopener noreferrer">
            Open the app in the Microsoft Entra admin center
          </a>
        </li>
      )}
      {adminConsentUrl && (
        <li>
          <a href={adminConsentUrl} target="_blank" rel="noopener noreferrer">
            Grant admin consent (sign in as an administrator)
          </a>
        </li>
      )}
    </ul>
  );
}

function ActionBlock({action, onAnnounce}: {action: RemedyAction; onAnnounce: Announce}): React.JSX.Element {
  const {fix} = action;
  return (
    <li className={styles.fix} data-action={action.kind}>
      <h5 className={styles.fixHeading}>{action.title}</h5>
      <p>{fix.summary}</p>
      <details className={styles.fixList}>
        <summary>Fixes {action.fixes.length === 1 ? '1 problem' : `${action.fixes.length} problems`}</summary>
        <ul>
          {action.fixes.map((what) => (
            <li key={what}>{what}</li>
          ))}
        </ul>
      </details>
      <FixLinks portalUrl={fix.portalUrl} adminConsentUrl={fix.adminConsentUrl} />
      {fix.adminConsentUrlToFillIn && (
        <CodeWithCopy
          title="Admin consent link (put your tenant in place of the <…>)"
          code={fix.adminConsentUrlToFillIn}
          copyLabel={`Copy the admin consent link to fill in: ${action.title}`}
          onAnnounce={onAnnounce}
        />
      )}
      {fix.azureCli.length > 0 && (
        <CodeWithCopy
          title="Azure CLI (Bash, as in Azure Cloud Shell)"
          code={fix.azureCli.join('\n')}
          copyLabel={`Copy Azure CLI commands: ${action.title}`}
          onAnnounce={onAnnounce}
        />
      )}
      {fix.powershell.length > 0 && (
        <CodeWithCopy
          title="Microsoft Graph PowerShell"
          code={fix.powershell.join('\n')}
          copyLabel={`Copy Microsoft Graph PowerShell commands: ${action.title}`}
          onAnnounce={onAnnounce}
        />
      )}
    </li>
  );
}

export default function FixList({result, onAnnounce}: {result: CheckResult; onAnnounce: Announce}): React.JSX.Element | null {
  if (result.actions.length === 0) return null;
  return (
    <>
      <h4>How to fix</h4>
      <ol className={styles.fixes}>
        {result.actions.map((action) => (
          <ActionBlock key={action.kind + action.title} action={action} onAnnounce={onAnnounce} />
        ))}
      </ol>
      {offersCorrectedList(result) && (
        <div className={styles.corrected}>
          <p>
            Or replace <code>requiredResourceAccess</code> in the app’s manifest (Manifest page in the Microsoft Entra admin
            center) with the corrected list, then grant admin consent:
          </p>
          <CodeWithCopy
            title="Corrected requiredResourceAccess JSON"
            code={JSON.stringify({requiredResourceAccess: result.correctedRequiredResourceAccess}, null, 2)}
            copyLabel="Copy corrected requiredResourceAccess JSON"
            onAnnounce={onAnnounce}
          />
        </div>
      )}
    </>
  );
}
