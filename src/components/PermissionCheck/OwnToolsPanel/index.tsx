/**
 * "Use your own tools": the tenant read as one command for the admin's own tool (Azure CLI in
 * Cloud Shell, Windows PowerShell or cmd; Graph PowerShell; Graph Explorer), its output pasted
 * back and checked in this browser. No consent to this site's app, nothing sent anywhere.
 */
import React from 'react';
import FormField from '../../FormField';
import parentStyles from '../styles.module.css';
import CommandStep from './CommandStep';
import styles from './styles.module.css';
import type {OwnTool} from '../../../check/ownTools';
import type {OwnToolsCheck} from './useOwnToolsCheck';

export interface OwnToolsPanelProps {
  id: string;
  own: OwnToolsCheck;
  busy: boolean;
  onCheck: () => void;
  onAnnounce: (message: string) => void;
}

export default function OwnToolsPanel({id, own, busy, onCheck, onAnnounce}: OwnToolsPanelProps): React.JSX.Element {
  const {tool, steps, firstSteps} = own;
  return (
    <div className={styles.ownTools} data-own-tools>
      <FormField id={`${id}-tool`} label="Your tool" hint={tool.note}>
        <select id={`${id}-tool`} value={tool.key} aria-describedby={`${id}-tool-hint`} onChange={(event) => own.setTool(event.target.value as OwnTool)}>
          {own.tools.map((candidate) => (
            <option key={candidate.key} value={candidate.key}>
              {candidate.label}
            </option>
          ))}
        </select>
      </FormField>
      {steps.length === 0 ? (
        <p className={styles.waiting}>Enter the application (client) ID above: the command is made for it.</p>
      ) : (
        <ol className={styles.steps}>
          {steps.map((commands, index) => {
            const name = index < firstSteps ? (firstSteps === 1 ? 'Command' : `Command ${index + 1}`) : `Follow-up ${index - firstSteps + 1}`;
            return (
              <li key={commands.body}>
                <CommandStep
                  id={`${id}-step-${index}`}
                  name={name}
                  commands={commands}
                  tool={tool}
                  output={own.outputs[index] ?? ''}
                  onOutput={(text) => own.setOutput(index, text)}
                  onFile={(event) => void own.onFile(index, event)}
                  onAnnounce={onAnnounce}
                />
              </li>
            );
          })}
        </ol>
      )}
      <div className={parentStyles.buttons}>
        <button type="button" className="button button--primary" data-check-start disabled={busy || steps.length === 0} onClick={onCheck}>
          Check output
        </button>
      </div>
    </div>
  );
}
