/** One command to run with the chosen tool, with copy buttons, and the box its output goes into. */
import React from 'react';
import CopyButton from '../../CopyButton';
import FormField from '../../FormField';
import type {ReadCommands} from '../../../permissions/readCommands';
import styles from './styles.module.css';
import {bodyFileHref, type OwnToolInfo} from '../../../check/ownTools';

export interface CommandStepProps {
  id: string;
  /** "Command" or "Follow-up 1": names the step in headings, labels and copy buttons. */
  name: string;
  commands: ReadCommands;
  tool: OwnToolInfo;
  output: string;
  onOutput: (text: string) => void;
  onFile: (event: React.ChangeEvent<HTMLInputElement>) => void;
  onAnnounce: (message: string) => void;
}

function Copyable({label, text, onAnnounce}: {label: string; text: string; onAnnounce: (message: string) => void}): React.JSX.Element {
  return (
    <div className={styles.copyable}>
      <div className={styles.copyableHead}>
        <span className={styles.copyableLabel}>{label}</span>
        <CopyButton text={text} label={`Copy ${label}`} onCopied={(copied) => onAnnounce(copied ? `${label} copied.` : `Could not copy ${label}; select it and copy it yourself.`)} />
      </div>
      <pre tabIndex={0} className={styles.code} aria-label={label}>
        <code>{text}</code>
      </pre>
    </div>
  );
}

export default function CommandStep({id, name, commands, tool, output, onOutput, onFile, onAnnounce}: CommandStepProps): React.JSX.Element {
  const explorer = tool.key === 'graph-explorer' ? commands.graphExplorer : null;
  const outputLabel = name === 'Command' ? 'Command output' : `${name} output`;
  return (
    <div className={styles.step} data-command-step={name}>
      {explorer ? (
        <>
          <Copyable label={`${name}: method`} text={explorer.method} onAnnounce={onAnnounce} />
          <Copyable label={`${name}: URL`} text={explorer.url} onAnnounce={onAnnounce} />
          <Copyable label={`${name}: request body`} text={explorer.body} onAnnounce={onAnnounce} />
        </>
      ) : (
        <Copyable label={`${name} for ${tool.label}`} text={tool.command!(commands)} onAnnounce={onAnnounce} />
      )}
      {tool.key === 'cmd' && (
        <p>
          <a href={bodyFileHref(commands)} download={commands.bodyFileName}>
            Save {commands.bodyFileName} ({name.toLowerCase()})
          </a>
        </p>
      )}
      <FormField id={`${id}-output`} label={outputLabel} hint="Everything the command printed, from the first { to the last }. It stays in this browser.">
        <textarea
          id={`${id}-output`}
          className={styles.output}
          rows={6}
          spellCheck={false}
          autoComplete="off"
          value={output}
          aria-describedby={`${id}-output-hint`}
          onChange={(event) => onOutput(event.target.value)}
        />
      </FormField>
      <FormField id={`${id}-output-file`} label={`Upload ${outputLabel.toLowerCase()} file`}>
        <input id={`${id}-output-file`} type="file" accept=".json,.txt,application/json,text/plain" onChange={onFile} />
      </FormField>
    </div>
  );
}
