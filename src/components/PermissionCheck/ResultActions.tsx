/**
 * "Copy report" and "Copy link" beside the verdict. Both texts are made on click, so they are
 * the outcome's as shown (and the link carries what the Live tenant tab holds then).
 */
import React from 'react';
import CopyButton from '../CopyButton';
import type {Outcome} from '../../check/outcome';
import {buildSupportLink} from '../../check/supportLink';
import type {CheckEngine} from './engine';

export interface ResultActionsProps {
  outcome: Outcome;
  /** Loaded: an outcome exists only after a check, which loads the engine. */
  engine: CheckEngine | null;
  guide: string;
  guideTitle: string;
  version: string;
  origin: string;
  baseUrl: string;
  /** What the Live tenant tab holds: after a sample check, the link carries these instead. */
  typed: {tenant: string; appId: string};
  onAnnounce: (message: string) => void;
}

export default function ResultActions({outcome, engine, guide, guideTitle, version, origin, baseUrl, typed, onAnnounce}: ResultActionsProps): React.JSX.Element {
  const report = () =>
    engine?.renderReport(outcome.result, 'markdown', {
      guide,
      guideTitle,
      version,
      appId: outcome.appId,
      appName: outcome.appName,
      tenant: outcome.tenant ?? undefined,
      mode: outcome.mode,
      at: outcome.at,
    }) ?? '';
  // A sample check's tenant and app are made up: never part of a support link.
  const link = () =>
    buildSupportLink({
      origin,
      baseUrl,
      guide,
      version,
      tenant: (!outcome.sample && outcome.tenant) || typed.tenant.trim() || null,
      appId: (!outcome.sample && outcome.appId) || typed.appId.trim() || null,
    });
  const copies = [
    {label: 'Copy report', text: report, copied: 'Report copied to the clipboard.', blocked: 'Could not copy the report: your browser blocked the clipboard.'},
    {label: 'Copy link', text: link, copied: 'Link copied to the clipboard.', blocked: 'Could not copy the link: your browser blocked the clipboard.'},
  ];
  return (
    <>
      {copies.map(({label, text, copied, blocked}) => (
        <CopyButton key={label} text={text} label={label} onCopied={(done) => onAnnounce(done ? copied : blocked)}>
          {label}
        </CopyButton>
      ))}
    </>
  );
}
